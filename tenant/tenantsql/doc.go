// Package tenantsql is database/sql support for the three multi-tenant
// database architectures, written for PostgreSQL and tested against it.
//
// # Shared database, tenant column ([DB])
//
// All tenants share tables; each tenant table has a column holding the
// tenant id. [NewDB] wraps a *sql.DB with the list of those tables. For a
// statement that touches one of them, [DB] refuses to run (with an error
// wrapping [tenant.ErrNoTenant]) when the context has no tenant, and
// otherwise supplies the tenant id as the first argument, $1: callers write
//
//	const q = `SELECT id, body FROM notes WHERE tenant_id = $1 AND id = $2`
//	rows, err := db.QueryContext(ctx, q, noteID) // $1 is the tenant
//
// Statements that touch no tenant table run unchanged. In the all-tenants
// scope ([tenant.AllTenants]) statements run unchanged too: that is declared
// cross-tenant work.
//
// How the wrapper knows which tables a statement touches, without an SQL
// parser: a conservative tokenizer. It skips comments, string literals
// (including E'...' and dollar-quoted ones) and parameters, and collects every
// identifier, folding unquoted ones to lowercase as PostgreSQL does. A
// statement touches a registered table if any identifier equals its name,
// wherever it appears (FROM, JOIN, a subquery, a CTE, schema-qualified).
// For such a statement it also requires the parameter $1 and the tenant
// column's name to appear, so that a forgotten tenant predicate is an error
// ([ErrNoTenantPredicate]) rather than a cross-tenant read.
//
// Limits of that choice: it errs toward requiring a tenant (a column or
// alias that happens to be named like a tenant table counts as touching it);
// it cannot see tables reached through views, functions, triggers or
// dynamic SQL, so those must not be how tenant tables are read; and it
// checks that $1 and the tenant column are present, not that the predicate
// is right (`tenant_id = $1 OR true` passes). It is a guard rail: the
// tenantlint analyzer checks the constant SQL statically, and PostgreSQL
// row-level security can be the last line. Unicode-escaped identifiers
// (U&"...") are refused because they could spell a table name in disguise.
//
// # Schema per tenant ([Schemas])
//
// Each tenant has a schema named prefix + id (with "-" written "_"). A
// [Conn] is a connection pinned to the tenant's schema through search_path;
// the value is set with set_config and a bind parameter holding the quoted
// identifier, never by building SQL from the id. [Schemas.MigrateAll]
// applies migrations to every tenant schema, recording them in each
// schema's schema_migrations table so that re-running is safe, and stops on
// the first failure with the schema named.
//
// # Database per tenant ([Router])
//
// A [Router] maps the tenant to its own *sql.DB, opened lazily by a
// caller-supplied function, with at most a fixed number open at once (the
// least recently used idle one is closed to make room), and closes them all
// on [Router.Close].
package tenantsql
