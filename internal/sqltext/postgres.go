package sqltext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	pg "github.com/sqlc-dev/oliphant"
	pgparser "github.com/sqlc-dev/oliphant/parser"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// parsePostgres parses the rewritten text with oliphant (a pure Go port
// of libpg_query, so it accepts exactly what PostgreSQL accepts) and
// lowers each statement.
func parsePostgres(rw *rewritten, orig string) ([]parsedStmt, error) {
	tree, err := pg.Parse(rw.text)
	if err != nil {
		return nil, pgError(err, rw, orig, 0)
	}
	c := &pgConv{rw: rw}
	var out []parsedStmt
	for _, raw := range tree.Stmts {
		kind, q := c.stmt(raw.Stmt)
		out = append(out, parsedStmt{kind: kind, q: q})
	}
	return out, nil
}

// invalidUTF8 returns the offset of the first byte of s that is not UTF-8, or -1.
func invalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// pgError adds the position to a parse error. Postgres reports a 1-based
// character (not byte) position in the text it parsed; shift moves the
// resulting offset into orig when rw.text was only part of it.
func pgError(err error, rw *rewritten, orig string, shift int) error {
	var pe *pgparser.Error
	if !errors.As(err, &pe) || pe.Cursorpos <= 0 {
		// The parse tree is a protocol buffer, whose strings must be UTF-8: a Go string
		// literal need not be, and the parser then fails without a position. Name the byte.
		if i := invalidUTF8(rw.text); i >= 0 {
			off := rw.origOffset(i) + shift
			line, col := lineCol(orig, off)
			return fmt.Errorf("sqltext: postgres parse error at line %d, column %d (offset %d): invalid UTF-8", line, col, off)
		}
		// Some errors have no cursor at all (a NUL byte spelt E'\0' fails the server's
		// encoding check after parsing): name the start of the statement.
		off := rw.origOffset(0) + shift
		line, col := lineCol(orig, off)
		return fmt.Errorf("sqltext: postgres parse error at line %d, column %d (offset %d, the start of the statement): %w", line, col, off, err)
	}
	off := 0
	for i := 1; i < pe.Cursorpos && off < len(rw.text); i++ {
		_, size := utf8.DecodeRuneInString(rw.text[off:])
		off += size
	}
	off = rw.origOffset(off) + shift
	line, col := lineCol(orig, off)
	return fmt.Errorf("sqltext: postgres parse error at line %d, column %d (offset %d): %w", line, col, off, err)
}

type pgConv struct {
	rw *rewritten
}

func (c *pgConv) stmt(n *pg.Node) (string, *query) {
	if n == nil {
		return "other", nil
	}
	switch x := n.Node.(type) {
	case *pg.Node_SelectStmt:
		return "select", c.selectStmt(x.SelectStmt)
	case *pg.Node_InsertStmt:
		return "insert", c.insertStmt(x.InsertStmt)
	case *pg.Node_UpdateStmt:
		return "update", c.updateStmt(x.UpdateStmt)
	case *pg.Node_DeleteStmt:
		return "delete", c.deleteStmt(x.DeleteStmt)
	}
	return "other", nil
}

func (c *pgConv) with(q *query, w *pg.WithClause) {
	if w == nil {
		return
	}
	q.recursive = w.Recursive
	for _, n := range w.Ctes {
		ct := n.GetCommonTableExpr()
		if ct == nil {
			continue
		}
		_, body := c.stmt(ct.Ctequery)
		q.ctes = append(q.ctes, &cte{name: strings.ToLower(ct.Ctename), cols: stringList(ct.Aliascolnames), body: body})
	}
}

func (c *pgConv) selectStmt(s *pg.SelectStmt) *query {
	q := &query{}
	if s == nil {
		return q
	}
	c.with(q, s.WithClause)
	q.limited = s.LimitCount != nil || s.LimitOffset != nil
	q.locks = len(s.LockingClause) > 0
	if s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED {
		q.arms = []*query{c.selectStmt(s.Larg), c.selectStmt(s.Rarg)}
		c.walkAll(q, s.SortClause, s.LimitCount, s.LimitOffset)
		return q
	}
	if len(s.ValuesLists) > 0 {
		q.rows = c.valuesRows(q, s.ValuesLists)
		return q
	}
	q.sources = c.fromList(q, s.FromClause)
	if s.WhereClause != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.WhereClause), all: true})
	}
	q.outputs = c.targets(q, s.TargetList)
	c.walkAll(q, s.GroupClause, s.HavingClause, s.WindowClause, s.SortClause,
		s.LimitCount, s.LimitOffset, s.DistinctClause)
	// DISTINCT is a list holding one empty node; DISTINCT ON lists its
	// expressions (their subqueries were registered just above).
	if len(s.DistinctClause) > 0 && s.DistinctClause[0].GetNode() != nil {
		for _, d := range s.DistinctClause {
			var e expr = &otherExpr{text: "(expression)"}
			if cr := d.GetColumnRef(); cr != nil && !isStar(cr) {
				e = c.expr(q, d)
			}
			q.distinctOn = append(q.distinctOn, e)
		}
	}
	if len(s.WindowClause) > 0 || hasWindowCall(s.TargetList, s.SortClause, s.HavingClause) {
		q.limited = true
	}
	return q
}

// hasWindowCall reports whether a window function call (f(...) OVER ...)
// occurs in the nodes, outside nested subqueries.
func hasWindowCall(parts ...any) bool {
	found := false
	var visit func(m protoreflect.Message)
	visit = func(m protoreflect.Message) {
		if found || !m.IsValid() {
			return
		}
		if node, ok := m.Interface().(*pg.Node); ok {
			switch x := node.Node.(type) {
			case *pg.Node_FuncCall:
				if x.FuncCall.Over != nil {
					found = true
					return
				}
			case *pg.Node_SubLink:
				return
			}
		}
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			switch {
			case fd.Message() == nil, fd.IsMap():
			case fd.IsList():
				l := v.List()
				for i := 0; i < l.Len(); i++ {
					visit(l.Get(i).Message())
				}
			default:
				visit(v.Message())
			}
			return !found
		})
	}
	for _, p := range parts {
		switch x := p.(type) {
		case *pg.Node:
			if x != nil {
				visit(x.ProtoReflect())
			}
		case []*pg.Node:
			for _, n := range x {
				visit(n.ProtoReflect())
			}
		}
	}
	return found
}

func (c *pgConv) valuesRows(q *query, lists []*pg.Node) [][]expr {
	rows := [][]expr{}
	for _, l := range lists {
		var row []expr
		for _, item := range l.GetList().GetItems() {
			row = append(row, c.expr(q, item))
		}
		rows = append(rows, row)
	}
	return rows
}

func (c *pgConv) targets(q *query, list []*pg.Node) []output {
	var outs []output
	for _, n := range list {
		rt := n.GetResTarget()
		if rt == nil {
			continue
		}
		if cr := rt.Val.GetColumnRef(); cr != nil && isStar(cr) {
			qual := ""
			if f := cr.Fields; len(f) >= 2 {
				qual = strings.ToLower(f[len(f)-2].GetString_().GetSval())
			}
			outs = append(outs, output{star: true, qual: qual})
			continue
		}
		outs = append(outs, output{name: strings.ToLower(rt.Name), e: c.expr(q, rt.Val)})
	}
	return outs
}

func (c *pgConv) returning(q *query, r *pg.ReturningClause) {
	if r != nil {
		q.outputs = c.targets(q, r.Exprs)
	}
}

func (c *pgConv) insertStmt(s *pg.InsertStmt) *query {
	q := &query{}
	c.with(q, s.WithClause)
	ins := &insertIR{target: c.rangeVar(s.Relation)}
	for _, n := range s.Cols {
		if rt := n.GetResTarget(); rt != nil {
			ins.cols = append(ins.cols, strings.ToLower(rt.Name))
		}
	}
	ins.hasCols = len(ins.cols) > 0
	if sel := s.SelectStmt.GetSelectStmt(); sel != nil {
		if len(sel.ValuesLists) > 0 && sel.WithClause == nil {
			ins.rows = c.valuesRows(q, sel.ValuesLists)
		} else {
			ins.sel = c.selectStmt(sel)
		}
	}
	if oc := s.OnConflictClause; oc != nil {
		c.walkAll(q, oc.TargetList, oc.WhereClause)
	}
	c.returning(q, s.ReturningClause)
	q.ins = ins
	return q
}

func (c *pgConv) updateStmt(s *pg.UpdateStmt) *query {
	q := &query{}
	c.with(q, s.WithClause)
	q.sources = append([]*source{c.rangeVar(s.Relation)}, c.fromList(q, s.FromClause)...)
	if s.WhereClause != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.WhereClause), all: true})
	}
	c.walkAll(q, s.TargetList)
	c.returning(q, s.ReturningClause)
	q.dml = true
	return q
}

func (c *pgConv) deleteStmt(s *pg.DeleteStmt) *query {
	q := &query{}
	c.with(q, s.WithClause)
	q.sources = append([]*source{c.rangeVar(s.Relation)}, c.fromList(q, s.UsingClause)...)
	if s.WhereClause != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.WhereClause), all: true})
	}
	c.returning(q, s.ReturningClause)
	q.dml = true
	return q
}

func (c *pgConv) rangeVar(rv *pg.RangeVar) *source {
	if rv == nil {
		return &source{offset: -1}
	}
	s := &source{
		name:   strings.ToLower(rv.Relname),
		schema: strings.ToLower(rv.Schemaname),
		offset: int(rv.Location),
	}
	if rv.Alias != nil {
		s.alias = strings.ToLower(rv.Alias.Aliasname)
	}
	return s
}

func (c *pgConv) fromList(q *query, items []*pg.Node) []*source {
	var out []*source
	for _, n := range items {
		out = append(out, c.fromItem(q, n)...)
	}
	return out
}

// fromItem lowers one FROM item and returns its sources in order. Join
// conditions become conds whose scope follows the join type: an outer
// join's ON filters only the nullable side.
func (c *pgConv) fromItem(q *query, n *pg.Node) []*source {
	switch x := n.Node.(type) {
	case *pg.Node_RangeVar:
		return []*source{c.rangeVar(x.RangeVar)}
	case *pg.Node_RangeSubselect:
		rs := x.RangeSubselect
		s := &source{offset: -1, lateral: rs.Lateral}
		if sel := rs.Subquery.GetSelectStmt(); sel != nil {
			s.sub = c.selectStmt(sel)
		}
		if rs.Alias != nil {
			s.alias = strings.ToLower(rs.Alias.Aliasname)
			s.colNames = stringList(rs.Alias.Colnames)
		}
		return []*source{s}
	case *pg.Node_RangeTableSample:
		return c.fromItem(q, x.RangeTableSample.Relation)
	case *pg.Node_JoinExpr:
		j := x.JoinExpr
		left := c.fromItem(q, j.Larg)
		right := c.fromItem(q, j.Rarg)
		var base cond
		switch j.Jointype {
		case pg.JoinType_JOIN_LEFT:
			base.scope = right
		case pg.JoinType_JOIN_RIGHT:
			base.scope = left
		case pg.JoinType_JOIN_FULL:
			// Neither side is filtered.
		default:
			base.all = true
		}
		if j.Quals != nil {
			cd := base
			cd.e = c.expr(q, j.Quals)
			q.conds = append(q.conds, cd)
		}
		for _, name := range stringList(j.UsingClause) {
			cd := base
			cd.e = newEq(&colExpr{name: name, text: name, cands: left}, &colExpr{name: name, text: name, cands: right})
			q.conds = append(q.conds, cd)
		}
		return append(left, right...)
	default:
		// Table functions (unnest, generate_series, json_to_recordset,
		// XMLTABLE, ...): no table rows, but arguments may hold subqueries.
		s := &source{offset: -1}
		rf := n.GetRangeFunction()
		if rf != nil && rf.Alias != nil {
			s.alias = strings.ToLower(rf.Alias.Aliasname)
			s.colNames = stringList(rf.Alias.Colnames)
		}
		if rf != nil {
			if s.sub = c.unnestFrom(rf, s.alias); s.sub != nil {
				return []*source{s}
			}
		}
		c.walkAll(q, n)
		return []*source{s}
	}
}

// unnestFrom lowers a FROM function that only unnests placeholders,
// unnest($1::uuid[], $2::bigint[]) AS input(tenant_id, id) or ROWS FROM
// (unnest($1), unnest($2)), to the derived table SELECT $1, $2: what
// matters is that each column's values come from one placeholder. It
// returns nil for any other function.
func (c *pgConv) unnestFrom(rf *pg.RangeFunction, alias string) *query {
	sub := &query{}
	for _, f := range rf.Functions {
		items := f.GetList().GetItems()
		if len(items) == 0 {
			return nil
		}
		fc := items[0].GetFuncCall()
		if fc == nil || !isFunc(fc, "unnest") {
			return nil
		}
		for _, arg := range fc.Args {
			e := paramsExpr(c.params([]*pg.Node{arg}))
			if e == nil {
				return nil
			}
			sub.outputs = append(sub.outputs, output{name: "unnest", e: e})
		}
	}
	if len(sub.outputs) == 1 && alias != "" {
		// A one-column function's column is named after the alias.
		sub.outputs[0].name = alias
	}
	if rf.Ordinality {
		sub.outputs = append(sub.outputs, output{name: "ordinality", e: &otherExpr{text: "ordinality"}})
	}
	return sub
}

// expr lowers a boolean or value expression. Subqueries met on the way
// are registered on q so they get analyzed with q as their outer scope.
func (c *pgConv) expr(q *query, n *pg.Node) expr {
	if n == nil {
		return &valueExpr{text: "NULL"}
	}
	switch x := n.Node.(type) {
	case *pg.Node_BoolExpr:
		var args []expr
		for _, a := range x.BoolExpr.Args {
			args = append(args, c.expr(q, a))
		}
		switch x.BoolExpr.Boolop {
		case pg.BoolExprType_AND_EXPR:
			return &andExpr{args: args}
		case pg.BoolExprType_OR_EXPR:
			return &orExpr{args: args}
		default:
			return &notExpr{arg: args[0]}
		}
	case *pg.Node_AExpr:
		return c.aExpr(q, x.AExpr)
	case *pg.Node_ColumnRef:
		cr := x.ColumnRef
		if isStar(cr) {
			return &otherExpr{text: "*"}
		}
		var parts []string
		for _, f := range cr.Fields {
			parts = append(parts, f.GetString_().GetSval())
		}
		col := &colExpr{name: strings.ToLower(parts[len(parts)-1]), text: strings.Join(parts, ".")}
		if len(parts) >= 2 {
			col.qual = strings.ToLower(parts[len(parts)-2])
		}
		return col
	case *pg.Node_ParamRef:
		return c.param(int(x.ParamRef.Number))
	case *pg.Node_TypeCast:
		// A cast changes the type, not which value: $1::uuid is still
		// the $1 placeholder and t.tenant_id::text still that column.
		return c.expr(q, x.TypeCast.Arg)
	case *pg.Node_CollateClause:
		return c.expr(q, x.CollateClause.Arg)
	case *pg.Node_AConst:
		return &valueExpr{text: constText(x.AConst)}
	case *pg.Node_SubLink:
		sl := x.SubLink
		sub := c.addSub(q, sl.Subselect)
		if sl.SubLinkType == pg.SubLinkType_EXPR_SUBLINK {
			// A scalar subquery yields one value.
			if sub == nil {
				return &valueExpr{text: "(SELECT ...)"}
			}
			return &subColExpr{q: sub, scalar: true, text: "(SELECT ...)"}
		}
		if sl.SubLinkType == pg.SubLinkType_ANY_SUBLINK && sub != nil && (len(sl.OperName) == 0 || lastName(sl.OperName) == "=") {
			// x IN (SELECT ...), x = ANY (SELECT ...), (a, b) IN (SELECT
			// c, d ...): each column is one of the values the subquery
			// yields in that position.
			l := c.row(q, sl.Testexpr)
			return multiEq(l, subCols(sub, len(l)))
		}
		var cols []*colExpr
		if sl.Testexpr != nil {
			cols = columnsOf(c.expr(q, sl.Testexpr))
		}
		return &otherExpr{cols: cols, text: "(SELECT ...)"}
	case *pg.Node_FuncCall:
		fc := x.FuncCall
		if isFunc(fc, "unnest") && len(fc.Args) == 1 {
			// unnest($1) yields the elements of the array bound to $1.
			if e := paramsExpr(c.params(fc.Args)); e != nil {
				return e
			}
		}
		e := valueOrOther(c.walk(q, n), funcName(fc)+"(...)")
		if v, ok := e.(*valueExpr); ok && setReturning[strings.ToLower(lastName(fc.Funcname))] {
			// Several rows, so not the single value a valueExpr stands
			// for: unnest(ARRAY['a', 'b']) is a set of tenants.
			return &otherExpr{text: v.text}
		}
		return e
	case *pg.Node_NullTest:
		// $1 IS NULL (a cast of $1 included) tests what the caller binds.
		nt := x.NullTest
		arg := nt.Arg
		for arg.GetTypeCast() != nil {
			arg = arg.GetTypeCast().Arg
		}
		if pr := arg.GetParamRef(); pr != nil && nt.Nulltesttype == pg.NullTestType_IS_NULL {
			p := c.param(int(pr.Number)).(*paramExpr)
			return &paramNullExpr{ph: p.ph, text: p.text + " IS NULL"}
		}
	case *pg.Node_CoalesceExpr:
		return valueOrOther(c.walk(q, n), "COALESCE(...)")
	case *pg.Node_CaseExpr:
		return valueOrOther(c.walk(q, n), "CASE ... END")
	}
	return valueOrOther(c.walk(q, n), "(expression)")
}

func (c *pgConv) aExpr(q *query, a *pg.A_Expr) expr {
	op := lastName(a.Name)
	// Each node is lowered exactly once (lowering registers subqueries),
	// so the right side is only inspected with params before it is.
	l := c.row(q, a.Lexpr)
	switch {
	case a.Kind == pg.A_Expr_Kind_AEXPR_OP && op == "=",
		a.Kind == pg.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		return equal(l, c.row(q, a.Rexpr))
	case a.Kind == pg.A_Expr_Kind_AEXPR_IN && op == "=":
		items := a.Rexpr.GetList().GetItems()
		if len(items) == 1 {
			// x IN (v) is x = v.
			return equal(l, c.row(q, items[0]))
		}
		// IN ($1, $2) or IN (($1, $2), ($3, $4)): the caller supplies
		// every tenant it may match. A list with anything else in it
		// admits tenants nobody bound.
		if r := c.inList(items, len(l)); r != nil {
			return multiEq(l, r)
		}
	case a.Kind == pg.A_Expr_Kind_AEXPR_OP_ANY && op == "=":
		// = ANY($1) or = ANY(ARRAY[$1, $2]): the values come from the
		// array the caller binds.
		if set := paramsExpr(c.params([]*pg.Node{a.Rexpr})); set != nil {
			if p, ok := set.(*paramExpr); ok && len(l) == 1 {
				return newEq(l[0], p) // as before: explained as tenant_id = $1
			}
			r := make([]expr, len(l))
			for i := range r {
				r[i] = set
			}
			return multiEq(l, r)
		}
	}
	var cols []*colExpr
	for _, x := range append(l, c.expr(q, a.Rexpr)) {
		cols = append(cols, columnsOf(x)...)
	}
	return valueOrOther(cols, "(expression)")
}

// row lowers the items of a row constructor, (a, b) or ROW(a, b), or a
// single expression as a row of one.
func (c *pgConv) row(q *query, n *pg.Node) []expr {
	if re := n.GetRowExpr(); re != nil && len(re.Args) > 0 {
		var out []expr
		for _, arg := range re.Args {
			out = append(out, c.expr(q, arg))
		}
		return out
	}
	return []expr{c.expr(q, n)}
}

// inList returns, for each of n columns, the set of placeholders an IN
// list gives it, or nil unless every value in the list is a placeholder.
func (c *pgConv) inList(items []*pg.Node, n int) []expr {
	cols := make([][]*pg.Node, n)
	for _, it := range items {
		vals := []*pg.Node{it}
		if re := it.GetRowExpr(); re != nil {
			vals = re.Args
		}
		if len(vals) != n {
			return nil
		}
		for i, v := range vals {
			cols[i] = append(cols[i], v)
		}
	}
	r := make([]expr, n)
	for i := range cols {
		if r[i] = paramsExpr(c.params(cols[i])); r[i] == nil {
			return nil
		}
	}
	return r
}

// params returns the placeholders when every item is one ($1,
// @ids::uuid[]) or an ARRAY[...] of them, else nil. It only inspects the
// nodes, so they can still be lowered afterwards.
func (c *pgConv) params(items []*pg.Node) []*paramExpr {
	var out []*paramExpr
	for _, n := range items {
		for n.GetTypeCast() != nil {
			n = n.GetTypeCast().Arg
		}
		switch {
		case n.GetParamRef() != nil:
			out = append(out, c.param(int(n.GetParamRef().Number)).(*paramExpr))
		case n.GetAArrayExpr() != nil && len(n.GetAArrayExpr().Elements) > 0:
			ps := c.params(n.GetAArrayExpr().Elements)
			if ps == nil {
				return nil
			}
			out = append(out, ps...)
		default:
			return nil
		}
	}
	return out
}

func (c *pgConv) param(n int) expr {
	ph, ok := c.rw.byNumber[n]
	if !ok {
		ph = Placeholder{Index: n}
	}
	text := c.rw.spelling[ph]
	if text == "" {
		text = "$" + strconv.Itoa(n)
	}
	return &paramExpr{ph: ph, text: text}
}

func (c *pgConv) addSub(q *query, n *pg.Node) *query {
	sel := n.GetSelectStmt()
	if sel == nil {
		return nil
	}
	sub := c.selectStmt(sel)
	q.subs = append(q.subs, sub)
	return sub
}

// walk visits every node under n generically (the protobuf tree has
// hundreds of node types; only column references and subqueries matter
// here), registering subqueries on q and returning the columns seen.
func (c *pgConv) walk(q *query, n proto.Message) []*colExpr {
	var cols []*colExpr
	var visit func(m protoreflect.Message)
	visit = func(m protoreflect.Message) {
		if !m.IsValid() {
			return // nil entries occur in some lists (e.g. ROWS FROM)
		}
		if node, ok := m.Interface().(*pg.Node); ok {
			switch x := node.Node.(type) {
			case *pg.Node_ColumnRef:
				if e, ok := c.expr(q, node).(*colExpr); ok {
					cols = append(cols, e)
				}
				return
			case *pg.Node_SubLink:
				c.addSub(q, x.SubLink.Subselect)
				if x.SubLink.Testexpr != nil {
					visit(x.SubLink.Testexpr.ProtoReflect())
				}
				return
			}
		}
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			switch {
			case fd.Message() == nil:
			case fd.IsList():
				l := v.List()
				for i := 0; i < l.Len(); i++ {
					visit(l.Get(i).Message())
				}
			case fd.IsMap():
			default:
				visit(v.Message())
			}
			return true
		})
	}
	if n != nil && n.ProtoReflect().IsValid() {
		visit(n.ProtoReflect())
	}
	return cols
}

// walkAll registers the subqueries found in clauses that cannot scope
// anything (GROUP BY, ORDER BY, SET lists, ...).
func (c *pgConv) walkAll(q *query, parts ...any) {
	for _, p := range parts {
		switch x := p.(type) {
		case *pg.Node:
			if x != nil {
				c.walk(q, x)
			}
		case []*pg.Node:
			for _, n := range x {
				c.walk(q, n)
			}
		}
	}
}

func isStar(cr *pg.ColumnRef) bool {
	return len(cr.Fields) > 0 && cr.Fields[len(cr.Fields)-1].GetAStar() != nil
}

func stringList(nodes []*pg.Node) []string {
	var out []string
	for _, n := range nodes {
		if s := n.GetString_(); s != nil {
			out = append(out, strings.ToLower(s.Sval))
		}
	}
	return out
}

// setReturning names functions that yield several rows. In a select list
// they are not the single value a column-free expression otherwise is.
var setReturning = map[string]bool{
	"unnest": true, "generate_series": true, "generate_subscripts": true,
	"json_array_elements": true, "json_array_elements_text": true,
	"jsonb_array_elements": true, "jsonb_array_elements_text": true,
	"json_object_keys": true, "jsonb_object_keys": true,
	"regexp_matches": true, "regexp_split_to_table": true, "string_to_table": true,
}

// isFunc reports whether f calls name, with or without pg_catalog.
func isFunc(f *pg.FuncCall, name string) bool {
	if !strings.EqualFold(lastName(f.Funcname), name) {
		return false
	}
	return len(f.Funcname) == 1 || len(f.Funcname) == 2 && strings.EqualFold(f.Funcname[0].GetString_().GetSval(), "pg_catalog")
}

// lastName is the last part of a qualified name (a function or operator).
func lastName(names []*pg.Node) string {
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1].GetString_().GetSval()
}

func funcName(f *pg.FuncCall) string {
	var parts []string
	for _, n := range f.Funcname {
		parts = append(parts, n.GetString_().GetSval())
	}
	return strings.Join(parts, ".")
}

func constText(a *pg.A_Const) string {
	switch v := a.Val.(type) {
	case *pg.A_Const_Ival:
		return strconv.Itoa(int(v.Ival.GetIval()))
	case *pg.A_Const_Fval:
		return v.Fval.GetFval()
	case *pg.A_Const_Sval:
		return "'" + strings.ReplaceAll(v.Sval.GetSval(), "'", "''") + "'"
	case *pg.A_Const_Boolval:
		return strconv.FormatBool(v.Boolval.GetBoolval())
	}
	if a.Isnull {
		return "NULL"
	}
	return "(constant)"
}

// schemaPostgres implements SchemaTables for Postgres.
func schemaPostgres(src string, o *options) ([]SchemaTable, error) {
	sc := &schemaCollector{opts: o, seen: map[string]bool{}}
	tree, err := pg.Parse(src)
	if err == nil {
		for _, raw := range tree.Stmts {
			sc.pgStmt(src, raw.Stmt, int(raw.StmtLocation))
		}
		return sc.tables, nil
	}
	// Fall back to one statement at a time so that a single statement
	// the parser rejects does not hide the rest of the file.
	var firstErr error
	for _, sp := range splitStatements(src, Postgres) {
		text, shift := statementText(src, sp)
		t, err := pg.Parse(text)
		if err != nil {
			if firstErr == nil {
				firstErr = pgError(err, &rewritten{text: text}, src, shift)
			}
			continue
		}
		for _, raw := range t.Stmts {
			sc.pgStmt(src, raw.Stmt, int(raw.StmtLocation)+shift)
		}
	}
	return sc.tables, firstErr
}

// statementText returns the statement at sp prefixed with newlines and
// spaces so that a parser's line and column numbers match src. shift
// converts an offset in the returned text into one in src.
func statementText(src string, sp span) (string, int) {
	lines := strings.Count(src[:sp.start], "\n")
	cols := sp.start - (strings.LastIndexByte(src[:sp.start], '\n') + 1)
	prefix := strings.Repeat("\n", lines) + strings.Repeat(" ", cols)
	return prefix + src[sp.start:sp.end], sp.start - len(prefix)
}

type schemaCollector struct {
	opts   *options
	seen   map[string]bool
	tables []SchemaTable
}

func (sc *schemaCollector) add(src string, stmtStart int, d Dialect, table string, cols []string) {
	table = strings.ToLower(table)
	if sc.seen[table] {
		return
	}
	for _, col := range cols {
		col = strings.ToLower(col)
		for _, tc := range sc.opts.columns {
			if col == tc {
				sc.seen[table] = true
				line, _ := lineCol(src, skipSpaceAndComments(src, stmtStart, d))
				sc.tables = append(sc.tables, SchemaTable{Name: table, Column: col, Line: line})
				return
			}
		}
	}
}

func (sc *schemaCollector) pgStmt(src string, n *pg.Node, start int) {
	switch x := n.GetNode().(type) {
	case *pg.Node_CreateStmt:
		cs := x.CreateStmt
		var cols []string
		for _, el := range cs.TableElts {
			if cd := el.GetColumnDef(); cd != nil {
				cols = append(cols, cd.Colname)
			}
		}
		sc.add(src, start, Postgres, cs.Relation.GetRelname(), cols)
	case *pg.Node_AlterTableStmt:
		at := x.AlterTableStmt
		if at.Objtype != pg.ObjectType_OBJECT_TABLE {
			return
		}
		var cols []string
		for _, cmd := range at.Cmds {
			c := cmd.GetAlterTableCmd()
			if c != nil && c.Subtype == pg.AlterTableType_AT_AddColumn {
				if cd := c.Def.GetColumnDef(); cd != nil {
					cols = append(cols, cd.Colname)
				}
			}
		}
		sc.add(src, start, Postgres, at.Relation.GetRelname(), cols)
	}
}
