package sqlrules

import (
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Builders handed off: a builder keeps its tenant table (engine.Value.Target) when it leaves
// the chain that named it, through a helper that takes and returns it, a summary, a struct
// field it was kept in, or an interface it is run through (squirrel's Sqlizer, a local
// `builder` interface with ToSql). A function that runs a builder it was given, and cannot see
// its table, leaves the builder to its callers with a targeted requirement: a caller passing a
// builder on a tenant table without a tenant predicate is reported there.

// targeted is v with the tenant table the call adds or its receiver had.
func (r *rules) targeted(s *engine.Frame, c *engine.Call, row catalog.Builder, isRow bool, v *engine.Value) *engine.Value {
	if v == nil || v.Kind == facts.Unknown || v.Kind == facts.Top || v.Target != "" {
		return v
	}
	table := ""
	if isRow {
		table, _ = r.linkTable(s, chainLink{c, row, nil})
	}
	if table == "" && c.Recv() != nil && r.isBuilderType(c.Recv().Type()) {
		table = s.Eval(c.Recv()).Target
	}
	if table == "" {
		return v
	}
	t := *v
	t.Target = table
	return &t
}

type fieldStoresKey struct{ pkg *types.Package }

// fieldStores indexes, once per package, the builders its functions store in struct fields
// (a prepared statement kept in a store's field by its constructor).
func (r *rules) fieldStores(s *engine.Frame) map[*types.Var][]ssa.Value {
	return s.Pkg.Memo(fieldStoresKey{s.Pkg.Types()}, func() any {
		out := map[*types.Var][]ssa.Value{}
		for _, fn := range packageFuncs(s.Pkg.Prog(), s.Pkg.Prog().Package(s.Pkg.Types())) {
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					st, ok := in.(*ssa.Store)
					if !ok || !r.isBuilderType(st.Val.Type()) {
						continue
					}
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						if f := engine.FieldVar(fa.X.Type(), fa.Field); f != nil {
							out[f] = append(out[f], st.Val)
						}
					}
				}
			}
		}
		return out
	}).(map[*types.Var][]ssa.Value)
}

// packageFuncs lists the functions of pkg with bodies: its functions and methods, and the
// function literals in them.
func packageFuncs(prog *ssa.Program, pkg *ssa.Package) []*ssa.Function {
	if pkg == nil {
		return nil
	}
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || fn.Blocks == nil {
			return
		}
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(pkg.Members)) {
		switch m := pkg.Members[name].(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			for _, t := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
				ms := prog.MethodSets.MethodSet(t)
				for i := 0; i < ms.Len(); i++ {
					if fn := prog.MethodValue(ms.At(i)); fn != nil && fn.Pkg == pkg && !slices.Contains(out, fn) {
						add(fn)
					}
				}
			}
		}
	}
	return out
}

// fieldBuilder is a builder read from field i of struct type t: a handle without a tenant
// predicate, on the tenant table every builder stored there names (when they agree).
func (r *rules) fieldBuilder(s *engine.Frame, t types.Type, i int) *engine.Value {
	v := baseBuilder(noPredicate)
	f := engine.FieldVar(t, i)
	if f == nil || f.Pkg() != s.Pkg.Types() {
		return v
	}
	table := ""
	for _, stored := range r.fieldStores(s)[f] {
		for _, l := range r.chain(s, stored) {
			if l.row.Op == catalog.BuilderWhere || l.row.Op == catalog.BuilderScopes {
				// Stored with conditions (a store built for one tenant): which ones is the
				// storing function's to say, so the field's builder is not judged here.
				return v
			}
			if t, ok := r.linkTable(s, l); ok {
				if table != "" && table != t {
					return v
				}
				table = t
			}
		}
	}
	v.Target = table
	return v
}

// runRows lists the catalog's run rows by method name, for builders run through an interface.
var runRows = sync.OnceValue(func() map[string][]catalog.Builder {
	m := map[string][]catalog.Builder{}
	for _, b := range catalog.Builders {
		if b.Op != catalog.BuilderRun || !strings.HasPrefix(b.Func, "(") {
			continue
		}
		_, name, _ := strings.Cut(b.Func, ").")
		m[name] = append(m[name], b)
	}
	return m
})

// interfaceRun reports whether c calls, through an interface, a method that runs a query on a
// builder type of the catalog implementing that interface (ToSql on squirrel's Sqlizer or a
// local interface with the same method): the library of the first such builder.
func (r *rules) interfaceRun(s *engine.Frame, c *engine.Call) (string, bool) {
	if !c.Common.IsInvoke() {
		return "", false
	}
	iface, ok := c.Common.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return "", false
	}
	for _, b := range runRows()[c.Common.Method.Name()] {
		recv, _, _ := strings.Cut(b.Func[1:], ").")
		dot := strings.LastIndex(recv, ".")
		p := s.Pkg.Prog().ImportedPackage(recv[:dot])
		if p == nil {
			continue
		}
		tn, ok := p.Pkg.Scope().Lookup(recv[dot+1:]).(*types.TypeName)
		if !ok {
			continue
		}
		if types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface) {
			return b.Library, true
		}
	}
	return "", false
}

// checkHandedRun judges a builder run by a function that may not see its table: run through an
// interface, or a builder parameter whose chain names no table.
func (r *rules) checkHandedRun(s *engine.Frame, c *engine.Call, lib string) {
	recv := c.Recv()
	if recv == nil {
		return
	}
	v := s.Eval(recv)
	pos := c.Start
	switch {
	case v.Kind == facts.Param:
		subject := fmt.Sprintf("the %s query it runs", lib)
		s.Need(v, c.Instr, engine.Needed{Family: info.Name, Subject: subject, Sink: subject, Targeted: true,
			Trail: []facts.Step{s.Pkg.Step(pos, "runs the %s builder it is given", lib)}})
	case v.Kind == facts.None && v.Target != "" && c.Common.IsInvoke():
		why := v.What
		if why == "" {
			why = noPredicate
		}
		s.AddFinding(c.Instr, info.Name, fmt.Sprintf("%s query on tenant table %q is not scoped to the active tenant: it runs %s", lib, v.Target, why),
			[]facts.Step{s.Pkg.Step(pos, "%s", r.tableWhy(s, v.Target))})
	}
}

// Functional options: a query a function builds and then hands to options from its parameters
// (q = o(q) in a loop over opts, or a holder in the context that each option rewrites) is
// scoped by whichever options its callers pass. The requirement sits on those options; a call
// with none that adds the tenant predicate is a finding there.

// optionRefs are the parameters a function value derives from (an option from a variadic
// parameter: the whole parameter, any one element of which may add the predicate).
func optionRefs(s *engine.Frame, fn ssa.Value) []facts.ParamRef {
	v := s.Eval(fn)
	if v.Kind != facts.Param {
		return nil
	}
	var out []facts.ParamRef
	for _, p := range v.Params {
		for len(p.Path) > 0 && p.Path[len(p.Path)-1] == "*" {
			p.Path, p.Names = p.Path[:len(p.Path)-1], p.Names[:len(p.Names)-1]
		}
		out = append(out, p)
	}
	return out
}

// appliedOptions finds, along the builder calls and merges that made v, options from the
// function's parameters applied to it (o(q) with o of the shape func(B) B): the builder is
// theirs to scope.
func (r *rules) appliedOptions(s *engine.Frame, v ssa.Value) *engine.Value {
	var refs []facts.ParamRef
	walkCalls(v, func(x *ssa.Call) ssa.Value {
		cc := x.Common()
		if !cc.IsInvoke() && engine.StaticCallee(cc) == nil && r.isScopeFunc(cc.Signature()) {
			refs = append(refs, optionRefs(s, cc.Value)...)
			return nil
		}
		c := s.Pkg.Call(x)
		if _, _, ok := r.builderRow(s, c); ok {
			return c.Recv()
		}
		return nil
	})
	if len(refs) == 0 {
		return nil
	}
	return &engine.Value{Kind: facts.Param, Params: refs}
}

// heldForOptions is the builder read from a local holder (h.q) whose address the function
// hands, directly or inside a context, to options from its parameters: what was stored there,
// or what the options made of it. Nil when no option can reach the holder.
func (r *rules) heldForOptions(s *engine.Frame, fa *ssa.FieldAddr) *engine.Value {
	root, keys, names := s.Address(fa)
	alloc, ok := root.(*ssa.Alloc)
	if !ok || alloc.Parent() != s.Fn {
		return nil
	}
	carriers := map[ssa.Value]bool{alloc: true}
	var refs []facts.ParamRef
	for range 3 { // h, context.WithValue(ctx, k, h), and one more wrapping
		for _, b := range s.Fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || !slices.ContainsFunc(call.Call.Args, func(a ssa.Value) bool { return carriers[engine.StripConversions(a)] }) {
					continue
				}
				cc := call.Common()
				if !cc.IsInvoke() && engine.StaticCallee(cc) == nil {
					refs = append(refs, optionRefs(s, cc.Value)...)
					continue
				}
				if engine.IsContext(call.Type()) {
					carriers[call] = true
				}
			}
		}
	}
	if len(refs) == 0 {
		return nil
	}
	return engine.Derive(s.Load(root, keys, names), &engine.Value{Kind: facts.Param, Params: refs})
}

// passedScopes is the builder a Scopes row makes from scopes that are the function's own
// parameters (db.Scopes(opts...), q.Apply(fns...)): the callers' scopes decide. Nil when the
// receiver is scoped already or the scopes are not parameters.
func (r *rules) passedScopes(s *engine.Frame, c *engine.Call, row catalog.Builder, recv *engine.Value) *engine.Value {
	i := c.ArgIndex(row.Cond)
	if recv.Kind.HasTenant() || recv.Kind == facts.Unknown || recv.Kind == facts.Top || i >= len(c.Args) {
		return nil
	}
	refs := optionRefs(s, engine.StripConversions(c.Args[i]))
	if len(refs) == 0 {
		return nil
	}
	return &engine.Value{Kind: facts.Param, Params: refs, Target: recv.Target}
}
