package sqltext

import (
	"fmt"
	"strconv"
	"strings"
)

// An ORM's Where fragment ("tenant_id = ? AND id = ?", bun's "?TableAlias.tenant_id = ?",
// "message_id IN (SELECT id FROM messages WHERE tenant_id = ?)") is a SQL condition that the
// ORM ANDs into the WHERE of the query it builds, on a table the fragment does not name. It is
// read by the same parsers and scoping rules as query text: the fragment becomes the WHERE of
// a SELECT from a stand-in for that table, and the stand-in's verdict is the fragment's.

// fragmentTable stands for the table of the query a fragment is ANDed into.
const fragmentTable = "tenantlint_fragment_table"

// Fragment is what a condition fragment says about the tenant of the rows it restricts.
type Fragment struct {
	// Scoped: a tenant column of the query's table is pinned (by a top-level conjunct, an OR
	// every branch of which pins it, or a link to a scoped subquery's rows).
	Scoped bool
	// Column is the tenant column that scopes it (lower-cased).
	Column string
	// Tenant lists the placeholders that give the tenant. Index is the 1-based position of a
	// `?` among the fragment's `?` placeholders (which bind the ORM's variadic arguments in
	// order); a named one (@name) has its Name set and an Index that is no position.
	Tenant []Placeholder
}

// AnalyzeFragment reads a condition fragment. Placeholders are `?` in every dialect (the ORMs
// rewrite them for the database); bun's `?TableAlias.` and `?TableName.` qualifiers name the
// query's own table; gorm's `IN ?` (a slice bound without parentheses) is read as `IN (?)`.
// Qualifiers that name no table of the fragment name the query's table or one it joins,
// which the fragment does not show: they are taken as the query's table. Every table named in
// the fragment's subqueries is taken as a tenant table, so that a subquery scopes the
// fragment only when it is scoped itself. The error is a parse error.
func AnalyzeFragment(frag string, opts Options) (res *Fragment, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("sqltext: internal error analyzing fragment: %v", p)
		}
	}()
	o, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	columnOf := o.columnOf
	o.columnOf = func(table string) string {
		if table == fragmentTable || columnOf == nil {
			return ""
		}
		return columnOf(table)
	}
	o.isTenant = func(string) bool { return true }
	text, err := fragmentSQL(frag, o.dialect)
	if err != nil {
		return nil, err
	}
	rw := rewritePlaceholders(text, o.dialect)
	var stmts []parsedStmt
	if o.dialect == MySQL {
		stmts, err = parseMySQL(rw)
	} else {
		stmts, err = parsePostgres(rw, text)
	}
	if err != nil {
		return nil, err
	}
	if len(stmts) != 1 || stmts[0].q == nil || len(stmts[0].q.sources) != 1 {
		return nil, fmt.Errorf("sqltext: fragment %q is not one condition", frag)
	}
	q := stmts[0].q
	qualifyFragment(q)
	res = &Fragment{}
	for _, ref := range analyzeStatement(q, o) {
		if ref.Table != fragmentTable {
			continue
		}
		res.Scoped, res.Column = ref.Scoped, ref.Column
		// The wrapper adds no placeholder: $n (Postgres) and the n-th ? (MySQL) are the
		// fragment's n-th ?.
		res.Tenant = ref.Tenant
	}
	return res, nil
}

// fragmentSQL wraps a fragment into a statement the parser accepts, with its `?` placeholders
// in the dialect's positional form ($n for Postgres, numbered in order).
func fragmentSQL(frag string, d Dialect) (string, error) {
	toks := tokenize(frag, d)
	var b strings.Builder
	b.WriteString("SELECT 1 FROM " + fragmentTable + " WHERE (")
	n := 0
	isQ := func(t token) bool {
		return (t.kind == tkQMark || t.kind == tkPunct) && frag[t.start:t.end] == "?"
	}
	prev := func(i int) int { // the previous significant token
		for i--; i >= 0 && (toks[i].kind == tkSpace || toks[i].kind == tkComment); i-- {
		}
		return i
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tkDollarParam {
			// The wrapper numbers the fragment's ? as $1, $2, ...: a $n of the fragment's own
			// would be read as one of them. ORMs bind fragments with ?; a $n is passed to the
			// database as written, which the caller's text scan reads instead.
			return "", fmt.Errorf("sqltext: positional placeholder %s in fragment", frag[t.start:t.end])
		}
		if !isQ(t) {
			b.WriteString(frag[t.start:t.end])
			continue
		}
		if i+1 < len(toks) && (toks[i+1].kind == tkIdent || toks[i+1].kind == tkNumber) && toks[i+1].start == t.end {
			// bun's ?TableAlias, ?TableName, ?PKs, ?0 or a named ?arg.
			name := frag[toks[i+1].start:toks[i+1].end]
			if i+2 < len(toks) && frag[toks[i+2].start:toks[i+2].end] == "." {
				i += 2 // a qualifier of the query's own table
				continue
			}
			return "", fmt.Errorf("sqltext: bun placeholder ?%s in fragment", name)
		}
		if i+1 < len(toks) && isQ(toks[i+1]) {
			return "", fmt.Errorf("sqltext: ?? in fragment")
		}
		n++
		ph := "?"
		if d != MySQL {
			ph = "$" + strconv.Itoa(n)
		}
		if p := prev(i); p >= 0 && toks[p].kind == tkIdent && strings.EqualFold(frag[toks[p].start:toks[p].end], "in") {
			ph = "(" + ph + ")"
		}
		b.WriteString(ph)
	}
	b.WriteString(")")
	return b.String(), nil
}

// qualifyFragment takes column qualifiers that name no table of the fragment as the query's
// table (gorm's "cards"."board_id", an alias the query gives its model).
func qualifyFragment(q *query) {
	known := map[string]bool{}
	var cols []*colExpr
	walkQuery(q, func(s *source) { known[visibleName(s)] = true }, func(c *colExpr) { cols = append(cols, c) })
	for _, c := range cols {
		if c.qual != "" && !known[c.qual] {
			c.qual = fragmentTable
		}
	}
}

// walkQuery visits every source and column reference of q and the queries inside it.
func walkQuery(q *query, src func(*source), col func(*colExpr)) {
	if q == nil {
		return
	}
	var ex func(e expr)
	ex = func(e expr) {
		switch x := e.(type) {
		case *andExpr:
			for _, a := range x.args {
				ex(a)
			}
		case *orExpr:
			for _, a := range x.args {
				ex(a)
			}
		case *notExpr:
			ex(x.arg)
		case *eqExpr:
			ex(x.l)
			ex(x.r)
		case *colExpr:
			col(x)
		case *otherExpr:
			for _, c := range x.cols {
				col(c)
			}
		}
	}
	for _, c := range q.ctes {
		walkQuery(c.body, src, col)
	}
	for _, a := range q.arms {
		walkQuery(a, src, col)
	}
	for _, r := range q.rows {
		for _, e := range r {
			ex(e)
		}
	}
	if q.ins != nil {
		if q.ins.target != nil {
			src(q.ins.target)
		}
		for _, r := range q.ins.rows {
			for _, e := range r {
				ex(e)
			}
		}
		walkQuery(q.ins.sel, src, col)
	}
	for _, s := range q.sources {
		src(s)
		walkQuery(s.sub, src, col)
	}
	for _, c := range q.conds {
		ex(c.e)
	}
	for _, o := range q.outputs {
		ex(o.e)
	}
	for _, e := range q.distinctOn {
		ex(e)
	}
	for _, s := range q.subs {
		walkQuery(s, src, col)
	}
}
