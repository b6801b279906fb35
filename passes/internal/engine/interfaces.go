package engine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
)

// Requirements through interfaces.
//
// Services reach their data through repository interfaces: the caller imports the interface,
// the implementation imports it too, and only main sees both. go/analysis hands a package the
// facts of its imports, so the caller of Store.ProjectName never learns that the implementation
// binds its tenantID to a tenant predicate. Two ways close that gap, and both end in the same
// place (requiresOf), so a call through an interface is judged exactly like a call of the
// concrete method:
//   - a driver that sees the whole program (the standalone command, the language server) runs
//     the engine once, finds with InterfaceRequires which interface methods have an
//     implementation with requirements, and runs it again with SetInterfaceRequires;
//   - a configuration names them (requires:), for drivers that analyse one package at a time.

// SetInterfaceRequires gives the engine the requirements of interface methods (keyed by
// catalog.Key of the interface method) that a whole-program driver found; nil clears them. Set
// it between runs, never during one.
func (e *Engine) SetInterfaceRequires(m map[string][]facts.Requirement) {
	if len(m) == 0 {
		e.ifaces.Store(nil)
		return
	}
	e.ifaces.Store(&m)
}

func (e *Engine) interfaceRequires(key string) []facts.Requirement {
	if m := e.ifaces.Load(); m != nil {
		return (*m)[key]
	}
	return nil
}

// requiresOf lists what a call's callee requires of its arguments: the requirements of its
// summary (a static call), those a whole-program driver found for an interface method, and
// those the configuration declares.
func (p *Package) requiresOf(c *ssa.CallCommon) []facts.Requirement {
	var reqs []facts.Requirement
	if sum := p.SummaryOf(c); sum != nil {
		reqs = sum.Requires
	}
	key := CalleeKey(c)
	if key == "" {
		return reqs
	}
	if c.IsInvoke() {
		reqs = append(slices.Clip(reqs), p.engine.interfaceRequires(key)...)
	}
	if decl := p.rules.requires[key]; len(decl) > 0 {
		_, sig := calleeSig(c)
		for _, d := range decl {
			if req, ok := declaredRequire(p.cfg, sig, d); ok {
				reqs = append(slices.Clip(reqs), req)
			}
		}
	}
	return reqs
}

// calleeSig is the called function's name and signature, the interface method's for a call
// through an interface (its parameters are numbered like the implementation's: receiver first).
func calleeSig(c *ssa.CallCommon) (string, *types.Signature) {
	if c.IsInvoke() {
		return c.Method.Name(), c.Method.Type().(*types.Signature)
	}
	fn := StaticCallee(c)
	return fn.Name(), fn.Signature
}

// declaredRequire turns a requires: entry into the requirement a summary would carry. A field
// path is resolved against the parameter's type, through embedded structs as Go resolves it;
// an entry that does not fit the signature requires nothing (config cannot check it: it has
// no types).
func declaredRequire(cfg *config.Config, sig *types.Signature, d config.Require) (facts.Requirement, bool) {
	if d.Arg >= sig.Params().Len() {
		return facts.Requirement{}, false
	}
	ref := facts.ParamRef{Index: d.Arg}
	if sig.Recv() != nil {
		ref.Index++
	}
	t := sig.Params().At(d.Arg).Type()
	for _, name := range d.Field {
		obj, index, _ := types.LookupFieldOrMethod(t, true, nil, name)
		f, ok := obj.(*types.Var)
		if !ok || !f.IsField() {
			return facts.Requirement{}, false
		}
		// LookupFieldOrMethod's path runs through embedded fields: each is a step.
		st := t
		for _, i := range index {
			s, _ := derefStruct(st)
			if s == nil || i >= s.NumFields() {
				return facts.Requirement{}, false
			}
			ref.Path = append(ref.Path, strconv.Itoa(i))
			ref.Names = append(ref.Names, s.Field(i).Name())
			st = s.Field(i).Type()
		}
		t = f.Type()
	}
	where := token.Position{Filename: cfg.File, Line: d.Line}
	what := "argument"
	if len(d.Field) > 0 {
		what = "field " + strings.Join(d.Field, ".") + " of the argument"
	}
	return facts.Requirement{
		Param:  ref,
		Family: catalog.FamilySQL, // declared: the argument must be the tenant, as a query's
		Sink:   fmt.Sprintf("the tenant %s declared in requires:", what),
		Trail:  []facts.Step{{Pos: where, Text: "declared: must be the active tenant"}},
	}, true
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return s, ok
}

// InterfaceRequires finds the requirements that callers of interface methods must meet: a
// method with requirements (methods maps it to its summary) makes them requirements of each
// method of the interfaces declared in ifacePkgs that its type implements. Only interfaces of
// the code base itself count: one of a library (io.Writer) is called everywhere for other
// reasons, and one implementation's needs are not every caller's. Requirements on the receiver
// are the implementation's own business and are left out; the result is keyed by catalog.Key
// of the interface method, deterministic in its order.
func InterfaceRequires(ifacePkgs []*types.Package, methods map[*types.Func]*facts.Summary) map[string][]facts.Requirement {
	type iface struct {
		named *types.Named
		typ   *types.Interface
	}
	byMethod := map[string][]iface{} // method name -> interfaces declaring it
	for _, pkg := range ifacePkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 {
				continue // a generic interface has no method set until instantiated
			}
			it, ok := named.Underlying().(*types.Interface)
			if !ok {
				continue
			}
			for m := range it.Methods() {
				byMethod[m.Name()] = append(byMethod[m.Name()], iface{named, it})
			}
		}
	}
	out := map[string][]facts.Requirement{}
	// Sorted, so that merged requirements come out in the same order every run.
	keys := make([]*types.Func, 0, len(methods))
	for fn := range methods {
		keys = append(keys, fn)
	}
	slices.SortFunc(keys, func(a, b *types.Func) int { return strings.Compare(catalog.Key(a), catalog.Key(b)) })
	for _, fn := range keys {
		sum := methods[fn]
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil || len(sum.Requires) == 0 {
			continue
		}
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if _, isIface := named.Underlying().(*types.Interface); isIface {
			continue
		}
		for _, it := range byMethod[fn.Name()] {
			if !types.Implements(named, it.typ) && !types.Implements(types.NewPointer(named), it.typ) {
				continue
			}
			m, _, _ := types.LookupFieldOrMethod(it.named, false, nil, fn.Name())
			im, ok := m.(*types.Func)
			if !ok {
				continue
			}
			key := catalog.Key(im)
			for _, req := range sum.Requires {
				if slices.ContainsFunc(req.Params(), func(p facts.ParamRef) bool { return p.Index == 0 }) {
					continue
				}
				if !slices.ContainsFunc(out[key], func(q facts.Requirement) bool { return sameRequirement(q, req) }) {
					out[key] = append(out[key], req)
				}
			}
		}
	}
	return out
}

func sameRequirement(a, b facts.Requirement) bool {
	return a.Param.Equal(b.Param) && a.Family == b.Family && a.Sink == b.Sink
}
