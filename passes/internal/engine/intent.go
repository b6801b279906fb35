package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
)

// Declaring intent. Code that works across tenants on purpose (a migration, a nightly report,
// fleet maintenance) is declared with //tenantlint:crosstenant or crosstenant:. Such code is
// recognisable: nothing in it can reach a tenant. A finding there gets one more step that says
// how to declare it, and the function is listed in Result.OutOfReach, which `tenantlint -v`
// prints so that a team reviews them in one place. A function with a tenant in reach (a
// context, a request, a tenant-named parameter, a tenant source it calls) gets neither: there
// the missing tenant is a bug, not a declaration waiting to be written.

// outOfReach reports whether nothing in the frame's function could give it the active tenant.
// Closures are never out of reach: their parameters and free variables come from the function
// that made them.
func (s *Frame) outOfReach() bool {
	root := s.Root()
	if root.outOfReachMemo != nil {
		return *root.outOfReachMemo
	}
	v := root.computeOutOfReach()
	root.outOfReachMemo = &v
	return v
}

func (s *Frame) computeOutOfReach() bool {
	fn := s.Fn
	if fn.Parent() != nil || s.closureParams || s.TenantAtHand() != nil {
		return false
	}
	for i, p := range fn.Params {
		if i == 0 && fn.Signature.Recv() != nil {
			continue // a method's receiver is its own service, not where a tenant arrives
		}
		if carriesRequest(p.Type()) {
			return false
		}
	}
	// tenantAtHand sees the tenant values evaluated so far; a source called later in the
	// function is in reach too.
	reach := false
	forEachCall(fn, func(c ssa.CallInstruction) {
		if _, ok := s.Pkg.rules.sources[CalleeKey(c.Common())]; ok {
			reach = true
		}
	})
	if reach {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if fa, ok := instr.(*ssa.FieldAddr); ok {
				st := fa.X.Type().Underlying().(*types.Pointer).Elem()
				if _, ok := s.Pkg.rules.fieldSource(st, st.Underlying().(*types.Struct).Field(fa.Field)); ok {
					return false
				}
			}
		}
	}
	return true
}

// carriesRequest reports whether a parameter of type t brings a request with it, and with it
// whatever tenant middleware put there: a context, an *http.Request, a framework's context
// (echo.Context, *gin.Context, fiber's *Ctx), or anything with a Context or Request method.
func carriesRequest(t types.Type) bool {
	if IsContext(t) || catalog.TypeKey(t) == "net/http.Request" {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, ok := t.(*types.Pointer); !ok {
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for _, name := range []string{"Context", "Request", "UserContext"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// intentStep is the explanation step that says how to declare the frame's function
// cross-tenant, and the function itself (its position, and its configuration name as text);
// ok is false when a tenant is in reach.
func (s *Frame) intentStep() (explain, fn facts.Step, ok bool) {
	if !s.outOfReach() {
		return facts.Step{}, facts.Step{}, false
	}
	root := s.Root()
	name := root.Fn.Name()
	if obj, ok := root.Fn.Object().(*types.Func); ok {
		name = catalog.Key(obj)
	}
	pos := s.Pkg.pass.Fset.Position(root.Fn.Pos())
	explain = facts.Step{
		Pos: pos,
		Text: "nothing in " + root.Fn.Name() + " can reach a tenant (no context, request or tenant parameter, no tenant source): " +
			"if it works across tenants on purpose, mark it //tenantlint:crosstenant <reason> or list " + name + " under crosstenant:",
	}
	return explain, facts.Step{Pos: pos, Text: name}, true
}
