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

var (
	acme   = tenant.With(context.Background(), tenant.MustParseID("acme"))
	globex = tenant.With(context.Background(), tenant.MustParseID("globex"))
	all    = tenant.AllTenants(context.Background())
)

const (
	qInsert = `INSERT INTO notes (tenant_id, body) VALUES ($1, $2)`
	qList   = `SELECT body FROM notes WHERE tenant_id = $1 ORDER BY id`
)

func sharedDB(t *testing.T) (*tenantsql.DB, *sql.DB) {
	raw := scopedDB(t)
	mustExec(t, raw, `CREATE TABLE notes (id serial PRIMARY KEY, tenant_id text NOT NULL, body text NOT NULL)`)
	mustExec(t, raw, `CREATE TABLE plans (name text PRIMARY KEY)`) // not a tenant table
	return tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"}), raw
}

func list(t *testing.T, db *tenantsql.DB, ctx context.Context) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, qList)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSharedSuppliesTenant(t *testing.T) {
	db, raw := sharedDB(t)
	for ctx, body := range map[context.Context]string{acme: "a1", globex: "g1"} {
		if _, err := db.ExecContext(ctx, qInsert, body); err != nil {
			t.Fatal(err)
		}
	}
	if got := list(t, db, acme); strings.Join(got, ",") != "a1" {
		t.Errorf("acme sees %q", got)
	}
	if got := list(t, db, globex); strings.Join(got, ",") != "g1" {
		t.Errorf("globex sees %q", got)
	}
	var body string
	if err := db.QueryRowContext(globex, `SELECT body FROM notes WHERE tenant_id = $1 AND body = $2`, "a1").Scan(&body); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("globex read acme's note: %q, %v", body, err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes WHERE tenant_id = 'acme'`); n != 1 {
		t.Errorf("acme has %d rows, want 1", n)
	}
}

func TestSharedRefusesWithoutTenant(t *testing.T) {
	db, raw := sharedDB(t)
	bg := context.Background()
	_, err := db.ExecContext(bg, qInsert, "x")
	if !errors.Is(err, tenant.ErrNoTenant) || !strings.Contains(err.Error(), "notes") {
		t.Errorf("insert without tenant: %v", err)
	}
	if _, err := db.QueryContext(bg, qList); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("query without tenant: %v", err)
	}
	row := db.QueryRowContext(bg, qList)
	if err := row.Err(); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("query row Err without tenant: %v", err)
	}
	if err := row.Scan(new(string)); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("query row Scan without tenant: %v", err)
	}
	if _, err := db.BeginTx(bg, nil); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("begin without tenant: %v", err)
	}
	// A statement on a table that is not a tenant table needs no tenant.
	if _, err := db.ExecContext(bg, `INSERT INTO plans (name) VALUES ($1)`, "pro"); err != nil {
		t.Errorf("non-tenant table: %v", err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes`); n != 0 {
		t.Errorf("%d rows written without a tenant", n)
	}
}

func TestSharedRefusesMissingPredicate(t *testing.T) {
	db, raw := sharedDB(t)
	mustExec(t, raw, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'secret')`)
	for _, q := range []string{
		`SELECT body FROM notes`,
		`SELECT body FROM public.notes WHERE id = $1`,
		`SELECT body FROM "notes" WHERE tenant_id IS NOT NULL`,
		`DELETE FROM NOTES`,
		`WITH x AS (SELECT * FROM notes) SELECT body FROM x`,
		`SELECT p.name FROM plans p WHERE EXISTS (SELECT 1 FROM notes)`,
		`/* harmless */ SELECT body FROM notes -- WHERE tenant_id = $1`,
	} {
		_, err := db.QueryContext(acme, q)
		if !errors.Is(err, tenantsql.ErrNoTenantPredicate) {
			t.Errorf("%s: got %v, want ErrNoTenantPredicate", q, err)
		}
	}
	_, err := db.QueryContext(acme, `SELECT * FROM U&"\006eotes"`)
	if err == nil || !strings.Contains(err.Error(), "U&") {
		t.Errorf("unicode identifier: %v", err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes`); n != 1 {
		t.Errorf("rows changed: %d", n)
	}
}

func TestSharedLiteralsAreNotTables(t *testing.T) {
	db, _ := sharedDB(t)
	var s string
	if err := db.QueryRowContext(context.Background(), `SELECT 'notes' || $$ notes $$ -- notes`).Scan(&s); err != nil || s != "notes notes " {
		t.Errorf("got %q, %v", s, err)
	}
}

func TestSharedAllTenants(t *testing.T) {
	db, _ := sharedDB(t)
	db.ExecContext(acme, qInsert, "a1")
	db.ExecContext(globex, qInsert, "g1")
	var n int
	if err := db.QueryRowContext(all, `SELECT count(*) FROM notes`).Scan(&n); err != nil || n != 2 {
		t.Errorf("all tenants count = %d, %v", n, err)
	}
	// Cross-tenant work passes its own arguments.
	if err := db.QueryRowContext(all, `SELECT count(*) FROM notes WHERE tenant_id = $1`, "globex").Scan(&n); err != nil || n != 1 {
		t.Errorf("all tenants filtered count = %d, %v", n, err)
	}
}

func TestSharedConvertedHostileID(t *testing.T) {
	db, raw := sharedDB(t)
	// With panics on invalid ids; a Tenant that turns invalid later is
	// caught by the re-validation in the sink.
	ev := &evil{id: "acme"}
	ctx := tenant.With(context.Background(), ev)
	ev.id = "x' OR '1'='1"
	if _, err := db.ExecContext(ctx, qInsert, "x"); !errors.Is(err, tenant.ErrInvalidID) {
		t.Errorf("got %v, want ErrInvalidID", err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes`); n != 0 {
		t.Errorf("%d rows written", n)
	}
}

type evil struct{ id tenant.ID }

func (e *evil) TenantID() tenant.ID { return e.id }

func TestSharedTx(t *testing.T) {
	db, raw := sharedDB(t)
	tx, err := db.BeginTx(acme, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(acme, qInsert, "in tx"); err != nil {
		t.Fatal(err)
	}
	// The transaction serves acme only, whatever the statement.
	for name, ctx := range map[string]context.Context{"globex": globex, "none": context.Background(), "all": all} {
		if _, err := tx.ExecContext(ctx, qInsert, "leak"); !errors.Is(err, tenantsql.ErrTenantMismatch) {
			t.Errorf("%s: insert got %v, want ErrTenantMismatch", name, err)
		}
		if _, err := tx.QueryContext(ctx, `SELECT 1`); !errors.Is(err, tenantsql.ErrTenantMismatch) {
			t.Errorf("%s: select got %v, want ErrTenantMismatch", name, err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT 1`).Err(); !errors.Is(err, tenantsql.ErrTenantMismatch) {
			t.Errorf("%s: select row got %v, want ErrTenantMismatch", name, err)
		}
	}
	var n int
	if err := tx.QueryRowContext(acme, `SELECT count(*) FROM notes WHERE tenant_id = $1`).Scan(&n); err != nil || n != 1 {
		t.Errorf("count in tx = %d, %v", n, err)
	}
	rows, err := tx.QueryContext(acme, qList)
	if err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes WHERE tenant_id = 'acme'`); n != 1 {
		t.Errorf("committed %d rows", n)
	}

	tx, err = db.BeginTx(all, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(acme, `DELETE FROM notes WHERE tenant_id = $1`); !errors.Is(err, tenantsql.ErrTenantMismatch) {
		t.Errorf("tenant statement in all-tenants tx: %v", err)
	}
	if _, err := tx.ExecContext(all, `DELETE FROM notes`); err != nil {
		t.Errorf("all-tenants delete: %v", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
}

// TestSharedConcurrentTenants runs writers and readers for several tenants
// at once and checks that each only ever sees its own rows.
func TestSharedConcurrentTenants(t *testing.T) {
	db, raw := sharedDB(t)
	ids := []tenant.ID{"acme", "globex", "initech", "umbrella"}
	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	for _, id := range ids {
		ctx := tenant.With(context.Background(), id)
		for w := range 5 {
			wg.Go(func() {
				for i := range 10 {
					if _, err := db.ExecContext(ctx, qInsert, fmt.Sprintf("%s-%d-%d", id, w, i)); err != nil {
						errs <- err
						return
					}
					rows, err := db.QueryContext(ctx, qList)
					if err != nil {
						errs <- err
						return
					}
					for rows.Next() {
						var b string
						rows.Scan(&b)
						if !strings.HasPrefix(b, string(id)+"-") {
							errs <- fmt.Errorf("tenant %s saw %q", id, b)
						}
					}
					rows.Close()
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes WHERE split_part(body, '-', 1) <> tenant_id`); n != 0 {
		t.Errorf("%d rows stored under the wrong tenant", n)
	}
	if n := count(t, raw, `SELECT count(*) FROM notes`); n != 200 {
		t.Errorf("%d rows, want 200", n)
	}
}

func TestNewDBPanicsOnBadNames(t *testing.T) {
	for _, tb := range []tenantsql.Table{{"Notes", "tenant_id"}, {"notes", "tenant id"}, {"", "t"}, {`no"tes`, "t"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewDB(%v) did not panic", tb)
				}
			}()
			tenantsql.NewDB(nil, tb)
		}()
	}
}
