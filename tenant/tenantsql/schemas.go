package tenantsql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// QuoteIdentifier quotes name as a PostgreSQL identifier: wrapped in double
// quotes, with embedded double quotes doubled, so that it can never end the
// identifier early. It panics on a NUL byte, which PostgreSQL identifiers
// cannot hold.
func QuoteIdentifier(name string) string {
	if strings.IndexByte(name, 0) >= 0 {
		panic("tenantsql.QuoteIdentifier: NUL byte in identifier")
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// Schemas manages one PostgreSQL schema per tenant, named Prefix + id with
// "-" written "_" (ids never contain "_", so the mapping is one-to-one).
// The schemas whose name starts with the prefix belong to it.
//
// Use a *sql.DB dedicated to the Schemas: connections it pins are reset
// when released, but no other code should rely on a pool whose connections
// change search_path.
type Schemas struct {
	db     *sql.DB
	prefix string
}

var prefixRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,14}$`)

// NewSchemas returns the schema-per-tenant manager for db. prefix must be a
// plain lowercase identifier of at most 15 bytes (so that prefix + id fits
// PostgreSQL's 63-byte identifiers) ending in "_"; NewSchemas panics
// otherwise, since it is a program constant.
func NewSchemas(db *sql.DB, prefix string) *Schemas {
	if !prefixRE.MatchString(prefix) || !strings.HasSuffix(prefix, "_") {
		panic(fmt.Sprintf("tenantsql.NewSchemas: prefix %q must match %s and end in _", prefix, prefixRE))
	}
	return &Schemas{db: db, prefix: prefix}
}

// Name returns the schema name of tenant id, unquoted, or an error if id is
// invalid.
func (s *Schemas) Name(id tenant.ID) (string, error) {
	if err := id.Validate(); err != nil {
		return "", err
	}
	return s.prefix + strings.ReplaceAll(string(id), "-", "_"), nil
}

// idOf is the inverse of Name.
func (s *Schemas) idOf(schema string) (tenant.ID, error) {
	rest, ok := strings.CutPrefix(schema, s.prefix)
	if !ok {
		return "", fmt.Errorf("tenantsql: schema %q does not start with %q", schema, s.prefix)
	}
	id, err := tenant.ParseID(strings.ReplaceAll(rest, "_", "-"))
	if err != nil {
		return "", fmt.Errorf("tenantsql: schema %q is not a tenant schema: %w", schema, err)
	}
	return id, nil
}

// Create creates the schema of tenant id if it does not exist.
func (s *Schemas) Create(ctx context.Context, id tenant.ID) error {
	name, err := s.Name(id)
	if err != nil {
		return err
	}
	// DDL takes no bind parameters: the name is a validated id under a
	// fixed prefix, and quoted on top of that.
	_, err = s.db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+QuoteIdentifier(name))
	return err
}

// List returns the tenants that have a schema, sorted. It enumerates every
// tenant, so ctx must be in the all-tenants scope.
func (s *Schemas) List(ctx context.Context) ([]tenant.ID, error) {
	if err := tenant.RequireAllTenants(ctx); err != nil {
		return nil, fmt.Errorf("tenantsql: list schemas: %w", err)
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT nspname FROM pg_catalog.pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname`, s.prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []tenant.ID
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		id, err := s.idOf(name)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Conn returns a connection pinned to the schema of the active tenant of
// ctx: its search_path is that schema alone, so unqualified names resolve
// there and nowhere else. It fails with an error wrapping
// tenant.ErrNoTenant without a tenant and tenant.ErrUnknownTenant if the
// schema does not exist. Close it to reset and release it.
func (s *Schemas) Conn(ctx context.Context) (*Conn, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return nil, fmt.Errorf("tenantsql: schema connection: %w", err)
	}
	name, err := s.Name(id)
	if err != nil {
		return nil, err
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	// set_config takes the value as a bind parameter: the quoted
	// identifier is data, never spliced into SQL.
	var exists bool
	err = c.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1), set_config('search_path', $2, false) IS NOT NULL`,
		name, QuoteIdentifier(name)).Scan(&exists, new(bool))
	if err == nil && !exists {
		err = fmt.Errorf("tenantsql: schema %q of tenant %q: %w", name, id, tenant.ErrUnknownTenant)
	}
	conn := &Conn{c: c, id: id, schema: name}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// Conn is a connection pinned to one tenant's schema. Statements on it must
// run with a context of the same tenant.
type Conn struct {
	c      *sql.Conn
	id     tenant.ID
	schema string
}

// check refuses a context of another tenant, or of none.
func (c *Conn) check(ctx context.Context) error {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return fmt.Errorf("tenantsql: %w: connection pinned to %q: %w", ErrTenantMismatch, c.id, err)
	}
	if id != c.id {
		return fmt.Errorf("tenantsql: %w: connection pinned to %q, context has %q", ErrTenantMismatch, c.id, id)
	}
	return nil
}

// Schema returns the name of the schema the connection is pinned to.
func (c *Conn) Schema() string { return c.schema }

// ExecContext runs a statement that returns no rows in the tenant's schema.
func (c *Conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := c.check(ctx); err != nil {
		return nil, err
	}
	return c.c.ExecContext(ctx, query, args...)
}

// QueryContext runs a query in the tenant's schema.
func (c *Conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := c.check(ctx); err != nil {
		return nil, err
	}
	return c.c.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query returning at most one row in the tenant's
// schema.
func (c *Conn) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	if err := c.check(ctx); err != nil {
		return &Row{err: err}
	}
	return &Row{row: c.c.QueryRowContext(ctx, query, args...)}
}

// BeginTx starts a transaction on the pinned connection.
func (c *Conn) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	if err := c.check(ctx); err != nil {
		return nil, err
	}
	return c.c.BeginTx(ctx, opts)
}

// Close resets the connection's search_path and returns it to the pool. If
// the reset fails, the connection is discarded instead, so that a pinned
// connection can never serve another caller.
func (c *Conn) Close() error {
	if _, err := c.c.ExecContext(context.Background(), "RESET search_path"); err != nil {
		// Returning driver.ErrBadConn from Raw makes database/sql
		// close the connection rather than pool it.
		c.c.Raw(func(any) error { return driver.ErrBadConn })
		c.c.Close()
		return nil
	}
	return c.c.Close()
}

// Migration is one step of a tenant schema's evolution.
type Migration struct {
	// Version orders migrations and records them; it must be positive
	// and strictly increasing along the list.
	Version int64
	// Name describes the migration in progress and errors.
	Name string
	// SQL is run with the tenant's schema as search_path; unqualified
	// names refer to it. Several statements separated by ";" are
	// allowed.
	SQL string
}

// MigrationError reports the migration that failed, and in which schema.
type MigrationError struct {
	Tenant    tenant.ID
	Schema    string
	Migration Migration
	Err       error
}

// Error names the schema, the tenant, the migration and the cause.
func (e *MigrationError) Error() string {
	return fmt.Sprintf("tenantsql: schema %q (tenant %s): migration %d %q: %v",
		e.Schema, e.Tenant, e.Migration.Version, e.Migration.Name, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *MigrationError) Unwrap() error { return e.Err }

// Progress is reported by [Schemas.MigrateAll] after each schema.
type Progress struct {
	Tenant  tenant.ID
	Schema  string
	Index   int // 1-based position of the schema
	Total   int // number of schemas
	Applied int // migrations applied to this schema now (0: up to date)
}

func checkMigrations(ms []Migration) error {
	var last int64
	for _, m := range ms {
		if m.Version <= last {
			return fmt.Errorf("tenantsql: migration %d %q: versions must be positive and strictly increasing", m.Version, m.Name)
		}
		last = m.Version
	}
	return nil
}

// Migrate applies the migrations missing from the schema of the active
// tenant of ctx and returns how many it applied. Each migration runs in its
// own transaction together with its record in the schema's
// schema_migrations table, under a lock on the schema, so re-running (even
// concurrently) applies each migration once. It stops on the first failure,
// returning a *MigrationError; the migrations before it stay applied.
func (s *Schemas) Migrate(ctx context.Context, ms []Migration) (int, error) {
	if err := checkMigrations(ms); err != nil {
		return 0, err
	}
	c, err := s.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	applied := 0
	for _, m := range ms {
		done, err := c.apply(ctx, m)
		if err != nil {
			return applied, &MigrationError{Tenant: c.id, Schema: c.schema, Migration: m, Err: err}
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

// apply runs m unless it is recorded, and reports whether it ran.
func (c *Conn) apply(ctx context.Context, m Migration) (bool, error) {
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	// Serialize migrators of this schema; the lock ends with the
	// transaction. Then create the record table (racing CREATE ... IF NOT
	// EXISTS can fail outside the lock).
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, "tenantsql migrate "+c.schema); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version bigint PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return false, err
	}
	var done bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, m.Version).Scan(&done); err != nil {
		return false, err
	}
	if done {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// MigrateAll applies the migrations to every tenant schema ([Schemas.List]),
// in order, calling progress (if not nil) after each schema. It stops on
// the first failure, returning a *MigrationError that names the schema; the
// schemas before it are migrated, and re-running resumes where it stopped.
// ctx must be in the all-tenants scope.
func (s *Schemas) MigrateAll(ctx context.Context, ms []Migration, progress func(Progress)) error {
	if err := checkMigrations(ms); err != nil {
		return err
	}
	ids, err := s.List(ctx)
	if err != nil {
		return err
	}
	for i, id := range ids {
		n, err := s.Migrate(tenant.With(ctx, id), ms)
		if err != nil {
			var me *MigrationError
			if !errors.As(err, &me) {
				name, _ := s.Name(id)
				err = fmt.Errorf("tenantsql: schema %q (tenant %s): %w", name, id, err)
			}
			return err
		}
		if progress != nil {
			name, _ := s.Name(id)
			progress(Progress{Tenant: id, Schema: name, Index: i + 1, Total: len(ids), Applied: n})
		}
	}
	return nil
}
