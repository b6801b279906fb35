package sqltext

import (
	"fmt"
	"slices"
)

// The analyzer decides scoping by "pinning" columns. A column is pinned
// when every row the query reads through its source has one and the same
// value in it: `t.tenant_id = $1` pins t.tenant_id to $1, `tenants.id = $1`
// pins tenants.id, and `d.tenant_id = tenants.id` then pins d.tenant_id
// too. A tenant table is scoped exactly when its tenant column is pinned.
// Thinking in pinned columns rather than in "tenant predicates" is what
// makes transitive joins, CTE outputs and INSERT ... SELECT fall out of one
// rule instead of needing special cases.

type analyzer struct {
	opts *options
	refs []TableRef
}

// pin says a column holds a single value; tenant lists the placeholders
// that value comes from (empty for literals and expressions).
type pin struct{ tenant []Placeholder }

type colKey struct {
	s   *source
	col string
}

// outputs describes the columns a query produces, so that a CTE or
// derived table that selects a pinned tenant column passes the pin on.
type outputs struct {
	cols  []outCol
	exact bool // positions are reliable (no * of unknown width)
}

type outCol struct {
	name string
	pin  *pin
}

// env is one level of name scope: the CTE names and FROM sources visible
// to a query, and the pins established for those sources.
type env struct {
	parent  *env
	ctes    map[string]*cteEntry
	sources []*source
	pins    map[colKey]*pin
}

type cteEntry struct{ out *outputs }

func (a *analyzer) statement(q *query) { a.query(q, nil) }

func (a *analyzer) query(q *query, parent *env) *outputs {
	e := &env{parent: parent, ctes: map[string]*cteEntry{}, pins: map[colKey]*pin{}}
	a.with(q, e)
	switch {
	case q.ins != nil:
		return a.insert(q, e)
	case q.arms != nil:
		var outs []*outputs
		for _, arm := range q.arms {
			outs = append(outs, a.query(arm, e))
		}
		a.subqueries(q, e)
		return mergeArms(outs)
	case q.rows != nil:
		a.subqueries(q, e)
		return valuesOutputs(q.rows)
	default:
		return a.block(q, e)
	}
}

func (a *analyzer) with(q *query, e *env) {
	if q.recursive {
		for _, c := range q.ctes {
			e.ctes[c.name] = &cteEntry{out: &outputs{}}
		}
	}
	for _, c := range q.ctes {
		ent := &cteEntry{out: &outputs{}}
		switch {
		case c.body == nil:
		case q.recursive && len(c.body.arms) > 1 && len(c.body.ctes) == 0:
			ent.out = a.recursiveCTE(c, e)
		default:
			ent.out = rename(a.query(c.body, e), c.cols)
		}
		e.ctes[c.name] = ent
	}
}

// recursiveCTE analyzes `base UNION ALL step` so that the step may rely on
// the base's pins: if the base rows are pinned and the step joins on the
// pinned column (f.tenant_id = t.tenant_id), every row is pinned by
// induction. So the CTE's own name is bound to the base's outputs while
// the step is analyzed.
func (a *analyzer) recursiveCTE(c *cte, e *env) *outputs {
	be := &env{parent: e, ctes: map[string]*cteEntry{}, pins: map[colKey]*pin{}}
	outs := []*outputs{a.query(c.body.arms[0], be)}
	e.ctes[c.name] = &cteEntry{out: rename(outs[0], c.cols)}
	for _, arm := range c.body.arms[1:] {
		outs = append(outs, a.query(arm, be))
	}
	a.subqueries(c.body, be)
	return rename(mergeArms(outs), c.cols)
}

func (e *env) lookupCTE(name string) *cteEntry {
	for ; e != nil; e = e.parent {
		if c, ok := e.ctes[name]; ok {
			return c
		}
	}
	return nil
}

// block analyzes a SELECT, UPDATE or DELETE: resolve its sources, pin what
// its conditions pin, report its tenant references, then descend.
func (a *analyzer) block(q *query, e *env) *outputs {
	e.sources = q.sources
	for _, s := range q.sources {
		a.resolveSource(s, e)
	}
	a.seedDerived(e)
	a.solve(q, e)
	for _, s := range q.sources {
		if s.tenant {
			a.refs = append(a.refs, a.ref(q, e, s))
		}
	}
	// LATERAL subqueries may refer to earlier FROM items, so they are
	// analyzed like nested queries, after this level is settled.
	for _, s := range q.sources {
		if s.sub != nil && s.lateral {
			s.derived = rename(a.query(s.sub, e), s.colNames)
		}
	}
	a.subqueries(q, e)
	return a.outputsOf(q, e)
}

func (a *analyzer) resolveSource(s *source, e *env) {
	switch {
	case s.name != "" && s.schema == "" && e.lookupCTE(s.name) != nil:
		// A CTE reference, not a table: its rows were checked where the
		// CTE was defined.
		s.derived = e.lookupCTE(s.name).out
	case s.name != "":
		s.tenant = a.opts.isTenant(s.name)
	case s.sub != nil && !s.lateral:
		// A plain derived table cannot see its sibling FROM items, only
		// the CTEs and outer queries.
		s.derived = rename(a.query(s.sub, &env{parent: e.parent, ctes: e.ctes}), s.colNames)
	}
}

func (a *analyzer) seedDerived(e *env) {
	for _, s := range e.sources {
		if s.derived == nil {
			continue
		}
		for _, c := range s.derived.cols {
			if c.pin != nil && c.name != "" {
				if _, ok := e.pins[colKey{s, c.name}]; !ok {
					e.pins[colKey{s, c.name}] = c.pin
				}
			}
		}
	}
}

func (a *analyzer) subqueries(q *query, e *env) {
	for _, sub := range q.subs {
		a.query(sub, e)
	}
}

// solve pins columns until nothing changes. Only top-level conjuncts
// count: a predicate under OR or NOT does not restrict every row.
func (a *analyzer) solve(q *query, e *env) {
	for changed := true; changed; {
		changed = false
		for _, c := range q.conds {
			for _, x := range conjuncts(c.e) {
				eq, ok := x.(*eqExpr)
				if !ok {
					continue
				}
				if a.tryPin(e, c, eq.l, eq.r) {
					changed = true
				}
				if a.tryPin(e, c, eq.r, eq.l) {
					changed = true
				}
			}
		}
	}
}

func (a *analyzer) tryPin(e *env, c cond, target, other expr) bool {
	col, ok := target.(*colExpr)
	if !ok {
		return false
	}
	owner, s := a.resolve(e, col)
	if owner != e || !c.restricts(s) {
		return false
	}
	k := colKey{s, col.name}
	if e.pins[k] != nil {
		return false
	}
	p := a.valuePin(e, other)
	if p == nil {
		return false
	}
	e.pins[k] = p
	return true
}

// valuePin returns the pin x would give a column it is equal to, or nil.
func (a *analyzer) valuePin(e *env, x expr) *pin {
	switch v := x.(type) {
	case *paramExpr:
		return &pin{tenant: []Placeholder{v.ph}}
	case *valueExpr:
		return &pin{}
	case *colExpr:
		if owner, s := a.resolve(e, v); s != nil {
			return owner.pins[colKey{s, v.name}]
		}
	}
	return nil
}

// resolve finds the source a column belongs to, searching outward through
// enclosing queries like SQL does. It returns nil when the column cannot
// be attributed with confidence (unknown or ambiguous).
func (a *analyzer) resolve(e *env, c *colExpr) (*env, *source) {
	if c.cands != nil {
		var hit *source
		n := 0
		for _, s := range c.cands {
			if a.mayHave(s, c.name) {
				hit, n = s, n+1
			}
		}
		if n == 0 && len(c.cands) == 1 {
			hit, n = c.cands[0], 1
		}
		if n == 1 {
			return e, hit
		}
		return nil, nil
	}
	for ; e != nil; e = e.parent {
		if c.qual != "" {
			for _, s := range e.sources {
				if visibleName(s) == c.qual {
					return e, s
				}
			}
			continue
		}
		var hit *source
		n := 0
		for _, s := range e.sources {
			if a.mayHave(s, c.name) {
				hit, n = s, n+1
			}
		}
		switch {
		case n == 1:
			return e, hit
		case n > 1:
			return nil, nil // ambiguous; the database would reject it too
		case slices.Contains(a.opts.columns, c.name):
			// No tenant table here has it; non-tenant tables are assumed
			// not to carry a tenant column, so look outward.
		case len(e.sources) == 1:
			return e, e.sources[0]
		case len(e.sources) > 1:
			return nil, nil
		}
	}
	return nil, nil
}

// mayHave reports whether s is known to have column col.
func (a *analyzer) mayHave(s *source, col string) bool {
	if s.tenant {
		return a.opts.isTenantColumn(s.name, col)
	}
	if s.derived != nil {
		for _, c := range s.derived.cols {
			if c.name == col {
				return true
			}
		}
	}
	return false
}

// visibleName is the name a source is referred to by: its alias if it has
// one (which hides the table name), else the table or CTE name.
func visibleName(s *source) string {
	if s.alias != "" {
		return s.alias
	}
	return s.name
}

func (a *analyzer) ref(q *query, e *env, s *source) TableRef {
	cols := a.opts.tenantColumns(s.name)
	r := TableRef{Table: s.name, Alias: s.alias, Offset: s.offset, Column: cols[0]}
	for _, c := range cols {
		if p := e.pins[colKey{s, c}]; p != nil {
			r.Scoped, r.Column, r.Tenant = true, c, uniq(p.tenant)
			return r
		}
	}
	r.Problem = a.explain(q, e, s, cols)
	return r
}

// explain finds the most useful reason why s is not scoped: the closest
// near miss in the conditions, else the absence of any predicate.
func (a *analyzer) explain(q *query, e *env, s *source, cols []string) string {
	rank, msg := 99, ""
	note := func(r int, m string) {
		if r < rank {
			rank, msg = r, m
		}
	}
	isOurs := func(x expr) bool {
		c, ok := x.(*colExpr)
		if !ok || !slices.Contains(cols, c.name) {
			return false
		}
		_, src := a.resolve(e, c)
		if src == nil && c.qual == "" && c.cands == nil {
			note(3, fmt.Sprintf("unqualified %s is ambiguous between the joined tables", c.name))
		}
		return src == s
	}
	var walk func(x expr, c cond, underOr, underNot bool)
	walk = func(x expr, c cond, underOr, underNot bool) {
		switch v := x.(type) {
		case *andExpr:
			for _, arg := range v.args {
				walk(arg, c, underOr, underNot)
			}
		case *orExpr:
			for _, arg := range v.args {
				walk(arg, c, true, underNot)
			}
		case *notExpr:
			walk(v.arg, c, underOr, true)
		case *eqExpr:
			for _, side := range [][2]expr{{v.l, v.r}, {v.r, v.l}} {
				t, o := side[0], side[1]
				if !isOurs(t) {
					continue
				}
				oc, otherIsCol := o.(*colExpr)
				switch {
				case underNot:
					note(4, fmt.Sprintf("%s is negated", v.text))
				case underOr:
					note(1, fmt.Sprintf("%s is ORed with another condition", v.text))
				case !c.restricts(s):
					note(2, fmt.Sprintf("%s is in an outer join's ON clause, which does not filter %s", v.text, s.name))
				case otherIsCol:
					note(3, fmt.Sprintf("%s, but %s is not scoped to one tenant", v.text, oc.text))
				default:
					note(4, fmt.Sprintf("%s does not pin a single tenant", v.text))
				}
			}
			for _, col := range append(columnsOf(v.l), columnsOf(v.r)...) {
				if isOurs(col) && col != v.l && col != v.r {
					note(5, fmt.Sprintf("%s predicate does not restrict to a single tenant", col.text))
				}
			}
		default:
			for _, col := range columnsOf(x) {
				if isOurs(col) {
					note(5, fmt.Sprintf("%s predicate does not restrict to a single tenant", col.text))
				}
			}
		}
	}
	for _, c := range q.conds {
		walk(c.e, c, false, false)
	}
	switch {
	case rank < 99:
		return msg
	case !q.hasWhere:
		return "no WHERE clause"
	default:
		return fmt.Sprintf("no %s predicate in WHERE", cols[0])
	}
}

func (a *analyzer) insert(q *query, e *env) *outputs {
	ins := q.ins
	t := ins.target
	e.sources = []*source{t}
	var sel *outputs
	if ins.sel != nil {
		// The SELECT cannot see the target table, only CTEs.
		sel = a.query(ins.sel, &env{parent: e.parent, ctes: e.ctes})
	}
	t.tenant = a.opts.isTenant(t.name)
	if t.tenant {
		a.refs = append(a.refs, a.insertRef(ins, sel))
	}
	a.subqueries(q, e)
	return a.outputsOf(q, e)
}

func (a *analyzer) insertRef(ins *insertIR, sel *outputs) TableRef {
	t := ins.target
	cols := a.opts.tenantColumns(t.name)
	r := TableRef{Table: t.name, Alias: t.alias, Offset: t.offset, Column: cols[0]}
	if !ins.hasCols {
		r.Problem = fmt.Sprintf("INSERT has no column list naming %s", cols[0])
		return r
	}
	idx := -1
	for _, c := range cols {
		if i := slices.Index(ins.cols, c); i >= 0 {
			idx, r.Column = i, c
			break
		}
	}
	if idx < 0 {
		r.Problem = fmt.Sprintf("INSERT has no %s column", cols[0])
		return r
	}
	r.Scoped = true
	var tenant []Placeholder
	for _, row := range ins.rows {
		if idx < len(row) {
			if p, ok := row[idx].(*paramExpr); ok {
				tenant = append(tenant, p.ph)
			}
		}
	}
	if sel != nil && sel.exact && idx < len(sel.cols) && sel.cols[idx].pin != nil {
		tenant = append(tenant, sel.cols[idx].pin.tenant...)
	}
	r.Tenant = uniq(tenant)
	return r
}

// outputsOf computes the pins of q's select list (or RETURNING list).
func (a *analyzer) outputsOf(q *query, e *env) *outputs {
	out := &outputs{exact: true}
	for _, o := range q.outputs {
		if o.star {
			out.exact = false
			for _, s := range e.sources {
				if o.qual != "" && visibleName(s) != o.qual {
					continue
				}
				var names []string
				if s.derived != nil {
					for _, c := range s.derived.cols {
						names = append(names, c.name)
					}
				} else if s.tenant {
					names = a.opts.tenantColumns(s.name)
				}
				for _, n := range names {
					if p := e.pins[colKey{s, n}]; p != nil {
						out.cols = append(out.cols, outCol{name: n, pin: p})
					}
				}
			}
			continue
		}
		oc := outCol{name: o.name}
		switch x := o.e.(type) {
		case *colExpr:
			if oc.name == "" {
				oc.name = x.name
			}
			if owner, s := a.resolve(e, x); s != nil {
				oc.pin = owner.pins[colKey{s, x.name}]
			}
		case *paramExpr:
			oc.pin = &pin{tenant: []Placeholder{x.ph}}
		case *valueExpr:
			oc.pin = &pin{}
		}
		out.cols = append(out.cols, oc)
	}
	return out
}

// rename applies a column alias list (WITH x(a, b) AS ..., AS t(a, b)).
func rename(out *outputs, names []string) *outputs {
	if out == nil {
		return &outputs{}
	}
	if len(names) == 0 || !out.exact {
		return out
	}
	cp := &outputs{exact: true, cols: slices.Clone(out.cols)}
	for i, n := range names {
		if i < len(cp.cols) {
			cp.cols[i].name = n
		}
	}
	return cp
}

// mergeArms keeps a UNION's output column pinned only where every arm
// pins it to the same placeholder: two arms pinned to $1 and $2 (or to two
// unknown constants) together return two tenants.
func mergeArms(outs []*outputs) *outputs {
	if len(outs) == 0 {
		return &outputs{}
	}
	m := &outputs{exact: outs[0].exact, cols: slices.Clone(outs[0].cols)}
	if len(outs) == 1 {
		return m
	}
	for _, o := range outs[1:] {
		m.exact = m.exact && o.exact
		for i, c := range m.cols {
			if c.pin == nil {
				continue
			}
			if !o.exact || i >= len(o.cols) || o.cols[i].pin == nil ||
				len(c.pin.tenant) == 0 || !slices.Equal(uniq(c.pin.tenant), uniq(o.cols[i].pin.tenant)) {
				m.cols[i].pin = nil
			}
		}
	}
	return m
}

// valuesOutputs treats a VALUES column as pinned when every row has a
// placeholder or constant there.
func valuesOutputs(rows [][]expr) *outputs {
	out := &outputs{exact: true}
	if len(rows) == 0 {
		return out
	}
	for i := range rows[0] {
		oc := outCol{name: fmt.Sprintf("column%d", i+1)}
		var tenant []Placeholder
		pinned := true
		for _, row := range rows {
			if i >= len(row) {
				pinned = false
				break
			}
			switch v := row[i].(type) {
			case *paramExpr:
				tenant = append(tenant, v.ph)
			case *valueExpr:
			default:
				pinned = false
			}
		}
		// Several rows of constants may hold different values; only
		// repeated use of one placeholder is provably a single value.
		if pinned && (len(rows) == 1 || len(tenant) == len(rows) && len(uniq(tenant)) == 1) {
			oc.pin = &pin{tenant: uniq(tenant)}
		}
		out.cols = append(out.cols, oc)
	}
	return out
}

func uniq(ps []Placeholder) []Placeholder {
	var out []Placeholder
	for _, p := range ps {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
