package engine

import (
	"cmp"
	"go/token"
	"slices"
	"sort"

	"github.com/tenantlint/tenantlint/facts"
)

// value is the abstract value the engine computes for an SSA value: where its tenant scope comes
// from. Values are immutable once built; the helpers below return new ones.
type value struct {
	kind facts.Kind
	// params: for kind Param, the parameters (or parts of them) it derives from.
	params []facts.ParamRef
	// fields: for aggregates (structs, arrays, slices, maps built in this function), the value
	// of each element by path key: a field index, a constant index, or a constant map key.
	fields map[string]*value
	// origin and what explain a TenantID or Untrusted value: where it came from.
	origin token.Pos
	what   string
	// built: the value was built from constant parts and parts that do not carry the tenant
	// ("stats:" + id, Sprintf("user/%d", id)): as a key it names an entry shared by every tenant.
	built bool
	// builtAt: for a built value, "file:line:col: ..." where it was built, for the explanation.
	builtAt string
}

var (
	topValue     = &value{kind: facts.Top}
	noneValue    = &value{kind: facts.None}
	unknownValue = &value{kind: facts.Unknown}
	// nilValue is a nil pointer, slice, map or interface: None, but never a finding. A nil
	// tenant binds NULL, which matches no row; a nil struct pointer is never read (the code
	// would panic first); and nil is what error paths return beside an error.
	nilValue = &value{kind: facts.None, what: "nil"}
)

func (v *value) isNil() bool { return v != nil && v.kind == facts.None && v.what == "nil" }

func paramValue(ref facts.ParamRef) *value {
	return &value{kind: facts.Param, params: []facts.ParamRef{ref}}
}

func (v *value) is(k facts.Kind) bool { return v != nil && v.kind == k }

// equal is used to detect the fixpoint; it compares what matters for results and findings.
func (v *value) equal(w *value) bool {
	if v == w {
		return true
	}
	if v == nil || w == nil || v.kind != w.kind || v.built != w.built || len(v.params) != len(w.params) || len(v.fields) != len(w.fields) {
		return false
	}
	for i := range v.params {
		if !v.params[i].Equal(w.params[i]) {
			return false
		}
	}
	for k, f := range v.fields {
		g, ok := w.fields[k]
		if !ok || !f.equal(g) {
			return false
		}
	}
	return true
}

// meet merges the values of two paths (φ-nodes, several stores, several returns). It is a
// must-merge: the result carries the tenant only if both do. Top is its identity.
func meet(a, b *value) *value {
	switch {
	case a == nil || a.kind == facts.Top:
		return b
	case b == nil || b.kind == facts.Top:
		return a
	case a == b:
		return a
	}
	lo, hi := a, b
	if b.kind < a.kind {
		lo, hi = b, a
	}
	r := &value{kind: lo.kind, origin: lo.origin, what: lo.what, built: lo.built && (hi.built || hi.kind != lo.kind)}
	if r.built {
		r.builtAt = cmp.Or(lo.builtAt, hi.builtAt)
	}
	switch lo.kind {
	case facts.Param:
		r.params = unionParams(lo.params, hi.params)
	case facts.Scoped:
		// TenantID met with Scoped is Scoped.
	}
	if a.fields != nil && b.fields != nil {
		for k, f := range a.fields {
			if g, ok := b.fields[k]; ok {
				if r.fields == nil {
					r.fields = map[string]*value{}
				}
				r.fields[k] = meet(f, g)
			}
		}
	}
	return r
}

// derive combines the operands of an operation that builds a new value from them (a string
// concatenation, a Sprintf, a conversion, a call without a summary): the result incorporates
// the tenant if any operand does. Top operands keep the result Top until they are known, which
// keeps the iteration monotone.
func derive(vs ...*value) *value {
	best := noneValue
	var params []facts.ParamRef
	constant, built := false, false
	builtAt := ""
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.kind == facts.Top {
			return topValue
		}
		constant = constant || (v.kind == facts.None && !v.isNil())
		built = built || v.built
		if v.built && builtAt == "" {
			builtAt = v.builtAt
		}
		k := v.kind
		if k == facts.TenantID {
			k = facts.Scoped
		}
		switch {
		case k == facts.Param:
			params = unionParams(params, v.params)
		}
		if rank(k) > rank(best.kind) {
			best = &value{kind: k, origin: v.origin, what: v.what}
		}
	}
	if best.kind == facts.Param || (best.kind == facts.Unknown && len(params) > 0) {
		return &value{kind: facts.Param, params: params, built: constant || built, builtAt: builtAt}
	}
	if (best.kind == facts.Unknown || best.kind == facts.Untrusted) && (constant || built) {
		c := *best
		c.built, c.builtAt = true, builtAt
		return &c
	}
	return best
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

// field returns the value of an element of an aggregate, for path key k (field name spelt in
// name for messages). A part of a parameter is a parameter reference with a longer path.
func (v *value) field(k, name string) *value {
	if v == nil {
		return unknownValue
	}
	if f, ok := v.fields[k]; ok {
		return f
	}
	switch v.kind {
	case facts.Top:
		return topValue
	case facts.Param:
		var out []facts.ParamRef
		for _, p := range v.params {
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
			return unknownValue
		}
		return &value{kind: facts.Param, params: out}
	case facts.Untrusted, facts.TenantID, facts.Scoped:
		// A part of request input is request input; a part of the tenant (its id field) or
		// of a tenant-scoped value is taken to carry it.
		return v
	case facts.None:
		if v.isNil() {
			return v
		}
		return noneValue
	}
	return unknownValue
}

// aggregate builds the value of a struct/array/map from its parts: it carries the tenant if a
// part does (a payload with its tenant field set is scoped).
func aggregate(fields map[string]*value) *value {
	if len(fields) == 0 {
		return unknownValue
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	vs := make([]*value, len(keys))
	for i, k := range keys {
		vs[i] = fields[k]
	}
	d := derive(vs...)
	if d.kind == facts.None {
		d = &value{kind: facts.None}
	} else {
		c := *d
		d = &c
	}
	// A struct, slice or map literal is built here: if no part carries the tenant, neither does
	// the whole (a job payload without its tenant field).
	if d.kind == facts.Unknown || d.kind == facts.Untrusted || d.kind == facts.Param {
		d.built = true
	}
	d.fields = fields
	return d
}

// finalize turns a value that never became known into Unknown: Top must not leave the engine.
func finalize(v *value) *value {
	if v == nil || v.kind == facts.Top {
		return unknownValue
	}
	return v
}
