// Package catalog is tenantlint's built-in knowledge of libraries, as data: where the active
// tenant comes from (sources), which inputs are untrusted, and which calls are sinks. The engine
// is generic; adding a library means adding rows here (and a contract test case in
// contract/, which compiles every row against the real module so the names cannot drift).
//
// Functions are named as go/types prints them, without the pointer: "pkg/path.Func" or
// "(pkg/path.Type).Method". Argument indices count the call's arguments, receiver excluded.
package catalog

import (
	"go/types"
	"slices"
	"strings"
)

// Runtime is the import path of tenantlint's reference runtime.
const Runtime = "github.com/tenantlint/tenantlint/tenant"

// Source is a call whose result is the active tenant id.
type Source struct {
	Func   string
	Result int
}

// FieldSource is a struct field that holds the active tenant id wherever it is read, such as
// the org id of an authenticated user, named "(pkg/path.Type).Field".
type FieldSource struct {
	Field string
}

// Sources are the built-in tenant sources.
var Sources = []Source{
	{Func: "github.com/grafana/dskit/tenant.TenantID"},
	{Func: "github.com/grafana/dskit/tenant.TenantIDs"},
	{Func: "github.com/grafana/dskit/user.ExtractOrgID"},
	{Func: "github.com/weaveworks/common/user.ExtractOrgID"},
	{Func: Runtime + ".IDFrom"},
	{Func: Runtime + ".RequireID"},
	{Func: Runtime + ".From"},
	{Func: Runtime + ".MustFrom"},
}

// CrossTenantScopes are calls that enter an explicit all-tenants scope: a function that calls
// one is declared cross-tenant, as if it carried //tenantlint:crosstenant.
var CrossTenantScopes = []string{
	Runtime + ".AllTenants",
}

// FieldSources are the built-in tenant fields.
var FieldSources = []FieldSource{}

// Untrusted are calls whose result is request input: a tenant id taken from them is chosen by
// the caller of the service, not by its authentication.
var Untrusted = slices.Concat(stdUntrusted, frameworkUntrusted)

var stdUntrusted = []string{
	"(net/http.Request).FormValue",
	"(net/http.Request).PostFormValue",
	"(net/http.Request).PathValue",
	"(net/url.URL).Query",
	"(net/http.Header).Get",
	"(net/http.Header).Values",
}

// SQLSink is a call that runs SQL text.
type SQLSink struct {
	Func string
	// Query is the index of the SQL text argument, Args the index of the first bind argument
	// (variadic, or a single struct/map when Named); -1 when absent.
	Query, Args int
	// Named: the bind argument is one struct or map whose fields/keys match :name (sqlx).
	Named bool
	// Prepare: the call returns a statement that carries the query; its own Exec/Query
	// methods (Stmt) take the arguments.
	Prepare bool
	// Stmt: the query text comes from the receiver, a prepared statement.
	Stmt bool
}

// SQLSinks are the built-in SQL sinks for database/sql, pgx v5 and sqlx.
var SQLSinks = buildSQLSinks()

func buildSQLSinks() []SQLSink {
	var sinks []SQLSink
	add := func(recv []string, methods []string, query, args int) {
		for _, r := range recv {
			for _, m := range methods {
				sinks = append(sinks, SQLSink{Func: "(" + r + ")." + m, Query: query, Args: args})
			}
		}
	}
	// database/sql
	// (sql.Conn has only the Context variants.)
	stdRecv := []string{"database/sql.DB", "database/sql.Tx", "database/sql.Conn"}
	add(stdRecv[:2], []string{"Exec", "Query", "QueryRow"}, 0, 1)
	add(stdRecv, []string{"ExecContext", "QueryContext", "QueryRowContext"}, 1, 2)
	for _, r := range stdRecv {
		sinks = append(sinks, SQLSink{Func: "(" + r + ").PrepareContext", Query: 1, Args: -1, Prepare: true})
	}
	for _, r := range stdRecv[:2] {
		sinks = append(sinks, SQLSink{Func: "(" + r + ").Prepare", Query: 0, Args: -1, Prepare: true})
	}
	for _, m := range []string{"Exec", "Query", "QueryRow"} {
		sinks = append(sinks,
			SQLSink{Func: "(database/sql.Stmt)." + m, Query: -1, Args: 0, Stmt: true},
			SQLSink{Func: "(database/sql.Stmt)." + m + "Context", Query: -1, Args: 1, Stmt: true})
	}

	// pgx v5: Conn, pool, pooled conn, Tx (an interface; its implementations too).
	pgxRecv := []string{
		"github.com/jackc/pgx/v5.Conn", "github.com/jackc/pgx/v5.Tx",
		"github.com/jackc/pgx/v5/pgxpool.Pool", "github.com/jackc/pgx/v5/pgxpool.Conn",
		"github.com/jackc/pgx/v5/pgxpool.Tx",
	}
	add(pgxRecv, []string{"Exec", "Query", "QueryRow"}, 1, 2)
	sinks = append(sinks,
		SQLSink{Func: "(github.com/jackc/pgx/v5.Batch).Queue", Query: 0, Args: 1},
		SQLSink{Func: "(github.com/jackc/pgx/v5.Conn).Prepare", Query: 2, Args: -1})

	// sqlx: methods (its DB and Tx embed database/sql's, so Exec & co. resolve there) and the
	// package-level helpers taking a Queryer/Execer.
	// (sqlx.Conn has only the Context variants, and no MustExec.)
	sqlxRecv := []string{"github.com/jmoiron/sqlx.DB", "github.com/jmoiron/sqlx.Tx", "github.com/jmoiron/sqlx.Conn"}
	add(sqlxRecv[:2], []string{"Queryx", "QueryRowx", "MustExec"}, 0, 1)
	add(sqlxRecv, []string{"QueryxContext", "QueryRowxContext"}, 1, 2)
	add(sqlxRecv[:2], []string{"MustExecContext"}, 1, 2)
	add(sqlxRecv[:2], []string{"Get", "Select"}, 1, 2)
	add(sqlxRecv, []string{"GetContext", "SelectContext"}, 2, 3)
	for _, r := range sqlxRecv[:2] {
		sinks = append(sinks,
			SQLSink{Func: "(" + r + ").NamedExec", Query: 0, Args: 1, Named: true},
			SQLSink{Func: "(" + r + ").NamedQuery", Query: 0, Args: 1, Named: true},
			SQLSink{Func: "(" + r + ").NamedExecContext", Query: 1, Args: 2, Named: true},
			SQLSink{Func: "(" + r + ").Preparex", Query: 0, Args: -1, Prepare: true},
			SQLSink{Func: "(" + r + ").PreparexContext", Query: 1, Args: -1, Prepare: true},
			SQLSink{Func: "(" + r + ").PrepareNamed", Query: 0, Args: -1, Prepare: true, Named: true},
		)
	}
	sinks = append(sinks,
		SQLSink{Func: "(github.com/jmoiron/sqlx.DB).NamedQueryContext", Query: 1, Args: 2, Named: true},
		SQLSink{Func: "github.com/jmoiron/sqlx.Get", Query: 2, Args: 3},
		SQLSink{Func: "github.com/jmoiron/sqlx.Select", Query: 2, Args: 3},
		SQLSink{Func: "github.com/jmoiron/sqlx.GetContext", Query: 3, Args: 4},
		SQLSink{Func: "github.com/jmoiron/sqlx.SelectContext", Query: 3, Args: 4},
		SQLSink{Func: "github.com/jmoiron/sqlx.MustExec", Query: 1, Args: 2},
		SQLSink{Func: "github.com/jmoiron/sqlx.MustExecContext", Query: 2, Args: 3},
		SQLSink{Func: "github.com/jmoiron/sqlx.NamedExec", Query: 1, Args: 2, Named: true},
		SQLSink{Func: "github.com/jmoiron/sqlx.NamedExecContext", Query: 2, Args: 3, Named: true},
		SQLSink{Func: "github.com/jmoiron/sqlx.NamedQuery", Query: 1, Args: 2, Named: true},
		SQLSink{Func: "github.com/jmoiron/sqlx.NamedQueryContext", Query: 2, Args: 3, Named: true},
	)
	for _, m := range []string{"Exec", "Query", "QueryRow", "Queryx", "QueryRowx", "MustExec", "Get", "Select"} {
		args := 0
		if m == "Get" || m == "Select" {
			args = 1
		}
		sinks = append(sinks, SQLSink{Func: "(github.com/jmoiron/sqlx.Stmt)." + m, Query: -1, Args: args, Stmt: true})
	}
	sinks = append(sinks,
		SQLSink{Func: "(github.com/jmoiron/sqlx.NamedStmt).Exec", Query: -1, Args: 0, Named: true, Stmt: true},
		SQLSink{Func: "(github.com/jmoiron/sqlx.NamedStmt).Query", Query: -1, Args: 0, Named: true, Stmt: true},
		SQLSink{Func: "(github.com/jmoiron/sqlx.NamedStmt).Get", Query: -1, Args: 1, Named: true, Stmt: true},
		SQLSink{Func: "(github.com/jmoiron/sqlx.NamedStmt).Select", Query: -1, Args: 1, Named: true, Stmt: true},
	)
	return sinks
}

// CopyFrom is pgx's bulk insert: CopyFrom(ctx, tableName, columnNames, rows). The columns must
// include the tenant column when the table is a tenant table.
var CopyFrom = []string{
	"(github.com/jackc/pgx/v5.Conn).CopyFrom",
	"(github.com/jackc/pgx/v5.Tx).CopyFrom",
	"(github.com/jackc/pgx/v5/pgxpool.Pool).CopyFrom",
	"(github.com/jackc/pgx/v5/pgxpool.Conn).CopyFrom",
	"(github.com/jackc/pgx/v5/pgxpool.Tx).CopyFrom",
}

// SQLMethodNames are method names that, on an interface whose method takes SQL text followed
// by variadic arguments, make a call a SQL sink: this is how sqlc's generated DBTX interface,
// pgx.Tx and most hand-written repository interfaces look.
var SQLMethodNames = map[string]bool{
	"Exec": true, "Query": true, "QueryRow": true,
	"ExecContext": true, "QueryContext": true, "QueryRowContext": true,
}

// Libraries are import paths whose own code is not analyzed: their bodies implement the sinks
// and sources described here, and analyzing them would only find the sinks calling each other.
var Libraries = slices.Concat(coreLibraries, cacheLibraries, jobLibraries, channelLibraries, storageLibraries, untrustedLibraries, ormLibraries)

var coreLibraries = []string{
	"database/sql",
	"github.com/jackc/pgx/v5",
	"github.com/jmoiron/sqlx",
	"github.com/grafana/dskit/tenant",
	"github.com/grafana/dskit/user",
	"github.com/weaveworks/common/user",
	"github.com/lib/pq",
}

// IsLibrary reports whether pkgPath is one of Libraries or inside one.
func IsLibrary(pkgPath string) bool {
	for _, l := range Libraries {
		if pkgPath == l || strings.HasPrefix(pkgPath, l+"/") {
			return true
		}
	}
	return false
}

// Key is the catalog name of a function or method, with generic origins and pointer receivers
// normalized: "pkg/path.Func" or "(pkg/path.Type).Method". Interface methods are keyed by
// their named interface.
func Key(fn *types.Func) string {
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Path() + "." + fn.Name()
	}
	return "(" + TypeKey(sig.Recv().Type()) + ")." + fn.Name()
}

// TypeKey names a (possibly pointer) named type as "pkg/path.Type", "" for unnamed types.
func TypeKey(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		if obj.Pkg() == nil {
			return obj.Name()
		}
		return obj.Pkg().Path() + "." + obj.Name()
	}
	return ""
}
