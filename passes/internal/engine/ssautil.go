package engine

import (
	"go/constant"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// Helpers on SSA values that the engine and the families share.

// StripConversions looks through the conversions around a value (to an interface, between
// named and underlying types, string and bytes): what a call was given, or what a constant is.
// The engine's and the families' readers of SSA values all look through the same ones.
func StripConversions(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MultiConvert:
			v = x.X
		default:
			return v
		}
	}
}

// SliceElems lists the elements of a variadic argument built at the call (f(a, b)), in order; a
// nil slice has none. ok is false for a slice from elsewhere (f(xs...)).
func SliceElems(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	byIndex := map[int]ssa.Value{}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := constKey(ia.Index)
		if !ok {
			return nil, false
		}
		i, _ := strconv.Atoi(k)
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok {
				byIndex[i] = st.Val
			}
		}
	}
	out := make([]ssa.Value, len(byIndex))
	for i := range out {
		e, ok := byIndex[i]
		if !ok {
			return nil, false
		}
		out[i] = e
	}
	return out, true
}

// ConstStrings reads a slice literal of string constants ([]string{"a", "b"}).
func ConstStrings(v ssa.Value) ([]string, bool) {
	v = StripConversions(v)
	if _, ok := v.(*ssa.Slice); !ok {
		return nil, false
	}
	elems, ok := SliceElems(v)
	if !ok {
		return nil, false
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		c, ok := e.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return nil, false
		}
		out[i] = constant.StringVal(c.Value)
	}
	return out, true
}

// IsString reports whether t is a string type.
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
