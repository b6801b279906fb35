package tenantsql_test

import (
	"database/sql"
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
