package tenantsql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tenantlint/tenantlint/tenant"
)

// ErrNoTenantPredicate is wrapped by the error for a statement that touches
// a tenant table but does not mention $1 and the tenant column.
var ErrNoTenantPredicate = errors.New("statement touches a tenant table without a tenant predicate ($1 and the tenant column)")

// ErrTenantMismatch is wrapped by the error for a statement run, on a
// transaction or connection bound to one tenant, with the context of
// another tenant (or of none).
var ErrTenantMismatch = errors.New("context tenant differs from the tenant the connection or transaction is bound to")

// Table registers a tenant table of a shared database: Name holds rows of
// every tenant, and Column holds the tenant id of each row.
type Table struct {
	Name   string
	Column string
}

// DB wraps a *sql.DB shared by all tenants. See the package documentation
// for how it recognizes statements touching tenant tables and what it does
// with them. It is safe for concurrent use.
type DB struct {
	db     *sql.DB
	tables map[string]string // table name -> tenant column

	// plans caches the analysis of statements, which are normally
	// constants; it stops growing at maxPlans so that dynamic SQL cannot
	// exhaust memory.
	plans  sync.Map // string -> plan
	nplans atomic.Int64
}

const maxPlans = 4096

var plainIdent = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// NewDB returns a wrapper of db for which tables are tenant tables. Table and
// column names must be plain lowercase identifiers (as PostgreSQL folds
// unquoted names); NewDB panics otherwise, since they are program
// constants.
func NewDB(db *sql.DB, tables ...Table) *DB {
	d := &DB{db: db, tables: map[string]string{}}
	for _, t := range tables {
		if !plainIdent.MatchString(t.Name) || !plainIdent.MatchString(t.Column) {
			panic(fmt.Sprintf("tenantsql.NewDB: table %q, column %q: names must be plain lowercase identifiers", t.Name, t.Column))
		}
		d.tables[t.Name] = t.Column
	}
	return d
}

// plan says how to run a statement.
type plan struct {
	tables []string // tenant tables touched, sorted; empty: run unchanged
	err    error    // the statement is refused whatever the context
}

func (d *DB) plan(query string) plan {
	if p, ok := d.plans.Load(query); ok {
		return p.(plan)
	}
	p := d.analyze(query)
	if d.nplans.Load() < maxPlans {
		if _, loaded := d.plans.LoadOrStore(query, p); !loaded {
			d.nplans.Add(1)
		}
	}
	return p
}

func (d *DB) analyze(query string) plan {
	info, err := scan(query)
	if err != nil {
		return plan{err: fmt.Errorf("tenantsql: cannot check statement: %w", err)}
	}
	if info.unicodeQ {
		return plan{err: errors.New(`tenantsql: cannot check statement: U&"..." identifiers are not supported`)}
	}
	var p plan
	for name, col := range d.tables {
		if !info.idents[name] {
			continue
		}
		p.tables = append(p.tables, name)
		if !info.params[1] || !info.idents[col] {
			p.err = fmt.Errorf("tenantsql: table %s: %w", name, ErrNoTenantPredicate)
		}
	}
	sort.Strings(p.tables)
	if p.err != nil && len(p.tables) > 1 {
		p.err = fmt.Errorf("tenantsql: tables %s: %w", strings.Join(p.tables, ", "), ErrNoTenantPredicate)
	}
	return p
}

// args returns the arguments to run query with in ctx: args unchanged for
// statements that touch no tenant table, or in the all-tenants scope;
// otherwise the tenant id followed by args, or an error without a tenant.
// tx is the transaction the statement runs in, nil for none.
func (d *DB) args(ctx context.Context, query string, args []any, tx *Tx) ([]any, error) {
	if tx != nil {
		if err := tx.check(ctx); err != nil {
			return nil, err
		}
	}
	p := d.plan(query)
	if p.err == nil && len(p.tables) == 0 {
		return args, nil
	}
	if tenant.IsAllTenants(ctx) {
		if len(p.tables) == 0 {
			return nil, p.err // a statement that could not be checked
		}
		// Declared cross-tenant work: no tenant predicate is required.
		return args, nil
	}
	if p.err != nil {
		return nil, p.err
	}
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return nil, fmt.Errorf("tenantsql: statement touches tenant table %s: %w", strings.Join(p.tables, ", "), err)
	}
	return append([]any{string(id)}, args...), nil
}

// ExecContext runs a statement that returns no rows, as [sql.DB.ExecContext]
// does, with the tenant as $1 if it touches a tenant table.
func (d *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	a, err := d.args(ctx, query, args, nil)
	if err != nil {
		return nil, err
	}
	return d.db.ExecContext(ctx, query, a...)
}

// QueryContext runs a query, as [sql.DB.QueryContext] does, with the tenant
// as $1 if it touches a tenant table.
func (d *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	a, err := d.args(ctx, query, args, nil)
	if err != nil {
		return nil, err
	}
	return d.db.QueryContext(ctx, query, a...)
}

// QueryRowContext runs a query expected to return at most one row, with the
// tenant as $1 if it touches a tenant table. A refusal is reported by the
// returned Row's Scan and Err, like database errors.
func (d *DB) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	a, err := d.args(ctx, query, args, nil)
	if err != nil {
		return &Row{err: err}
	}
	return &Row{row: d.db.QueryRowContext(ctx, query, a...)}
}

// BeginTx starts a transaction bound to the scope of ctx: statements on it
// must run with the same tenant (or, for a transaction begun in the
// all-tenants scope, in that scope).
func (d *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	t := &Tx{d: d, all: tenant.IsAllTenants(ctx)}
	if !t.all {
		id, err := tenant.RequireID(ctx)
		if err != nil {
			return nil, fmt.Errorf("tenantsql: begin: %w", err)
		}
		t.bound = id
	}
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	t.tx = tx
	return t, nil
}

// Tables returns the registered tenant tables, sorted.
func (d *DB) Tables() []string {
	names := make([]string, 0, len(d.tables))
	for n := range d.tables {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Row is the result of QueryRowContext: a *sql.Row, or the error that
// refused the statement.
type Row struct {
	row *sql.Row
	err error
}

// Scan copies the row's columns into dest, as [sql.Row.Scan] does, or returns
// the error that refused the statement.
func (r *Row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}

// Err returns the error that refused the statement or, like [sql.Row.Err],
// the query's error.
func (r *Row) Err() error {
	if r.err != nil {
		return r.err
	}
	return r.row.Err()
}

// Tx is a transaction of a [DB], bound to one tenant (or to the all-tenants
// scope).
type Tx struct {
	d     *DB
	tx    *sql.Tx
	all   bool      // begun in the all-tenants scope
	bound tenant.ID // otherwise, the tenant it was begun for
}

// check refuses a statement whose context is not the transaction's scope,
// whatever table it touches: one transaction never serves two tenants.
func (t *Tx) check(ctx context.Context) error {
	if t.all {
		if !tenant.IsAllTenants(ctx) {
			return fmt.Errorf("tenantsql: %w: transaction begun in the all-tenants scope, statement outside it", ErrTenantMismatch)
		}
		return nil
	}
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return fmt.Errorf("tenantsql: %w: transaction bound to %q: %w", ErrTenantMismatch, t.bound, err)
	}
	if id != t.bound {
		return fmt.Errorf("tenantsql: %w: transaction bound to %q, context has %q", ErrTenantMismatch, t.bound, id)
	}
	return nil
}

// ExecContext is [DB.ExecContext] within the transaction.
func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	a, err := t.d.args(ctx, query, args, t)
	if err != nil {
		return nil, err
	}
	return t.tx.ExecContext(ctx, query, a...)
}

// QueryContext is [DB.QueryContext] within the transaction.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	a, err := t.d.args(ctx, query, args, t)
	if err != nil {
		return nil, err
	}
	return t.tx.QueryContext(ctx, query, a...)
}

// QueryRowContext is [DB.QueryRowContext] within the transaction.
func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	a, err := t.d.args(ctx, query, args, t)
	if err != nil {
		return &Row{err: err}
	}
	return &Row{row: t.tx.QueryRowContext(ctx, query, a...)}
}

// Commit commits the transaction.
func (t *Tx) Commit() error { return t.tx.Commit() }

// Rollback aborts the transaction.
func (t *Tx) Rollback() error { return t.tx.Rollback() }
