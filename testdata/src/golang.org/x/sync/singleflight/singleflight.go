// Package singleflight is a stub of golang.org/x/sync/singleflight for the analysistest
// fixtures: only what they call, with the real signatures (contract/ compares them).
package singleflight

type Result struct {
	Val    interface{}
	Err    error
	Shared bool
}

type Group struct{ m map[string]int }

func (g *Group) Do(key string, fn func() (any, error)) (v any, err error, shared bool) {
	v, err = fn()
	return v, err, false
}

func (g *Group) DoChan(key string, fn func() (any, error)) <-chan Result { return nil }

func (g *Group) Forget(key string) {}
