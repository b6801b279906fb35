package tenantsql_test

import (
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/lib/pq"

	"github.com/tenantlint/tenantlint/tenant/internal/pgtest"
)

// pg is the private PostgreSQL server of this test binary.
var pg *pgtest.Server

func TestMain(m *testing.M) { pgtest.Main(m, &pg) }

// newDB returns a connection pool to a fresh database of its own.
func newDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := openFresh("t")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// scopedDB returns a pool whose search_path is a fresh schema of a common
// database: private tables for a test, without the cost of creating a
// database (about 0.2s each).
func scopedDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := openScoped()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	commonOnce sync.Once
	commonDSN  string
	commonErr  error
	scopes     atomic.Int64
)

func common() (string, error) {
	commonOnce.Do(func() { commonDSN, commonErr = pg.CreateDatabase("common") })
	return commonDSN, commonErr
}

// commonDB returns a pool on the common database, with the default
// search_path.
func commonDB(t testing.TB) *sql.DB {
	t.Helper()
	dsn, err := common()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openScoped() (*sql.DB, error) {
	if _, err := common(); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("scope_%d", scopes.Add(1))
	db, err := sql.Open("postgres", commonDSN)
	if err != nil {
		return nil, err
	}
	_, err = db.Exec("CREATE SCHEMA " + name)
	db.Close()
	if err != nil {
		return nil, err
	}
	// lib/pq passes unknown settings to the server as session defaults.
	return sql.Open("postgres", commonDSN+" search_path="+name)
}

func openFresh(prefix string) (*sql.DB, error) {
	dsn, err := pg.NewDatabase(prefix)
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", dsn)
}

func mustExec(t testing.TB, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func count(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
