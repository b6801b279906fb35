package engine

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A conversion helper maps the empty value to its own zero or NULL representation:
//
//	func TextNullable(s string) pgtype.Text {
//		if s == "" {
//			return pgtype.Text{}          // s is "" here: this is s, spelt as NULL
//		}
//		return pgtype.Text{String: s, Valid: true}
//	}
//
// The constant returned on the path where the parameter is empty is that parameter's value, not
// a constant that replaces it: a caller passing the tenant never takes that path, and a caller
// passing "" gets "" back either way. So a constant returned only on paths where some value is
// known to be empty (== its zero value, len 0, blank after strings.TrimSpace, nil, or a
// same-package predicate that tests just that) is read as that value. Constants returned on
// other paths (`if s == "" { return "default" }` is such a path too, but `return "x"` after an
// `if strings.HasPrefix(s, ...)` is not) stay constants.

// emptyOnEntry returns the values known to be empty on every path into b, one per path, or nil
// when some path into b is not guarded by an emptiness test.
func emptyOnEntry(b *ssa.BasicBlock) []ssa.Value {
	var out []ssa.Value
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, depth int) bool
	walk = func(b *ssa.BasicBlock, depth int) bool {
		if len(b.Preds) == 0 || depth > 4 || seen[b] {
			return false
		}
		seen[b] = true
		for _, p := range b.Preds {
			switch last := p.Instrs[len(p.Instrs)-1].(type) {
			case *ssa.If:
				x := emptiedBy(last.Cond, p.Succs[0] == b, 0)
				if x == nil {
					return false
				}
				out = append(out, x)
			case *ssa.Jump:
				// A block that only jumps (the join of a || or &&) passes on its own guards.
				if len(p.Instrs) != 1 || !walk(p, depth+1) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	if !walk(b, 0) {
		return nil
	}
	return out
}

// emptiedBy returns the value that cond being `taken` shows to be empty, or nil.
func emptiedBy(cond ssa.Value, taken bool, depth int) ssa.Value {
	if depth > 3 {
		return nil
	}
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return emptiedBy(c.X, !taken, depth+1)
		}
	case *ssa.BinOp:
		if (c.Op == token.EQL) != taken || (c.Op != token.EQL && c.Op != token.NEQ) {
			return nil
		}
		x, k := c.X, c.Y
		if !isZeroConst(k) {
			x, k = k, x
		}
		if !isZeroConst(k) {
			return nil
		}
		return emptied(x)
	case *ssa.Call:
		// A predicate of this package whose body is one emptiness test of its parameter
		// (func isEmpty(s string) bool { return len(strings.TrimSpace(s)) == 0 }).
		fn := c.Call.StaticCallee()
		if fn == nil || len(fn.Blocks) != 1 || len(fn.Params) != 1 || len(c.Call.Args) != 1 || fn.Pkg != parentPkg(c) {
			return nil
		}
		ret, ok := fn.Blocks[0].Instrs[len(fn.Blocks[0].Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			return nil
		}
		if x := emptiedBy(ret.Results[0], taken, depth+1); x == fn.Params[0] {
			return emptied(c.Call.Args[0])
		}
	}
	return nil
}

// emptied walks from a value tested for emptiness to the value whose emptiness it shows:
// through len, a dereference and strings.TrimSpace.
func emptied(x ssa.Value) ssa.Value {
	for range 4 {
		switch v := x.(type) {
		case *ssa.UnOp:
			if v.Op != token.MUL {
				return x
			}
			x = v.X
		case *ssa.Call:
			if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" && len(v.Call.Args) == 1 {
				x = v.Call.Args[0]
				continue
			}
			if fn := v.Call.StaticCallee(); fn != nil && fn.String() == "strings.TrimSpace" {
				x = v.Call.Args[0]
				continue
			}
			return x
		case *ssa.ChangeType:
			x = v.X
		default:
			return x
		}
	}
	return x
}

func parentPkg(c *ssa.Call) *ssa.Package {
	if fn := c.Parent(); fn != nil {
		return fn.Pkg
	}
	return nil
}

// emptyReturn is what a constant returned by ret stands for: the values known to be empty on
// the paths into its block (emptyOnEntry), or the constant itself.
func (s *Frame) emptyReturn(ret *ssa.Return, v *Value) *Value {
	xs := emptyOnEntry(ret.Block())
	if len(xs) == 0 {
		return v
	}
	var out *Value
	for _, x := range xs {
		out = Meet(out, s.Eval(x))
	}
	return out
}
