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
// UPDATE or INSERT, the values of `x IN (SELECT id FROM scoped ...)`, or
// of a scalar subquery `x = (SELECT id FROM scoped ... LIMIT 1)`. Row
// comparisons `(t.id, t.at) = (l.task_id, l.at)`, `(a, b) IN (SELECT x, y
// ...)` and JOIN ... USING are equalities column by column. In `FROM
// devices d JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id =
// $1`, and in `WHERE d.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM
// sessions s WHERE s.device_id = d.id)`, sessions is scoped by $1. The
// reason is the foreign key: in a multi-tenant schema a child row keyed
// to a parent row belongs to the parent's tenant, so checking the
// parent's tenant checks the child's. The linked table inherits the
// scoped row's placeholders, so the caller's obligation is the same.
// Links chain (each newly scoped row can link the next, in any order). A
// link to the scoped row's tenant column does not count (r.x =
// d.tenant_id says no more than r.x = $1). The conditions that pin also
// link, with the same limits: an equality under NOT does not link, one
// under OR only when every branch links (below), and an outer join's ON
// links only its nullable side.
//
// Tenants may nest: a tenant table whose tenant column is equated with
// the key of a row of a coarser tenant's table (one whose tenant column
// is another), scoped, is scoped by that row's tenant:
//
//	FROM events e JOIN projects p ON p.id = e.project_id
//	WHERE p.organisation_id = $1
//
// reads the events of organisation $1's projects (also with `project_id
// IN (SELECT id FROM projects WHERE organisation_id = $1)`). The key of a
// row of the same tenant level (an endpoint's id, whose tenant column is
// project_id too) is not a tenant and links nothing.
//
// Rows of tables without a tenant column (Options.IsTenantTable rejects
// them) are never reported, but they pass links on, in the direction the
// column names give away, since such a table may be a join or child
// table of one tenant's rows or a table all tenants share:
//   - joined by a column named like a reference (an id column other than
//     id: dag_id, "workflowId"; or "A"/"B" of a Prisma many-to-many
//     table such as "_ActionToWorker"), its row refers to the scoped row
//     (or to what the scoped row refers to): it is that tenant's and links
//     on like a scoped row. `FROM workers w JOIN "_ActionToWorker" aw ON
//     aw."B" = w.id JOIN actions a ON a.id = aw."A" WHERE w.tenant_id =
//     $1` scopes actions.
//   - joined by its key id, it is the row the scoped row refers to, which
//     may be shared (a category, a plan, a user): it links only the rows
//     it refers to in turn, by their key (`versions v ON v.id =
//     r.version_id JOIN workflows w ON w.id = v.workflow_id` scopes
//     workflows), never the rows that refer to it (`categories c ON c.id
//     = d.category_id JOIN offers o ON o.category_id = c.id` would find
//     every tenant's offers of that category, so offers is not scoped).
//   - joined by any other column, it is not linked.
//
// A tenant filter on a CTE's readers scopes the CTE. When every reader of
// a CTE (every reference outside its own body) pins one of its output
// columns, the pin is pushed into the body onto the source column that
// output copies: in `WITH r AS (SELECT id, tenant_id FROM tasks WHERE id
// = ANY($2)) SELECT * FROM r WHERE r.tenant_id = $1`, tasks is scoped by
// $1, and rows linked to it follow. The body reads other tenants' rows,
// but only rows that pass the readers' filter reach the result, and only
// if the body is a plain query: it is not done for a data-modifying body
// (UPDATE ... RETURNING changes every row it selects, whoever reads it),
// a locking one (SELECT ... FOR UPDATE locks every row it selects), or
// one whose rows depend on other rows (LIMIT, OFFSET, DISTINCT ON, window
// functions: another tenant's rows would decide which rows or values the
// reader gets). One reader that does not filter, or filters under OR,
// keeps the body unscoped. Likewise, where a query pins the tenant column
// of a CTE's or derived table's rows, their other columns taken from the
// same tenant table row are columns of a scoped row and link.
//
// An OR whose every branch pins a column pins it to all of the branches'
// placeholders: `tenant_id = $1 OR tenant_id = $2` is scoped by $1 and
// $2 like `tenant_id IN ($1, $2)`, and so is `(task_id, tenant_id) IN
// (SELECT task_id, tenant_id FROM scoped) OR (tenant_id = $1 AND ...)`. A
// branch may pin by a placeholder or by a link. Branches pinned to
// different literals do not join.
//
// An optional filter is scoped by its placeholder:
//
//	WHERE (tenant_id = $1 OR $1 = '')
//	WHERE ($1::text IS NULL OR tenant_id = $1)
//
// The branch that tests the placeholder for the empty string or NULL
// never holds when the caller binds a tenant there, and binding the
// empty string (every tenant) is a constant tenant, which the caller is
// held to like any other. The other branches must pin the column to that
// very placeholder: `tenant_id = $1 OR $2 = ...` is not scoped.
//
// A membership test `x IN (SELECT y FROM t ...)` in WHERE or ON, with x
// a column of a scoped row, links t: only the rows whose y equals x
// decide the test, exactly as in the correlated `EXISTS (SELECT 1 FROM t
// WHERE t.y = x)`, and no other data of t reaches the result. This needs
// the test to be able only to keep rows (not under NOT: `NOT IN` is NULL
// as soon as any row yields NULL, so every row matters; and not in the
// select list, where that NULL is visible), y to be a plain column, and
// the subquery to decide its set of values row by row: no LIMIT, OFFSET
// or window function, no DISTINCT ON other than on y, no FOR UPDATE.
// Tables in the subquery not linked to t stay unscoped (they decide the
// test for every row: `IN (SELECT u.id FROM users u, audit a WHERE a.kind
// = $2)` leaks whether any tenant has such an audit row).
//
// A CTE that the statement never evaluates produces no references: a
// SELECT CTE that neither the statement nor an evaluated CTE reads is
// never run (PostgreSQL's planner drops it, even with FOR UPDATE, which
// then locks nothing; a MySQL CTE is a named derived table, instantiated
// where it is read). Data-modifying CTEs always run, and so do the CTEs
// they read.
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
// Unqualified tenant columns are attributed to the only tenant table at
// their query level that can have them; when several can, the reference
// is ambiguous (as the database would also say) and pins nothing. Other
// unqualified columns are attributed to the only source at their level
// not known to lack them (a CTE or derived table lists its columns; a
// table's are unknown).
//
// # Fragments
//
// AnalyzeFragment reads the condition an ORM ANDs into the WHERE of the query it builds (bun's,
// gorm's, xorm's, squirrel's and pop's Where): the fragment becomes the WHERE of a SELECT from a
// stand-in for the query's table, and the stand-in's reference is judged by the rules above.
// Placeholders are `?` in every dialect; bun's `?TableAlias.` names the query's own table, and
// so does a qualifier that names no table of the fragment. Tables in the fragment's subqueries
// count as tenant tables, so a subquery scopes the fragment only when it is scoped itself.
//
// # Assumptions
//
// A few things cannot be known from query text alone, and are assumed:
// a table that Options.IsTenantTable rejects has no tenant column (so an
// unqualified tenant_id never belongs to it); a scalar subquery, even a
// correlated one, yields a single value; rows joined by equality to a
// scoped tenant row belong to the same tenant (foreign keys do not cross
// tenants), and so do rows of a table without a tenant column that refer
// to one (a row all tenants share does not refer to a tenant's row); a
// column called id is its table's key and one ending in id (or "A"/"B"
// of a table whose name starts with _) refers to another row; a
// placeholder used as a set (`= ANY($1)`, `unnest($1)`) holds only
// tenants the caller may use, which the caller is held to.
//
// The link rule takes an equality on any column of a scoped tenant row
// as a link, and a table without a tenant column that shares a reference
// with a scoped row (l.dag_id = d.dag_id) as referring to what that row
// refers to. Both are wrong when the shared value is not a foreign key
// to the tenant's rows (two rows with the same category_id, of a shared
// category, or the same name): such queries can be reported scoped.
// Conversely, a table without a tenant column that a scoped row refers to
// by its key is taken as possibly shared, so rows that refer to it are
// not linked even when it belongs to one tenant (a version of a tenant's
// workflow): such queries are reported.
package sqltext
