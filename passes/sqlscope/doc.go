// Package sqlscope reports SQL that reads or writes a tenant table without the active tenant's
// scope.
//
// # Analyzer sqlscope
//
// sqlscope: SQL on a tenant table must be scoped to the active tenant
//
// A tenant table (configured, read from schema files, or inferred from CREATE TABLE statements
// with a tenant column) may only be read, updated or deleted with `tenant_col = <placeholder>`
// ANDed at the top level of the WHERE clause (or of the JOIN ON for a joined table; an OR beside
// it breaks the scope), or linked by a column equality to a row that is so scoped (a child row
// joined to its scoped parent), and only inserted into with the tenant column. A set of
// placeholders (`tenant_id = ANY($1)`, `IN (SELECT unnest($1))`) scopes to the tenants passed.
// The placeholder's argument must be the active tenant id: from a tenant source, or from a
// parameter, in which case every caller is checked in turn, across packages. A tenant id taken from request input
// (r.FormValue, r.PathValue, a query parameter, a header) is reported unless a configured
// validator vouched for it on every path.
//
// Covered: database/sql (DB, Tx, Conn, Stmt via Prepare), pgx v5 (Conn, pgxpool.Pool, Tx,
// Batch.Queue, CopyFrom), sqlx (methods, package functions, Named*), sqlc-generated code (a
// const query run through its DBTX interface), and any wrapper that forwards its SQL text and
// arguments to one of these. Query text is resolved from constants, also across packages and
// through concatenation; text that cannot be resolved is not guessed at.
//
// Before:
//
//	const getDevice = `SELECT id, name FROM devices WHERE id = $1`
//	row := db.QueryRowContext(ctx, getDevice, id)
//
// After:
//
//	const getDevice = `SELECT id, name FROM devices WHERE id = $1 AND tenant_id = $2`
//	tid, _ := tenant.IDFrom(ctx)
//	row := db.QueryRowContext(ctx, getDevice, id, tid)
//
// Intentional cross-tenant code is declared with //tenantlint:crosstenant reason on the
// function, or with an SQL comment `-- tenantlint:crosstenant reason` in the query.
package sqlscope
