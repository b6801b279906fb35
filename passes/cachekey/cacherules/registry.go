package cacherules

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Registry is the family of in-process registries, reported by cachekey: a map (or a sync.Map)
// that lives as long as the process, to which the program adds entries at run time under keys
// it is given (live streams, sessions, uploads in progress, per-id locks), is a key space shared
// by every tenant like a cache's. A key that comes from the request without the tenant lets a
// tenant that learns (or guesses) another tenant's id reach that tenant's entry.
//
// What counts as long-lived, and why:
//   - a package-level variable (or a field of one): it is the process's;
//   - a field of the struct a method's pointer receiver points to (also through further
//     fields, and from a closure that captured the receiver): a method with a pointer receiver
//     works on the service, hub or manager object that outlives each call; a value receiver's
//     struct is a copy (its maps are shared, but registries are not kept that way: their mutex
//     would be copied too).
//
// What does not: a map of a dependency's package (see dependency), a map made in the function
// (per call), a map parameter or a map field of another parameter (a request's labels or
// headers, built by the caller for this call), a map only ever filled under constant keys or
// in init functions (a lookup table of the program: a handler per type name, a MIME type per
// extension, which request input may index freely).
//
// Only request input is a finding (FamilyInfo.InputOnly): registries keyed by the program's own
// names (constants, ids it generated) are global by design, and a key that is a parameter moves
// the obligation to the callers, where request input may reach it.
var Registry engine.Family = &registryFamily{info: engine.FamilyInfo{
	Name: "registry", Check: Family.Info().Check, Noun: "registry key", Names: true, InputOnly: true,
}}

type registryFamily struct{ info engine.FamilyInfo }

func (f *registryFamily) Info() *engine.FamilyInfo { return &f.info }

// Relevant: sync.Map's methods are not enough to make a package relevant (RelevantPackage
// looks for registries filled at run time).
func (f *registryFamily) Relevant(*engine.Engine, *config.Config, string) bool { return false }

func (f *registryFamily) ForPackage(p *engine.Package) (engine.Rules, error) {
	return &registryRules{family: f}, nil
}

var registryMethods = func() map[string]catalog.RegistryMethod {
	m := map[string]catalog.RegistryMethod{}
	for _, r := range catalog.RegistryMethods {
		m[r.Func] = r
	}
	return m
}()

// RelevantPackage reports whether the package fills a map in a field or a package variable
// under a key that is not a constant (h.streams[id] = s, reg.Store(id, s)): it may hold a
// registry, though it calls nothing of the catalog. (Whether the field is reached through a
// pointer receiver is decided on SSA, once the package is analysed.)
func (f *registryFamily) RelevantPackage(pass *analysis.Pass) bool {
	if dependency(pass) {
		return false
	}
	found := false
	longLivedExpr := func(x ast.Expr) bool {
		switch x := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			sel, ok := pass.TypesInfo.Selections[x]
			return ok && sel.Kind() == types.FieldVal
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[x].(*types.Var)
			return ok && v.Parent() == pass.Pkg.Scope()
		}
		return false
	}
	constant := func(x ast.Expr) bool {
		tv, ok := pass.TypesInfo.Types[x]
		return ok && tv.Value != nil
	}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					ix, ok := ast.Unparen(l).(*ast.IndexExpr)
					if !ok || constant(ix.Index) {
						continue
					}
					if _, isMap := pass.TypesInfo.TypeOf(ix.X).Underlying().(*types.Map); isMap && longLivedExpr(ix.X) {
						found = true
					}
				}
			case *ast.CallExpr:
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 {
					break
				}
				fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
				if ok && registryMethods[catalog.Key(fn)].Stores && !constant(n.Args[0]) && longLivedExpr(sel.X) {
					found = true
				}
			}
			return true
		})
	}
	return found
}

// dependency reports whether the package belongs to a module the code base depends on (one with
// a version: from the module cache, or replaced by a directory), not to the module (or
// workspace) being analysed. A map inside a dependency (an LRU's items, an encoder's intern
// table, a client's channels) is keyed by whatever the dependency's caller passes: it is a
// data structure of the library, not a registry of the program, and a library cache is the
// catalog's to describe.
func dependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

type registryRules struct {
	engine.NoRules
	family *registryFamily
	// registries: the maps of the package filled at run time under keys that are not
	// constants, by the field or package variable that holds them (computed on first use: the
	// package's SSA is built after ForPackage).
	registries map[*types.Var]bool
}

// registryOf is the field or package variable a map (or a sync.Map's address) is read from, if
// it is long-lived (see Registry); nil otherwise.
func registryOf(v ssa.Value) *types.Var {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return registryOf(x.X)
		}
	case *ssa.Global:
		obj, _ := x.Object().(*types.Var)
		return obj
	case *ssa.FieldAddr:
		if longLived(x.X) {
			return engine.FieldVar(x.X.Type(), x.Field)
		}
	case *ssa.Field:
		if longLived(x.X) {
			return engine.FieldVar(x.X.Type(), x.Field)
		}
	}
	return nil
}

// longLived reports whether a struct (or a pointer to one) is a package variable, a method's
// pointer receiver, or reached from one through fields.
func longLived(v ssa.Value) bool { return longLivedFrom(v, map[ssa.Value]bool{}) }

// longLivedFrom is longLived with the values already on the way: a variable that holds its own
// contents again (a named result captured by a deferred closure and returned: v = *v) is what
// its other stores make it, so a value met again counts as long-lived.
func longLivedFrom(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Global:
		return true
	case *ssa.Parameter:
		fn := x.Parent()
		_, ptr := x.Type().Underlying().(*types.Pointer)
		return ptr && fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == x
	case *ssa.FreeVar:
		if b := binding(x); b != nil {
			return longLivedFrom(b, seen)
		}
	case *ssa.Alloc:
		// A variable holding the receiver (captured by a closure that defers or recovers,
		// SSA keeps it in memory): long-lived if all that is stored in it is.
		stored := false
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				if !longLivedFrom(st.Val, seen) {
					return false
				}
				stored = true
			}
		}
		return stored
	case *ssa.UnOp:
		return x.Op == token.MUL && longLivedFrom(x.X, seen)
	case *ssa.FieldAddr:
		return longLivedFrom(x.X, seen)
	case *ssa.Field:
		return longLivedFrom(x.X, seen)
	}
	return false
}

// binding is the value of the enclosing function a closure's free variable is bound to.
func binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn && idx >= 0 && idx < len(mc.Bindings) {
				return mc.Bindings[idx]
			}
		}
	}
	return nil
}

// registriesOf finds the package's registries: long-lived maps stored to under a key that is
// not a constant outside init functions.
func (r *registryRules) registriesOf(p *engine.Package) map[*types.Var]bool {
	if r.registries != nil {
		return r.registries
	}
	r.registries = map[*types.Var]bool{}
	if dependency(p.Pass()) {
		return r.registries
	}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var m, key ssa.Value
				switch in := instr.(type) {
				case *ssa.MapUpdate:
					m, key = in.Map, in.Key
				case ssa.CallInstruction:
					c := p.Call(in)
					if rm := registryMethods[c.Key]; rm.Stores {
						m, key = c.Recv(), c.Arg(rm.Key)
					}
				}
				if m == nil || key == nil {
					continue
				}
				if _, isConst := engine.StripConversions(key).(*ssa.Const); isConst {
					continue
				}
				if v := registryOf(m); v != nil {
					r.registries[v] = true
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon)
		}
	}
	for _, fn := range p.Funcs() {
		if fn.Signature.Recv() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")) {
			continue // filling a table once, before any request
		}
		visit(fn)
	}
	return r.registries
}

// CheckCall judges the key of a sync.Map method called on a registry.
func (r *registryRules) CheckCall(f *engine.Frame, c *engine.Call) {
	rm, ok := registryMethods[c.Key]
	if !ok {
		return
	}
	if key := c.Arg(rm.Key); key != nil {
		r.judge(f, c.Instr, c.Recv(), key, c.Start)
	}
}

// CheckFunc judges the keys of the function's map reads, stores and deletes on registries
// (they are instructions, not calls, apart from delete).
func (r *registryRules) CheckFunc(f *engine.Frame) {
	for _, b := range f.Fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Lookup:
				if _, isMap := in.X.Type().Underlying().(*types.Map); isMap {
					r.judge(f, in, in.X, in.Index, in.Pos())
				}
			case *ssa.MapUpdate:
				r.judge(f, in, in.Map, in.Key, in.Pos())
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && bi.Name() == "delete" && len(in.Call.Args) == 2 {
					r.judge(f, in, in.Call.Args[0], in.Call.Args[1], in.Pos())
				}
			}
		}
	}
}

func (r *registryRules) judge(f *engine.Frame, at ssa.Instruction, m, key ssa.Value, pos token.Pos) {
	reg := registryOf(m)
	if reg == nil || !r.registriesOf(f.Pkg)[reg] {
		return
	}
	v := f.Eval(key)
	subject := "the registry key of " + reg.Name()
	trail := []facts.Step{f.Pkg.Step(pos, "%s is %s", subject, f.Describe(v))}
	f.Need(v, at, engine.Needed{Family: r.family.info.Name, Subject: subject, Sink: subject, Trail: trail})
}
