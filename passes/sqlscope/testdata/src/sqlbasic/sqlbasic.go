// Package sqlbasic exercises sqlscope on database/sql: every rule, positive and negative.
package sqlbasic

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/auth"
	"github.com/grafana/dskit/tenant"
)

type Store struct{ db *sql.DB }

// Scoped queries with the tenant from a source: quiet.
func (s *Store) Scoped(ctx context.Context, id int64) error {
	tid, err := tenant.TenantID(ctx)
	if err != nil {
		return err
	}
	_, err = s.db.QueryContext(ctx, `SELECT name FROM devices WHERE id = $1 AND tenant_id = $2`, id, tid)
	s.db.QueryRowContext(ctx, `SELECT d.name FROM devices d JOIN sessions s ON s.device_id = d.id AND s.tenant_id = d.tenant_id WHERE d.tenant_id = $1`, tid)
	s.db.ExecContext(ctx, `INSERT INTO devices (tenant_id, name) VALUES ($1, $2)`, tid, "x")
	s.db.ExecContext(ctx, `UPDATE devices SET name = $1 WHERE tenant_id = $2 AND (id = $3 OR owner_id = $3)`, "n", tid, id)
	s.db.QueryContext(ctx, `WITH mine AS (SELECT id FROM devices WHERE tenant_id = $1) SELECT * FROM mine`, tid)
	s.db.QueryContext(ctx, "SELECT * FROM devices "+"WHERE tenant_id = $1", tid)
	return err
}

// Unscoped queries: reported whatever the arguments.
func (s *Store) Unscoped(ctx context.Context, id int64) {
	s.db.QueryContext(ctx, `SELECT name FROM devices WHERE id = $1`, id)                         // want `query on tenant table "devices" is not scoped to the active tenant`
	s.db.ExecContext(ctx, `DELETE FROM sessions`)                                               // want `query on tenant table "sessions" is not scoped`
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1 AND id = $2 OR name = $3`) // want `query on tenant table "devices" is not scoped`
	s.db.ExecContext(ctx, `INSERT INTO devices (name) VALUES ($1)`, "x")                         // want `query on tenant table "devices" is not scoped`
	s.db.QueryContext(ctx, `SELECT d.name FROM devices d JOIN sessions s ON s.name = $2 WHERE d.tenant_id = $1`, id, "x") // want `query on tenant table "sessions" is not scoped`
	s.db.QueryContext(ctx, `SELECT * FROM teams WHERE name = $1`, "a")                           // want `query on tenant table "teams" is not scoped`
	s.db.ExecContext(ctx, `INSERT INTO devices (tenant_id, name) SELECT tenant_id, name FROM devices WHERE id = $1`, id) // want `query on tenant table "devices" is not scoped`
}

// Tables that are not tenant tables, or declared global: quiet.
func (s *Store) Global(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT * FROM plans`)
	s.db.QueryContext(ctx, `SELECT * FROM users WHERE id = $1`, 1)
}

// A query whose text is not a constant is not guessed at.
func (s *Store) Dynamic(ctx context.Context, q string, table string) {
	s.db.QueryContext(ctx, "SELECT * FROM "+table)
}

// The tenant placeholder bound to a constant, or to request input.
func (s *Store) Bound(ctx context.Context, r *http.Request) {
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, "acme") // want `tenant_id = \$1 in the query on tenant table "devices", but it gets a constant`
	t := r.FormValue("tenant")
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, t) // want `tenant id comes from request input: r.FormValue reaches tenant_id = \$1`
	h := r.Header.Get("X-Tenant")
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, h) // want `tenant id comes from request input: r.Header.Get`
	q := r.URL.Query().Get("tenant")
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, q) // want `tenant id comes from request input`
}

// A tenant that is the source on one path and a constant on another is not scoped (must-merge).
func (s *Store) Merge(ctx context.Context, admin bool) {
	tid := auth.TenantID(ctx)
	if admin {
		tid = ""
	}
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid) // want `but it gets a constant`
}

// Configured field source.
func (s *Store) Field(ctx context.Context) {
	u := auth.UserFrom(ctx)
	s.db.QueryContext(ctx, `SELECT * FROM teams WHERE org_id = $1`, u.OrgID)
}

// A validator that dominates the query vouches for the request input.
func (s *Store) Validated(ctx context.Context, r *http.Request) error {
	t := r.PathValue("tenant")
	if err := auth.RequireMember(ctx, t); err != nil {
		return err
	}
	_, err := s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, t)
	return err
}

// A validator on one branch only does not.
func (s *Store) ValidatedSometimes(ctx context.Context, r *http.Request, strict bool) {
	t := r.PathValue("tenant")
	if strict {
		auth.RequireMember(ctx, t)
	}
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, t) // want `tenant id comes from request input: r.PathValue`
}

// Prepared statements: the text is checked at Prepare, the arguments when it runs.
func (s *Store) Prepared(ctx context.Context) {
	stmt, _ := s.db.PrepareContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`)
	stmt.QueryContext(ctx, "acme") // want `tenant_id = \$1 in the query on tenant table "devices", but it gets a constant`
	stmt.QueryContext(ctx, auth.TenantID(ctx))
	s.db.Prepare(`SELECT * FROM devices`) // want `query on tenant table "devices" is not scoped`
}

// Transactions and connections are sinks too.
func (s *Store) Tx(ctx context.Context, tx *sql.Tx, conn *sql.Conn) {
	tx.ExecContext(ctx, `DELETE FROM devices WHERE id = $1`, 1)            // want `query on tenant table "devices" is not scoped`
	conn.QueryRowContext(ctx, `SELECT * FROM sessions WHERE id = $1`, "s") // want `query on tenant table "sessions" is not scoped`
	tx.Exec(`DELETE FROM devices WHERE tenant_id = $1`, auth.TenantID(ctx))
}

// Closures and goroutines see the values they capture.
func (s *Store) Closures(ctx context.Context) {
	tid := auth.TenantID(ctx)
	run := func() {
		s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
	}
	run()
	go func() {
		s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, "acme") // want `but it gets a constant`
	}()
	go s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, 1) // want `query on tenant table "sessions" is not scoped`
}

// Generic helpers are analysed once, on their origin.
func first[T any](ctx context.Context, db *sql.DB, tid T) {
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
}

func (s *Store) Generic(ctx context.Context) {
	first(ctx, s.db, auth.TenantID(ctx))
	first(ctx, s.db, "acme") // want `first needs the active tenant in tid`
}

// Methods promoted from an embedded struct carry their obligations.
type base struct{ db *sql.DB }

func (b *base) byTenant(ctx context.Context, tid string) {
	b.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
}

type Service struct{ base }

func (s *Service) Handle(ctx context.Context, r *http.Request) {
	s.byTenant(ctx, auth.TenantID(ctx))
	s.byTenant(ctx, r.FormValue("t")) // want `tenant id comes from request input: r.FormValue reaches byTenant needs the active tenant in tid`
}

// Suppressions need a reason and must suppress something.
func (s *Store) Suppressed(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT * FROM devices`) //nolint:tenantlint // the fixture's reason
	//tenantlint:ignore sqlscope the fixture's reason
	s.db.QueryContext(ctx, `SELECT * FROM sessions`)
	s.db.QueryContext(ctx, `SELECT * FROM users`) //nolint:tenantlint // nothing to suppress here (the directive check reports it: directiveunused)
	s.db.QueryContext(ctx, `-- tenantlint:crosstenant billing sweep
SELECT * FROM devices`)
}

// Report counts devices of every tenant.
//
//tenantlint:crosstenant nightly billing counts every tenant's devices
func (s *Store) Report(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`)
}

// Nothing here is tenant data.
//
//tenantlint:crosstenant no reason to be here (the directive check reports it: directiveunused)
func (s *Store) Plans(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT * FROM plans`)
}

// nil is not a tenant leak: a nil pointer is never read, and `return nil, err` does not make a
// function's successful result nil.
type Opts struct{ TenantID string }

func withOpts(ctx context.Context, db *sql.DB, o *Opts) {
	if o != nil {
		db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, o.TenantID)
	}
}

func prepare(ctx context.Context, bad bool) (*Opts, error) {
	if bad {
		return nil, context.Canceled
	}
	return &Opts{TenantID: auth.TenantID(ctx)}, nil
}

func (s *Store) NilOpts(ctx context.Context) {
	withOpts(ctx, s.db, nil)
	o, err := prepare(ctx, false)
	if err != nil {
		return
	}
	withOpts(ctx, s.db, o)
	withOpts(ctx, s.db, &Opts{TenantID: "acme"}) // want `withOpts needs the active tenant in o.TenantID .* but it gets a constant`
}

// Package variables: one initialised with a constant or zero value and never assigned again
// holds a constant; one the package assigns (or whose address it hands out) may hold anything.
var (
	noTenant    = ""
	zeroTenant  [16]byte
	nilTenant   = tenantUUID{}
	setTenant   = "boot"
	aimedTenant string
	fromFunc    = auth.TenantID(context.Background())
	// Exported: another package may set it, and the engine does not see it do so.
	DefaultTenant = ""
)

type tenantUUID [16]byte

func init() { setTenant = "configured" }

func aim() *string { return &aimedTenant }

func (s *Store) PackageVars(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, noTenant)   // want `but it gets a constant`
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, zeroTenant) // want `but it gets a constant`
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, nilTenant)  // want `but it gets a constant`
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, setTenant)
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, aimedTenant)
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, fromFunc)
	s.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, DefaultTenant)
}
