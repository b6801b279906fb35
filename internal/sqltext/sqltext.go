package sqltext

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Dialect selects the SQL grammar.
type Dialect string

const (
	Postgres Dialect = "postgres"
	MySQL    Dialect = "mysql"
)

// Options configures Analyze and SchemaTables.
type Options struct {
	// Dialect selects the parser. The zero value means Postgres.
	Dialect Dialect
	// TenantColumns are the column names that carry the tenant, e.g.
	// tenant_id, org_id. They are compared case-insensitively. Empty means
	// {"tenant_id"}.
	TenantColumns []string
	// IsTenantTable reports whether a table holds per-tenant rows. It
	// receives the lower-cased table name without schema. Nil means every
	// table is a tenant table.
	IsTenantTable func(table string) bool
	// TenantColumn optionally names the tenant column of one table (e.g.
	// from SchemaTables). When it returns a non-empty name, only that
	// column scopes the table; otherwise any of TenantColumns does.
	TenantColumn func(table string) string
}

// Placeholder identifies a bind parameter. Index is the 1-based position
// ($n, or the n-th '?' in MySQL). Name is set for named parameters (@name
// as pgx/sqlc use, :name as sqlx uses, sqlc.arg(name)); then Index is the
// number the rewrite assigned: first distinct name = 1, and so on (in
// Postgres text that also uses $n, names are numbered after the highest
// $n so the two can never collide).
type Placeholder struct {
	Index int
	Name  string
}

// Result is the analysis of one query text.
type Result struct {
	Statements []Statement
}

// Statement is the analysis of one SQL statement.
type Statement struct {
	// Kind is "select", "insert", "update", "delete" or "other".
	// REPLACE counts as "insert".
	Kind string
	// Refs lists every reference to a tenant table anywhere in the
	// statement (CTEs, subqueries, joins, INSERT ... SELECT), in source
	// order, except those in a CTE the statement never evaluates.
	Refs []TableRef
}

// TableRef is one reference to a tenant table.
type TableRef struct {
	Table  string // lower-cased unqualified name
	Alias  string // as written, lower-cased; empty if none
	Offset int    // byte offset of the reference in the original query text; -1 if unknown
	// Scoped reports whether the rows the statement touches through this
	// reference are restricted to the tenants given by Tenant (or, when
	// Tenant is empty, to one tenant given by a non-placeholder expression).
	Scoped bool
	// Column is the tenant column used (or, when !Scoped, required).
	Column string
	// Tenant lists the placeholders whose values become the tenant
	// (tenant_col = $n), or the tenants (tenant_col IN ($1, $2),
	// tenant_col = ANY($1), a join to unnest($1), a link to a row scoped by
	// $1). Empty when scoped by a non-placeholder expression or not
	// scoped.
	Tenant []Placeholder
	// Problem is a short human reason when !Scoped.
	Problem string
}

// Analyze parses query (one or more statements) and reports, for every
// reference to a tenant table, whether it is scoped to one tenant. The
// error is a parse error; its text carries the 1-based line and (byte)
// column in query.
func Analyze(query string, opts Options) (res *Result, err error) {
	// A linter runs over arbitrary code; a parser bug on one odd query
	// must become an error for that query, not a crash of the whole run.
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("sqltext: internal error analyzing query: %v", p)
		}
	}()
	o, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	rw := rewritePlaceholders(query, o.dialect)
	var stmts []parsedStmt
	if o.dialect == MySQL {
		stmts, err = parseMySQL(rw)
	} else {
		stmts, err = parsePostgres(rw, query)
	}
	if err != nil {
		return nil, err
	}
	res = &Result{Statements: []Statement{}}
	for _, ps := range stmts {
		st := Statement{Kind: ps.kind, Refs: []TableRef{}}
		if ps.q != nil {
			st.Refs = append(st.Refs, analyzeStatement(ps.q, o)...)
		}
		for i := range st.Refs {
			st.Refs[i].Offset = rw.origOffset(st.Refs[i].Offset)
		}
		// Source order; unknown offsets keep discovery order at the end.
		slices.SortStableFunc(st.Refs, func(a, b TableRef) int {
			if (a.Offset < 0) != (b.Offset < 0) {
				if a.Offset < 0 {
					return 1
				}
				return -1
			}
			return cmp.Compare(a.Offset, b.Offset)
		})
		res.Statements = append(res.Statements, st)
	}
	return res, nil
}

// SchemaTable is a table whose definition has a tenant column.
type SchemaTable struct {
	Name   string // lower-cased unqualified name
	Column string // lower-cased tenant column
	Line   int    // 1-based line of the CREATE TABLE (or ALTER TABLE) in src
}

// SchemaTables finds CREATE TABLE statements in a schema or migration
// file whose column list has one of opts.TenantColumns, plus tables that
// gain one through ALTER TABLE ... ADD COLUMN. Each table is reported once,
// at its first such statement, in file order. opts.IsTenantTable and
// opts.TenantColumn are ignored.
//
// If the file does not parse as a whole, each statement is parsed on its
// own: the tables found in statements that do parse are returned together
// with the first parse error.
func SchemaTables(src string, opts Options) (tables []SchemaTable, err error) {
	defer func() {
		if p := recover(); p != nil {
			tables, err = nil, fmt.Errorf("sqltext: internal error reading schema: %v", p)
		}
	}()
	o, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	if o.dialect == MySQL {
		return schemaMySQL(src, o)
	}
	return schemaPostgres(src, o)
}

// options is Options with defaults applied.
type options struct {
	dialect  Dialect
	columns  []string // lower-cased, in preference order
	isTenant func(string) bool
	columnOf func(string) string
}

func normalize(opts Options) (*options, error) {
	o := &options{dialect: opts.Dialect, isTenant: opts.IsTenantTable, columnOf: opts.TenantColumn}
	switch o.dialect {
	case "":
		o.dialect = Postgres
	case Postgres, MySQL:
	default:
		return nil, fmt.Errorf("sqltext: unknown dialect %q", opts.Dialect)
	}
	for _, c := range opts.TenantColumns {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			o.columns = append(o.columns, c)
		}
	}
	if len(o.columns) == 0 {
		o.columns = []string{"tenant_id"}
	}
	if o.isTenant == nil {
		o.isTenant = func(string) bool { return true }
	}
	return o, nil
}

// tenantColumns returns the columns that can scope table, most preferred
// first.
func (o *options) tenantColumns(table string) []string {
	if o.columnOf != nil {
		if c := strings.ToLower(o.columnOf(table)); c != "" {
			return []string{c}
		}
	}
	return o.columns
}

func (o *options) isTenantColumn(table, col string) bool {
	return slices.Contains(o.tenantColumns(table), col)
}

// parsedStmt is one statement converted to the dialect-neutral form.
type parsedStmt struct {
	kind string
	q    *query // nil for "other"
}
