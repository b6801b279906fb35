package sqltext

import "testing"

// The cases below cover query shapes found scoped by hand in a real
// sqlc/pgx code base and once reported as unscoped: links through row
// comparisons, USING and tables without a tenant column (join and child
// tables), tenant filters applied to a CTE's readers, OR branches that
// all scope, scalar subqueries, membership subqueries and CTEs that never
// run. Each shape has unscoped variants next to it. The tables without a
// tenant column are listed in noTenantColumn.

// Rule: rows of a table without a tenant column that refer to a scoped
// row (by a column named like a reference) pass the link on; rows a
// scoped row refers to by their key may be shared and pass it on only to
// the rows they refer to in turn.
func TestPostgresLinksThroughRowsWithoutTenant(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name: "row comparison to a scoped row",
			query: `SELECT t.* FROM lookups l
JOIN tasks t ON (t.id, t.created_at) = (l.task_id, l.created_at)
WHERE l.tenant_id = $1 AND l.external_id = ANY($2::uuid[])`,
			refs: []ref{
				{table: "lookups", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "row comparison to an unscoped row",
			query: `SELECT t.* FROM lookups l
JOIN tasks t ON (t.id, t.created_at) = (l.task_id, l.created_at)
WHERE l.external_id = ANY($2::uuid[])`,
			refs: []ref{
				{table: "lookups", problem: "no tenant_id predicate"},
				{table: "tasks", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "USING to a scoped row",
			query: "SELECT * FROM sessions s JOIN events e USING (session_id) WHERE s.tenant_id = $1",
			refs: []ref{
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "events", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "USING with several scoped tables on the left",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id JOIN events e USING (session_id) WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "events", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "USING with an unscoped table on the left",
			query: "SELECT * FROM devices d CROSS JOIN sessions s JOIN events e USING (session_id) WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
				{table: "events", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "join table between two tenant tables",
			query: `SELECT c.* FROM tasks p
JOIN task_links l ON l.parent_id = p.id
JOIN tasks c ON c.id = l.child_id
WHERE p.tenant_id = $1`,
			refs: []ref{
				{table: "tasks", alias: "p", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "c", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "join table linked to an unscoped row",
			query: `SELECT c.* FROM tasks p
JOIN task_links l ON l.parent_id = p.id
JOIN tasks c ON c.id = l.child_id
WHERE p.name = $1`,
			refs: []ref{
				{table: "tasks", alias: "p", problem: "no tenant_id predicate"},
				{table: "tasks", alias: "c", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "join table joined by a column that is no reference",
			query: `SELECT c.* FROM tasks p
JOIN task_links l ON l.label = p.name
JOIN tasks c ON c.id = l.child_id
WHERE p.tenant_id = $1`,
			refs: []ref{
				{table: "tasks", alias: "p", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "c", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "Prisma many-to-many table",
			query: `SELECT g.name FROM devices d
JOIN "_DeviceToGroup" dg ON dg."A" = d.id
JOIN groups g ON g.id = dg."B"
WHERE d.tenant_id = $1`,
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "groups", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "Prisma many-to-many table, scoped on the far side",
			query: `SELECT d.id FROM devices d
JOIN "_DeviceToGroup" dg ON d.id = dg."A"
JOIN groups g ON dg."B" = g.id
WHERE g."tenantId" = $1 AND d.id = ANY($2::uuid[])`,
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "groups", scoped: true, tenant: []Placeholder{p(1)}, column: "tenantid"},
			},
		},
		{
			name: "child table that refers to the scoped row, then its children",
			query: `SELECT j.* FROM workflows w
JOIN versions v ON v.workflow_id = w.id
JOIN jobs j ON j.version_id = v.id
JOIN steps s ON s.job_id = j.id
WHERE w.tenant_id = $1`,
			refs: []ref{
				{table: "workflows", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "jobs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "steps", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "row the scoped row refers to, then the row it refers to",
			query: `SELECT w.name FROM runs r
JOIN versions v ON v.id = r.version_id
JOIN workflows w ON w.id = v.workflow_id
WHERE r.tenant_id = $1`,
			refs: []ref{
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "workflows", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			// versions has no tenant column: as far as the query says, a
			// version may be shared, and other tenants' jobs refer to it.
			name: "row the scoped row refers to does not link the rows that refer to it",
			query: `SELECT j.* FROM runs r
JOIN versions v ON v.id = r.version_id
JOIN jobs j ON j.version_id = v.id
WHERE r.tenant_id = $1`,
			refs: []ref{
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "jobs", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "shared row links nothing by its other columns",
			query: `SELECT o.* FROM devices d
JOIN plans pl ON pl.id = d.plan_id
JOIN offers o ON o.name = pl.name
WHERE d.tenant_id = $1`,
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "offers", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "rows that share a reference with a shared row are not linked",
			query: `SELECT u.* FROM memberships m
JOIN users_global ug ON ug.id = m.user_id
JOIN memberships u ON u.user_id = ug.id
WHERE m.tenant_id = $1`,
			refs: []ref{
				{table: "memberships", alias: "m", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "memberships", alias: "u", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "correlated EXISTS through a join table",
			query: `SELECT e.* FROM events e WHERE e.tenant_id = $1 AND EXISTS (
  SELECT 1 FROM task_links l JOIN runs r ON (l.child_id, l.child_at) = (r.id, r.created_at)
  WHERE (l.parent_id, l.parent_at) = (e.id, e.seen_at))`,
			refs: []ref{
				{table: "events", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "correlated EXISTS through a join table from an unscoped row",
			query: `SELECT e.* FROM events e WHERE e.key = $1 AND EXISTS (
  SELECT 1 FROM task_links l JOIN runs r ON (l.child_id, l.child_at) = (r.id, r.created_at)
  WHERE (l.parent_id, l.parent_at) = (e.id, e.seen_at))`,
			refs: []ref{
				{table: "events", problem: "no tenant_id predicate"},
				{table: "runs", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "correlated NOT EXISTS on a row linked through a child table",
			query: `UPDATE schedules s SET at = $2 FROM versions v, workflows w
WHERE s.version_id = v.id AND v.workflow_id = w.id AND w.tenant_id = $1
AND NOT EXISTS (SELECT 1 FROM triggered_by tb WHERE tb.schedule_id = s.id)`,
			refs: []ref{
				{table: "schedules", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "workflows", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "triggered_by", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "recursive CTE step through a join table",
			query: `WITH RECURSIVE tree AS (
  SELECT id, tenant_id FROM tasks WHERE id = $2 AND tenant_id = $1
  UNION ALL
  SELECT t.id, t.tenant_id FROM tree JOIN task_links l ON l.parent_id = tree.id JOIN tasks t ON t.id = l.child_id
) SELECT * FROM tree`,
			refs: []ref{
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "t", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "recursive CTE step through a join table from an unscoped base",
			query: `WITH RECURSIVE tree AS (
  SELECT id, tenant_id FROM tasks WHERE id = $2
  UNION ALL
  SELECT t.id, t.tenant_id FROM tree JOIN task_links l ON l.parent_id = tree.id JOIN tasks t ON t.id = l.child_id
) SELECT * FROM tree`,
			refs: []ref{
				{table: "tasks", problem: "no tenant_id predicate"},
				{table: "tasks", alias: "t", problem: "no WHERE clause"},
			},
		},
		{
			name: "join table columns carried out of a CTE",
			query: `WITH kids AS (SELECT l.child_id FROM tasks p JOIN task_links l ON l.parent_id = p.id WHERE p.tenant_id = $1)
SELECT t.* FROM tasks t JOIN kids ON t.id = kids.child_id`,
			refs: []ref{
				{table: "tasks", alias: "p", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "t", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "join table * carried out of a CTE",
			query: `WITH kids AS (SELECT l.* FROM tasks p JOIN task_links l ON l.parent_id = p.id WHERE p.tenant_id = $1)
SELECT t.* FROM tasks t JOIN kids ON t.id = kids.child_id`,
			refs: []ref{
				{table: "tasks", alias: "p", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "t", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "join table on the preserved side of a LEFT JOIN is not linked by its ON",
			query: `SELECT c.* FROM task_links l
LEFT JOIN tasks p ON p.id = l.parent_id AND p.tenant_id = $1
JOIN tasks c ON c.id = l.child_id`,
			refs: []ref{
				{table: "tasks", alias: "p", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", alias: "c", problem: "no WHERE clause"},
			},
		},
		{
			name: "unqualified columns of the one table that can have them",
			query: `WITH input AS (SELECT unnest($2::bigint[]) AS task_id)
SELECT t.* FROM tasks t JOIN (SELECT id, tenant_id FROM tasks JOIN input ON input.task_id = tasks.id WHERE tenant_id = $1) x ON t.id = x.id`,
			refs: []ref{
				{table: "tasks", alias: "t", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
	})
}

// Rule: when every reader of a CTE filters one of its output columns, the
// filter holds for the body's rows that reach the result, unless the body
// changes or locks rows, or its rows depend on other rows.
func TestPostgresCTEFilteredByItsReaders(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "filter on the CTE's tenant column",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = ANY($2::bigint[])) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "filter on a CTE of *",
			query: "WITH r AS (SELECT * FROM tasks WHERE id = ANY($2::bigint[])) SELECT * FROM r WHERE tenant_id = $1",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "column alias list",
			query: "WITH r(i, tid) AS (SELECT id, tenant_id FROM tasks WHERE id = $2) SELECT * FROM r WHERE tid = $1",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name: "the filtered reader links rows to the CTE's rows",
			query: `WITH r AS (SELECT id, tenant_id, attempt FROM tasks t JOIN (SELECT unnest($2::bigint[]) AS task_id) i ON i.task_id = t.id)
SELECT r.id FROM r
LEFT JOIN runtimes rt ON rt.task_id = r.id AND rt.attempt = r.attempt
WHERE r.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = r.id)`,
			refs: []ref{
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "runtimes", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "task_events", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "UNION body",
			query: `WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $2 UNION ALL SELECT id, tenant_id FROM archived_tasks WHERE id = $2)
SELECT * FROM r WHERE tenant_id = $1`,
			refs: []ref{
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "archived_tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "recursive CTE filtered by its reader",
			query: `WITH RECURSIVE runs_tree AS (
  SELECT t.id, t.tenant_id, t.external_id FROM lookups l JOIN tasks t ON t.id = l.task_id WHERE l.external_id = ANY($2::uuid[])
  UNION ALL
  SELECT t.id, t.tenant_id, t.external_id FROM runs r
  JOIN runs_tree rt ON rt.external_id = r.parent_external_id
  LEFT JOIN task_links l ON r.kind = 'DAG' AND l.parent_id = r.id
  JOIN tasks t ON (r.kind = 'DAG' AND t.id = l.child_id) OR (r.kind = 'TASK' AND t.id = r.id)
  WHERE r.tenant_id = $1
) SELECT * FROM runs_tree WHERE tenant_id = $1`,
			refs: []ref{
				{table: "lookups", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "every reader filters",
			query: `WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $3)
SELECT id FROM r WHERE tenant_id = $1 UNION ALL SELECT id FROM r WHERE tenant_id = $2`,
			refs: []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name: "a reader that does not filter",
			query: `WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $2)
SELECT id FROM r WHERE tenant_id = $1 UNION ALL SELECT id FROM r`,
			refs: []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name: "a reader inside another CTE that does not filter",
			query: `WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $2),
n AS (SELECT count(*) AS c FROM r)
SELECT r.id, n.c FROM r, n WHERE r.tenant_id = $1`,
			refs: []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name:  "filter under OR",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $2) SELECT * FROM r WHERE r.tenant_id = $1 OR r.id = $3",
			refs:  []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name:  "filter on a column that is not the tenant",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks WHERE name = $2) SELECT * FROM r WHERE r.id = $1",
			refs:  []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name:  "data-modifying body changes every row it selects",
			query: "WITH r AS (UPDATE tasks SET done = true WHERE id = $2 RETURNING id, tenant_id) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name:  "locking body locks every row it selects",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = $2 FOR UPDATE) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", problem: "no tenant_id predicate"}},
		},
		{
			name:  "LIMIT in the body: other tenants' rows take the places",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks ORDER BY created_at LIMIT 10) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", problem: "no WHERE clause"}},
		},
		{
			name:  "window function in the body counts other tenants' rows",
			query: "WITH r AS (SELECT id, tenant_id, row_number() OVER (ORDER BY created_at) AS n FROM tasks) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", problem: "no WHERE clause"}},
		},
		{
			name:  "DISTINCT ON in the body picks among other tenants' rows",
			query: "WITH r AS (SELECT DISTINCT ON (name) id, tenant_id FROM tasks ORDER BY name, created_at) SELECT * FROM r WHERE r.tenant_id = $1",
			refs:  []ref{{table: "tasks", problem: "no WHERE clause"}},
		},
		{
			// The filter keeps rows whose tenant column is $1, so the row
			// they come from is that tenant's: derived tables too.
			name: "filtered derived table of a locking CTE links on",
			query: `WITH locked AS (SELECT id, tenant_id, strategy_id FROM slots WHERE (strategy_id, run_id) IN (SELECT strategy_id, run_id FROM tmp_keys) FOR UPDATE),
ranked AS (SELECT * FROM (SELECT id, tenant_id, strategy_id, row_number() OVER (PARTITION BY strategy_id ORDER BY id) AS rn FROM locked WHERE tenant_id = $1) x WHERE rn <= $2)
UPDATE slots s SET filled = true FROM ranked WHERE s.id = ranked.id`,
			refs: []ref{
				{table: "slots", problem: "no tenant_id predicate"},
				{table: "slots", alias: "s", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
	})
}

// Rule: a row-wise IN subquery and an OR of scoped branches scope like the
// equalities they stand for.
func TestPostgresSemijoinsAndOr(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name: "key tuple IN a scoped CTE",
			query: `WITH s AS (SELECT task_id, task_at FROM slots WHERE tenant_id = $1 AND strategy_id = $2)
DELETE FROM slots WHERE (task_id, task_at) IN (SELECT task_id, task_at FROM s)`,
			refs: []ref{
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "key tuple IN an unscoped CTE",
			query: `WITH s AS (SELECT task_id, task_at FROM slots WHERE strategy_id = $2)
DELETE FROM slots WHERE (task_id, task_at) IN (SELECT task_id, task_at FROM s)`,
			refs: []ref{
				{table: "slots", problem: "no tenant_id predicate"},
				{table: "slots", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "key tuple NOT IN a scoped CTE",
			query: `WITH s AS (SELECT task_id, task_at FROM slots WHERE tenant_id = $1)
DELETE FROM slots WHERE (task_id, task_at) NOT IN (SELECT task_id, task_at FROM s)`,
			refs: []ref{
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "slots", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "OR of a scoped semijoin and a tenant predicate, then a join on the tenant column",
			query: `WITH mine AS (SELECT task_id, tenant_id FROM slots WHERE tenant_id = $1),
all_slots AS (SELECT * FROM slots WHERE (task_id, tenant_id) IN (SELECT task_id, tenant_id FROM mine) OR (tenant_id = $1 AND strategy_id = $2))
UPDATE slots SET filled = true FROM all_slots s WHERE slots.task_id = s.task_id AND slots.tenant_id = s.tenant_id`,
			refs: []ref{
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "slots", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "OR with an unscoped branch, then a join on the tenant column",
			query: `WITH all_slots AS (SELECT * FROM slots WHERE tenant_id = $1 OR strategy_id = $2)
UPDATE slots SET filled = true FROM all_slots s WHERE slots.task_id = s.task_id AND slots.tenant_id = s.tenant_id`,
			refs: []ref{
				{table: "slots", problem: "is ORed"},
				{table: "slots", problem: "not scoped to one tenant"},
			},
		},
		{
			name:  "OR of links to the same scoped row",
			query: "SELECT * FROM devices d, sessions s WHERE d.tenant_id = $1 AND (s.device_id = d.id OR s.backup_device_id = d.id)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "nested ORs of tenants",
			query: "SELECT * FROM devices WHERE tenant_id = $1 OR (tenant_id = $2 AND name = $4) OR (tenant_id = $3 OR tenant_id = $1)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(2), p(3)}}},
		},
		{
			name:  "OR with a branch that pins another column",
			query: "SELECT * FROM devices WHERE tenant_id = $1 OR id = $2",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "negated OR of tenants",
			query: "SELECT * FROM devices WHERE NOT (tenant_id = $1 OR tenant_id = $2)",
			refs:  []ref{{table: "devices", problem: "is negated"}},
		},
		{
			name:  "OR in an outer join's ON scopes only its nullable side",
			query: "SELECT * FROM devices d LEFT JOIN sessions s ON s.device_id = d.id AND (s.tenant_id = $1 OR s.tenant_id = $2)",
			refs: []ref{
				{table: "devices", problem: "no WHERE clause"},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1), p(2)}},
			},
		},
	})
}

// Rule: a scalar subquery yields a column of its row: equality to it
// links to that row.
func TestPostgresScalarSubqueries(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "equal to a column of a scoped row",
			query: "SELECT count(*) FROM runs WHERE parent_external_id = (SELECT external_id FROM tasks WHERE tenant_id = $1 AND id = $2 LIMIT 1)",
			refs: []ref{
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "equal to a column of an unscoped row",
			query: "SELECT count(*) FROM runs WHERE parent_external_id = (SELECT external_id FROM tasks WHERE id = $2 LIMIT 1)",
			refs: []ref{
				{table: "runs", problem: "no tenant_id predicate"},
				{table: "tasks", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "equal to the tenant column of a scoped row is no link",
			query: "SELECT count(*) FROM runs WHERE owner_id = (SELECT tenant_id FROM tasks WHERE tenant_id = $1 AND id = $2)",
			refs: []ref{
				{table: "runs", problem: "no tenant_id predicate"},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "select-list scalar subquery carried out of a derived table",
			query: `SELECT rep.hash, g.name FROM (
  SELECT h.hash, (SELECT d.id FROM devices d WHERE d.tenant_id = $1 AND d.hash = h.hash LIMIT 1) AS device_id
  FROM unnest($2::bytea[]) AS h(hash)
) rep
JOIN "_DeviceToGroup" dg ON dg."A" = rep.device_id
JOIN groups g ON g.id = dg."B"`,
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "groups", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
	})
}

// Rule: in x IN (SELECT y ...), with x a column of a scoped row, only the
// subquery rows whose y equals x decide the test, so they are linked to
// x's row as in the correlated EXISTS (SELECT 1 ... WHERE y = x) form.
func TestPostgresMembershipSubqueries(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name: "membership filter through child tables",
			query: `SELECT count(*) FROM workflows w
WHERE w.tenant_id = $1 AND ($2::text IS NULL OR w.id IN (
  SELECT DISTINCT ON (v.workflow_id) v.workflow_id
  FROM versions v LEFT JOIN triggers t ON t.version_id = v.id
  WHERE t.id IN (SELECT r.trigger_id FROM event_refs r WHERE r.key = $2)
  ORDER BY v.workflow_id, v.n DESC))`,
			refs: []ref{
				{table: "workflows", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "triggers", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "event_refs", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "membership filter on an unscoped row",
			query: "SELECT * FROM devices d WHERE d.name = $1 AND d.user_id IN (SELECT id FROM users)",
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "users", problem: "no WHERE clause"},
			},
		},
		{
			// NOT IN is NULL when any row of the subquery is: every row
			// matters.
			name:  "NOT IN",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.user_id NOT IN (SELECT id FROM users)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
		{
			name:  "LIMIT in the subquery: other tenants' rows decide",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.user_id IN (SELECT id FROM users ORDER BY created_at LIMIT 10)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
		{
			name:  "DISTINCT ON another column",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.user_id IN (SELECT DISTINCT ON (name) id FROM users ORDER BY name, created_at)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
		{
			name:  "locking subquery",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.user_id IN (SELECT id FROM users FOR UPDATE)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
		{
			name:  "a table in the subquery that is not linked",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.user_id IN (SELECT u.id FROM users u, audit a WHERE a.kind = $2)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "audit", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "membership in the select list is no filter",
			query: "SELECT d.id, d.user_id IN (SELECT id FROM users) AS known FROM devices d WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "users", problem: "no WHERE clause"},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "the tenant column IN a subquery is no link",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND d.tenant_id IN (SELECT tenant_id FROM users)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
	})
}

// Rule: PostgreSQL never evaluates a CTE nothing evaluated reads, unless
// it modifies data.
func TestPostgresUnusedCTEs(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name: "CTE that nothing reads",
			query: `WITH unused AS (SELECT id FROM triggers WHERE version_id = $1)
INSERT INTO refs (id, tenant_id) VALUES (gen_random_uuid(), $2)`,
			refs: []ref{{table: "refs", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name: "CTE read only by a CTE that nothing reads",
			query: `WITH a AS (SELECT id FROM devices WHERE name = $1),
b AS (SELECT s.* FROM sessions s JOIN a ON s.device_id = a.id)
SELECT 1`,
			refs: []ref{},
		},
		{
			name:  "locking CTE that nothing reads takes no locks",
			query: "WITH locked AS (SELECT id FROM items WHERE id = ANY($1) FOR UPDATE) DELETE FROM items WHERE id = ANY($1) AND tenant_id = $2",
			refs:  []ref{{table: "items", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name: "CTE read by a data-modifying CTE that nothing reads",
			query: `WITH a AS (SELECT id FROM devices WHERE name = $1),
gone AS (DELETE FROM sessions WHERE device_id IN (SELECT id FROM a))
SELECT 1`,
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name: "CTE read from a subquery",
			query: `WITH a AS (SELECT id FROM devices WHERE name = $1)
SELECT * FROM sessions s WHERE s.tenant_id = $2 AND EXISTS (SELECT 1 FROM a WHERE a.id = s.device_id)`,
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(2)}},
			},
		},
		{
			name:  "CTE shadowed by an inner CTE of the same name",
			query: "WITH a AS (SELECT id FROM devices) SELECT * FROM (WITH a AS (SELECT 1 AS id) SELECT * FROM a) x",
			refs:  []ref{},
		},
	})
}

func TestMySQLNewConstructs(t *testing.T) {
	runCases(t, MySQL, []analyzeCase{
		{
			name:  "CTE filtered by its reader",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks WHERE id = ?) SELECT * FROM r WHERE r.tenant_id = ?",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name:  "CTE with LIMIT filtered by its reader",
			query: "WITH r AS (SELECT id, tenant_id FROM tasks ORDER BY id LIMIT 10) SELECT * FROM r WHERE r.tenant_id = ?",
			refs:  []ref{{table: "tasks", problem: "no WHERE clause"}},
		},
		{
			name:  "CTE that nothing reads",
			query: "WITH unused AS (SELECT id FROM devices) SELECT * FROM sessions WHERE tenant_id = ?",
			refs:  []ref{{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "join table",
			query: "SELECT c.* FROM tasks p JOIN task_links l ON l.parent_id = p.id JOIN tasks c ON c.id = l.child_id WHERE p.tenant_id = ?",
			refs: []ref{
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "scalar subquery link",
			query: "SELECT * FROM runs WHERE parent_id = (SELECT id FROM tasks WHERE tenant_id = ? AND name = ?)",
			refs: []ref{
				{table: "runs", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "OR of tenants",
			query: "SELECT * FROM devices WHERE tenant_id = ? OR tenant_id = ?",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "membership filter",
			query: "SELECT * FROM devices d WHERE d.tenant_id = ? AND d.user_id IN (SELECT id FROM users)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "membership filter, NOT IN",
			query: "SELECT * FROM devices d WHERE d.tenant_id = ? AND d.user_id NOT IN (SELECT id FROM users)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no WHERE clause"},
			},
		},
	})
}
