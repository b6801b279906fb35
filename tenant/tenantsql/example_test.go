package tenantsql_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantsql"
)

// exampleDB returns a pool on a fresh schema of the test server, with
// setup run on it. Examples use it in place of sql.Open.
func exampleDB(setup ...string) *sql.DB {
	db, err := openScoped()
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range setup {
		if _, err := db.Exec(q); err != nil {
			log.Fatal(err)
		}
	}
	return db
}

// freshDB returns a pool on a database of its own, for the
// schema-per-tenant examples (schemas are database-wide).
func freshDB() *sql.DB {
	db, err := openFresh("ex")
	if err != nil {
		log.Fatal(err)
	}
	return db
}

const notesTable = `CREATE TABLE notes (id serial PRIMARY KEY, tenant_id text NOT NULL, body text NOT NULL)`

func ExampleNewDB() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	fmt.Println(db.Tables())

	// $1 is always the tenant: the wrapper supplies it.
	const insert = `INSERT INTO notes (tenant_id, body) VALUES ($1, $2)`
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	_, err := db.ExecContext(ctx, insert, "hello")
	fmt.Println(err)

	// Without a tenant, the statement is refused.
	_, err = db.ExecContext(context.Background(), insert, "hello")
	fmt.Println(errors.Is(err, tenant.ErrNoTenant), err)
	// Output:
	// [notes]
	// <nil>
	// true tenantsql: statement touches tenant table notes: tenant: no tenant in context
}

func ExampleDB_QueryContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1'), ('globex', 'g1'), ('acme', 'a2')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})

	const list = `SELECT body FROM notes WHERE tenant_id = $1 ORDER BY id`
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	rows, err := db.QueryContext(ctx, list)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var body string
		rows.Scan(&body)
		fmt.Println(body)
	}

	// A statement that forgets the tenant predicate is refused.
	_, err = db.QueryContext(ctx, `SELECT body FROM notes`)
	fmt.Println(err)
	// Output:
	// a1
	// a2
	// tenantsql: table notes: statement touches a tenant table without a tenant predicate ($1 and the tenant column)
}

func ExampleDB_ExecContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1'), ('globex', 'g1')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})

	ctx := tenant.With(context.Background(), tenant.MustParseID("globex"))
	res, err := db.ExecContext(ctx, `DELETE FROM notes WHERE tenant_id = $1`)
	if err != nil {
		log.Fatal(err)
	}
	n, _ := res.RowsAffected()
	fmt.Println(n, "deleted")
	// Output: 1 deleted
}

func ExampleDB_QueryRowContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1'), ('globex', 'g1')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})

	var n int
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM notes WHERE tenant_id = $1`).Scan(&n)
	fmt.Println(n, err)

	// Declared cross-tenant work runs the statement unchanged.
	err = db.QueryRowContext(tenant.AllTenants(ctx), `SELECT count(*) FROM notes`).Scan(&n)
	fmt.Println(n, err)
	// Output:
	// 1 <nil>
	// 2 <nil>
}

func ExampleDB_BeginTx() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})

	acme := tenant.With(context.Background(), tenant.MustParseID("acme"))
	tx, err := db.BeginTx(acme, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(acme, `INSERT INTO notes (tenant_id, body) VALUES ($1, $2)`, "in a transaction")
	fmt.Println(err)

	// The transaction is bound to acme.
	globex := tenant.With(context.Background(), tenant.MustParseID("globex"))
	_, err = tx.ExecContext(globex, `INSERT INTO notes (tenant_id, body) VALUES ($1, $2)`, "leak")
	fmt.Println(errors.Is(err, tenantsql.ErrTenantMismatch))
	fmt.Println(tx.Commit())
	// Output:
	// <nil>
	// true
	// <nil>
}

func ExampleDB_Tables() {
	db := tenantsql.NewDB(nil, tenantsql.Table{Name: "notes", Column: "tenant_id"}, tenantsql.Table{Name: "files", Column: "org"})
	fmt.Println(db.Tables())
	// Output: [files notes]
}

func ExampleRow_Scan() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})

	// A refused statement reports through Scan, like a database error.
	var body string
	err := db.QueryRowContext(context.Background(), `SELECT body FROM notes WHERE tenant_id = $1`).Scan(&body)
	fmt.Println(errors.Is(err, tenant.ErrNoTenant))
	// Output: true
}

func ExampleRow_Err() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	fmt.Println(db.QueryRowContext(ctx, `SELECT body FROM notes`).Err() != nil)
	// Output: true
}

func ExampleTx_QueryContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1'), ('globex', 'g1')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("globex"))
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT body FROM notes WHERE tenant_id = $1`)
	if err != nil {
		log.Fatal(err)
	}
	for rows.Next() {
		var b string
		rows.Scan(&b)
		fmt.Println(b)
	}
	rows.Close()
	// Output: g1
}

func ExampleTx_QueryRowContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	tx, _ := db.BeginTx(ctx, nil)
	defer tx.Rollback()
	var body string
	fmt.Println(tx.QueryRowContext(ctx, `SELECT body FROM notes WHERE tenant_id = $1`).Scan(&body), body)
	// Output: <nil> a1
}

func ExampleTx_ExecContext() {
	raw := exampleDB(notesTable, `INSERT INTO notes (tenant_id, body) VALUES ('acme', 'a1')`)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	tx, _ := db.BeginTx(ctx, nil)
	res, err := tx.ExecContext(ctx, `UPDATE notes SET body = $2 WHERE tenant_id = $1`, "edited")
	if err != nil {
		log.Fatal(err)
	}
	n, _ := res.RowsAffected()
	fmt.Println(n, tx.Commit())
	// Output: 1 <nil>
}

func ExampleTx_Commit() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	tx, _ := db.BeginTx(ctx, nil)
	tx.ExecContext(ctx, `INSERT INTO notes (tenant_id, body) VALUES ($1, 'kept')`)
	fmt.Println(tx.Commit())
	// Output: <nil>
}

func ExampleTx_Rollback() {
	raw := exampleDB(notesTable)
	defer raw.Close()
	db := tenantsql.NewDB(raw, tenantsql.Table{Name: "notes", Column: "tenant_id"})
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	tx, _ := db.BeginTx(ctx, nil)
	tx.ExecContext(ctx, `INSERT INTO notes (tenant_id, body) VALUES ($1, 'dropped')`)
	fmt.Println(tx.Rollback())
	var n int
	db.QueryRowContext(ctx, `SELECT count(*) FROM notes WHERE tenant_id = $1`).Scan(&n)
	fmt.Println(n)
	// Output:
	// <nil>
	// 0
}

func ExampleQuoteIdentifier() {
	fmt.Println(tenantsql.QuoteIdentifier("tenant_acme"))
	fmt.Println(tenantsql.QuoteIdentifier(`x"; DROP SCHEMA public; --`))
	// Output:
	// "tenant_acme"
	// "x""; DROP SCHEMA public; --"
}

var exampleMigrations = []tenantsql.Migration{
	{Version: 1, Name: "notes", SQL: `CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)`},
	{Version: 2, Name: "pinned", SQL: `ALTER TABLE notes ADD COLUMN pinned boolean NOT NULL DEFAULT false`},
}

func ExampleNewSchemas() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	name, err := schemas.Name("acme-eu")
	fmt.Println(name, err)
	// Output: tenant_acme_eu <nil>
}

func ExampleSchemas_Name() {
	schemas := tenantsql.NewSchemas(nil, "tenant_")
	_, err := schemas.Name(`x"; DROP SCHEMA public CASCADE; --`)
	fmt.Println(err)
	// Output: tenant: invalid tenant id "x\"; DROP SCHEMA public CASCADE; --": character '"' at byte 1 is not allowed (only a-z, 0-9 and '-')
}

func ExampleSchemas_Create() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	fmt.Println(schemas.Create(context.Background(), "acme"))
	fmt.Println(schemas.Create(context.Background(), "acme")) // idempotent
	// Output:
	// <nil>
	// <nil>
}

func ExampleSchemas_List() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	for _, id := range []tenant.ID{"globex", "acme"} {
		schemas.Create(context.Background(), id)
	}
	// Enumerating tenants is cross-tenant work: it must be declared.
	_, err := schemas.List(context.Background())
	fmt.Println(err)
	ids, err := schemas.List(tenant.AllTenants(context.Background()))
	fmt.Println(ids, err)
	// Output:
	// tenantsql: list schemas: tenant: context is not in the all-tenants scope: wrap the context with tenant.AllTenants
	// [acme globex] <nil>
}

func ExampleSchemas_Conn() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	if _, err := schemas.Migrate(ctx, exampleMigrations); err != nil {
		log.Fatal(err)
	}

	conn, err := schemas.Conn(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// Unqualified names resolve in the tenant's schema.
	var table string
	conn.QueryRowContext(ctx, `SELECT 'notes'::regclass::text`).Scan(&table)
	fmt.Println(conn.Schema(), table)

	_, err = schemas.Conn(tenant.With(ctx, tenant.MustParseID("nobody")))
	fmt.Println(err)
	// Output:
	// tenant_acme notes
	// tenantsql: schema "tenant_nobody" of tenant "nobody": unknown tenant
}

func ExampleConn_ExecContext() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	schemas.Migrate(ctx, exampleMigrations)

	conn, _ := schemas.Conn(ctx)
	defer conn.Close()
	_, err := conn.ExecContext(ctx, `INSERT INTO notes (body) VALUES ($1)`, "hello")
	fmt.Println(err)
	// Output: <nil>
}

func ExampleConn_QueryContext() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	all := tenant.AllTenants(context.Background())
	for _, id := range []tenant.ID{"acme", "globex"} {
		schemas.Create(all, id)
	}
	schemas.MigrateAll(all, exampleMigrations, nil)
	for _, id := range []tenant.ID{"acme", "globex"} {
		ctx := tenant.With(all, id)
		conn, _ := schemas.Conn(ctx)
		conn.ExecContext(ctx, `INSERT INTO notes (body) VALUES ($1)`, "note of "+string(id))
		conn.Close()
	}

	ctx := tenant.With(all, tenant.MustParseID("globex"))
	conn, _ := schemas.Conn(ctx)
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, `SELECT body FROM notes`)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b string
		rows.Scan(&b)
		fmt.Println(b)
	}
	// Output: note of globex
}

func ExampleConn_QueryRowContext() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	conn, _ := schemas.Conn(ctx)
	defer conn.Close()
	var path string
	conn.QueryRowContext(ctx, `SELECT current_setting('search_path')`).Scan(&path)
	fmt.Println(path)
	// Output: "tenant_acme"
}

func ExampleConn_BeginTx() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	schemas.Migrate(ctx, exampleMigrations)
	conn, _ := schemas.Conn(ctx)
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	tx.ExecContext(ctx, `INSERT INTO notes (body) VALUES ('a'), ('b')`)
	fmt.Println(tx.Commit())
	// Output: <nil>
}

func ExampleConn_Schema() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "app_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme-eu"))
	schemas.Create(ctx, "acme-eu")
	conn, _ := schemas.Conn(ctx)
	defer conn.Close()
	fmt.Println(conn.Schema())
	// Output: app_acme_eu
}

func ExampleConn_Close() {
	raw := freshDB()
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	conn, _ := schemas.Conn(ctx)
	fmt.Println(conn.Close())
	// The pool's connection no longer points at the tenant's schema.
	var path string
	raw.QueryRow(`SHOW search_path`).Scan(&path)
	fmt.Println(path)
	// Output:
	// <nil>
	// "$user", public
}

func ExampleSchemas_Migrate() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	// A new tenant: create its schema, bring it up to date.
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	fmt.Println(schemas.Migrate(ctx, exampleMigrations))
	fmt.Println(schemas.Migrate(ctx, exampleMigrations)) // safe to re-run
	// Output:
	// 2 <nil>
	// 0 <nil>
}

func ExampleSchemas_MigrateAll() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	all := tenant.AllTenants(context.Background())
	for _, id := range []tenant.ID{"acme", "globex", "initech"} {
		schemas.Create(all, id)
	}
	// globex has a table in the way: migration 1 fails there.
	raw.Exec(`CREATE TABLE tenant_globex.notes (x int)`)

	progress := func(p tenantsql.Progress) {
		fmt.Printf("%d/%d %s: %d applied\n", p.Index, p.Total, p.Schema, p.Applied)
	}
	err := schemas.MigrateAll(all, exampleMigrations, progress)
	fmt.Println(err)

	raw.Exec(`DROP TABLE tenant_globex.notes`)
	fmt.Println(schemas.MigrateAll(all, exampleMigrations, progress))
	// Output:
	// 1/3 tenant_acme: 2 applied
	// tenantsql: schema "tenant_globex" (tenant globex): migration 1 "notes": pq: relation "notes" already exists (42P07)
	// 1/3 tenant_acme: 0 applied
	// 2/3 tenant_globex: 2 applied
	// 3/3 tenant_initech: 2 applied
	// <nil>
}

func ExampleMigrationError() {
	raw := freshDB()
	defer raw.Close()
	schemas := tenantsql.NewSchemas(raw, "tenant_")
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	schemas.Create(ctx, "acme")
	_, err := schemas.Migrate(ctx, []tenantsql.Migration{{Version: 1, Name: "broken", SQL: `CREATE TABLE`}})
	var me *tenantsql.MigrationError
	if errors.As(err, &me) {
		fmt.Println(me.Schema, me.Migration.Name)
	}
	// Output: tenant_acme broken
}

func ExampleNewRouter() {
	// One database per tenant, "tdb_<id>" on the test server; open
	// builds the DSN from the validated id.
	router := tenantsql.NewRouter(func(ctx context.Context, id tenant.ID) (*sql.DB, error) {
		dsn, ok := tenantDSN(id)
		if !ok {
			return nil, tenant.ErrUnknownTenant
		}
		return sql.Open("postgres", dsn)
	}, 10)
	defer router.Close()

	for _, id := range []tenant.ID{"acme", "globex", "nobody"} {
		ctx := tenant.With(context.Background(), id)
		db, release, err := router.Acquire(ctx)
		if err != nil {
			fmt.Println(err)
			continue
		}
		var name string
		db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name)
		release()
		fmt.Println(id, "->", name)
	}
	fmt.Println(router.Open(), "open")
	// Output:
	// acme -> tdb_acme
	// globex -> tdb_globex
	// tenantsql: open database of tenant "nobody": unknown tenant
	// 2 open
}

func ExampleRouter_Acquire() {
	router := tenantsql.NewRouter(func(ctx context.Context, id tenant.ID) (*sql.DB, error) {
		dsn, _ := tenantDSN(id)
		return sql.Open("postgres", dsn)
	}, 1)
	defer router.Close()

	_, _, err := router.Acquire(context.Background())
	fmt.Println(err)

	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	db, release, err := router.Acquire(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer release() // after the last use of db and its rows
	fmt.Println(db.PingContext(ctx))
	// Output:
	// tenantsql: router: tenant: no tenant in context
	// <nil>
}

func ExampleRouter_Open() {
	router := tenantsql.NewRouter(func(context.Context, tenant.ID) (*sql.DB, error) {
		return nil, errors.New("unreachable")
	}, 3)
	fmt.Println(router.Open())
	// Output: 0
}

func ExampleRouter_Close() {
	router := tenantsql.NewRouter(func(ctx context.Context, id tenant.ID) (*sql.DB, error) {
		dsn, _ := tenantDSN(id)
		return sql.Open("postgres", dsn)
	}, 1)
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	db, release, _ := router.Acquire(ctx)
	release()
	fmt.Println(router.Close())
	fmt.Println(db.Ping())
	_, _, err := router.Acquire(ctx)
	fmt.Println(err)
	// Output:
	// <nil>
	// sql: database is closed
	// tenantsql: router closed
}

func ExampleMigrationError_Error() {
	err := &tenantsql.MigrationError{
		Tenant:    "globex",
		Schema:    "tenant_globex",
		Migration: tenantsql.Migration{Version: 3, Name: "add_tags"},
		Err:       errors.New("column \"tags\" already exists"),
	}
	fmt.Println(err.Error())
	// Output: tenantsql: schema "tenant_globex" (tenant globex): migration 3 "add_tags": column "tags" already exists
}

func ExampleMigrationError_Unwrap() {
	cause := errors.New("disk full")
	err := &tenantsql.MigrationError{Tenant: "acme", Schema: "tenant_acme", Err: cause}
	fmt.Println(errors.Is(err, cause))
	// Output: true
}
