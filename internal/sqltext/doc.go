// Package sqltext analyzes SQL query text for tenant scoping: for every
// reference to a tenant table it decides whether the statement can only
// touch one tenant's rows, and if not, says why.
//
// Queries are parsed with real parsers — oliphant (a pure Go port of
// libpg_query) for PostgreSQL and marino (the TiDB parser) for MySQL —
// because scoping depends on operator precedence, join structure and
// name resolution that text matching cannot see.
//
// # Placeholders
//
// Application code rarely sends plain $n: pgx and sqlc use @name, sqlx
// uses :name, sqlc input files use sqlc.arg(name). Neither parser accepts
// those, so they are rewritten first ($n for Postgres, ? for MySQL, where
// marino would read $1 as an identifier). The rewrite is done on a token
// stream that knows string literals, quoted identifiers, comments,
// dollar quoting and :: casts, so `'@x'`, `"a:b"` and `x::text` survive.
// In MySQL @name is a user variable and is left alone. Replacements are
// padded to the original length where possible, so offsets and parser
// error positions refer to the original text.
//
// # Scoping rules
//
// A reference is scoped when its tenant column is pinned to a single
// value. A column is pinned by an equality with a placeholder, a literal
// or a column-free expression (current_setting('app.tenant'), a scalar
// subquery), or with another pinned column (transitivity through joins,
// tenants.id = $1, CTE and derived-table outputs, correlated subqueries).
// `IN (x)` with one item and `= ANY($1)` count as equality.
//
// Only top-level conjuncts pin: `tenant_id = $1 AND a OR b` parses as
// `(tenant_id = $1 AND a) OR b`, which returns other tenants' rows when b
// holds, so it does not scope; `tenant_id = $1 AND (a OR b)` does. NOT,
// IN lists of several values and `coalesce($1, tenant_id)` do not pin
// either.
//
// WHERE and inner-join ON conditions restrict every row. An outer join's
// ON restricts only its nullable side: in `a LEFT JOIN b ON b.tenant_id =
// $1`, b is scoped but a is not, because every row of a is still returned.
//
// INSERT is scoped when its column list names the tenant column; the
// values supplied there (VALUES rows, the MySQL SET list, or the matching
// select-list item of INSERT ... SELECT) give the tenant placeholders. The
// SELECT of INSERT ... SELECT, every CTE body, every subquery and UPDATE
// ... FROM / DELETE ... USING tables are checked like any other query.
//
// References to CTE names are not tables. A recursive CTE's step may rely
// on its base query's pins (by induction over the recursion).
//
// Unqualified columns are attributed to the only tenant table at their
// query level that can have them; when several can, the reference is
// ambiguous (as the database would also say) and pins nothing.
//
// # Assumptions
//
// A few things cannot be known from query text alone, and are assumed:
// a table that Options.IsTenantTable rejects has no tenant column (so an
// unqualified tenant_id never belongs to it); a scalar subquery, even a
// correlated one, yields a single value; `= ANY($1)` is given one tenant
// (it binds an array, but the rule treats it like IN ($1)).
package sqltext
