package engine

import "sync"

// memoEntry computes one cached value once, however many packages ask for it at the same time.
type memoEntry struct {
	once sync.Once
	val  any
}

// Memo returns the value cached under key, computing it once with compute. Keys are values of
// a type of the caller's own (a struct of what the value depends on, e.g. the configuration and
// a directory), so families never collide. What is cached lives until Forget.
func (e *Engine) Memo(key any, compute func() any) any {
	v, _ := e.memo.LoadOrStore(key, &memoEntry{})
	m := v.(*memoEntry)
	m.once.Do(func() { m.val = compute() })
	return m.val
}

// Forget drops everything the engine caches (tenant tables, rules, query analyses, per
// configuration), so that a long-running driver (the language server) sees edits to schema
// files and does not keep the results of every configuration it ever loaded. It must not be
// called while an analysis runs.
func (e *Engine) Forget() { e.memo.Clear() }

// Memoizer is what caches a value once per key until Forget: the Engine, or a Package for the
// package under analysis.
type Memoizer interface {
	Memo(key any, compute func() any) any
}

// Memo is Engine.Memo for the rules of the package under analysis.
func (p *Package) Memo(key any, compute func() any) any { return p.engine.Memo(key, compute) }
