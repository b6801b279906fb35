package engine

import (
	"cmp"
	"go/token"
	"slices"
	"sort"

	"github.com/tenantlint/tenantlint/facts"
)

// Value is the abstract value the engine computes for an SSA value: where its tenant scope comes
// from. Values are immutable once built; the helpers below return new ones.
type Value struct {
	Kind facts.Kind
	// Params: for kind Param, the parameters (or parts of them) it derives from.
	Params []facts.ParamRef
	// Fields: for aggregates (structs, arrays, slices, maps built in this function), the value
	// of each element by path key: a field index, a constant index, or a constant map key.
	Fields map[string]*Value
	// Origin and What explain a TenantID or Untrusted value: where it came from.
	Origin token.Pos
	What   string
	// Built: the value was built from constant parts and parts that do not carry the tenant
	// ("stats:" + id, Sprintf("user/%d", id)): as a key it names an entry shared by every tenant.
	Built bool
	// BuiltAt: for a built value, where it was built, for the explanation.
	BuiltAt facts.Step
	// Target is what a family's value acts on, which the core carries along (through merges,
	// derivations and summaries) without reading it: sqlscope's tenant table of a query
	// builder, so that a builder keeps its table through helpers and struct fields.
	Target string
	// Derived: for kind Param, the value is computed from the parameters (a call the engine
	// cannot see into, an operation, a literal), not the parameters or parts of them. Its
	// fields are not fields of the parameters: see Field.
	Derived bool
}

var (
	TopValue     = &Value{Kind: facts.Top}
	NoneValue    = &Value{Kind: facts.None}
	UnknownValue = &Value{Kind: facts.Unknown}
	// NilValue is a nil pointer, slice, map or interface: None, but never a finding. A nil
	// tenant binds NULL, which matches no row; a nil struct pointer is never read (the code
	// would panic first); and nil is what error paths return beside an error.
	NilValue = &Value{Kind: facts.None, What: "nil"}
)

func (v *Value) IsNil() bool { return v != nil && v.Kind == facts.None && v.What == "nil" }

func ParamValue(ref facts.ParamRef) *Value {
	return &Value{Kind: facts.Param, Params: []facts.ParamRef{ref}}
}

func (v *Value) Is(k facts.Kind) bool { return v != nil && v.Kind == k }

// Equal is used to detect the fixpoint; it compares what matters for results and findings.
func (v *Value) Equal(w *Value) bool {
	if v == w {
		return true
	}
	if v == nil || w == nil || v.Kind != w.Kind || v.Built != w.Built || v.Target != w.Target || v.Derived != w.Derived || len(v.Params) != len(w.Params) || len(v.Fields) != len(w.Fields) {
		return false
	}
	for i := range v.Params {
		if !v.Params[i].Equal(w.Params[i]) {
			return false
		}
	}
	for k, f := range v.Fields {
		g, ok := w.Fields[k]
		if !ok || !f.Equal(g) {
			return false
		}
	}
	return true
}

// Meet merges the values of two paths (φ-nodes, several stores, several returns). It is a
// must-merge: the result carries the tenant only if both do. Top is its identity.
func Meet(a, b *Value) *Value {
	switch {
	case a == nil || a.Kind == facts.Top:
		return b
	case b == nil || b.Kind == facts.Top:
		return a
	case a == b:
		return a
	}
	lo, hi := a, b
	if b.Kind < a.Kind {
		lo, hi = b, a
	}
	// A target known on one path is kept: a builder on a tenant table on some path is judged.
	r := &Value{Kind: lo.Kind, Origin: lo.Origin, What: lo.What, Built: lo.Built && (hi.Built || hi.Kind != lo.Kind), Target: cmp.Or(lo.Target, hi.Target)}
	if r.Built {
		r.BuiltAt = cmp.Or(lo.BuiltAt, hi.BuiltAt)
	}
	switch lo.Kind {
	case facts.Param:
		r.Params = unionParams(lo.Params, hi.Params)
		r.Derived = lo.Derived || hi.Derived
	case facts.Untrusted:
		// Request input mixed with parameters on one path (its fields unknown), and not pure
		// request input on the other.
		r.Derived = lo.Derived && (hi.Kind != facts.Untrusted || hi.Derived)
	case facts.Scoped:
		// TenantID met with Scoped is Scoped.
	}
	if a.Fields != nil && b.Fields != nil {
		for k, f := range a.Fields {
			if g, ok := b.Fields[k]; ok {
				if r.Fields == nil {
					r.Fields = map[string]*Value{}
				}
				r.Fields[k] = Meet(f, g)
			}
		}
	}
	return r
}

// Derive combines the operands of an operation that builds a new value from them (a string
// concatenation, a Sprintf, a conversion, a call without a summary): the result incorporates
// the tenant if any operand does. Top operands keep the result Top until they are known, which
// keeps the iteration monotone.
func Derive(vs ...*Value) *Value {
	best := NoneValue
	var params []facts.ParamRef
	constant, built := false, false
	var builtAt facts.Step
	var target string // what any operand acts on (a builder's table, applied to by its options)
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.Kind == facts.Top {
			return TopValue
		}
		constant = constant || (v.Kind == facts.None && !v.IsNil())
		target = cmp.Or(target, v.Target)
		built = built || v.Built
		if v.Built && builtAt == (facts.Step{}) {
			builtAt = v.BuiltAt
		}
		k := v.Kind
		if k == facts.TenantID {
			k = facts.Scoped
		}
		switch {
		case k == facts.Param:
			params = unionParams(params, v.Params)
		}
		if rank(k) > rank(best.Kind) || (best == NoneValue && described(v)) {
			best = &Value{Kind: k, Origin: v.Origin, What: v.What, Target: v.Target}
		}
	}
	if best.Kind == facts.Param || (best.Kind == facts.Unknown && len(params) > 0) {
		return &Value{Kind: facts.Param, Params: params, Built: constant || built, BuiltAt: builtAt, Target: target, Derived: true}
	}
	if best.Kind == facts.Untrusted && len(params) > 0 {
		// Request input mixed with parameters (NewAuditLog(requestMeta, ..., tenantID)): as a
		// whole it is request input, but a field of it may come from either (see Field).
		c := *best
		c.Derived = true
		if constant || built {
			c.Built, c.BuiltAt = true, builtAt
		}
		best = &c
	}
	if (best.Kind == facts.Unknown || best.Kind == facts.Untrusted) && (constant || built) {
		c := *best
		c.Built, c.BuiltAt = true, builtAt
		return &c
	}
	return best
}

// described reports whether v is a None a family said something of (a query builder without a
// tenant predicate, on its table), which derivation keeps rather than a bare constant.
func described(v *Value) bool {
	return v.Kind == facts.None && !v.IsNil() && (v.What != "" || v.Target != "")
}

// rank orders kinds for derive: a value that carries the tenant wins, then request input (it
// must be reported even if mixed with other things), then parameters.
func rank(k facts.Kind) int {
	switch k {
	case facts.Scoped, facts.TenantID:
		return 5
	case facts.Untrusted:
		return 4
	case facts.Param:
		return 3
	case facts.Unknown:
		return 2
	case facts.None:
		return 1
	}
	return 0
}

func unionParams(a, b []facts.ParamRef) []facts.ParamRef {
	out := slices.Clone(a)
next:
	for _, p := range b {
		for _, q := range out {
			if p.Equal(q) {
				continue next
			}
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	// Cap: a value derived from many parameters gives little to callers and costs facts.
	if len(out) > 4 {
		out = out[:4]
	}
	return out
}

// Field returns the value of an element of an aggregate, for path key k (Field name spelt in
// name for messages). A part of a parameter is a parameter reference with a longer path. A
// part of a value derived from parameters is not a part of them: h.GetDeps(c).TenantID is a
// field of what GetDeps returns, not a field of c (an interface, which has none), and a path
// made of it would be applied to the caller's value of c, a different type (the garbled
// "aec.TenantID.ID.TenantID" of a hook interface). It is unknown, as an interface call's
// result is: what the call computed from c cannot be asked of c's callers.
func (v *Value) Field(k, name string) *Value {
	if v == nil {
		return UnknownValue
	}
	if f, ok := v.Fields[k]; ok {
		return f
	}
	switch v.Kind {
	case facts.Top:
		return TopValue
	case facts.Param:
		if v.Derived {
			return UnknownValue
		}
		var out []facts.ParamRef
		for _, p := range v.Params {
			if len(p.Path) >= 3 {
				continue // deep paths: stop tracking rather than grow facts
			}
			out = append(out, facts.ParamRef{
				Index: p.Index,
				Path:  append(slices.Clip(p.Path), k),
				Names: append(slices.Clip(p.Names), name),
			})
		}
		if len(out) == 0 {
			return UnknownValue
		}
		return &Value{Kind: facts.Param, Params: out}
	case facts.Untrusted, facts.TenantID, facts.Scoped:
		// A part of request input is request input; a part of the tenant (its id field) or
		// of a tenant-scoped value is taken to carry it. A part of a value built from request
		// input and parameters is either, which the engine cannot tell: unknown.
		if v.Kind == facts.Untrusted && v.Derived {
			return UnknownValue
		}
		return v
	case facts.None:
		if v.IsNil() {
			return v
		}
		return NoneValue
	}
	return UnknownValue
}

// Aggregate builds the value of a struct/array/map from its parts: it carries the tenant if a
// part does (a payload with its tenant field set is scoped).
func Aggregate(fields map[string]*Value) *Value { return AggregateExcept(fields, nil) }

// AggregateExcept is Aggregate where the parts named in flags (bool and float fields, which
// cannot hold a tenant) take no part in what the whole carries: a row whose Verified flag
// comes from a parameter does not pass the row's obligation to that flag.
func AggregateExcept(fields map[string]*Value, flags map[string]bool) *Value {
	if len(fields) == 0 {
		return UnknownValue
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		if !flags[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return &Value{Kind: facts.None, Fields: fields}
	}
	sort.Strings(keys)
	vs := make([]*Value, len(keys))
	for i, k := range keys {
		vs[i] = fields[k]
	}
	d := Derive(vs...)
	if d.Kind == facts.None {
		d = &Value{Kind: facts.None}
	} else {
		c := *d
		d = &c
	}
	// A struct, slice or map literal is built here: if no part carries the tenant, neither does
	// the whole (a job payload without its tenant field).
	if d.Kind == facts.Unknown || d.Kind == facts.Untrusted || d.Kind == facts.Param {
		d.Built = true
	}
	d.Fields = fields
	return d
}

// Finalize turns a value that never became known into Unknown: Top must not leave the engine.
func Finalize(v *Value) *Value {
	if v == nil || v.Kind == facts.Top {
		return UnknownValue
	}
	return v
}
