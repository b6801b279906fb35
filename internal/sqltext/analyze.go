package sqltext

import (
	"fmt"
	"maps"
	"slices"
	"strings"
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
// Rows of tables without a tenant column carry links too (join tables,
// child tables), under the direction rules of link.
//
// A statement is analyzed in rounds (analyzeStatement): each round
// records how every CTE is used, which tells the next round which CTEs
// are never evaluated and which are only read through a tenant filter
// that may be pushed into their bodies.

type analyzer struct {
	opts *options
	refs []TableRef

	// peeking is set on the analyzer peek uses: it only computes what a
	// query yields, so it skips the nested queries that yield nothing.
	peeking bool
	// peeked caches peek's results for one round of solve.
	peeked map[peekKey]*outputs

	// From the previous round: the pins pushed into CTE bodies (by
	// output column name) and the CTEs the statement never evaluates.
	assume map[*cte]map[string]*pin
	dead   map[*cte]bool
	// links are the row pins an IN (SELECT ...) membership test gives the
	// output columns of its subquery's blocks (by position), set just
	// before the subquery is analyzed.
	links map[*query]map[int]*pin

	// Recorded for the next round (not by peeking analyzers).
	cur  *cte     // the CTE whose body is being analyzed; nil outside
	defs []*cte   // every CTE definition met
	uses []cteUse // every reference to a CTE name
	mute int      // > 0 while analyzing a CTE body that never runs
}

type peekKey struct {
	e *env
	q *query
}

// cteUse is one reference to a CTE: the source naming it, the query
// level it is in (whose pins are final once the round is over), and the
// CTE whose body contains the reference (nil for none).
type cteUse struct {
	s    *source
	e    *env
	def  *cte
	from *cte
}

// pin says which tenant values a column can hold. With placeholders in
// tenant, every value is bound to one of them by the caller (usually one
// placeholder and one value; several for IN ($1, $2) or a UNION of arms
// pinned to $1 and $2; an array's elements for = ANY($1) or unnest($1)).
// With none, the column holds one value that no placeholder gives (a
// literal, current_setting(...)).
//
// The same type is the "row pin" of a row linked to a scoped row (the
// tenant that row belongs to). ref marks the row pin of a row of a table
// without a tenant column that a scoped row references by its key (wv.id
// = d.workflow_version_id): such a row may be shared by all tenants, so
// it only passes the link on to the rows it references in turn. from is
// set on a pin pushed into the body of CTE from by the previous round
// (see analyzeStatement); it is never passed back to that CTE's readers.
type pin struct {
	tenant []Placeholder
	ref    bool
	from   *cte
}

type colKey struct {
	s   *source
	col string
}

// rowKey is the colKey column under which the row pin of a table without
// a tenant column is kept, and starCol names the columns a * yields that
// are not listed (no column is called either).
const (
	rowKey  = "\x00row"
	starCol = "\x00*"
)

// outputs describes the columns a query produces, so that a CTE or
// derived table that selects a pinned tenant column passes the pin on,
// and one that selects from a scoped row passes the link on.
type outputs struct {
	cols  []outCol
	exact bool // positions are reliable (no * of unknown width)
	// starRow is the row pin of every column a * yields that cols does
	// not list by name (nil: unknown or not all from scoped rows).
	starRow *pin
	// starOrigin is the one tenant table a * took all its columns from.
	starOrigin *source
}

type outCol struct {
	name string
	pin  *pin
	// row is set when the column is a column of a scoped row (other than
	// its tenant column): the tenant of that row. A row linked to it by
	// equality is scoped the same way.
	row *pin
	// origin is the tenant table row the column is taken from (through
	// any number of CTEs and derived tables), and tenantCol says it is
	// that table's tenant column. Where a query pins the tenant column of
	// a derived table's rows, the other columns from the same origin are
	// columns of scoped rows.
	origin    *source
	tenantCol bool
}

// col returns the output column called name.
func (o *outputs) col(name string) (outCol, bool) {
	for _, c := range o.cols {
		if c.name == name {
			return c, true
		}
	}
	return outCol{}, false
}

// env is one level of name scope: the CTE names and FROM sources visible
// to a query, and the pins established for those sources.
type env struct {
	parent  *env
	ctes    map[string]*cteEntry
	sources []*source
	pins    map[colKey]*pin
}

type cteEntry struct {
	out *outputs
	def *cte
}

// analyzeStatement reports the tenant references of one statement. It
// runs the analysis in rounds; each round records how every CTE is used,
// and the next round acts on it:
//
//   - A CTE that nothing evaluated references (directly or through other
//     CTEs), and that does not modify data, is never evaluated by
//     PostgreSQL, so its references are not reported.
//   - When every reader of a CTE (outside its own body) pins one of its
//     output columns, that pin is pushed into the body, onto the source
//     column the output is a copy of: in `WITH r AS (SELECT id, tenant_id
//     FROM t WHERE id = ANY($2)) SELECT * FROM r WHERE r.tenant_id = $1`,
//     t is scoped by $1. Only the rows that pass every reader's filter
//     reach the statement's result, so this is sound when the body's
//     rows are each decided by their own source rows and reading them
//     has no effect (rowwise): not for a data-modifying body (it changes
//     every row it selects, whatever reads it), a locking one (FOR UPDATE
//     locks every row it selects), or one whose rows depend on others
//     (LIMIT, DISTINCT ON, window functions: another tenant's rows decide
//     which rows or values this tenant's reader gets).
//
// Pushed pins only add pins, so rounds only add facts; they stop when a
// round finds nothing new.
func analyzeStatement(q *query, o *options) []TableRef {
	var assume map[*cte]map[string]*pin
	var dead map[*cte]bool
	for round := 0; ; round++ {
		a := &analyzer{opts: o, assume: assume, dead: dead}
		a.query(q, nil)
		next, nextDead := a.assumptions(assume), a.deadCTEs()
		if round >= 4 || sameAssumptions(next, assume) && len(nextDead) == len(dead) {
			return a.refs
		}
		assume, dead = next, nextDead
	}
}

// assumptions returns prev plus, for every rowwise CTE whose readers all
// pin an output column, the pin of that column (their tenants joined).
func (a *analyzer) assumptions(prev map[*cte]map[string]*pin) map[*cte]map[string]*pin {
	out := map[*cte]map[string]*pin{}
	for def, ps := range prev {
		out[def] = maps.Clone(ps)
	}
	readers := map[*cte][]cteUse{}
	for _, u := range a.uses {
		if u.from != u.def { // a recursive CTE reading itself is not a reader
			readers[u.def] = append(readers[u.def], u)
		}
	}
	for def, us := range readers {
		if def.body == nil || modifies(def.body) || !rowwise(def.body) {
			continue
		}
		for k := range us[0].e.pins {
			if k.s != us[0].s || k.col == rowKey {
				continue
			}
			var p *pin
			for i, u := range us {
				up := u.e.pins[colKey{u.s, k.col}]
				if up == nil || up.from == def {
					p = nil
					break
				}
				if i == 0 {
					p = up
				} else if p = joinPins(p, up); p == nil {
					break
				}
			}
			if p != nil && out[def][k.col] == nil {
				if out[def] == nil {
					out[def] = map[string]*pin{}
				}
				out[def][k.col] = &pin{tenant: p.tenant}
			}
		}
	}
	return out
}

func sameAssumptions(a, b map[*cte]map[string]*pin) bool {
	n := 0
	for _, ps := range a {
		n += len(ps)
	}
	for _, ps := range b {
		n -= len(ps)
	}
	return n == 0 // b is a subset of a (assumptions only grow)
}

// deadCTEs returns the CTEs that are never evaluated: not data-modifying
// (PostgreSQL runs those to completion whether or not anything reads
// them) and not referenced from the statement itself or from a CTE that
// is evaluated.
func (a *analyzer) deadCTEs() map[*cte]bool {
	refs := map[*cte][]*cte{} // referencing CTE (nil: the statement) -> referenced
	for _, u := range a.uses {
		refs[u.from] = append(refs[u.from], u.def)
	}
	live := map[*cte]bool{}
	var visit func(c *cte)
	visit = func(c *cte) {
		if c == nil || live[c] {
			return
		}
		live[c] = true
		for _, d := range refs[c] {
			visit(d)
		}
	}
	for _, d := range refs[nil] {
		visit(d)
	}
	for _, c := range a.defs {
		if modifies(c.body) {
			visit(c)
		}
	}
	dead := map[*cte]bool{}
	for _, c := range a.defs {
		if !live[c] {
			dead[c] = true
		}
	}
	return dead
}

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
			e.ctes[c.name] = &cteEntry{out: &outputs{}, def: c}
		}
	}
	for _, c := range q.ctes {
		if !a.peeking {
			a.defs = append(a.defs, c)
		}
		prev := a.cur
		a.cur = c
		if a.dead[c] {
			a.mute++
		}
		ent := &cteEntry{out: &outputs{}, def: c}
		switch {
		case c.body == nil:
		case q.recursive && len(c.body.arms) > 1 && len(c.body.ctes) == 0:
			ent.out = a.recursiveCTE(c, e)
		default:
			ent.out = rename(a.query(c.body, e), c.cols)
		}
		if a.dead[c] {
			a.mute--
		}
		a.cur = prev
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
	e.ctes[c.name] = &cteEntry{out: rename(outs[0], c.cols), def: c}
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
	// What this block's own conditions pin comes first; pushed facts
	// only fill the gaps (and are kept apart from the readers' pins).
	if a.seedPushed(q, e) {
		a.solve(q, e)
	}
	for _, s := range q.sources {
		if s.tenant && a.mute == 0 {
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
	s.derived, s.tenant, s.cteDef = nil, false, nil
	switch {
	case s.name != "" && s.schema == "" && e.lookupCTE(s.name) != nil:
		// A CTE reference, not a table: its rows were checked where the
		// CTE was defined.
		ent := e.lookupCTE(s.name)
		s.derived, s.cteDef = ent.out, ent.def
		if !a.peeking {
			a.uses = append(a.uses, cteUse{s: s, e: e, def: ent.def, from: a.cur})
		}
	case s.name != "":
		s.tenant = a.opts.isTenant(s.name)
	case s.sub != nil && !s.lateral:
		// A plain derived table cannot see its sibling FROM items, only
		// the CTEs and outer queries.
		s.derived = rename(a.query(s.sub, &env{parent: e.parent, ctes: e.ctes}), s.colNames)
	}
}

// plain reports whether s is a table without a tenant column.
func plain(s *source) bool {
	return s.name != "" && !s.tenant && s.derived == nil
}

func (a *analyzer) seedDerived(e *env) {
	for _, s := range e.sources {
		if s.derived == nil {
			continue
		}
		for _, c := range s.derived.cols {
			// A pin pushed into a CTE's body came from its readers'
			// filters; handing it back to them would let a reader count
			// as filtered because the others are.
			if c.pin != nil && c.name != "" && (c.pin.from == nil || c.pin.from != s.cteDef) {
				if _, ok := e.pins[colKey{s, c.name}]; !ok {
					e.pins[colKey{s, c.name}] = c.pin
				}
			}
		}
	}
}

// seedPushed applies what the previous round found about the rows this
// block yields: the pins its CTE's readers all filter on, and the row
// pins an IN (SELECT ...) membership test gives it. Each becomes a fact
// about the source the output column is taken from.
func (a *analyzer) seedPushed(q *query, e *env) bool {
	changed := false
	for name, p := range a.pushed(q) {
		if s, col := a.outputSource(q, e, name, -1); s != nil && e.pins[colKey{s, col}] == nil {
			e.pins[colKey{s, col}] = p
			changed = true
		}
	}
	for i, p := range a.links[q] {
		if s, col := a.outputSource(q, e, "", i); s != nil && a.link(e, s, col, p) {
			changed = true
		}
	}
	return changed
}

// pushed returns the pins the readers of the CTE whose body q is (or is
// an arm of) all apply to its rows, by output column name of q.
func (a *analyzer) pushed(q *query) map[string]*pin {
	for def, ps := range a.assume {
		for _, b := range blocks(def.body) {
			if b != q {
				continue
			}
			out := map[string]*pin{}
			for name, p := range ps {
				pp := &pin{tenant: p.tenant, from: def}
				switch {
				case len(def.cols) > 0:
					if i := slices.Index(def.cols, name); i >= 0 {
						if n := outputName(q, i); n != "" {
							out[n] = pp
						}
					}
				case b != def.body:
					// An arm: columns are named by the first arm.
					if first := blocks(def.body)[0]; first == q {
						out[name] = pp
					} else if i := outputIndex(first, name); i >= 0 {
						if n := outputName(q, i); n != "" {
							out[n] = pp
						}
					}
				default:
					out[name] = pp
				}
			}
			return out
		}
	}
	return nil
}

// outputName is the name of q's i-th output column when no * comes
// before it; "" if unknown.
func outputName(q *query, i int) string {
	if i >= len(q.outputs) {
		return ""
	}
	for _, o := range q.outputs[:i+1] {
		if o.star {
			return ""
		}
	}
	o := q.outputs[i]
	if o.name != "" {
		return o.name
	}
	if c, ok := o.e.(*colExpr); ok {
		return c.name
	}
	return ""
}

// outputIndex is the position of q's output column called name when no *
// comes before it; -1 if unknown.
func outputIndex(q *query, name string) int {
	for i := range q.outputs {
		if q.outputs[i].star {
			return -1
		}
		if outputName(q, i) == name {
			return i
		}
	}
	return -1
}

// outputSource finds the source column q's output column called name (or
// at position i, when i >= 0) is a plain copy of, at q's own level. A *
// counts when exactly one of the sources it covers can have the column.
func (a *analyzer) outputSource(q *query, e *env, name string, i int) (*source, string) {
	var o *output
	if i >= 0 {
		if outputName(q, i) == "" {
			return nil, ""
		}
		o = &q.outputs[i]
	} else {
		for j := range q.outputs {
			if !q.outputs[j].star && outputName(q, j) == name {
				o = &q.outputs[j]
				break
			}
		}
	}
	if o != nil {
		col, ok := o.e.(*colExpr)
		if !ok {
			return nil, ""
		}
		if owner, s := a.resolve(e, col); owner == e && s != nil {
			return s, col.name
		}
		return nil, ""
	}
	var hit *source
	n := 0
	for _, st := range q.outputs {
		if !st.star {
			continue
		}
		for _, s := range e.sources {
			if (st.qual == "" || visibleName(s) == st.qual) && a.mayHave(s, name) && s != hit {
				hit, n = s, n+1
			}
		}
	}
	if n == 1 {
		return hit, name
	}
	return nil, ""
}

func (a *analyzer) subqueries(q *query, e *env) {
	if a.peeking {
		return
	}
	seeds := a.memberSeeds(q, e)
	for _, sub := range q.subs {
		if ps := seeds[sub]; ps != nil && setwise(sub, slices.Collect(maps.Keys(ps))) {
			if a.links == nil {
				a.links = map[*query]map[int]*pin{}
			}
			for _, b := range blocks(sub) {
				a.links[b] = ps
			}
		}
		a.query(sub, e)
	}
}

// memberSeeds finds the membership tests `x IN (SELECT y ...)` in q's
// conditions where x is a column of a scoped row, in a position where the
// test can only keep rows (not under NOT, where NOT IN's NULL rules make
// every row of the subquery matter). Only the subquery rows whose y
// equals x decide such a test, so they are linked to x's row exactly as
// in the correlated EXISTS (SELECT 1 ... WHERE y = x): the result is, for
// each subquery, the row pin of each output position.
func (a *analyzer) memberSeeds(q *query, e *env) map[*query]map[int]*pin {
	var seeds map[*query]map[int]*pin
	var walk func(x expr)
	walk = func(x expr) {
		switch v := x.(type) {
		case *andExpr:
			for _, arg := range v.args {
				walk(arg)
			}
		case *orExpr:
			for _, arg := range v.args {
				walk(arg)
			}
		case *eqExpr:
			sc, ok := v.r.(*subColExpr)
			if !ok || sc.scalar {
				return
			}
			if p := a.rowPin(e, v.l); p != nil {
				if seeds == nil {
					seeds = map[*query]map[int]*pin{}
				}
				if seeds[sc.q] == nil {
					seeds[sc.q] = map[int]*pin{}
				}
				seeds[sc.q][sc.i] = p
			}
		}
	}
	for _, c := range q.conds {
		walk(c.e)
	}
	return seeds
}

// solve pins columns until nothing changes. Only top-level conjuncts
// count: a predicate under OR or NOT does not restrict every row, except
// that an OR whose every branch pins (or links) a column pins it to all
// of the branches' tenants.
func (a *analyzer) solve(q *query, e *env) { a.solveConds(e, q.conds) }

func (a *analyzer) solveConds(e *env, conds []cond) {
	for changed := true; changed; {
		changed = false
		a.peeked = nil // pins may have changed what subqueries yield
		for _, c := range conds {
			for _, x := range conjuncts(c.e) {
				switch v := x.(type) {
				case *eqExpr:
					for _, side := range [][2]expr{{v.l, v.r}, {v.r, v.l}} {
						if a.tryPin(e, c, side[0], side[1]) || a.tryLink(e, c, side[0], side[1]) {
							changed = true
						}
					}
				case *orExpr:
					if a.tryOr(e, c, v) {
						changed = true
					}
				}
			}
		}
	}
}

// tryOr pins what every branch of an OR pins: each branch is solved on
// its own, on top of what is already known, and a column (or the row
// pin of a table without a tenant column) that every branch pins gets
// the union of their tenants. Branches pinned to literals do not join
// (two literals may be two tenants).
//
// A branch that holds only when the caller binds the empty string or NULL to a placeholder
// is an optional filter's "no filter" case, scoped by $1:
//
//	(tenant_id = $1 OR $1 = '')
//	($1::text IS NULL OR tenant_id = $1)
//
// A caller that binds a tenant to $1 never takes that branch; one binding the empty string
// (every tenant) is then the caller's finding, as any constant tenant is. Such a branch is
// left out when every pin the other branches share is to that placeholder (among others); a
// pin to another placeholder is dropped: `tenant_id = $1 OR $2 = ...` returns every row
// when $2 is empty.
func (a *analyzer) tryOr(e *env, c cond, o *orExpr) bool {
	var common map[colKey]*pin
	var vacuous []Placeholder
	var branches []expr
	for _, b := range o.args {
		if ph, ok := emptyPlaceholder(b); ok {
			vacuous = append(vacuous, ph)
			continue
		}
		branches = append(branches, b)
	}
	for i, b := range branches {
		he := &env{parent: e.parent, ctes: e.ctes, sources: e.sources, pins: maps.Clone(e.pins)}
		a.solveConds(he, []cond{{e: b, all: c.all, scope: c.scope}})
		got := map[colKey]*pin{}
		for k, p := range he.pins {
			if old := e.pins[k]; old == nil || k.col == rowKey && old.ref && !p.ref {
				got[k] = p
			}
		}
		if i == 0 {
			common = got
		} else {
			for k, p := range common {
				if j := joinPins(p, got[k]); j != nil {
					common[k] = j
				} else {
					delete(common, k)
				}
			}
		}
		if len(common) == 0 {
			return false
		}
	}
	for k, p := range common {
		for _, ph := range vacuous {
			if !slices.Contains(p.tenant, ph) {
				delete(common, k)
				break
			}
		}
	}
	if len(common) == 0 {
		return false
	}
	for k, p := range common {
		e.pins[k] = p
	}
	return true
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

// tryLink scopes the row target belongs to when other is a column of a
// scoped row: the row it references (or that references it) is that
// tenant's, so it is too (see link).
func (a *analyzer) tryLink(e *env, c cond, target, other expr) bool {
	col, ok := target.(*colExpr)
	if !ok {
		return false
	}
	owner, s := a.resolve(e, col)
	if owner != e || s == nil || !c.restricts(s) {
		return false
	}
	p := a.rowPin(e, other)
	if p == nil {
		return false
	}
	if s.tenant && a.opts.isTenantColumn(s.name, col.name) {
		return a.linkToTenantRow(e, s, col.name, other, p)
	}
	return a.link(e, s, col.name, p)
}

// linkToTenantRow scopes a tenant table by its tenant column equated with the key of a row of
// a tenant table of a coarser tenant (one whose tenant column is another) that is scoped: that
// row is a tenant (its id is what s's tenant column holds), and it belongs to the tenant p.
// This is a hierarchy of tenants, as in
//
//	FROM events e JOIN projects p ON p.id = e.project_id WHERE p.organisation_id = $1
//	FROM events WHERE project_id IN (SELECT id FROM projects WHERE organisation_id = $1)
//
// where events belong to a project and projects to an organisation: the events are those of
// the projects of organisation $1, rows of the coarser tenant, and the caller must bind that
// tenant to $1. Any other column of a scoped row, or the key of a row of the same tenant
// level (an endpoint's id), says nothing of which tenant s's rows belong to.
func (a *analyzer) linkToTenantRow(e *env, s *source, col string, other expr, p *pin) bool {
	if a.scopedBy(e, s) != nil {
		return false
	}
	var parent *source
	switch v := other.(type) {
	case *colExpr:
		if !isKey(v.name) {
			return false
		}
		_, parent = a.resolve(e, v)
	case *subColExpr:
		out := a.peek(e, v.q)
		if !out.exact || v.i >= len(out.cols) || !isKey(out.cols[v.i].name) || out.cols[v.i].tenantCol {
			return false
		}
		parent = out.cols[v.i].origin
	}
	if parent == nil || parent == s || !parent.tenant || a.opts.isTenantColumn(parent.name, col) {
		return false
	}
	e.pins[colKey{s, col}] = &pin{tenant: p.tenant}
	return true
}

// link records that column col of s's rows equals a column of a row whose
// tenant is p.
//
// A tenant table gets p on its tenant column, so the caller's obligation
// (its placeholders) is the same. A table without a tenant column gets p
// as its row pin, by the direction of the reference, which a column's
// name gives away:
//   - by a column that refers to another row (dag_id, "workflowId", or
//     "A"/"B" of a Prisma join table such as "_ActionToWorker"), s's row
//     refers to the scoped row, or to the row the scoped row refers to:
//     it is a child or join-table row of that tenant's, and links on in
//     every direction;
//   - by its key, id, s's row is the one the scoped row refers to. It may
//     be a row all tenants share (a category, a plan, a user), so it only
//     links the rows it refers to in turn (ref): rows that refer to it
//     may be other tenants' (categories.id = d.category_id, then
//     offers.category_id = categories.id, finds every tenant's offers);
//   - by any other column, nothing.
//
// A ref row pin reaches a tenant table only through that table's key.
func (a *analyzer) link(e *env, s *source, col string, p *pin) bool {
	switch {
	case s.tenant:
		if a.scopedBy(e, s) != nil || a.opts.isTenantColumn(s.name, col) || p.ref && !isKey(col) {
			return false
		}
		e.pins[colKey{s, a.opts.tenantColumns(s.name)[0]}] = &pin{tenant: p.tenant}
		return true
	case plain(s):
		var np *pin
		switch {
		case isKey(col):
			np = &pin{tenant: p.tenant, ref: true}
		case !p.ref && isReference(s.name, col):
			np = &pin{tenant: p.tenant}
		default:
			return false
		}
		if old := e.pins[colKey{s, rowKey}]; old != nil && (!old.ref || np.ref) {
			return false
		}
		e.pins[colKey{s, rowKey}] = np
		return true
	}
	return false
}

// isKey reports whether col is named like a table's own key.
func isKey(col string) bool { return col == "id" }

// isReference reports whether col of table is named like a reference to
// another row: an id column other than the key (device_id, "workflowId",
// external_uuid), or a column "A" or "B" of a Prisma implicit
// many-to-many table ("_ActionToWorker").
func isReference(table, col string) bool {
	if strings.HasPrefix(table, "_") && (col == "a" || col == "b") {
		return true
	}
	return col != "id" && strings.HasSuffix(col, "id")
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
		if out := a.peek(e, v.q); out.exact && v.i < len(out.cols) && out.cols[v.i].pin != nil {
			return out.cols[v.i].pin
		}
		if v.scalar {
			// A scalar subquery yields one value.
			return &pin{}
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
		if s != nil {
			return a.rowPinOf(owner, s, v.name)
		}
		if len(v.cands) > 1 {
			// JOIN ... USING (col) with several tables on the left: the
			// column is one of theirs, so it is a scoped row's when
			// every table that may have it is scoped alike.
			var p *pin
			n := 0
			for _, c := range v.cands {
				if c.derived != nil && c.derived.exact {
					if _, ok := c.derived.col(v.name); !ok {
						continue
					}
				}
				cp := a.rowPinOf(e, c, v.name)
				if cp == nil {
					return nil
				}
				if n == 0 {
					p = cp
				} else if p = joinPins(p, cp); p == nil {
					return nil
				}
				n++
			}
			return p
		}
	case *subColExpr:
		if out := a.peek(e, v.q); out.exact && v.i < len(out.cols) {
			return out.cols[v.i].row
		}
	}
	return nil
}

// rowPinOf is the row pin of column col of source s, whose pins are in
// owner.
func (a *analyzer) rowPinOf(owner *env, s *source, col string) *pin {
	switch {
	case s.tenant:
		if !a.opts.isTenantColumn(s.name, col) {
			return a.scopedBy(owner, s)
		}
	case s.derived != nil:
		return a.derivedRow(owner, s, col)
	case plain(s):
		p := owner.pins[colKey{s, rowKey}]
		if p != nil && p.ref && !isReference(s.name, col) {
			// A row that may be shared links only what it refers to.
			return nil
		}
		return p
	}
	return nil
}

// derivedRow is the row pin of column col of a CTE or derived table s:
// the one its definition gives, or, when this query pins the tenant
// column taken from the same tenant table row, that pin: the filter
// keeps only that tenant's rows.
func (a *analyzer) derivedRow(owner *env, s *source, col string) *pin {
	d := s.derived
	c, ok := d.col(col)
	if ok && c.row != nil {
		return c.row
	}
	var origin *source
	switch {
	case ok && c.tenantCol:
		return nil // the tenant column itself is no link
	case ok:
		origin = c.origin
	case !d.exact && d.starRow != nil:
		return d.starRow
	case !d.exact:
		origin = d.starOrigin
	}
	if origin == nil {
		return nil
	}
	for _, t := range d.cols {
		if t.origin == origin && t.tenantCol {
			if p := owner.pins[colKey{s, t.name}]; p != nil && (p.from == nil || p.from != s.cteDef) {
				return &pin{tenant: p.tenant}
			}
		}
	}
	if d.starOrigin == origin {
		for _, tc := range a.opts.tenantColumns(origin.name) {
			if p := owner.pins[colKey{s, tc}]; p != nil && (p.from == nil || p.from != s.cteDef) {
				return &pin{tenant: p.tenant}
			}
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
	k := peekKey{e, q}
	if out, ok := a.peeked[k]; ok {
		return out
	}
	pa := &analyzer{opts: a.opts, peeking: true, assume: a.assume, dead: a.dead}
	out := pa.query(q, e)
	if a.peeked == nil {
		a.peeked = map[peekKey]*outputs{}
	}
	a.peeked[k] = out
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
		if n == 0 {
			hit, n = a.onlyCandidate(c.cands, c.name)
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
		case len(e.sources) > 0:
			// Table columns are unknown, but a CTE or derived table lists
			// its own: when all sources but one are known to lack the
			// column, it is that one's (a query naming a column several
			// of its tables have would not run).
			if hit, n := a.onlyCandidate(e.sources, c.name); n == 1 {
				return e, hit
			}
			return nil, nil
		}
	}
	return nil, nil
}

// onlyCandidate returns the one source of srcs not known to lack column
// col (n == 1), or n != 1.
func (a *analyzer) onlyCandidate(srcs []*source, col string) (hit *source, n int) {
	for _, s := range srcs {
		if s.derived != nil && s.derived.exact {
			if _, ok := s.derived.col(col); !ok {
				continue
			}
		}
		hit, n = s, n+1
	}
	return hit, n
}

// mayHave reports whether s is known to have column col.
func (a *analyzer) mayHave(s *source, col string) bool {
	if s.tenant {
		return a.opts.isTenantColumn(s.name, col)
	}
	if s.derived != nil {
		if _, ok := s.derived.col(col); ok {
			return true
		}
		// SELECT * from one tenant table has its tenant column.
		o := s.derived.starOrigin
		return !s.derived.exact && o != nil && a.opts.isTenantColumn(o.name, col)
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
	var starSources []*source
	for _, o := range q.outputs {
		if o.star {
			out.exact = false
			for _, s := range e.sources {
				if o.qual != "" && visibleName(s) != o.qual {
					continue
				}
				starSources = append(starSources, s)
				switch {
				case s.derived != nil:
					for _, c := range s.derived.cols {
						if c.name != "" {
							out.cols = append(out.cols, outCol{name: c.name, pin: e.pins[colKey{s, c.name}], row: a.derivedRow(e, s, c.name), origin: c.origin, tenantCol: c.tenantCol})
						}
					}
					if !s.derived.exact {
						star(a.derivedRow(e, s, starCol))
					}
				case s.tenant:
					for _, n := range a.opts.tenantColumns(s.name) {
						if p := e.pins[colKey{s, n}]; p != nil {
							out.cols = append(out.cols, outCol{name: n, pin: p, origin: s, tenantCol: true})
						}
					}
					star(a.scopedBy(e, s))
				case plain(s):
					// A table without a tenant column: its columns are a
					// scoped row's when it is linked (and not shared).
					p := e.pins[colKey{s, rowKey}]
					if p != nil && p.ref {
						p = nil
					}
					star(p)
				default:
					// A function: columns of rows that no tenant scopes.
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
				if owner == e {
					switch {
					case s.tenant:
						oc.origin, oc.tenantCol = s, a.opts.isTenantColumn(s.name, x.name)
					case s.derived != nil:
						if c, ok := s.derived.col(x.name); ok {
							oc.origin, oc.tenantCol = c.origin, c.tenantCol
						} else if !s.derived.exact && s.derived.starOrigin != nil {
							oc.origin = s.derived.starOrigin
							oc.tenantCol = a.opts.isTenantColumn(oc.origin.name, x.name)
						}
					}
				}
			}
			oc.row = a.rowPin(e, x)
		case *subColExpr:
			oc.pin = a.valuePin(e, x)
			oc.row = a.rowPin(e, x)
		case *paramExpr, *paramSetExpr, *valueExpr:
			oc.pin = a.valuePin(e, x)
		}
		out.cols = append(out.cols, oc)
	}
	if len(starSources) == 1 && starSources[0].tenant {
		out.starOrigin = starSources[0]
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
	cp := &outputs{exact: true, cols: slices.Clone(out.cols), starRow: out.starRow, starOrigin: out.starOrigin}
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
	m := &outputs{exact: outs[0].exact, cols: slices.Clone(outs[0].cols), starRow: outs[0].starRow, starOrigin: outs[0].starOrigin}
	for _, o := range outs[1:] {
		m.exact = m.exact && o.exact
		m.starRow = joinPins(m.starRow, o.starRow)
		m.starOrigin = nil
		for i := range m.cols {
			var other outCol
			if o.exact && i < len(o.cols) {
				other = o.cols[i]
			}
			m.cols[i].pin = joinPins(m.cols[i].pin, other.pin)
			m.cols[i].row = joinPins(m.cols[i].row, other.row)
			// Rows of different arms are different rows.
			m.cols[i].origin, m.cols[i].tenantCol = nil, false
		}
	}
	return m
}

// joinPins is the pin of a column that holds a's values or b's: all of
// their placeholders. Two values not from placeholders (two literals,
// say) may be two tenants nobody bound, so they do not join. The join of
// row pins is a shared row's (ref) if either is.
func joinPins(a, b *pin) *pin {
	if a == nil || b == nil || len(a.tenant) == 0 || len(b.tenant) == 0 {
		return nil
	}
	j := &pin{tenant: uniq(append(slices.Clone(a.tenant), b.tenant...)), ref: a.ref || b.ref, from: a.from}
	if j.from == nil {
		j.from = b.from
	}
	return j
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
