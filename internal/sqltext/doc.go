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
// A reference is scoped when its tenant column is pinned: restricted to
// values the caller binds to placeholders (TableRef.Tenant lists them, and
// the caller must supply the tenant there), or to one value no
// placeholder gives. A column is pinned by an equality with a placeholder,
// a literal or a column-free expression (current_setting('app.tenant'), a
// scalar subquery), or with another pinned column (transitivity through
// joins, tenants.id = $1, CTE and derived-table outputs, correlated
// subqueries). `IN (x)` with one item counts as equality.
//
// Tenant sets bound to placeholders pin too, to all of those
// placeholders: `tenant_id = ANY($1::uuid[])`, `IN ($1, $2)`,
// `= ANY(ARRAY[$1, $2])`, `IN (SELECT unnest($1::uuid[]))`, the row forms
// `(tenant_id, id) IN (SELECT unnest($1::uuid[]), unnest($2::bigint[]))`,
// `(tenant_id, id) = ANY(...)` and `IN (($1, $2), ($3, $4))`, and joins
// against a CTE, derived table, VALUES list or `unnest($1::uuid[],
// $2::bigint[]) AS input(tenant_id, id)` whose tenant column comes from
// placeholders, by `t.tenant_id = input.tenant_id` or by the row
// comparison `(t.tenant_id, t.id) = (input.tenant_id, input.id)`. Bulk
// queries take one tenant per row this way; they are as safe as the
// tenants the caller binds, which is what the caller is then held to. A
// UNION of arms pinned to $1 and $2 is likewise pinned to both. A set of
// literals (`IN ('a', 'b')`, `unnest(ARRAY['a', 'b'])`, two VALUES rows of
// constants) admits tenants nobody bound and does not pin, nor does a
// subquery over a table that is itself unscoped.
//
// Rows linked to a scoped row are scoped. A tenant table that is not
// scoped by its own tenant column is scoped when a top-level conjunct of
// a condition that restricts it equates one of its columns with a column
// of a scoped row: a scoped tenant table, a CTE or derived table column
// taken from one (also through *), the RETURNING rows of a scoped DELETE,
// UPDATE or INSERT, or the values of `x IN (SELECT id FROM scoped ...)`.
// In `FROM devices d JOIN sessions s ON s.device_id = d.id WHERE
// d.tenant_id = $1`, and in `WHERE d.tenant_id = $1 AND NOT EXISTS
// (SELECT 1 FROM sessions s WHERE s.device_id = d.id)`, sessions is
// scoped by $1. The reason is the foreign key: in a multi-tenant schema a
// child row keyed to a parent row belongs to the parent's tenant, so
// checking the parent's tenant checks the child's. The linked table
// inherits the scoped row's placeholders, so the caller's obligation is
// the same. Links chain (each newly scoped row can link the next, in any
// order). A link to the scoped row's tenant column does not count (r.x =
// d.tenant_id says no more than r.x = $1), and neither does one through
// a table without a tenant column, which may be shared by all tenants.
// The conditions that pin also link, with the same limits: an equality
// under OR or NOT does not link, and an outer join's ON links only its
// nullable side.
//
// Only top-level conjuncts pin: `tenant_id = $1 AND a OR b` parses as
// `(tenant_id = $1 AND a) OR b`, which returns other tenants' rows when b
// holds, so it does not scope; `tenant_id = $1 AND (a OR b)` does. NOT
// and `coalesce($1, tenant_id)` do not pin either.
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
// on its base query's pins and links (by induction over the recursion):
// a tree walk from a scoped root along parent_id stays in its tenant.
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
// correlated one, yields a single value; rows joined by equality to a
// scoped tenant row belong to the same tenant (foreign keys do not cross
// tenants); a placeholder used as a set (`= ANY($1)`, `unnest($1)`) holds
// only tenants the caller may use, which the caller is held to.
package sqltext
