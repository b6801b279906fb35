package sqlrules

import (
	"fmt"
	"go/constant"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/internal/sqltext"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// sqlSite is a call that runs SQL: where its text and bind arguments are, as indices into the
// call's arguments (receiver first).
type sqlSite struct {
	query int // -1: the text comes from a prepared statement (the receiver)
	args  int // first bind argument (a variadic slice, or one struct/map when named); -1 none
	named bool
	// prepare: the call only prepares the text; placeholders are bound when it runs.
	prepare bool
}

// sqlSite recognizes SQL sinks: catalog and configured functions, functions whose summary
// says they forward SQL, and the structural shape of a SQL interface method (sqlc's DBTX,
// pgx.Tx, repository interfaces): Exec/Query/QueryRow[Context](..., string, ...any).
func (r *rules) sqlSite(s *engine.Frame, c *engine.Call) (sqlSite, bool) {
	if sink, ok := r.sinks.sql[c.Key]; ok {
		site := sqlSite{query: -1, args: -1, named: sink.Named, prepare: sink.Prepare}
		if sink.Query >= 0 && !sink.Stmt {
			site.query = c.ArgIndex(sink.Query)
		}
		if sink.Args >= 0 {
			site.args = c.ArgIndex(sink.Args)
		}
		return site, true
	}
	if sum := s.Pkg.SummaryOf(c.Common); sum != nil && sum.SQL != nil {
		return sqlSite{query: sum.SQL.Query, args: sum.SQL.Args, named: sum.SQL.Named}, true
	}
	if c.Common.IsInvoke() && catalog.SQLMethodNames[c.Common.Method.Name()] {
		sig := c.Common.Signature()
		n := sig.Params().Len()
		if sig.Variadic() && n >= 2 && engine.IsString(sig.Params().At(n-2).Type()) {
			return sqlSite{query: c.ArgIndex(n - 2), args: c.ArgIndex(n - 1)}, true
		}
	}
	return sqlSite{}, false
}

func (r *rules) checkSQL(s *engine.Frame, c *engine.Call, site sqlSite) {
	call, args := c.Instr, c.Args
	var qv ssa.Value
	switch {
	case site.query >= 0 && site.query < len(args):
		qv = args[site.query]
	case site.query < 0 && len(args) > 0:
		// A prepared statement: find the Prepare call that made the receiver.
		q, named, ok := r.preparedQuery(s, args[0])
		if !ok {
			return
		}
		qv = q
		site.named = site.named || named
	default:
		return
	}
	text, param, ok := queryText(qv, 0)
	if !ok {
		if param >= 0 && !s.InClosure() {
			// The text is a parameter: this function is a SQL wrapper, and its callers are
			// the sinks. Only a variadic parameter forwarded as the arguments qualifies.
			fwd := &facts.SQLForward{Query: param, Args: -1, Named: site.named}
			if site.args >= 0 && site.args < len(args) {
				if p, ok := args[site.args].(*ssa.Parameter); ok {
					for i, q := range s.Fn.Params {
						if q == p {
							fwd.Args = i
						}
					}
				}
			}
			s.SetSQLForward(fwd)
		}
		return
	}
	if strings.Contains(text, "tenantlint:crosstenant") {
		// The query declares itself cross-tenant in an SQL comment (sqlc keeps comments in
		// the generated constant, so this is how a generated query is annotated).
		return
	}
	res, err := r.analyzeSQL(text)
	if err != nil || res == nil {
		return // not guessed at: a parse failure says nothing about tenants
	}
	for _, st := range res.Statements {
		for _, ref := range st.Refs {
			if r.tables.isOwn(ref.Table) && (!ref.Scoped || st.Kind == "insert") {
				continue // listing or creating tenants; a row picked by its key is judged below
			}
			where := fmt.Sprintf("query on tenant table %q", ref.Table)
			if !ref.Scoped {
				s.AddFinding(call, info.Name, fmt.Sprintf("%s is not scoped to the active tenant: %s", where, ref.Problem),
					[]facts.Step{s.Pkg.Step(s.Pkg.CallStart(call.Pos()), "%s", r.tables.why(ref.Table))})
				continue
			}
			if site.prepare {
				continue // arguments are bound when the statement runs
			}
			for _, ph := range ref.Tenant {
				v := r.placeholderValue(s, args, site, ph)
				if v == nil {
					continue
				}
				subject := fmt.Sprintf("%s = %s in the %s", ref.Column, r.phString(ph), where)
				s.Need(v, call, engine.Needed{
					Family:  info.Name,
					Subject: subject,
					Sink:    subject,
					Trail:   []facts.Step{s.Pkg.Step(s.Pkg.CallStart(call.Pos()), "%s binds %s to %s", where, r.phString(ph), s.Describe(v))},
				})
			}
		}
	}
}

// phString spells a placeholder as the query does: $n, @name, or the n-th ? in MySQL.
func (r *rules) phString(ph sqltext.Placeholder) string {
	switch {
	case ph.Name != "":
		return "@" + ph.Name
	case r.cfg.Dialect == "mysql":
		return fmt.Sprintf("? (argument %d)", ph.Index)
	}
	return "$" + strconv.Itoa(ph.Index)
}

// placeholderValue finds the bind argument for a placeholder: the n-th variadic argument, a
// field of a struct (by its db tag) or a key of a map for named binding, or a key of pgx's
// NamedArgs passed as the first argument.
func (r *rules) placeholderValue(s *engine.Frame, args []ssa.Value, site sqlSite, ph sqltext.Placeholder) *engine.Value {
	if site.args < 0 || site.args >= len(args) {
		return nil
	}
	a := args[site.args]
	if site.named {
		if ph.Name == "" {
			return nil
		}
		return r.namedField(s, a, ph.Name)
	}
	list := s.Eval(a)
	if ph.Name != "" {
		return list.Field("0", "[0]").Field(ph.Name, ph.Name)
	}
	if ph.Index < 1 {
		return nil
	}
	k := strconv.Itoa(ph.Index - 1)
	if _, ok := list.Fields[k]; !ok && list.Kind == facts.None {
		// No such argument at all (a nil slice): the query is broken in other ways; quiet.
		return nil
	}
	return list.Field(k, "["+k+"]")
}

// namedField binds :name to a struct field (its `db` tag, else its lower-cased name) or a map
// key, as sqlx does.
func (r *rules) namedField(s *engine.Frame, a ssa.Value, name string) *engine.Value {
	t := a.Type()
	if mi, ok := a.(*ssa.MakeInterface); ok {
		t = mi.X.Type()
	}
	v := s.Eval(a)
	if st := engine.StructOf(t); st != nil {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			tag := reflect.StructTag(st.Tag(i)).Get("db")
			tag, _, _ = strings.Cut(tag, ",")
			if tag == name || (tag == "" && strings.EqualFold(f.Name(), name)) {
				return v.Field(strconv.Itoa(i), f.Name())
			}
		}
		return nil
	}
	if _, ok := t.Underlying().(*types.Map); ok {
		return v.Field(name, name)
	}
	return nil
}

// preparedQuery traces a statement back to the Prepare call that made it, in this function.
func (r *rules) preparedQuery(s *engine.Frame, stmt ssa.Value) (ssa.Value, bool, bool) {
	for range 4 {
		switch v := stmt.(type) {
		case *ssa.Extract:
			stmt = v.Tuple
			continue
		case *ssa.Call:
			vc := s.Pkg.Call(v)
			site, ok := r.sqlSite(s, vc)
			if !ok || !site.prepare {
				return nil, false, false
			}
			args := vc.Args
			if site.query < 0 || site.query >= len(args) {
				return nil, false, false
			}
			return args[site.query], site.named, true
		}
		return nil, false, false
	}
	return nil, false, false
}

// queryText resolves SQL text from constants, through concatenation and conversions. A
// parameter is returned as its index so that the function can be summarized as a wrapper.
func queryText(v ssa.Value, depth int) (string, int, bool) {
	if depth > 16 {
		return "", -1, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return constant.StringVal(v.Value), -1, true
		}
	case *ssa.BinOp:
		if v.Op.String() == "+" {
			a, _, ok1 := queryText(v.X, depth+1)
			b, _, ok2 := queryText(v.Y, depth+1)
			if ok1 && ok2 {
				return a + b, -1, true
			}
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.MultiConvert:
		return queryText(engine.StripConversions(v), depth+1)
	case *ssa.Phi:
		var text string
		for i, e := range v.Edges {
			t, _, ok := queryText(e, depth+1)
			if !ok || (i > 0 && t != text) {
				return "", -1, false
			}
			text = t
		}
		return text, -1, len(v.Edges) > 0
	case *ssa.Parameter:
		if fn := v.Parent(); fn != nil {
			for i, p := range fn.Params {
				if p == v {
					return "", i, false
				}
			}
		}
	}
	return "", -1, false
}

type sqlKey struct {
	tables *Tables
	text   string
}

type sqlResult struct {
	res *sqltext.Result
	err error
}

// analyzeSQL parses and judges a query once per table set, however many call sites run it.
func (r *rules) analyzeSQL(text string) (*sqltext.Result, error) {
	res := r.pkg.Memo(sqlKey{r.tables, text}, func() any {
		res, err := sqltext.Analyze(text, sqltext.Options{
			Dialect:       sqltext.Dialect(r.cfg.Dialect),
			TenantColumns: r.tables.columns,
			IsTenantTable: func(t string) bool { return r.tables.isTenant(t) || r.tables.isOwn(t) },
			TenantColumn:  r.tables.columnOf,
		})
		return sqlResult{res, err}
	}).(sqlResult)
	return res.res, res.err
}

// checkCopyFrom: pgx CopyFrom(ctx, pgx.Identifier{"table"}, []string{columns...}, rows) into a
// tenant table must copy the tenant column.
func (r *rules) checkCopyFrom(s *engine.Frame, c *engine.Call) {
	call, args := c.Instr, c.Args
	if len(args) < 4 {
		return
	}
	ident, ok1 := engine.ConstStrings(args[2])
	cols, ok2 := engine.ConstStrings(args[3])
	if !ok1 || !ok2 || len(ident) == 0 {
		return
	}
	table := strings.ToLower(ident[len(ident)-1])
	if !r.tables.isTenant(table) {
		return
	}
	for _, c := range cols {
		for _, tc := range r.tables.columns {
			if strings.EqualFold(c, tc) {
				return
			}
		}
	}
	s.AddFinding(call, info.Name, fmt.Sprintf("CopyFrom into tenant table %q does not copy a tenant column (%s)", table, strings.Join(r.tables.columns, ", ")),
		[]facts.Step{s.Pkg.Step(call.Pos(), "copies columns %s", strings.Join(cols, ", "))})
}
