package sqltext

import (
	"slices"
	"strings"
)

// The two parsers produce unrelated trees, so each front end (postgres.go,
// mysql.go) lowers its tree into the small dialect-neutral form below and
// one analyzer (analyze.go) applies the scoping rules. The form keeps only
// what scoping depends on: which relations a query reads, which boolean
// conditions restrict which of them, and where nested queries hang.

// query is one query expression or data-modifying statement. Exactly one
// shape is used: arms (set operation), rows (VALUES), insert, or a block
// (sources/conds/outputs) for SELECT, UPDATE and DELETE.
type query struct {
	ctes      []*cte
	recursive bool // WITH RECURSIVE: every CTE name is visible in every body

	arms []*query  // UNION / INTERSECT / EXCEPT
	rows [][]expr  // VALUES
	ins  *insertIR // INSERT / REPLACE

	sources  []*source // FROM items (UPDATE/DELETE: the target first)
	conds    []cond    // WHERE and JOIN conditions
	hasWhere bool
	outputs  []output // select list or RETURNING

	// subs are queries nested in expressions (WHERE, select list, SET,
	// RETURNING, function arguments in FROM, ...). They are analyzed
	// after this query's own references, with this query as their outer
	// scope, so correlated predicates can rely on outer scoping.
	subs []*query

	// dml marks UPDATE and DELETE (INSERT has ins): statements that
	// change rows, which PostgreSQL runs to completion even in a CTE
	// nobody reads.
	dml bool
	// limited marks a block whose rows depend on other rows than their
	// own: LIMIT, OFFSET or FETCH, or a window function. Filtering its
	// result afterwards is not the same as filtering its sources first.
	limited bool
	// distinctOn lists the expressions of DISTINCT ON, which keeps one
	// row of each group: which one depends on the group's other rows.
	distinctOn []expr
	// locks marks FOR UPDATE / FOR SHARE (and the MySQL forms): reading
	// a row then has an effect on it.
	locks bool
}

// rowwise reports whether every row q yields is decided by the source
// rows it is made of alone, and reading them has no effect: then a
// condition applied to q's result may be read as a condition on those
// source rows. It is false for data-modifying statements, LIMIT and the
// like, window functions and locking reads, in any arm.
func rowwise(q *query) bool {
	if q == nil || q.dml || q.ins != nil || q.limited || q.locks || len(q.distinctOn) > 0 {
		return false
	}
	for _, arm := range q.arms {
		if !rowwise(arm) {
			return false
		}
	}
	return true
}

// setwise reports whether the set of values q yields in the output
// columns at positions is decided by the source rows that have those
// values alone, as rowwise, except that DISTINCT ON is allowed when those
// columns are among its expressions (one row of each group is kept, and
// it has the group's value there).
func setwise(q *query, positions []int) bool {
	if q == nil || q.dml || q.ins != nil || q.limited || q.locks {
		return false
	}
	for _, arm := range q.arms {
		if !setwise(arm, positions) {
			return false
		}
	}
	if len(q.distinctOn) == 0 {
		return true
	}
	for _, i := range positions {
		if i >= len(q.outputs) || q.outputs[i].star {
			return false
		}
		c, ok := q.outputs[i].e.(*colExpr)
		if !ok || !slices.ContainsFunc(q.distinctOn, func(d expr) bool {
			dc, ok := d.(*colExpr)
			return ok && dc.name == c.name && dc.qual == c.qual
		}) {
			return false
		}
	}
	return true
}

// modifies reports whether q or a CTE inside it changes rows.
func modifies(q *query) bool {
	if q == nil {
		return false
	}
	if q.dml || q.ins != nil {
		return true
	}
	for _, c := range q.ctes {
		if modifies(c.body) {
			return true
		}
	}
	for _, arm := range q.arms {
		if modifies(arm) {
			return true
		}
	}
	return false
}

// blocks lists the SELECT blocks whose rows make up q's result: q itself,
// or the arms of a set operation (recursively).
func blocks(q *query) []*query {
	if q == nil || q.rows != nil || q.ins != nil {
		return nil
	}
	if q.arms == nil {
		return []*query{q}
	}
	var out []*query
	for _, arm := range q.arms {
		out = append(out, blocks(arm)...)
	}
	return out
}

type cte struct {
	name string   // lower-cased
	cols []string // optional column alias list, lower-cased
	body *query   // nil when the body is not something we analyze
}

type insertIR struct {
	target  *source
	hasCols bool     // a column list was written
	cols    []string // lower-cased
	rows    [][]expr // VALUES rows (or the MySQL SET list as one row)
	sel     *query   // INSERT ... SELECT
}

// source is one FROM item.
type source struct {
	name     string // lower-cased unqualified table name; "" if not a table
	schema   string
	alias    string   // lower-cased
	offset   int      // in the rewritten text; -1 if unknown
	sub      *query   // derived table
	lateral  bool     // sub may reference earlier FROM items
	colNames []string // alias column list of a derived table

	// Set by the analyzer.
	derived *outputs // columns of a CTE or derived table
	tenant  bool     // a real tenant table
	cteDef  *cte     // the CTE a reference to a CTE name resolves to
}

// cond is a boolean condition and the sources it restricts. A WHERE or
// inner-join condition restricts every row (all == true); an outer join's
// ON only restricts the rows of its nullable side.
type cond struct {
	e     expr
	all   bool
	scope []*source
}

func (c cond) restricts(s *source) bool {
	if c.all {
		return true
	}
	for _, x := range c.scope {
		if x == s {
			return true
		}
	}
	return false
}

// output is one select-list or RETURNING item.
type output struct {
	name string // output column name, lower-cased; "" if unknown
	e    expr
	star bool   // * or qual.*
	qual string // for qual.*
}

type expr interface{ exprNode() }

type andExpr struct{ args []expr }
type orExpr struct{ args []expr }
type notExpr struct{ arg expr }

// eqExpr is an equality that pins one side to the other: =, IS NOT
// DISTINCT FROM, <=>, IN with a single item, = ANY(single placeholder).
// The set forms are eqExprs too, with the set on the right: x IN ($1, $2)
// (a paramSetExpr), x IN (SELECT ...) (a subColExpr), and each column of
// (a, b) IN (...) or (a, b) = (c, d).
type eqExpr struct {
	l, r expr
	text string
	// multi marks an eqExpr taken from an IN list or subquery, = ANY or a
	// row comparison. Those forms used to be opaque, and when they do not
	// scope they are still explained as one predicate on the column.
	multi bool
}

// colExpr is a column reference. cands, when set, limits resolution to
// those sources (the two sides of JOIN ... USING).
type colExpr struct {
	qual  string
	name  string
	text  string
	cands []*source
}

type paramExpr struct {
	ph   Placeholder
	text string
}

// paramSetExpr is a set of values that are all bound to placeholders:
// the list of IN ($1, $2) or ARRAY[$1, $2].
type paramSetExpr struct {
	phs  []Placeholder
	text string
}

// subColExpr is column i of what a subquery yields, the right-hand side
// of x IN (SELECT ...), or (scalar) the value of a scalar subquery
// (SELECT x ...) used as an expression. The subquery is also in its
// parent's subs, where its references are reported.
type subColExpr struct {
	q      *query
	i      int
	scalar bool
	text   string
}

// valueExpr is a single value that does not depend on any column: a
// literal, or a function of literals and parameters such as
// current_setting('app.tenant'). (A scalar subquery is a subColExpr.)
type valueExpr struct{ text string }

// otherExpr is anything else; cols lists the columns it mentions so that
// a near miss (tenant_id <> $1, coalesce($1, tenant_id)) can be explained.
type otherExpr struct {
	cols []*colExpr
	text string
}

// paramNullExpr is `$1 IS NULL`: a test of what the caller binds, of no column.
type paramNullExpr struct {
	ph   Placeholder
	text string
}

// emptyPlaceholder reports whether x holds exactly when the caller binds the empty string or
// NULL to a placeholder (an equality with the empty literal, or IS NULL; a cast of $1 is
// $1): the "no filter" branch of an optional filter, which never holds when $1 is a tenant
// (see tryOr).
func emptyPlaceholder(x expr) (Placeholder, bool) {
	switch v := x.(type) {
	case *paramNullExpr:
		return v.ph, true
	case *eqExpr:
		if v.multi {
			return Placeholder{}, false
		}
		for _, side := range [][2]expr{{v.l, v.r}, {v.r, v.l}} {
			p, ok := side[0].(*paramExpr)
			k, isValue := side[1].(*valueExpr)
			if ok && isValue && emptyStringLiteral(k.text) {
				return p.ph, true
			}
		}
	}
	return Placeholder{}, false
}

// emptyStringLiteral: the empty string literal as either front end spells it (MySQL's
// restore adds the charset introducer _UTF8MB4 before it).
func emptyStringLiteral(text string) bool {
	if text == "''" {
		return true
	}
	cs, ok := strings.CutSuffix(text, "''")
	return ok && strings.HasPrefix(cs, "_") && !strings.ContainsAny(cs, "' ")
}

func (*andExpr) exprNode()       {}
func (*paramNullExpr) exprNode() {}
func (*orExpr) exprNode()        {}
func (*notExpr) exprNode()       {}
func (*eqExpr) exprNode()        {}
func (*colExpr) exprNode()       {}
func (*paramExpr) exprNode()     {}
func (*paramSetExpr) exprNode()  {}
func (*subColExpr) exprNode()    {}
func (*valueExpr) exprNode()     {}
func (*otherExpr) exprNode()     {}

func exprText(e expr) string {
	switch x := e.(type) {
	case *colExpr:
		return x.text
	case *paramExpr:
		return x.text
	case *paramSetExpr:
		return x.text
	case *subColExpr:
		return x.text
	case *valueExpr:
		return x.text
	case *otherExpr:
		return x.text
	case *eqExpr:
		return x.text
	case *paramNullExpr:
		return x.text
	}
	return "(...)"
}

func newEq(l, r expr) *eqExpr {
	return &eqExpr{l: l, r: r, text: exprText(l) + " = " + exprText(r)}
}

// multiEq is the conjunction of l[i] = r[i], flagged multi: what a row
// comparison (a, b) = (c, d) means, and what (a, b) IN (...) implies for
// each column.
func multiEq(l, r []expr) expr {
	and := &andExpr{}
	for i := range l {
		eq := newEq(l[i], r[i])
		eq.multi = true
		and.args = append(and.args, eq)
	}
	if len(and.args) == 1 {
		return and.args[0]
	}
	return and
}

// equal is l = r, where each side is a row (a, b) or a single expression
// (a row of one).
func equal(l, r []expr) expr {
	switch {
	case len(l) == 1 && len(r) == 1:
		return newEq(l[0], r[0])
	case len(l) == len(r):
		return multiEq(l, r)
	}
	var cols []*colExpr
	for _, x := range append(l, r...) {
		cols = append(cols, columnsOf(x)...)
	}
	return valueOrOther(cols, "(expression)")
}

// paramsExpr is one placeholder as itself and several as a set; nil for
// none.
func paramsExpr(ps []*paramExpr) expr {
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	set := &paramSetExpr{}
	var texts []string
	for _, p := range ps {
		set.phs = append(set.phs, p.ph)
		texts = append(texts, p.text)
	}
	set.text = "(" + strings.Join(texts, ", ") + ")"
	return set
}

// subCols is the right-hand side of (a, b) IN (SELECT ...): column i of
// the subquery for each of n columns.
func subCols(sub *query, n int) []expr {
	r := make([]expr, n)
	for i := range r {
		r[i] = &subColExpr{q: sub, i: i, text: "(SELECT ...)"}
	}
	return r
}

// columnsOf lists the column references inside e.
func columnsOf(e expr) []*colExpr {
	switch x := e.(type) {
	case *colExpr:
		return []*colExpr{x}
	case *otherExpr:
		return x.cols
	case *eqExpr:
		return append(columnsOf(x.l), columnsOf(x.r)...)
	case *notExpr:
		return columnsOf(x.arg)
	case *andExpr:
		var out []*colExpr
		for _, a := range x.args {
			out = append(out, columnsOf(a)...)
		}
		return out
	case *orExpr:
		var out []*colExpr
		for _, a := range x.args {
			out = append(out, columnsOf(a)...)
		}
		return out
	}
	return nil
}

// conjuncts splits e at top-level ANDs. Anything under an OR or NOT stays
// whole, which is exactly why `t = $1 AND a OR b` does not scope.
func conjuncts(e expr) []expr {
	if a, ok := e.(*andExpr); ok {
		var out []expr
		for _, x := range a.args {
			out = append(out, conjuncts(x)...)
		}
		return out
	}
	if e == nil {
		return nil
	}
	return []expr{e}
}

// valueOrOther builds the expression for a node we do not model: a single
// value if it mentions no column, otherwise an opaque expression.
func valueOrOther(cols []*colExpr, text string) expr {
	if len(cols) == 0 {
		return &valueExpr{text: text}
	}
	return &otherExpr{cols: cols, text: text}
}
