package tenantsql_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantsql"
)

var (
	tenantDBsOnce sync.Once
	tenantDSNs    map[tenant.ID]string
	tenantDBsErr  error
)

// tenantDSN returns the DSN of the database of id, one of acme, globex,
// initech and umbrella, named "tdb_<id>". The databases are created once
// for the test binary: routing only reads them.
func tenantDSN(id tenant.ID) (string, bool) {
	tenantDBsOnce.Do(func() {
		tenantDSNs = map[tenant.ID]string{}
		for _, id := range []tenant.ID{"acme", "globex", "initech", "umbrella"} {
			dsn, err := pg.CreateDatabase("tdb_" + string(id))
			if err != nil {
				tenantDBsErr = err
				return
			}
			tenantDSNs[id] = dsn
		}
	})
	if tenantDBsErr != nil {
		panic(tenantDBsErr)
	}
	dsn, ok := tenantDSNs[id]
	return dsn, ok
}

// tenantDBs returns an open function for a Router serving ids, and a
// counter of its calls.
func tenantDBs(t *testing.T, ids ...tenant.ID) (func(context.Context, tenant.ID) (*sql.DB, error), *atomic.Int32) {
	dsns := map[tenant.ID]string{}
	for _, id := range ids {
		dsn, ok := tenantDSN(id)
		if !ok {
			t.Fatalf("no database for %s", id)
		}
		dsns[id] = dsn
	}
	var opens atomic.Int32
	return func(_ context.Context, id tenant.ID) (*sql.DB, error) {
		dsn, ok := dsns[id]
		if !ok {
			return nil, tenant.ErrUnknownTenant
		}
		opens.Add(1)
		return sql.Open("postgres", dsn)
	}, &opens
}

func currentDB(t *testing.T, r *tenantsql.Router, ctx context.Context) string {
	t.Helper()
	db, release, err := r.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var name string
	if err := db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestRouterRoutesLazily(t *testing.T) {
	open, opens := tenantDBs(t, "acme", "globex")
	r := tenantsql.NewRouter(open, 4)
	defer r.Close()
	if opens.Load() != 0 || r.Open() != 0 {
		t.Fatal("databases opened before use")
	}
	if got := currentDB(t, r, acme); got != "tdb_acme" {
		t.Errorf("acme routed to %s", got)
	}
	if got := currentDB(t, r, globex); got != "tdb_globex" {
		t.Errorf("globex routed to %s", got)
	}
	currentDB(t, r, acme)
	if opens.Load() != 2 || r.Open() != 2 {
		t.Errorf("opened %d, open %d; want 2, 2", opens.Load(), r.Open())
	}
}

func TestRouterErrors(t *testing.T) {
	open, _ := tenantDBs(t, "acme")
	r := tenantsql.NewRouter(open, 2)
	if _, _, err := r.Acquire(context.Background()); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	if _, _, err := r.Acquire(globex); !errors.Is(err, tenant.ErrUnknownTenant) {
		t.Errorf("unknown tenant: %v", err)
	}
	if r.Open() != 0 {
		t.Errorf("failed open kept: %d", r.Open())
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Acquire(acme); !errors.Is(err, tenantsql.ErrRouterClosed) {
		t.Errorf("after Close: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestRouterEvictsLeastRecentlyUsed(t *testing.T) {
	open, opens := tenantDBs(t, "acme", "globex", "initech")
	r := tenantsql.NewRouter(open, 2)
	defer r.Close()
	initech := tenant.With(context.Background(), tenant.MustParseID("initech"))

	dbAcme, rel, err := r.Acquire(acme)
	if err != nil {
		t.Fatal(err)
	}
	rel()
	currentDB(t, r, globex)
	// acme is the least recently used idle database: initech replaces it.
	currentDB(t, r, initech)
	if r.Open() != 2 {
		t.Errorf("open = %d, want 2", r.Open())
	}
	if err := dbAcme.Ping(); err == nil || !strings.Contains(err.Error(), "database is closed") {
		t.Errorf("evicted database still usable: %v", err)
	}
	// acme comes back with a fresh open.
	if got := currentDB(t, r, acme); got != "tdb_acme" {
		t.Errorf("acme routed to %s", got)
	}
	if opens.Load() != 4 {
		t.Errorf("opens = %d, want 4", opens.Load())
	}
}

func TestRouterWaitsForRoom(t *testing.T) {
	open, _ := tenantDBs(t, "acme", "globex")
	r := tenantsql.NewRouter(open, 1)
	defer r.Close()
	dbAcme, release, err := r.Acquire(acme)
	if err != nil {
		t.Fatal(err)
	}
	// acme is leased: globex cannot evict it and waits; a cancelled
	// wait returns the context's error.
	cctx, cancel := context.WithCancel(globex)
	cancel()
	if _, _, err := r.Acquire(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: %v", err)
	}
	got := make(chan string)
	go func() { got <- currentDB(t, r, globex) }()
	// acme stays usable while globex waits.
	if err := dbAcme.Ping(); err != nil {
		t.Errorf("leased database closed: %v", err)
	}
	release()
	release() // idempotent
	if name := <-got; name != "tdb_globex" {
		t.Errorf("globex routed to %s", name)
	}
	if r.Open() != 1 {
		t.Errorf("open = %d, want 1", r.Open())
	}
}

func TestRouterCloseWithLease(t *testing.T) {
	open, _ := tenantDBs(t, "acme", "globex")
	r := tenantsql.NewRouter(open, 2)
	dbAcme, release, err := r.Acquire(acme)
	if err != nil {
		t.Fatal(err)
	}
	dbGlobex, relG, _ := r.Acquire(globex)
	relG()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := dbGlobex.Ping(); err == nil {
		t.Error("idle database not closed by Close")
	}
	if err := dbAcme.Ping(); err != nil {
		t.Errorf("leased database closed under its user: %v", err)
	}
	release()
	if err := dbAcme.Ping(); err == nil {
		t.Error("leased database not closed on release after Close")
	}
}

// TestRouterConcurrentTenants hammers a router bounded below the number of
// tenants and checks that every query reaches its tenant's database.
func TestRouterConcurrentTenants(t *testing.T) {
	ids := []tenant.ID{"acme", "globex", "initech", "umbrella"}
	open, _ := tenantDBs(t, ids...)
	r := tenantsql.NewRouter(open, 2)
	defer r.Close()
	var wg sync.WaitGroup
	for i := range 40 {
		id := ids[i%len(ids)]
		wg.Go(func() {
			ctx := tenant.With(context.Background(), id)
			db, release, err := r.Acquire(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			defer release()
			var name string
			if err := db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name); err != nil {
				t.Error(err)
				return
			}
			if name != "tdb_"+string(id) {
				t.Errorf("%s routed to %s", id, name)
			}
			if n := r.Open(); n > 2 {
				t.Errorf("%d databases open, bound is 2", n)
			}
		})
	}
	wg.Wait()
}
