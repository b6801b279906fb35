package sqlrules

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Sessions received as parameters (catalog.SessionParams) and chain methods that turn the
// model's fields off as conditions (catalog.Builder.NoModelCond).

const sessionNoPredicate = "a session it was given, which carries no predicate (the library clears a session's conditions after each query)"

// modelCondOff reports whether the chain of the query run at c turns its model's fields off as
// conditions (xorm's NoAutoCondition(), not NoAutoCondition(false)).
func (r *rules) modelCondOff(s *engine.Frame, c *engine.Call) bool {
	for _, l := range r.chain(s, c.Recv()) {
		if !l.row.NoModelCond {
			continue
		}
		if on, ok := constBoolArg(l.call); ok && !on {
			continue
		}
		return true
	}
	return false
}

// constBoolArg is the constant first element of a call's variadic bool argument.
func constBoolArg(c *engine.Call) (bool, bool) {
	if len(c.Args) < 2 {
		return false, false
	}
	els, ok := engine.SliceElems(c.Args[len(c.Args)-1])
	if !ok || len(els) == 0 {
		return false, false
	}
	k, ok := engine.StripConversions(els[0]).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k.Value), true
}

// onBareSession reports whether the builder v is a session parameter (of this function or of a
// function literal) with nothing added in this function but chain methods and conditions that
// are neither on a tenant column nor unreadable: the query then runs with no predicate, whatever
// the caller did with the session before (it was cleared by the caller's last query).
func (r *rules) onBareSession(s *engine.Frame, v ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var bare func(v ssa.Value) bool
	bare = func(v ssa.Value) bool {
		if v == nil || seen[v] || len(seen) > 64 {
			return false
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Parameter:
			return slices.Contains(catalog.SessionParams, catalog.TypeKey(x.Type()))
		case *ssa.Phi:
			for _, e := range x.Edges {
				if !bare(e) {
					return false
				}
			}
			return len(x.Edges) > 0
		case *ssa.ChangeType:
			return bare(x.X)
		case *ssa.Call:
			c := s.Pkg.Call(x)
			row, ent, ok := r.builderRow(s, c)
			if !ok {
				// A method outside the catalog that returns its receiver's type keeps the
				// receiver's predicates (Limit, OrderBy, Cols).
				sig := c.Common.Signature()
				if c.Common.IsInvoke() || sig.Recv() == nil || sig.Results().Len() != 1 ||
					!types.Identical(sig.Recv().Type(), sig.Results().At(0).Type()) {
					return false
				}
				return bare(c.Recv())
			}
			switch row.Op {
			case catalog.BuilderChain, catalog.BuilderOr:
				return bare(c.Recv())
			case catalog.BuilderWhere:
				if cd := r.condAt(s, c, row, ent); cd.tenant || cd.unknown {
					return false
				}
				return bare(c.Recv())
			}
		}
		return false
	}
	return bare(v)
}
