package sqltext

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/sqlc-dev/marino/ast"
	"github.com/sqlc-dev/marino/format"
	"github.com/sqlc-dev/marino/opcode"
	"github.com/sqlc-dev/marino/parser"
)

// parseMySQL parses the rewritten text with marino (the TiDB MySQL
// parser). Placeholder rewriting keeps lengths for MySQL, so the line and
// column in marino's error text are valid for the original text too.
func parseMySQL(rw *rewritten) ([]parsedStmt, error) {
	stmts, _, err := parseMySQLText(rw.text)
	if err != nil {
		return nil, myError(err, rw.text, 0)
	}
	var out []parsedStmt
	cursor := 0
	for _, st := range stmts {
		// Statements carry their own text but not its position; they
		// appear in order, so find each after the previous one.
		start := cursor
		if i := strings.Index(rw.text[cursor:], st.Text()); i >= 0 && st.Text() != "" {
			start = cursor + i
			cursor = start + len(st.Text())
		}
		c := &myConv{rw: rw, stmtStart: start, stmtEnd: cursor}
		kind, q := c.stmt(st)
		out = append(out, parsedStmt{kind: kind, q: q})
	}
	return out, nil
}

// parseMySQLText is marino's ParseSQL with its panics turned into parse errors: marino panics
// on some literals it cannot hold (an integer of a hundred digits reaches an unimplemented
// branch of its decimal type), which is a text it cannot read, not a bug of ours.
func parseMySQLText(text string) (stmts []ast.StmtNode, warns []error, err error) {
	defer func() {
		if p := recover(); p != nil {
			stmts, warns, err = nil, nil, fmt.Errorf("the parser failed: %v", p)
		}
	}()
	return parser.New().ParseSQL(text)
}

// myError names where a parse error is. marino's syntax errors say "line L column C"; a few
// errors found while building a literal (an out-of-range double such as 10E000100000000000)
// name no position, and then the start of the statement is named.
func myError(err error, src string, start int) error {
	if strings.Contains(err.Error(), "line ") {
		return fmt.Errorf("sqltext: mysql parse error: %w", err)
	}
	line, col := lineCol(src, start)
	return fmt.Errorf("sqltext: mysql parse error at line %d, column %d (offset %d, the start of the statement): %w", line, col, start, err)
}

type myConv struct {
	rw                 *rewritten
	stmtStart, stmtEnd int
}

func (c *myConv) stmt(n ast.StmtNode) (string, *query) {
	switch x := n.(type) {
	case *ast.SelectStmt, *ast.SetOprStmt:
		return "select", c.resultSet(x.(ast.ResultSetNode))
	case *ast.InsertStmt:
		return "insert", c.insertStmt(x)
	case *ast.UpdateStmt:
		return "update", c.updateStmt(x)
	case *ast.DeleteStmt:
		return "delete", c.deleteStmt(x)
	}
	return "other", nil
}

// resultSet lowers anything that produces rows in a query position.
func (c *myConv) resultSet(n ast.Node) *query {
	switch x := n.(type) {
	case *ast.SelectStmt:
		return c.selectStmt(x)
	case *ast.SetOprStmt:
		q := &query{}
		c.with(q, x.With)
		if x.SelectList != nil {
			c.with(q, x.SelectList.With)
			for _, s := range x.SelectList.Selects {
				q.arms = append(q.arms, c.resultSet(s))
			}
		}
		c.walkAll(q, x.OrderBy, x.Limit)
		q.limited = x.Limit != nil
		if q.arms == nil {
			q.arms = []*query{}
		}
		return q
	case *ast.SetOprSelectList:
		q := &query{arms: []*query{}}
		c.with(q, x.With)
		for _, s := range x.Selects {
			q.arms = append(q.arms, c.resultSet(s))
		}
		return q
	case *ast.SubqueryExpr:
		return c.resultSet(x.Query)
	case *ast.TableSource:
		return c.resultSet(x.Source)
	}
	return &query{}
}

func (c *myConv) with(q *query, w *ast.WithClause) {
	if w == nil {
		return
	}
	q.recursive = q.recursive || w.IsRecursive
	for _, ct := range w.CTEs {
		var body *query
		if ct.Query != nil {
			body = c.resultSet(ct.Query.Query)
		}
		var cols []string
		for _, n := range ct.ColNameList {
			cols = append(cols, n.L)
		}
		q.ctes = append(q.ctes, &cte{name: ct.Name.L, cols: cols, body: body})
	}
}

func (c *myConv) selectStmt(s *ast.SelectStmt) *query {
	q := &query{}
	c.with(q, s.With)
	if s.Kind == ast.SelectStmtKindValues {
		q.rows = [][]expr{}
		for _, r := range s.Lists {
			var row []expr
			for _, v := range r.Values {
				row = append(row, c.expr(q, v))
			}
			q.rows = append(q.rows, row)
		}
		return q
	}
	if s.From != nil {
		q.sources = c.join(q, s.From.TableRefs)
	}
	if s.Where != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.Where), all: true})
	}
	if s.Fields != nil {
		for _, f := range s.Fields.Fields {
			if f.WildCard != nil {
				q.outputs = append(q.outputs, output{star: true, qual: f.WildCard.Table.L})
				continue
			}
			q.outputs = append(q.outputs, output{name: f.AsName.L, e: c.expr(q, f.Expr)})
		}
	}
	c.walkAll(q, s.GroupBy, s.Having, s.OrderBy, s.Limit)
	for i := range s.WindowSpecs {
		c.walkAll(q, &s.WindowSpecs[i])
	}
	q.limited = s.Limit != nil || len(s.WindowSpecs) > 0 || hasWindowFunc(s.Fields, s.OrderBy, s.Having)
	q.locks = s.LockInfo != nil && s.LockInfo.LockType != ast.SelectLockNone
	return q
}

// hasWindowFunc reports whether a window function call occurs in the
// nodes, outside nested subqueries.
func hasWindowFunc(nodes ...ast.Node) bool {
	v := &windowFinder{}
	for _, n := range nodes {
		if n != nil && !isNilNode(n) {
			n.Accept(v)
		}
	}
	return v.found
}

type windowFinder struct{ found bool }

func (v *windowFinder) Enter(n ast.Node) (ast.Node, bool) {
	switch n.(type) {
	case *ast.WindowFuncExpr:
		v.found = true
		return n, true
	case *ast.SubqueryExpr:
		return n, true
	}
	return n, v.found
}

func (v *windowFinder) Leave(n ast.Node) (ast.Node, bool) { return n, true }

func (c *myConv) insertStmt(s *ast.InsertStmt) *query {
	q := &query{}
	ins := &insertIR{target: &source{offset: -1}}
	if s.Table != nil && s.Table.TableRefs != nil {
		if srcs := c.join(q, s.Table.TableRefs); len(srcs) > 0 {
			ins.target = srcs[0]
		}
	}
	for _, col := range s.Columns {
		ins.cols = append(ins.cols, col.Name.L)
	}
	ins.hasCols = len(ins.cols) > 0
	for _, row := range s.Lists {
		var r []expr
		for _, v := range row {
			r = append(r, c.expr(q, v))
		}
		ins.rows = append(ins.rows, r)
	}
	if s.Select != nil {
		ins.sel = c.resultSet(s.Select)
	}
	for _, a := range s.OnDuplicate {
		c.walkAll(q, a.Expr)
	}
	q.ins = ins
	return q
}

func (c *myConv) updateStmt(s *ast.UpdateStmt) *query {
	q := &query{}
	c.with(q, s.With)
	if s.TableRefs != nil {
		q.sources = c.join(q, s.TableRefs.TableRefs)
	}
	if s.Where != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.Where), all: true})
	}
	for _, a := range s.List {
		c.walkAll(q, a.Expr)
	}
	c.walkAll(q, s.Order, s.Limit)
	q.dml = true
	return q
}

func (c *myConv) deleteStmt(s *ast.DeleteStmt) *query {
	q := &query{}
	c.with(q, s.With)
	// Multi-table DELETE names its targets again before FROM/USING, but
	// those are aliases of the FROM items, not new references.
	if s.TableRefs != nil {
		q.sources = c.join(q, s.TableRefs.TableRefs)
	}
	if s.Where != nil {
		q.hasWhere = true
		q.conds = append(q.conds, cond{e: c.expr(q, s.Where), all: true})
	}
	c.walkAll(q, s.Order, s.Limit)
	q.dml = true
	return q
}

// join lowers a FROM tree. As in Postgres, an outer join's ON filters
// only its nullable side.
func (c *myConv) join(q *query, j *ast.Join) []*source {
	if j == nil {
		return nil
	}
	left := c.tableRef(q, j.Left)
	if j.Right == nil {
		return left
	}
	right := c.tableRef(q, j.Right)
	var base cond
	switch j.Tp {
	case ast.LeftJoin:
		base.scope = right
	case ast.RightJoin:
		base.scope = left
	default:
		base.all = true
	}
	if j.On != nil {
		cd := base
		cd.e = c.expr(q, j.On.Expr)
		q.conds = append(q.conds, cd)
	}
	for _, col := range j.Using {
		cd := base
		name := col.Name.L
		cd.e = newEq(&colExpr{name: name, text: name, cands: left}, &colExpr{name: name, text: name, cands: right})
		q.conds = append(q.conds, cd)
	}
	return append(left, right...)
}

func (c *myConv) tableRef(q *query, n ast.ResultSetNode) []*source {
	switch x := n.(type) {
	case *ast.Join:
		return c.join(q, x)
	case *ast.TableSource:
		switch src := x.Source.(type) {
		case *ast.TableName:
			s := &source{name: src.Name.L, schema: src.Schema.L, alias: x.AsName.L, offset: src.OriginTextPosition()}
			if s.offset <= 0 {
				s.offset = c.findTable(src)
			}
			return []*source{s}
		case *ast.Join:
			return c.join(q, src)
		case *ast.SelectStmt, *ast.SetOprStmt:
			s := &source{offset: -1, alias: x.AsName.L, lateral: x.Lateral, sub: c.resultSet(src)}
			for _, n := range x.ColumnNames {
				s.colNames = append(s.colNames, n.L)
			}
			return []*source{s}
		default:
			c.walkAll(q, x.Source)
			return []*source{{offset: -1, alias: x.AsName.L}}
		}
	case *ast.TableName:
		return c.tableRef(q, &ast.TableSource{Source: x})
	}
	return nil
}

// findTable locates a table name the parser did not record a position
// for (the single-table DELETE form) by scanning the statement's tokens.
func (c *myConv) findTable(tn *ast.TableName) int {
	text := c.rw.text[c.stmtStart:max(c.stmtEnd, c.stmtStart)]
	for _, t := range tokenize(text, MySQL) {
		if t.kind != tkIdent && t.kind != tkQuotedIdent {
			continue
		}
		word := strings.ToLower(strings.Trim(text[t.start:t.end], "`"))
		if tn.Schema.L != "" && word == tn.Schema.L || tn.Schema.L == "" && word == tn.Name.L {
			return c.stmtStart + t.start
		}
	}
	return -1
}

func (c *myConv) expr(q *query, n ast.ExprNode) expr {
	switch x := n.(type) {
	case nil:
		return &valueExpr{text: "NULL"}
	case *ast.ParenthesesExpr:
		return c.expr(q, x.Expr)
	case *ast.BinaryOperationExpr:
		switch x.Op {
		case opcode.LogicAnd:
			return &andExpr{args: []expr{c.expr(q, x.L), c.expr(q, x.R)}}
		case opcode.LogicOr:
			return &orExpr{args: []expr{c.expr(q, x.L), c.expr(q, x.R)}}
		case opcode.EQ, opcode.NullEQ:
			return equal(c.row(q, x.L), c.row(q, x.R))
		}
	case *ast.UnaryOperationExpr:
		if x.Op == opcode.Not || x.Op == opcode.Not2 {
			return &notExpr{arg: c.expr(q, x.V)}
		}
	case *ast.ColumnNameExpr:
		col := &colExpr{qual: x.Name.Table.L, name: x.Name.Name.L, text: x.Name.Name.O}
		if x.Name.Table.O != "" {
			col.text = x.Name.Table.O + "." + col.text
		}
		return col
	case *ast.ParamMarkerExprBase:
		return c.param(x)
	case *ast.FuncCastExpr:
		// CAST(? AS CHAR) is still the same value.
		return c.expr(q, x.Expr)
	case *ast.PatternInExpr:
		if x.Not {
			break
		}
		if sq, ok := x.Sel.(*ast.SubqueryExpr); ok {
			// x IN (SELECT ...), (a, b) IN (SELECT c, d ...).
			l := c.row(q, x.Expr)
			return multiEq(l, subCols(c.addSub(q, sq), len(l)))
		}
		if len(x.List) == 1 {
			// x IN (v) is x = v.
			return equal(c.row(q, x.Expr), c.row(q, x.List[0]))
		}
		// IN (?, ?): the caller supplies every tenant it may match.
		if set := paramsExpr(c.params(x.List)); set != nil && x.Sel == nil {
			return multiEq(c.row(q, x.Expr), []expr{set})
		}
	case *ast.CompareSubqueryExpr:
		if sq, ok := x.R.(*ast.SubqueryExpr); ok && x.Op == opcode.EQ && !x.All {
			// x = ANY (SELECT ...) is x IN (SELECT ...).
			l := c.row(q, x.L)
			return multiEq(l, subCols(c.addSub(q, sq), len(l)))
		}
	case *ast.IsNullExpr:
		// ? IS NULL (CAST(? AS ...) included) tests what the caller binds.
		if ps := c.params([]ast.ExprNode{x.Expr}); len(ps) == 1 && !x.Not {
			return &paramNullExpr{ph: ps[0].ph, text: ps[0].text + " IS NULL"}
		}
	case *ast.SubqueryExpr:
		// A scalar subquery yields one value.
		return &subColExpr{q: c.addSub(q, x), scalar: true, text: "(SELECT ...)"}
	}
	return valueOrOther(c.walk(q, n), restore(n))
}

func (c *myConv) addSub(q *query, x *ast.SubqueryExpr) *query {
	sub := c.resultSet(x.Query)
	q.subs = append(q.subs, sub)
	return sub
}

// row lowers the items of a row constructor (a, b), or a single
// expression as a row of one.
func (c *myConv) row(q *query, n ast.ExprNode) []expr {
	if p, ok := n.(*ast.ParenthesesExpr); ok {
		return c.row(q, p.Expr)
	}
	if r, ok := n.(*ast.RowExpr); ok && len(r.Values) > 0 {
		var out []expr
		for _, v := range r.Values {
			out = append(out, c.expr(q, v))
		}
		return out
	}
	return []expr{c.expr(q, n)}
}

// params returns the placeholders when every item is one (CAST(? AS ...)
// included), else nil, without lowering anything.
func (c *myConv) params(items []ast.ExprNode) []*paramExpr {
	var out []*paramExpr
	for _, n := range items {
		for {
			if fc, ok := n.(*ast.FuncCastExpr); ok {
				n = fc.Expr
				continue
			}
			break
		}
		pm, ok := n.(*ast.ParamMarkerExprBase)
		if !ok {
			return nil
		}
		out = append(out, c.param(pm))
	}
	return out
}

func (c *myConv) param(x *ast.ParamMarkerExprBase) *paramExpr {
	ph, ok := c.rw.byOffset[x.Offset]
	if !ok {
		ph = Placeholder{Index: x.Order + 1}
	}
	text := c.rw.spelling[ph]
	if text == "" {
		text = "?"
	}
	return &paramExpr{ph: ph, text: text}
}

// walk registers the subqueries under n and returns the columns it
// mentions.
func (c *myConv) walk(q *query, n ast.Node) []*colExpr {
	v := &myWalker{c: c, q: q}
	n.Accept(v)
	return v.cols
}

type myWalker struct {
	c    *myConv
	q    *query
	cols []*colExpr
}

func (v *myWalker) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr:
		v.q.subs = append(v.q.subs, v.c.resultSet(x.Query))
		return n, true
	case *ast.ColumnNameExpr:
		if col, ok := v.c.expr(v.q, x).(*colExpr); ok {
			v.cols = append(v.cols, col)
		}
		return n, true
	}
	return n, false
}

func (v *myWalker) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// walkAll registers the subqueries in clauses that cannot scope anything.
func (c *myConv) walkAll(q *query, nodes ...ast.Node) {
	for _, n := range nodes {
		if n != nil && !isNilNode(n) {
			c.walk(q, n)
		}
	}
}

// isNilNode catches typed nil pointers (an absent ORDER BY, LIMIT, ...)
// stored in the ast.Node interface.
func isNilNode(n ast.Node) bool {
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

func restore(n ast.Node) string {
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags, &sb)); err != nil {
		return "(expression)"
	}
	return sb.String()
}

// schemaMySQL implements SchemaTables for MySQL.
func schemaMySQL(src string, o *options) ([]SchemaTable, error) {
	sc := &schemaCollector{opts: o, seen: map[string]bool{}}
	stmts, _, err := parseMySQLText(src)
	if err == nil {
		cursor := 0
		for _, st := range stmts {
			start := cursor
			if i := strings.Index(src[cursor:], st.Text()); i >= 0 && st.Text() != "" {
				start = cursor + i
				cursor = start + len(st.Text())
			}
			sc.myStmt(src, st, start)
		}
		return sc.tables, nil
	}
	var firstErr error
	for _, sp := range splitStatements(src, MySQL) {
		text, shift := statementText(src, sp)
		stmts, _, err := parseMySQLText(text)
		if err != nil {
			if firstErr == nil {
				firstErr = myError(err, src, sp.start)
			}
			continue
		}
		for _, st := range stmts {
			sc.myStmt(src, st, max(sp.start, strings.Index(text, st.Text())+shift))
		}
	}
	return sc.tables, firstErr
}

func (sc *schemaCollector) myStmt(src string, n ast.StmtNode, start int) {
	switch x := n.(type) {
	case *ast.CreateTableStmt:
		var cols []string
		for _, cd := range x.Cols {
			cols = append(cols, cd.Name.Name.L)
		}
		sc.add(src, start, MySQL, x.Table.Name.L, cols)
	case *ast.AlterTableStmt:
		var cols []string
		for _, spec := range x.Specs {
			if spec.Tp == ast.AlterTableAddColumns {
				for _, cd := range spec.NewColumns {
					cols = append(cols, cd.Name.Name.L)
				}
			}
		}
		sc.add(src, start, MySQL, x.Table.Name.L, cols)
	}
}
