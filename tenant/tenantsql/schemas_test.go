package tenantsql_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantsql"
)

var migrations = []tenantsql.Migration{
	{Version: 1, Name: "notes", SQL: `CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)`},
	{Version: 2, Name: "tags", SQL: `ALTER TABLE notes ADD COLUMN tags text[] NOT NULL DEFAULT '{}'; CREATE INDEX ON notes (body)`},
}

// schemas returns a Schemas on the common database with a prefix of its
// own ("s<n>_"), and the tenant schemas of ids created. A prefix per test
// isolates tests as well as a database each, at a fraction of the cost.
func schemas(t *testing.T, ids ...tenant.ID) (*tenantsql.Schemas, *sql.DB, string) {
	raw := commonDB(t)
	prefix := fmt.Sprintf("s%d_", scopes.Add(1))
	s := tenantsql.NewSchemas(raw, prefix)
	for _, id := range ids {
		if err := s.Create(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	return s, raw, prefix
}

func TestSchemaName(t *testing.T) {
	s := tenantsql.NewSchemas(nil, "tenant_")
	if name, err := s.Name("acme-eu"); err != nil || name != "tenant_acme_eu" {
		t.Errorf("Name = %q, %v", name, err)
	}
	for _, bad := range []tenant.ID{`x"; DROP SCHEMA public CASCADE; --`, "../x", "", "Acme", "\u0430cme", tenant.ID(strings.Repeat("a", 49))} {
		if name, err := s.Name(bad); !errors.Is(err, tenant.ErrInvalidID) {
			t.Errorf("Name(%q) = %q, %v", bad, name, err)
		}
	}
}

func TestSchemaHostileIDsCreateNothing(t *testing.T) {
	s, raw, _ := schemas(t)
	before := count(t, raw, `SELECT count(*) FROM pg_namespace`)
	for _, bad := range []tenant.ID{`x"; DROP SCHEMA public CASCADE; --`, `a" CASCADE --`, "a'b", "a/b", "..", ""} {
		if err := s.Create(context.Background(), bad); !errors.Is(err, tenant.ErrInvalidID) {
			t.Errorf("Create(%q) = %v", bad, err)
		}
	}
	if after := count(t, raw, `SELECT count(*) FROM pg_namespace`); after != before {
		t.Errorf("schemas went from %d to %d", before, after)
	}
}

func TestSchemaConnPinned(t *testing.T) {
	s, _, p := schemas(t, "acme", "globex")
	ctxAll := tenant.AllTenants(context.Background())
	if err := s.MigrateAll(ctxAll, migrations, nil); err != nil {
		t.Fatal(err)
	}
	for _, ctx := range []context.Context{acme, globex} {
		c, err := s.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := tenant.IDFrom(ctx)
		if _, err := c.ExecContext(ctx, `INSERT INTO notes (body) VALUES ($1)`, "note of "+id); err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	for _, ctx := range []context.Context{acme, globex} {
		id, _ := tenant.IDFrom(ctx)
		c, err := s.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var body, path string
		if err := c.QueryRowContext(ctx, `SELECT string_agg(body, ','), current_setting('search_path') FROM notes`).Scan(&body, &path); err != nil {
			t.Fatal(err)
		}
		if body != "note of "+string(id) || path != `"`+p+string(id)+`"` {
			t.Errorf("%s: body %q, search_path %q", id, body, path)
		}
		// The connection refuses other tenants' contexts.
		other := globex
		if id == "globex" {
			other = acme
		}
		if _, err := c.QueryContext(other, `SELECT body FROM notes`); !errors.Is(err, tenantsql.ErrTenantMismatch) {
			t.Errorf("%s conn with other tenant: %v", id, err)
		}
		if _, err := c.BeginTx(context.Background(), nil); !errors.Is(err, tenantsql.ErrTenantMismatch) {
			t.Errorf("%s conn without tenant: %v", id, err)
		}
		// Public tables are out of reach without qualification.
		if _, err := c.ExecContext(ctx, `SELECT * FROM pg_tables_does_not_exist`); err == nil {
			t.Error("unexpected success")
		}
		c.Close()
	}
}

func TestSchemaConnErrors(t *testing.T) {
	s, _, p := schemas(t, "acme")
	if _, err := s.Conn(context.Background()); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	if _, err := s.Conn(globex); !errors.Is(err, tenant.ErrUnknownTenant) || !strings.Contains(err.Error(), p+"globex") {
		t.Errorf("missing schema: %v", err)
	}
}

func TestSchemaConnResetOnClose(t *testing.T) {
	s, raw, _ := schemas(t, "acme")
	raw.SetMaxOpenConns(1) // the pool's only connection is the pinned one
	c, err := s.Conn(acme)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	var path string
	if err := raw.QueryRow(`SHOW search_path`).Scan(&path); err != nil {
		t.Fatal(err)
	}
	if path != `"$user", public` {
		t.Errorf("search_path after Close = %q, want the default", path)
	}
}

func TestSchemaListNeedsAllTenants(t *testing.T) {
	s, _, _ := schemas(t, "globex", "acme", "acme-eu")
	if _, err := s.List(acme); !errors.Is(err, tenant.ErrNotAllTenants) {
		t.Errorf("List(tenant ctx) = %v", err)
	}
	if err := s.MigrateAll(context.Background(), migrations, nil); !errors.Is(err, tenant.ErrNotAllTenants) {
		t.Errorf("MigrateAll(background) = %v", err)
	}
	ids, err := s.List(all)
	if err != nil || len(ids) != 3 || ids[0] != "acme" || ids[1] != "acme-eu" || ids[2] != "globex" {
		t.Errorf("List = %v, %v", ids, err)
	}
}

func TestMigrateAllProgressAndRerun(t *testing.T) {
	s, _, p := schemas(t, "acme", "globex")
	var seen []tenantsql.Progress
	if err := s.MigrateAll(all, migrations, func(p tenantsql.Progress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	want := []tenantsql.Progress{
		{Tenant: "acme", Schema: p + "acme", Index: 1, Total: 2, Applied: 2},
		{Tenant: "globex", Schema: p + "globex", Index: 2, Total: 2, Applied: 2},
	}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
		t.Errorf("progress = %+v, want %+v", seen, want)
	}
	// Re-running applies nothing; a new tenant gets everything.
	if err := s.Create(context.Background(), "initech"); err != nil {
		t.Fatal(err)
	}
	seen = nil
	if err := s.MigrateAll(all, migrations, func(p tenantsql.Progress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	applied := map[tenant.ID]int{}
	for _, p := range seen {
		applied[p.Tenant] = p.Applied
	}
	if applied["acme"] != 0 || applied["globex"] != 0 || applied["initech"] != 2 {
		t.Errorf("re-run applied %v", applied)
	}
}

func TestMigrateAllStopsOnFailure(t *testing.T) {
	s, raw, p := schemas(t, "acme", "globex", "initech")
	// globex already has a conflicting table: migration 1 fails there.
	mustExec(t, raw, `CREATE TABLE `+p+`globex.notes (x int)`)
	var done []tenant.ID
	err := s.MigrateAll(all, migrations, func(p tenantsql.Progress) { done = append(done, p.Tenant) })
	var me *tenantsql.MigrationError
	if !errors.As(err, &me) || me.Schema != p+"globex" || me.Tenant != "globex" || me.Migration.Version != 1 {
		t.Fatalf("got %v, want a MigrationError for %sglobex", err, p)
	}
	if !strings.Contains(err.Error(), `schema "`+p+`globex"`) || !strings.Contains(err.Error(), `already exists`) {
		t.Errorf("error %q does not name the schema and cause", err)
	}
	if len(done) != 1 || done[0] != "acme" {
		t.Errorf("progress before failure: %v", done)
	}
	// initech was not touched; globex has no half-applied migration.
	if n := count(t, raw, `SELECT count(*) FROM pg_tables WHERE schemaname = $1`, p+"initech"); n != 0 {
		t.Errorf("initech has %d tables after the stop", n)
	}
	// The failed migration's transaction rolled back whole: globex only
	// has the conflicting table, not even schema_migrations.
	if n := count(t, raw, `SELECT count(*) FROM pg_tables WHERE schemaname = $1`, p+"globex"); n != 1 {
		t.Errorf("globex has %d tables, want 1", n)
	}
	// Fix and re-run: resumes.
	mustExec(t, raw, `DROP TABLE `+p+`globex.notes`)
	if err := s.MigrateAll(all, migrations, nil); err != nil {
		t.Fatal(err)
	}
	if n := count(t, raw, `SELECT count(*) FROM `+p+`initech.schema_migrations`); n != 2 {
		t.Errorf("initech recorded %d migrations", n)
	}
}

func TestMigrateRejectsBadOrder(t *testing.T) {
	s, _, _ := schemas(t, "acme")
	_, err := s.Migrate(acme, []tenantsql.Migration{{Version: 2}, {Version: 1}})
	if err == nil || !strings.Contains(err.Error(), "strictly increasing") {
		t.Errorf("got %v", err)
	}
}

// TestMigrateConcurrent runs the same migrations on one schema from several
// goroutines: each migration must be applied exactly once.
func TestMigrateConcurrent(t *testing.T) {
	s, raw, p := schemas(t, "acme")
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 4 {
		wg.Go(func() {
			n, err := s.Migrate(acme, migrations)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		})
	}
	wg.Wait()
	if total != 2 {
		t.Errorf("applied %d migrations in total, want 2", total)
	}
	if n := count(t, raw, `SELECT count(*) FROM `+p+`acme.schema_migrations`); n != 2 {
		t.Errorf("recorded %d", n)
	}
}

// TestSchemasConcurrentTenants writes and reads through pinned connections
// for several tenants at once on a small pool, so that connections are
// reused across tenants.
func TestSchemasConcurrentTenants(t *testing.T) {
	ids := []tenant.ID{"acme", "globex", "initech"}
	s, raw, p := schemas(t, ids...)
	raw.SetMaxOpenConns(2)
	if err := s.MigrateAll(all, migrations[:1], nil); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		ctx := tenant.With(context.Background(), id)
		for range 4 {
			wg.Go(func() {
				for range 10 {
					c, err := s.Conn(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					c.ExecContext(ctx, `INSERT INTO notes (body) VALUES ($1)`, string(id))
					var other int
					if err := c.QueryRowContext(ctx, `SELECT count(*) FROM notes WHERE body <> $1`, string(id)).Scan(&other); err != nil || other != 0 {
						t.Errorf("%s sees %d foreign rows (%v)", id, other, err)
					}
					c.Close()
				}
			})
		}
	}
	wg.Wait()
	for _, id := range ids {
		if n := count(t, raw, `SELECT count(*) FROM `+p+string(id)+`.notes WHERE body = $1`, string(id)); n != 40 {
			t.Errorf("%s has %d rows, want 40", id, n)
		}
	}
}

func TestQuoteIdentifier(t *testing.T) {
	for in, want := range map[string]string{`a`: `"a"`, `a"b`: `"a""b"`, `x"; DROP`: `"x""; DROP"`} {
		if got := tenantsql.QuoteIdentifier(in); got != want {
			t.Errorf("QuoteIdentifier(%q) = %q, want %q", in, got, want)
		}
	}
	// What it quotes is one identifier to PostgreSQL.
	raw := commonDB(t)
	var got string
	name := `we"ird; DROP TABLE x; --`
	if err := raw.QueryRow(`SELECT (parse_ident($1))[1]`, tenantsql.QuoteIdentifier(name)).Scan(&got); err != nil || got != name {
		t.Errorf("parse_ident = %q, %v", got, err)
	}
}

func TestNewSchemasPanicsOnBadPrefix(t *testing.T) {
	for _, p := range []string{"", "tenant", "Tenant_", `t"_`, "a_very_long_prefix_", "1t_"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewSchemas(%q) did not panic", p)
				}
			}()
			tenantsql.NewSchemas(nil, p)
		}()
	}
}
