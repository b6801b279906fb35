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
//
// Two extensions keep bulk and parent/child queries from being reported:
// a pin may be a set of placeholders (tenant_id = ANY($1), IN ($1, $2),
// a column of unnest($1)), since the caller still supplies every tenant;
// and a tenant table whose row is linked by an equality to a column of a
// scoped row (s.device_id = d.id, d scoped) is scoped like that row,
// because in a multi-tenant schema a row that references another row
// belongs to the same tenant. The link pins the table's tenant column, so
// everything else (transitivity, outputs, reporting) works unchanged.

type analyzer struct {
	opts *options
	refs []TableRef

	// peeking is set on the analyzer peek uses: it only computes what a
	// query yields, so it skips the nested queries that yield nothing.
	peeking bool
	// peeked caches peek's results for one round of solve.
	peeked map[*query]*outputs
}

// pin says which tenant values a column can hold. With placeholders in
// tenant, every value is bound to one of them by the caller (usually one
// placeholder and one value; several for IN ($1, $2) or a UNION of arms
// pinned to $1 and $2; an array's elements for = ANY($1) or unnest($1)).
// With none, the column holds one value that no placeholder gives (a
// literal, current_setting(...)).
type pin struct{ tenant []Placeholder }

type colKey struct {
	s   *source
	col string
}

// outputs describes the columns a query produces, so that a CTE or
// derived table that selects a pinned tenant column passes the pin on,
// and one that selects from a scoped row passes the link on.
type outputs struct {
	cols  []outCol
	exact bool // positions are reliable (no * of unknown width)
	// starRow is the row pin of every column a * yields that cols does
	// not list by name (nil: unknown or not all from scoped rows).
	starRow *pin
}

type outCol struct {
	name string
	pin  *pin
	// row is set when the column is a column of a scoped row (other than
	// its tenant column): the tenant of that row. A row linked to it by
	// equality is scoped the same way.
	row *pin
}

// rowOf returns the row pin of the output column called name.
func (o *outputs) rowOf(name string) *pin {
	for _, c := range o.cols {
		if c.name == name {
			return c.row
		}
	}
	if !o.exact {
		return o.starRow
	}
	return nil
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
	// peek may have analyzed this query already; start afresh.
	s.derived, s.tenant = nil, false
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
	if a.peeking {
		return
	}
	for _, sub := range q.subs {
		a.query(sub, e)
	}
}

// solve pins columns until nothing changes. Only top-level conjuncts
// count: a predicate under OR or NOT does not restrict every row.
func (a *analyzer) solve(q *query, e *env) {
	for changed := true; changed; {
		changed = false
		a.peeked = nil // pins may have changed what subqueries yield
		for _, c := range q.conds {
			for _, x := range conjuncts(c.e) {
				eq, ok := x.(*eqExpr)
				if !ok {
					continue
				}
				for _, side := range [][2]expr{{eq.l, eq.r}, {eq.r, eq.l}} {
					if a.tryPin(e, c, side[0], side[1]) || a.tryLink(e, c, side[0], side[1]) {
						changed = true
					}
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

// tryLink scopes the tenant table target belongs to when other is a
// column of a scoped row: the row it references (or that references it)
// is that tenant's, so it is too. The tenant column gets the other row's
// pin, so the caller's obligation (its placeholders) is the same.
func (a *analyzer) tryLink(e *env, c cond, target, other expr) bool {
	col, ok := target.(*colExpr)
	if !ok {
		return false
	}
	owner, s := a.resolve(e, col)
	if owner != e || !s.tenant || !c.restricts(s) || a.scopedBy(e, s) != nil {
		return false
	}
	p := a.rowPin(e, other)
	if p == nil {
		return false
	}
	e.pins[colKey{s, a.opts.tenantColumns(s.name)[0]}] = p
	return true
}

// valuePin returns the pin x would give a column it is equal to, or nil.
func (a *analyzer) valuePin(e *env, x expr) *pin {
	switch v := x.(type) {
	case *paramExpr:
		return &pin{tenant: []Placeholder{v.ph}}
	case *paramSetExpr:
		return &pin{tenant: uniq(v.phs)}
	case *valueExpr:
		return &pin{}
	case *colExpr:
		if owner, s := a.resolve(e, v); s != nil {
			return owner.pins[colKey{s, v.name}]
		}
	case *subColExpr:
		if out := a.peek(e, v.q); out.exact && v.i < len(out.cols) {
			return out.cols[v.i].pin
		}
	}
	return nil
}

// rowPin returns the tenant of the scoped row x is a column of, or nil.
// A tenant column does not count: it holds the tenant, not a reference to
// a row, and r.x = d.tenant_id says no more than r.x = $1.
func (a *analyzer) rowPin(e *env, x expr) *pin {
	switch v := x.(type) {
	case *colExpr:
		owner, s := a.resolve(e, v)
		switch {
		case s == nil:
		case s.tenant:
			if !a.opts.isTenantColumn(s.name, v.name) {
				return a.scopedBy(owner, s)
			}
		case s.derived != nil:
			return s.derived.rowOf(v.name)
		}
	case *subColExpr:
		if out := a.peek(e, v.q); out.exact && v.i < len(out.cols) {
			return out.cols[v.i].row
		}
	}
	return nil
}

// scopedBy returns the pin of the tenant table s's tenant column in e, or
// nil while s is not scoped.
func (a *analyzer) scopedBy(e *env, s *source) *pin {
	for _, c := range a.opts.tenantColumns(s.name) {
		if p := e.pins[colKey{s, c}]; p != nil {
			return p
		}
	}
	return nil
}

// peek computes what a nested query yields, for x IN (SELECT ...), without
// reporting its references: they are reported when the query is analyzed
// in its turn, after e is settled. It runs again on every round of solve,
// since a correlated subquery can yield more once e has more pins.
func (a *analyzer) peek(e *env, q *query) *outputs {
	if out, ok := a.peeked[q]; ok {
		return out
	}
	out := (&analyzer{opts: a.opts, peeking: true}).query(q, e)
	if a.peeked == nil {
		a.peeked = map[*query]*outputs{}
	}
	a.peeked[q] = out
	return out
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
			if v.multi {
				// IN lists and subqueries, = ANY, row comparisons:
				// explained as one predicate, as when they were opaque.
				walk(&otherExpr{cols: columnsOf(v)}, c, underOr, underNot)
				return
			}
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
		r, p := a.insertRef(ins, sel)
		a.refs = append(a.refs, r)
		if p != nil {
			// RETURNING yields rows of the tenant inserted, so a query
			// reading them (a data-modifying CTE) can link to them.
			e.pins[colKey{t, r.Column}] = p
		}
	}
	a.subqueries(q, e)
	return a.outputsOf(q, e)
}

// insertRef reports the target of an INSERT, and the pin of its tenant
// column when every value inserted there is known (placeholders,
// constants or a pinned SELECT column).
func (a *analyzer) insertRef(ins *insertIR, sel *outputs) (TableRef, *pin) {
	t := ins.target
	cols := a.opts.tenantColumns(t.name)
	r := TableRef{Table: t.name, Alias: t.alias, Offset: t.offset, Column: cols[0]}
	if !ins.hasCols {
		r.Problem = fmt.Sprintf("INSERT has no column list naming %s", cols[0])
		return r, nil
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
		return r, nil
	}
	r.Scoped = true
	var p *pin
	if ins.rows != nil {
		p = valuesOutputs(ins.rows).pinAt(idx)
		for _, row := range ins.rows {
			if idx < len(row) {
				if v, ok := row[idx].(*paramExpr); ok {
					r.Tenant = append(r.Tenant, v.ph)
				}
			}
		}
	}
	if sel != nil && sel.exact && idx < len(sel.cols) && sel.cols[idx].pin != nil {
		p = sel.cols[idx].pin
		r.Tenant = append(r.Tenant, p.tenant...)
	}
	r.Tenant = uniq(r.Tenant)
	return r, p
}

func (o *outputs) pinAt(i int) *pin {
	if i < len(o.cols) {
		return o.cols[i].pin
	}
	return nil
}

// outputsOf computes the pins of q's select list (or RETURNING list).
func (a *analyzer) outputsOf(q *query, e *env) *outputs {
	out := &outputs{exact: true}
	// The columns a * yields but cols does not name link only if every
	// source they may come from is scoped.
	starSeen := false
	star := func(p *pin) {
		if starSeen {
			p = joinPins(out.starRow, p)
		}
		out.starRow, starSeen = p, true
	}
	for _, o := range q.outputs {
		if o.star {
			out.exact = false
			for _, s := range e.sources {
				if o.qual != "" && visibleName(s) != o.qual {
					continue
				}
				switch {
				case s.derived != nil:
					for _, c := range s.derived.cols {
						if c.name != "" {
							out.cols = append(out.cols, outCol{name: c.name, pin: e.pins[colKey{s, c.name}], row: c.row})
						}
					}
					if !s.derived.exact {
						star(s.derived.starRow)
					}
				case s.tenant:
					for _, n := range a.opts.tenantColumns(s.name) {
						if p := e.pins[colKey{s, n}]; p != nil {
							out.cols = append(out.cols, outCol{name: n, pin: p})
						}
					}
					star(a.scopedBy(e, s))
				default:
					// A global table or a function: columns of rows
					// that no tenant scopes.
					star(nil)
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
			oc.row = a.rowPin(e, x)
		case *paramExpr, *paramSetExpr, *valueExpr:
			oc.pin = a.valuePin(e, x)
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
	cp := &outputs{exact: true, cols: slices.Clone(out.cols), starRow: out.starRow}
	for i, n := range names {
		if i < len(cp.cols) {
			cp.cols[i].name = n
		}
	}
	return cp
}

// mergeArms keeps a UNION's output column pinned only where every arm
// pins it, and then to all of the arms' placeholders (see joinPins).
func mergeArms(outs []*outputs) *outputs {
	if len(outs) == 0 {
		return &outputs{}
	}
	m := &outputs{exact: outs[0].exact, cols: slices.Clone(outs[0].cols), starRow: outs[0].starRow}
	for _, o := range outs[1:] {
		m.exact = m.exact && o.exact
		m.starRow = joinPins(m.starRow, o.starRow)
		for i := range m.cols {
			var other outCol
			if o.exact && i < len(o.cols) {
				other = o.cols[i]
			}
			m.cols[i].pin = joinPins(m.cols[i].pin, other.pin)
			m.cols[i].row = joinPins(m.cols[i].row, other.row)
		}
	}
	return m
}

// joinPins is the pin of a column that holds a's values or b's: all of
// their placeholders. Two values not from placeholders (two literals,
// say) may be two tenants nobody bound, so they do not join.
func joinPins(a, b *pin) *pin {
	if a == nil || b == nil || len(a.tenant) == 0 || len(b.tenant) == 0 {
		return nil
	}
	return &pin{tenant: uniq(append(slices.Clone(a.tenant), b.tenant...))}
}

// valuesOutputs treats a VALUES column as pinned when every row has a
// placeholder there, or when there is one row and it has a constant.
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
		// Several rows of constants may hold different tenants nobody
		// bound; several placeholders are tenants the caller supplies.
		if pinned && (len(rows) == 1 || len(tenant) == len(rows)) {
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
