package sqltext

import (
	"slices"
	"strings"
	"testing"
)

// testOpts is the configuration most cases use: everything holds
// per-tenant rows except the tables in noTenantColumn.
func testOpts(d Dialect) Options {
	return Options{
		Dialect:       d,
		TenantColumns: []string{"tenant_id", "tenantId"},
		IsTenantTable: func(t string) bool { return !noTenantColumn[t] },
	}
}

// noTenantColumn are the tables without a tenant column: tables shared by
// all tenants (tenants, categories, plans, users_global), a join table
// (task_links), a Prisma many-to-many table (_devicetogroup), a child
// table that only refers to its tenant row (versions) and a temporary
// table (tmp_keys).
var noTenantColumn = map[string]bool{
	"tenants": true, "tenant": true, "categories": true, "plans": true, "users_global": true,
	"task_links": true, "_devicetogroup": true, "versions": true, "tmp_keys": true,
}

// ref is the expectation for one TableRef. Problem is matched as a
// substring; an empty Problem on an unscoped ref only requires that some
// reason is given.
type ref struct {
	table   string
	scoped  bool
	tenant  []Placeholder
	problem string
	column  string // checked when set
	alias   string // checked when set
}

func p(i int) Placeholder               { return Placeholder{Index: i} }
func named(i int, n string) Placeholder { return Placeholder{Index: i, Name: n} }

type analyzeCase struct {
	name  string
	query string
	kind  string // of the first statement; checked when set
	refs  []ref  // all refs of all statements, in order
}

func runCases(t *testing.T, d Dialect, cases []analyzeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.query, testOpts(d))
			if err != nil {
				t.Fatalf("Analyze: %v", err)
			}
			var got []TableRef
			for _, st := range res.Statements {
				got = append(got, st.Refs...)
			}
			if tc.kind != "" && res.Statements[0].Kind != tc.kind {
				t.Errorf("kind = %q, want %q", res.Statements[0].Kind, tc.kind)
			}
			if len(got) != len(tc.refs) {
				t.Fatalf("got %d refs, want %d: %+v", len(got), len(tc.refs), got)
			}
			for i, w := range tc.refs {
				g := got[i]
				if g.Table != w.table || g.Scoped != w.scoped {
					t.Errorf("ref %d = %s scoped=%v (%q), want %s scoped=%v", i, g.Table, g.Scoped, g.Problem, w.table, w.scoped)
				}
				if !slices.Equal(g.Tenant, w.tenant) {
					t.Errorf("ref %d (%s) tenant = %+v, want %+v", i, g.Table, g.Tenant, w.tenant)
				}
				if w.column != "" && g.Column != w.column {
					t.Errorf("ref %d (%s) column = %q, want %q", i, g.Table, g.Column, w.column)
				}
				if w.alias != "" && g.Alias != w.alias {
					t.Errorf("ref %d (%s) alias = %q, want %q", i, g.Table, g.Alias, w.alias)
				}
				switch {
				case g.Scoped && g.Problem != "":
					t.Errorf("ref %d (%s) is scoped but has problem %q", i, g.Table, g.Problem)
				case !g.Scoped && g.Problem == "":
					t.Errorf("ref %d (%s) is unscoped without a problem", i, g.Table)
				case !strings.Contains(g.Problem, w.problem):
					t.Errorf("ref %d (%s) problem = %q, want it to contain %q", i, g.Table, g.Problem, w.problem)
				}
				if g.Offset < 0 || g.Offset >= len(tc.query) {
					t.Errorf("ref %d (%s) offset %d out of range", i, g.Table, g.Offset)
				}
			}
		})
	}
}

func TestPostgresBasics(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "sqlc generated :one",
			query: "-- name: GetDevice :one\nSELECT id, tenant_id, name FROM devices\nWHERE id = $1 AND tenant_id = $2\n",
			kind:  "select",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2)}, column: "tenant_id"}},
		},
		{
			name:  "sqlc generated :many without tenant",
			query: "-- name: ListDevices :many\nSELECT id, name FROM devices\nWHERE name LIKE $1\nORDER BY name\n",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate in WHERE"}},
		},
		{
			name:  "no WHERE",
			query: "SELECT count(*) FROM devices",
			refs:  []ref{{table: "devices", problem: "no WHERE clause"}},
		},
		{
			name:  "placeholder on the left",
			query: "SELECT * FROM devices WHERE $1 = tenant_id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "literal tenant",
			query: "SELECT * FROM devices WHERE tenant_id = 'acme'",
			refs:  []ref{{table: "devices", scoped: true}},
		},
		{
			name:  "function tenant",
			query: "SELECT * FROM devices WHERE tenant_id = current_setting('app.tenant')::uuid",
			refs:  []ref{{table: "devices", scoped: true}},
		},
		{
			name:  "scalar subquery tenant",
			query: "SELECT * FROM devices WHERE tenant_id = (SELECT tenant_id FROM users WHERE id = $1 AND tenant_id = $2)",
			refs: []ref{
				// The subquery's value is its row's tenant, $2.
				{table: "devices", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(2)}},
			},
		},
		{
			name:  "IN with one placeholder",
			query: "SELECT * FROM devices WHERE tenant_id IN ($1)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "= ANY with one placeholder",
			query: "SELECT * FROM devices WHERE tenant_id = ANY($1::uuid[])",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "IS NOT DISTINCT FROM",
			query: "SELECT * FROM devices WHERE tenant_id IS NOT DISTINCT FROM $1",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "IN with several placeholders",
			query: "SELECT * FROM devices WHERE tenant_id IN ($1, $2)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "IN with several literals",
			query: "SELECT * FROM devices WHERE tenant_id IN ('a', 'b')",
			refs:  []ref{{table: "devices", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN subquery is several tenants",
			query: "SELECT * FROM devices WHERE tenant_id IN (SELECT tenant_id FROM memberships WHERE user_id = $1)",
			refs: []ref{
				{table: "devices", problem: "does not restrict to a single tenant"},
				{table: "memberships", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "coalesce makes the filter optional",
			query: "SELECT * FROM devices WHERE tenant_id = coalesce(sqlc.narg(tenant_id), tenant_id)",
			refs:  []ref{{table: "devices", problem: "does not pin a single tenant"}},
		},
		{
			name:  "inequality",
			query: "SELECT * FROM devices WHERE tenant_id <> $1",
			refs:  []ref{{table: "devices", problem: "does not restrict to a single tenant"}},
		},
		{
			name:  "negated",
			query: "SELECT * FROM devices WHERE NOT (tenant_id = $1)",
			refs:  []ref{{table: "devices", problem: "negated"}},
		},
		{
			name:  "non-tenant table has no refs",
			query: "SELECT * FROM categories WHERE id = $1",
			refs:  nil,
		},
		{
			name:  "statement without tables",
			query: "SELECT now()",
			refs:  nil,
		},
	})
}

func TestPostgresOrPrecedence(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "AND binds tighter than OR",
			query: "SELECT * FROM devices WHERE tenant_id = $1 AND a = 1 OR b = 2",
			refs:  []ref{{table: "devices", problem: "tenant_id = $1 is ORed with another condition"}},
		},
		{
			name:  "OR on the left",
			query: "SELECT * FROM devices WHERE a = 1 OR b = 2 AND tenant_id = $1",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "parenthesized OR",
			query: "SELECT * FROM devices WHERE tenant_id = $1 AND (a = 1 OR b = 2)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			// Like tenant_id IN ($1, $2): every branch pins the tenant.
			name:  "either of two tenants",
			query: "SELECT * FROM devices WHERE tenant_id = $1 OR tenant_id = $2",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "either a tenant or a literal",
			query: "SELECT * FROM devices WHERE tenant_id = $1 OR tenant_id = 'shared'",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			// An optional filter: scoped by $1 whenever the caller binds a tenant there; a
			// caller binding '' is held to the obligation like any other.
			name:  "optional tenant filter, empty string",
			query: "SELECT * FROM devices WHERE (tenant_id = @tenant_id OR @tenant_id = '') AND id = @id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}}},
		},
		{
			name:  "optional tenant filter, NULL and casts",
			query: "SELECT * FROM devices d WHERE ($1::text IS NULL OR d.tenant_id = $1::text)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "optional filter through a link",
			query: "SELECT * FROM sessions s JOIN devices d ON d.id = s.device_id WHERE (d.tenant_id = $1 OR '' = $1)",
			refs: []ref{
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			// $2 = '' returns every tenant's rows whatever $1 is.
			name:  "optional filter on another placeholder",
			query: "SELECT * FROM devices WHERE (tenant_id = $1 OR $2 = '')",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "a non-empty test of the placeholder is not the empty case",
			query: "SELECT * FROM devices WHERE (tenant_id = $1 OR $1 <> '')",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "IS NOT NULL is not the empty case",
			query: "SELECT * FROM devices WHERE (tenant_id = $1 OR $1 IS NOT NULL)",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "the empty case alone",
			query: "SELECT * FROM devices WHERE ($1 = '' OR $1 IS NULL)",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate"}},
		},
		{
			name:  "OR inside a join condition",
			query: "SELECT * FROM devices d JOIN users u ON u.tenant_id = d.tenant_id OR u.admin WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "is ORed"},
			},
		},
	})
}

func TestPostgresNamedPlaceholders(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "pgx named with cast",
			query: "SELECT * FROM devices WHERE id = @id AND tenant_id = @tenant_id::uuid",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(2, "tenant_id")}}},
		},
		{
			name:  "pgx named without spaces",
			query: "SELECT * FROM devices WHERE tenant_id=@tenant_id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}}},
		},
		{
			name:  "sqlx named with :: casts around",
			query: "SELECT id::text, created_at::date FROM devices WHERE name = :name::text AND tenant_id = :tenant_id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(2, "tenant_id")}}},
		},
		{
			name:  "repeated name keeps its number",
			query: "SELECT * FROM devices d JOIN users u ON u.tenant_id = :tenant_id WHERE d.owner = :owner AND d.tenant_id = :tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
				{table: "users", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
			},
		},
		{
			name: "names inside strings, quoted identifiers and comments are left alone",
			query: "SELECT \"a:b\", '@x :y', E'it\\'s @z', $$ :w $$ FROM devices /* :c @d */\n" +
				"WHERE tenant_id = @tenant -- and :e\n",
			refs: []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant")}}},
		},
		{
			name:  "sqlc.arg",
			query: "SELECT * FROM devices WHERE tenant_id = sqlc.arg(tenant_id) AND id = sqlc.arg('id')",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}}},
		},
		{
			name:  "names numbered after explicit $n",
			query: "SELECT * FROM devices WHERE id = $1 AND tenant_id = @tenant_id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(2, "tenant_id")}}},
		},
		{
			name:  "text search and containment operators are not names",
			query: "SELECT * FROM docs WHERE tsv @@ to_tsquery($2) AND tags @> $3 AND tenant_id = $1",
			refs:  []ref{{table: "docs", scoped: true, tenant: []Placeholder{p(1)}}},
		},
	})
}

func TestPostgresJoins(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "scoped in ON",
			query: "SELECT * FROM devices d JOIN users u ON u.id = d.user_id AND u.tenant_id = $1 WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", alias: "d", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", alias: "u", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "transitive through ON",
			query: "SELECT * FROM devices d JOIN users u ON u.tenant_id = d.tenant_id AND u.id = d.user_id WHERE d.tenant_id = @tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
				{table: "users", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
			},
		},
		{
			name:  "transitive through WHERE with comma join",
			query: "SELECT * FROM devices d, users u WHERE u.tenant_id = d.tenant_id AND d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "joined table linked to a scoped row",
			query: "SELECT * FROM devices d JOIN users u ON u.id = d.user_id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}, column: "tenant_id"},
			},
		},
		{
			name:  "joined table missing tenant predicate and link",
			query: "SELECT * FROM devices d JOIN users u ON u.name = $2 WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "joined on tenant column but neither is pinned",
			query: "SELECT * FROM devices d JOIN users u ON u.tenant_id = d.tenant_id",
			refs: []ref{
				{table: "devices", problem: "not scoped to one tenant"},
				{table: "users", problem: "not scoped to one tenant"},
			},
		},
		{
			name:  "through the tenants table",
			query: "SELECT d.* FROM tenants t JOIN devices d ON d.tenant_id = t.id WHERE t.id = $1",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "USING",
			query: "SELECT * FROM devices d JOIN users u USING (tenant_id) WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LEFT JOIN scoped in WHERE",
			query: "SELECT * FROM devices d LEFT JOIN users u ON u.id = d.user_id WHERE d.tenant_id = $1 AND u.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LEFT JOIN scoped transitively in its ON",
			query: "SELECT * FROM devices d LEFT JOIN users u ON u.id = d.user_id AND u.tenant_id = d.tenant_id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LEFT JOIN ON does not filter the preserved side",
			query: "SELECT * FROM devices d LEFT JOIN users u ON u.id = d.user_id AND d.tenant_id = $1 AND u.tenant_id = $1",
			refs: []ref{
				{table: "devices", problem: "outer join's ON clause"},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "unqualified column is ambiguous between tenant tables",
			query: "SELECT * FROM devices d JOIN users u ON u.id = d.user_id WHERE tenant_id = $1",
			refs: []ref{
				{table: "devices", problem: "ambiguous"},
				{table: "users", problem: "ambiguous"},
			},
		},
		{
			name:  "unqualified column with a global table joined",
			query: "SELECT * FROM devices d JOIN categories c ON c.id = d.category_id WHERE tenant_id = $1",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
	})
}

func TestPostgresQueriesInQueries(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "CTE scoped, CTE name is not a table",
			query: "WITH recent AS (SELECT * FROM devices WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 10) SELECT * FROM recent WHERE name = $2",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "CTE body unscoped",
			query: "WITH recent AS (SELECT * FROM devices ORDER BY created_at DESC LIMIT 10) SELECT * FROM recent",
			refs:  []ref{{table: "devices", problem: "no WHERE clause"}},
		},
		{
			name:  "CTE output carries the pin",
			query: "WITH mine AS (SELECT id, tenant_id FROM devices WHERE tenant_id = $1) SELECT * FROM mine m JOIN users u ON u.tenant_id = m.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "CTE column alias list",
			query: "WITH mine(tid) AS (SELECT tenant_id FROM devices WHERE tenant_id = $1) SELECT * FROM users u JOIN mine ON u.tenant_id = mine.tid",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "VALUES list as a derived table",
			query: "SELECT * FROM devices d JOIN (VALUES ($1::uuid)) AS v(tid) ON d.tenant_id = v.tid",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "UNION of two placeholder tenants pins to both",
			query: "WITH two AS (SELECT tenant_id FROM devices WHERE tenant_id = $1 UNION SELECT tenant_id FROM devices WHERE tenant_id = $2) SELECT * FROM users u JOIN two b ON u.tenant_id = b.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1), p(2)}},
			},
		},
		{
			name:  "UNION of two literal tenants does not pin",
			query: "WITH two AS (SELECT tenant_id FROM devices WHERE tenant_id = 'a' UNION SELECT tenant_id FROM devices WHERE tenant_id = 'b') SELECT * FROM users u JOIN two b ON u.tenant_id = b.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true},
				{table: "devices", scoped: true},
				{table: "users", problem: "not scoped to one tenant"},
			},
		},
		{
			name:  "UNION with an unscoped arm does not pin",
			query: "WITH two AS (SELECT tenant_id FROM devices WHERE tenant_id = $1 UNION SELECT tenant_id FROM devices) SELECT * FROM users u JOIN two b ON u.tenant_id = b.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", problem: "no WHERE clause"},
				{table: "users", problem: "not scoped to one tenant"},
			},
		},
		{
			name:  "CTE name shadowed by schema-qualified table",
			query: "WITH devices AS (SELECT 1 AS id) SELECT * FROM public.devices",
			refs:  []ref{{table: "devices", problem: "no WHERE clause"}},
		},
		{
			name:  "derived table in FROM",
			query: "SELECT * FROM (SELECT * FROM devices WHERE tenant_id = $1) sub JOIN users u ON u.tenant_id = sub.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "correlated EXISTS",
			query: "SELECT * FROM devices d WHERE d.tenant_id = $1 AND EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id AND u.tenant_id = d.tenant_id)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			// Only the users whose id is a scoped device's user_id decide
			// the test, as in EXISTS (... WHERE id = devices.user_id).
			name:  "uncorrelated IN subquery linked to the scoped row",
			query: "SELECT * FROM devices WHERE tenant_id = $1 AND user_id IN (SELECT id FROM users WHERE active)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "uncorrelated IN subquery is checked on its own",
			query: "SELECT * FROM devices WHERE tenant_id = $1 AND user_id IN (SELECT max(id) FROM users WHERE active)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "select-list subquery",
			query: "SELECT d.id, (SELECT count(*) FROM users u WHERE u.tenant_id = d.tenant_id) FROM devices d WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LATERAL",
			query: "SELECT * FROM devices d, LATERAL (SELECT * FROM users u WHERE u.tenant_id = d.tenant_id LIMIT 1) x WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name: "recursive CTE step joined on the tenant",
			query: `WITH RECURSIVE tree AS (
  SELECT id, parent_id, tenant_id FROM folders WHERE id = $1 AND tenant_id = $2
  UNION ALL
  SELECT f.id, f.parent_id, f.tenant_id FROM folders f JOIN tree t ON f.parent_id = t.id AND f.tenant_id = t.tenant_id
) SELECT * FROM tree`,
			refs: []ref{
				{table: "folders", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "folders", alias: "f", scoped: true, tenant: []Placeholder{p(2)}},
			},
		},
		{
			name: "recursive CTE step linked to the scoped parent row",
			query: `WITH RECURSIVE tree AS (
  SELECT id, parent_id, tenant_id FROM folders WHERE id = $1 AND tenant_id = $2
  UNION ALL
  SELECT f.id, f.parent_id, f.tenant_id FROM folders f JOIN tree t ON f.parent_id = t.id
) SELECT * FROM tree`,
			refs: []ref{
				{table: "folders", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "folders", alias: "f", scoped: true, tenant: []Placeholder{p(2)}},
			},
		},
		{
			name: "recursive CTE from an unscoped base",
			query: `WITH RECURSIVE tree AS (
  SELECT id, parent_id, tenant_id FROM folders WHERE id = $1
  UNION ALL
  SELECT f.id, f.parent_id, f.tenant_id FROM folders f JOIN tree t ON f.parent_id = t.id
) SELECT * FROM tree`,
			refs: []ref{
				{table: "folders", problem: "no tenant_id predicate"},
				{table: "folders", alias: "f", problem: "no WHERE clause"},
			},
		},
		{
			name:  "UNION arms are checked separately",
			query: "SELECT id FROM devices WHERE tenant_id = $1 UNION SELECT id FROM devices WHERE name = $2",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", problem: "no tenant_id predicate"},
			},
		},
	})
}

func TestPostgresInsert(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "sqlc generated :one insert",
			query: "-- name: CreateDevice :one\nINSERT INTO devices (tenant_id, name) VALUES ($1, $2) RETURNING id, tenant_id, name\n",
			kind:  "insert",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "multi-row VALUES",
			query: "INSERT INTO devices (name, tenant_id) VALUES ($1, $2), ($3, $4)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2), p(4)}}},
		},
		{
			name:  "tenant from a literal",
			query: "INSERT INTO devices (name, tenant_id) VALUES ($1, 'acme')",
			refs:  []ref{{table: "devices", scoped: true}},
		},
		{
			name:  "missing tenant column",
			query: "INSERT INTO devices (id, name) VALUES ($1, $2)",
			refs:  []ref{{table: "devices", problem: "INSERT has no tenant_id column"}},
		},
		{
			name:  "no column list",
			query: "INSERT INTO devices VALUES ($1, $2, $3)",
			refs:  []ref{{table: "devices", problem: "no column list"}},
		},
		{
			name:  "ON CONFLICT DO UPDATE",
			query: "INSERT INTO devices (tenant_id, id, name) VALUES (@tenant_id, @id, @name) ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}}},
		},
		{
			name:  "INSERT ... SELECT from a scoped source",
			query: "INSERT INTO archive (tenant_id, device_id) SELECT d.tenant_id, d.id FROM devices d WHERE d.tenant_id = $1 AND d.deleted",
			refs: []ref{
				{table: "archive", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "INSERT ... SELECT with the tenant as a placeholder",
			query: "INSERT INTO devices (tenant_id, name) SELECT $1, name FROM templates WHERE id = $2",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "templates", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "INSERT ... SELECT without the tenant column",
			query: "INSERT INTO archive (device_id) SELECT id FROM devices WHERE tenant_id = $1",
			refs: []ref{
				{table: "archive", problem: "INSERT has no tenant_id column"},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "data-modifying CTE feeding an INSERT",
			query: "WITH gone AS (DELETE FROM devices WHERE tenant_id = $1 AND id = $2 RETURNING *) INSERT INTO archive (tenant_id, device_id) SELECT tenant_id, id FROM gone",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "archive", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
	})
}

func TestPostgresUpdateDelete(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "UPDATE scoped",
			query: "UPDATE devices SET name = $3 WHERE id = $1 AND tenant_id = $2 RETURNING *",
			kind:  "update",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name:  "UPDATE unscoped",
			query: "UPDATE devices SET name = $2 WHERE id = $1",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate in WHERE"}},
		},
		{
			name:  "UPDATE without WHERE",
			query: "UPDATE devices SET seen = false",
			refs:  []ref{{table: "devices", problem: "no WHERE clause"}},
		},
		{
			name:  "UPDATE ... FROM, both scoped",
			query: "UPDATE devices d SET owner = u.name FROM users u WHERE u.id = d.user_id AND u.tenant_id = d.tenant_id AND d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "UPDATE ... FROM, source linked to the scoped target",
			query: "UPDATE devices d SET owner = u.name FROM users u WHERE u.id = d.user_id AND d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "UPDATE ... FROM, source unscoped",
			query: "UPDATE devices d SET owner = u.name FROM users u WHERE u.name = $2 AND d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "UPDATE with subquery in SET",
			query: "UPDATE devices SET owner = (SELECT name FROM users WHERE id = $2) WHERE tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "DELETE ... USING",
			query: "DELETE FROM devices USING users u WHERE devices.user_id = u.id AND devices.tenant_id = $1 AND u.tenant_id = devices.tenant_id",
			kind:  "delete",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "DELETE unscoped",
			query: "DELETE FROM devices WHERE id = $1",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate"}},
		},
	})
}

// Rule: a tenant table linked by a top-level equality to a column of a
// scoped row (a tenant table, or a CTE or derived table over one) is
// scoped, with that row's placeholders.
func TestPostgresLinkedRows(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name: "hatchet: UPDATE ... FROM a CTE of scoped ids",
			query: `WITH tenant_step_concurrencies AS (
  SELECT id FROM v1_step_concurrency WHERE tenant_id = $1 AND is_active = TRUE
)
UPDATE v1_step_concurrency sc SET is_active = FALSE
FROM tenant_step_concurrencies
WHERE sc.id = tenant_step_concurrencies.id`,
			refs: []ref{
				{table: "v1_step_concurrency", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "v1_step_concurrency", alias: "sc", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "correlated NOT EXISTS linked to the outer scoped row",
			query: "SELECT d.id FROM devices d WHERE d.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "correlated EXISTS linked to an unscoped outer row",
			query: "SELECT d.id FROM devices d WHERE d.name = $1 AND EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id)",
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "JOIN ON linked to a row scoped in WHERE",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", alias: "s", scoped: true, tenant: []Placeholder{p(1)}, column: "tenant_id"},
			},
		},
		{
			name:  "link declared in WHERE with a comma join, named placeholder",
			query: "SELECT * FROM sessions s, devices d WHERE s.device_id = d.id AND d.tenant_id = @tenant_id",
			refs: []ref{
				{table: "sessions", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
				{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}},
			},
		},
		{
			name:  "linked to an unscoped row",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id WHERE d.name = $1",
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "not linked at all",
			query: "SELECT * FROM devices d JOIN sessions s ON s.name = $2 WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "equal to the scoped row's tenant column is not a link",
			query: "SELECT * FROM devices d JOIN sessions s ON s.owner_id = d.tenant_id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "link under OR does not scope",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id OR s.public WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "link ORed in WHERE does not scope",
			query: "SELECT * FROM devices d, sessions s WHERE d.tenant_id = $1 AND (s.device_id = d.id OR s.public)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "negated link does not scope",
			query: "SELECT * FROM devices d, sessions s WHERE d.tenant_id = $1 AND NOT (s.device_id = d.id)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "LEFT JOIN: the nullable side is linked by its ON",
			query: "SELECT * FROM devices d LEFT JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LEFT JOIN: the preserved side is not linked by the ON",
			query: "SELECT * FROM sessions s LEFT JOIN devices d ON s.device_id = d.id AND d.tenant_id = $1",
			refs: []ref{
				{table: "sessions", problem: "no WHERE clause"},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "FULL JOIN ON links neither side",
			query: "SELECT * FROM devices d FULL JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "chain of links, in any order",
			query: "SELECT * FROM events ev JOIN sessions s ON ev.session_id = s.id JOIN devices d ON s.device_id = d.id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "events", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "chain broken by an unlinked table",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id JOIN events ev ON ev.kind = $2 WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "events", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "a link through a global table does not count",
			query: "SELECT * FROM devices d JOIN categories c ON c.id = d.category_id JOIN offers o ON o.category_id = c.id WHERE d.tenant_id = $1",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "offers", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "derived table of scoped rows",
			query: "SELECT * FROM sessions s JOIN (SELECT id AS device_id FROM devices WHERE tenant_id = $1) mine ON s.device_id = mine.device_id",
			refs: []ref{
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "CTE of unscoped rows",
			query: "WITH mine AS (SELECT id FROM devices WHERE name = $1) DELETE FROM sessions s USING mine WHERE s.device_id = mine.id",
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "CTE column that is not from the scoped row",
			query: "WITH mine AS (SELECT $2::bigint AS id FROM devices WHERE tenant_id = $1 LIMIT 1) DELETE FROM sessions s USING mine WHERE s.device_id = mine.id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "CTE with * of scoped rows",
			query: "WITH locked AS (SELECT * FROM devices WHERE tenant_id = $1 FOR UPDATE) UPDATE devices SET seen = true FROM locked WHERE devices.id = locked.id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "CTE with * over a scoped and a global table",
			query: "WITH x AS (SELECT * FROM devices d JOIN categories c ON c.id = d.category_id WHERE d.tenant_id = $1) UPDATE offers o SET seen = true FROM x WHERE o.category_id = x.category_ref",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "offers", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "IN subquery of scoped ids",
			query: "DELETE FROM sessions WHERE device_id IN (SELECT id FROM devices WHERE tenant_id = $1)",
			refs: []ref{
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "IN subquery of unscoped ids",
			query: "DELETE FROM sessions WHERE device_id IN (SELECT id FROM devices WHERE name = $1)",
			refs: []ref{
				{table: "sessions", problem: "no tenant_id predicate"},
				{table: "devices", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "rows returned by a scoped DELETE",
			query: "WITH gone AS (DELETE FROM devices WHERE tenant_id = $1 AND id = $2 RETURNING id) DELETE FROM sessions WHERE device_id IN (SELECT id FROM gone)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "rows returned by an INSERT",
			query: "WITH d AS (INSERT INTO devices (tenant_id, name) VALUES ($1, $2) RETURNING id) UPDATE sessions s SET device_id = d.id FROM d WHERE s.device_id = d.id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "the link inherits a set of tenants",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id = ANY($1::uuid[])",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
	})
}

// Rule: a tenant column restricted to a set of values all bound to
// placeholders is scoped by those placeholders.
func TestPostgresTenantSets(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "= ANY(array placeholder)",
			query: "SELECT * FROM tasks WHERE tenant_id = ANY(@tenant_ids::uuid[])",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{named(1, "tenant_ids")}}},
		},
		{
			name:  "= ANY(ARRAY[...]) of placeholders",
			query: "SELECT * FROM tasks WHERE tenant_id = ANY(ARRAY[$1, $2]::uuid[])",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "= ANY(ARRAY[...]) of literals",
			query: "SELECT * FROM tasks WHERE tenant_id = ANY(ARRAY['a', 'b']::uuid[])",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN list mixing a placeholder and a literal",
			query: "SELECT * FROM tasks WHERE tenant_id IN ($1, 'b')",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN list under OR",
			query: "SELECT * FROM tasks WHERE tenant_id IN ($1, $2) OR public",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN (SELECT unnest(placeholder))",
			query: "SELECT * FROM tasks WHERE tenant_id IN (SELECT unnest($1::uuid[]))",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "IN (SELECT unnest(literals))",
			query: "SELECT * FROM tasks WHERE tenant_id IN (SELECT unnest(ARRAY['a', 'b']::uuid[]))",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN (SELECT generate_series(...)) is several values",
			query: "SELECT * FROM tasks WHERE tenant_id IN (SELECT generate_series(1, 10))",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "IN subquery over a scoped table",
			query: "SELECT * FROM tasks WHERE tenant_id IN (SELECT tenant_id FROM memberships WHERE tenant_id = $1)",
			refs: []ref{
				{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "memberships", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "row-wise IN (SELECT unnest(...), unnest(...))",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) IN (SELECT unnest($1::uuid[]), unnest($2::bigint[]))",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "row-wise = ANY (SELECT ...)",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) = ANY (SELECT unnest($1::uuid[]), unnest($2::bigint[]))",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "row-wise = ANY(array of rows placeholder)",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) = ANY($1)",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "row-wise IN list of placeholder rows",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) IN (($1, $2), ($3, $4))",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1), p(3)}}},
		},
		{
			name:  "row-wise IN list with a literal tenant",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) IN (($1, $2), ('b', $4))",
			refs:  []ref{{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "row-wise IN subquery over an unscoped table",
			query: "SELECT * FROM tasks WHERE (tenant_id, id) IN (SELECT tenant_id, task_id FROM memberships WHERE user_id = $1)",
			refs: []ref{
				{table: "tasks", problem: "tenant_id predicate does not restrict to a single tenant"},
				{table: "memberships", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "row comparison with placeholders",
			query: "SELECT * FROM tasks t WHERE (t.tenant_id, t.id) = ($1, $2)",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name: "hatchet: row-wise IN over a CTE of unnested placeholders",
			query: `WITH inputs AS (
    SELECT UNNEST(@ids::BIGINT[]) AS id, UNNEST(@tenantIds::UUID[]) AS tenant_id
)
SELECT * FROM v1_payload
WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM inputs)`,
			refs: []ref{{table: "v1_payload", scoped: true, tenant: []Placeholder{named(2, "tenantIds")}}},
		},
		{
			name:  "JOIN a CTE of unnested placeholders",
			query: "WITH input AS (SELECT unnest($1::uuid[]) AS tenant_id, unnest($2::bigint[]) AS id) SELECT t.* FROM tasks t JOIN input ON t.tenant_id = input.tenant_id AND t.id = input.id",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "JOIN unnest(...) AS input(tenant_id, id)",
			query: "SELECT t.* FROM tasks t JOIN unnest($1::uuid[], $2::bigint[]) AS input(tenant_id, id) ON t.tenant_id = input.tenant_id AND t.id = input.id",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "UPDATE ... FROM unnest(...) with a row comparison",
			query: "UPDATE tasks t SET done = true FROM unnest(@tenant_ids::uuid[], @ids::bigint[]) AS input(tenant_id, id) WHERE (t.tenant_id, t.id) = (input.tenant_id, input.id)",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{named(1, "tenant_ids")}}},
		},
		{
			name:  "ROWS FROM (unnest(...), unnest(...)) WITH ORDINALITY",
			query: "SELECT t.* FROM tasks t JOIN ROWS FROM (unnest($1::uuid[]), unnest($2::bigint[])) WITH ORDINALITY AS input(tenant_id, id, n) ON (t.tenant_id, t.id) = (input.tenant_id, input.id)",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "unnest with only a table alias names its column",
			query: "SELECT t.* FROM tasks t JOIN unnest($1::uuid[]) AS tid ON t.tenant_id = tid",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "derived table of unnested placeholders",
			query: "SELECT t.* FROM tasks t, (SELECT unnest($1::uuid[]) AS tenant_id, unnest($2::bigint[]) AS id) input WHERE (t.tenant_id, t.id) = (input.tenant_id, input.id)",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "VALUES rows of placeholders",
			query: "SELECT * FROM tasks t JOIN (VALUES ($1::uuid), ($2::uuid)) AS v(tid) ON t.tenant_id = v.tid",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "VALUES rows of literals",
			query: "SELECT * FROM tasks t JOIN (VALUES ('a'), ('b')) AS v(tid) ON t.tenant_id = v.tid",
			refs:  []ref{{table: "tasks", problem: "t.tenant_id = v.tid, but v.tid is not scoped to one tenant"}},
		},
		{
			name:  "unnest of literals",
			query: "SELECT t.* FROM tasks t JOIN unnest(ARRAY['a', 'b']::uuid[]) AS input(tenant_id) ON t.tenant_id = input.tenant_id",
			refs:  []ref{{table: "tasks", problem: "t.tenant_id = input.tenant_id, but input.tenant_id is not scoped to one tenant"}},
		},
		{
			name:  "unnest of another table's column",
			query: "SELECT t.* FROM tasks t JOIN (SELECT unnest(m.tenant_ids) AS tenant_id FROM memberships m WHERE m.user_id = $1) input ON t.tenant_id = input.tenant_id",
			refs: []ref{
				{table: "tasks", problem: "t.tenant_id = input.tenant_id, but input.tenant_id is not scoped to one tenant"},
				{table: "memberships", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "a subquery inside unnest's argument is still checked",
			query: "SELECT t.* FROM tasks t JOIN unnest((SELECT ids FROM batches WHERE id = $2)) AS input(tenant_id) ON t.tenant_id = input.tenant_id",
			refs: []ref{
				{table: "tasks", problem: "is not scoped to one tenant"},
				{table: "batches", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "INSERT ... SELECT from unnested placeholders",
			query: "INSERT INTO tasks (tenant_id, id) SELECT unnest($1::uuid[]), unnest($2::bigint[])",
			refs:  []ref{{table: "tasks", scoped: true, tenant: []Placeholder{p(1)}}},
		},
	})
}

func TestMySQLLinksAndSets(t *testing.T) {
	runCases(t, MySQL, []analyzeCase{
		{
			name:  "JOIN linked to a scoped row",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "correlated NOT EXISTS",
			query: "SELECT * FROM devices d WHERE d.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "linked to an unscoped row",
			query: "SELECT * FROM devices d JOIN sessions s ON s.device_id = d.id WHERE d.name = ?",
			refs: []ref{
				{table: "devices", problem: "no tenant_id predicate"},
				{table: "sessions", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "IN list of placeholders",
			query: "SELECT * FROM devices WHERE tenant_id IN (?, ?)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(2)}}},
		},
		{
			name:  "IN list of literals",
			query: "SELECT * FROM devices WHERE tenant_id IN (1, 2)",
			refs:  []ref{{table: "devices", problem: "tenant_id predicate does not restrict to a single tenant"}},
		},
		{
			name:  "row comparison",
			query: "SELECT * FROM devices d WHERE (d.tenant_id, d.id) = (?, ?)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "row-wise IN subquery over a scoped table",
			query: "SELECT * FROM devices WHERE (tenant_id, id) IN (SELECT tenant_id, device_id FROM sessions WHERE tenant_id = ?)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "sessions", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "= ANY subquery over an unscoped table",
			query: "SELECT * FROM devices WHERE tenant_id = ANY (SELECT tenant_id FROM memberships WHERE user_id = ?)",
			refs: []ref{
				{table: "devices", problem: "tenant_id predicate does not restrict to a single tenant"},
				{table: "memberships", problem: "no tenant_id predicate"},
			},
		},
	})
}

func TestPostgresIdentifiers(t *testing.T) {
	runCases(t, Postgres, []analyzeCase{
		{
			name:  "quoted camelCase (hatchet style)",
			query: `SELECT * FROM "WorkflowRun" wr WHERE wr."tenantId" = $1::uuid AND wr."id" = $2::uuid`,
			refs:  []ref{{table: "workflowrun", alias: "wr", scoped: true, tenant: []Placeholder{p(1)}, column: "tenantid"}},
		},
		{
			name:  "quoted table as qualifier",
			query: `SELECT * FROM "WorkflowRun" WHERE "WorkflowRun"."tenantId" = @tenantId::uuid`,
			refs:  []ref{{table: "workflowrun", scoped: true, tenant: []Placeholder{named(1, "tenantId")}}},
		},
		{
			name:  "hatchet-style join through Tenant",
			query: `SELECT w.* FROM "Workflow" w JOIN "Tenant" t ON t."id" = w."tenantId" WHERE t."id" = $1::uuid`,
			refs:  []ref{{table: "workflow", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "schema-qualified table and column",
			query: "SELECT * FROM app.devices WHERE app.devices.tenant_id = $1",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "alias hides the table name",
			query: "SELECT * FROM devices d WHERE devices.tenant_id = $1",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate"}},
		},
	})
}

func TestPostgresStatements(t *testing.T) {
	q := "BEGIN;\nSET LOCAL app.tenant = 'acme';\nCREATE TABLE t (id int);\n" +
		"SELECT * FROM devices WHERE tenant_id = $1;\nDELETE FROM devices;\nCOMMIT;"
	res, err := Analyze(q, testOpts(Postgres))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, st := range res.Statements {
		kinds = append(kinds, st.Kind)
	}
	want := []string{"other", "other", "other", "select", "delete", "other"}
	if !slices.Equal(kinds, want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	for i, st := range res.Statements {
		if st.Refs == nil {
			t.Errorf("statement %d: Refs is nil, want empty slice", i)
		}
	}
	sel, del := res.Statements[3].Refs, res.Statements[4].Refs
	if len(sel) != 1 || !sel[0].Scoped || len(del) != 1 || del[0].Scoped {
		t.Fatalf("refs: select %+v, delete %+v", sel, del)
	}
	if want := strings.Index(q, "devices"); sel[0].Offset != want {
		t.Errorf("select offset = %d, want %d", sel[0].Offset, want)
	}
	if want := strings.LastIndex(q, "devices"); del[0].Offset != want {
		t.Errorf("delete offset = %d, want %d", del[0].Offset, want)
	}
}

// Offsets must point into the original text even when a replacement
// could not keep the length ($10 is longer than @k).
func TestOffsetsInOriginalText(t *testing.T) {
	q := "SELECT @a, @b, @c, @d, @e, @f, @g, @h, @i FROM users u\nJOIN devices d ON d.tenant_id = @k WHERE u.tenant_id = @k"
	res, err := Analyze(q, testOpts(Postgres))
	if err != nil {
		t.Fatal(err)
	}
	refs := res.Statements[0].Refs
	if len(refs) != 2 {
		t.Fatalf("refs = %+v", refs)
	}
	if refs[0].Offset != strings.Index(q, "users") || refs[1].Offset != strings.Index(q, "devices") {
		t.Errorf("offsets = %d, %d; want %d, %d", refs[0].Offset, refs[1].Offset, strings.Index(q, "users"), strings.Index(q, "devices"))
	}
	if want := []Placeholder{named(10, "k")}; !slices.Equal(refs[1].Tenant, want) {
		t.Errorf("tenant = %+v, want %+v", refs[1].Tenant, want)
	}
}

func TestTenantColumnOption(t *testing.T) {
	opts := testOpts(Postgres)
	opts.TenantColumns = []string{"tenant_id", "org_id"}
	opts.TenantColumn = func(table string) string {
		if table == "projects" {
			return "org_id"
		}
		return ""
	}
	res, err := Analyze("SELECT * FROM projects p JOIN devices d ON d.tenant_id = p.org_id WHERE p.tenant_id = $1 AND p.org_id = $2", opts)
	if err != nil {
		t.Fatal(err)
	}
	refs := res.Statements[0].Refs
	if len(refs) != 2 || !refs[0].Scoped || refs[0].Column != "org_id" || !slices.Equal(refs[0].Tenant, []Placeholder{p(2)}) {
		t.Fatalf("projects ref = %+v", refs)
	}
	if !refs[1].Scoped || !slices.Equal(refs[1].Tenant, []Placeholder{p(2)}) {
		t.Fatalf("devices ref = %+v", refs[1])
	}
}

func TestDefaults(t *testing.T) {
	// No options: Postgres, tenant_id, every table is a tenant table.
	res, err := Analyze("SELECT * FROM anything WHERE tenant_id = $1", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if refs := res.Statements[0].Refs; len(refs) != 1 || !refs[0].Scoped {
		t.Fatalf("refs = %+v", refs)
	}
	if _, err := Analyze("SELECT 1", Options{Dialect: "oracle"}); err == nil {
		t.Fatal("unknown dialect: want error")
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		d     Dialect
		query string
		want  []string
	}{
		{Postgres, "SELECT * FROM devices WHERE", []string{"line 1, column 28", "syntax error"}},
		{Postgres, "SELECT *\nFROM devices\nWHERE tenant_id = @tenant_id AND AND", []string{"line 3, column 34", "syntax error"}},
		{Postgres, "SELECT 'unterminated", []string{"line 1", "unterminated"}},
		{MySQL, "SELECT * FROM devices WHERE tenant_id = :tenant_id AND", []string{"line 1 column"}},
		{MySQL, "SELEC * FROM devices", []string{"line 1 column", "near"}},
	}
	for _, tc := range cases {
		_, err := Analyze(tc.query, testOpts(tc.d))
		if err == nil {
			t.Errorf("%s %q: want error", tc.d, tc.query)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s %q: error %q does not contain %q", tc.d, tc.query, err, w)
			}
		}
	}
}

func TestMySQL(t *testing.T) {
	runCases(t, MySQL, []analyzeCase{
		{
			name:  "sqlc generated :one",
			query: "-- name: GetDevice :one\nSELECT id, tenant_id, name FROM devices\nWHERE id = ? AND tenant_id = ?\n",
			kind:  "select",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name:  "no tenant predicate",
			query: "SELECT * FROM devices WHERE id = ?",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate in WHERE"}},
		},
		{
			name:  "optional tenant filter by name",
			query: "SELECT * FROM devices WHERE (tenant_id = sqlc.arg(tenant_id) OR sqlc.arg(tenant_id) = '' OR sqlc.arg(tenant_id) IS NULL)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_id")}}},
		},
		{
			// Two ? are two arguments: nothing ties the second to the first.
			name:  "optional filter with positional placeholders",
			query: "SELECT * FROM devices WHERE (tenant_id = ? OR ? = '')",
			refs:  []ref{{table: "devices", problem: "is ORed"}},
		},
		{
			name:  "sqlx named; @user variables untouched",
			query: "SELECT @n := @n + 1, @@session.sql_mode FROM devices WHERE name = :name AND tenant_id = :tenant_id",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(2, "tenant_id")}}},
		},
		{
			name:  "OR precedence",
			query: "SELECT * FROM devices WHERE tenant_id = ? AND a = 1 OR b = 2",
			refs:  []ref{{table: "devices", problem: "tenant_id = ? is ORed with another condition"}},
		},
		{
			name:  "parenthesized OR",
			query: "SELECT * FROM devices WHERE tenant_id = ? AND (a = 1 OR b = 2)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "null-safe equality",
			query: "SELECT * FROM devices WHERE tenant_id <=> ?",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "JOIN transitive",
			query: "SELECT * FROM devices d JOIN users u ON u.tenant_id = d.tenant_id AND u.id = d.user_id WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "LEFT JOIN linked in its ON",
			query: "SELECT * FROM devices d LEFT JOIN users u ON u.id = d.user_id WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "JOIN missing",
			query: "SELECT * FROM devices d LEFT JOIN users u ON u.name = ? WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "backticks and schema",
			query: "SELECT * FROM `app`.`Devices` AS `d` WHERE `d`.`tenant_id` = ?",
			refs:  []ref{{table: "devices", alias: "d", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "sqlc.slice",
			query: "SELECT * FROM devices WHERE tenant_id IN (sqlc.slice(tenant_ids))",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{named(1, "tenant_ids")}}},
		},
		{
			name:  "sqlc generated slice",
			query: "SELECT * FROM devices WHERE tenant_id = ? AND id IN (/*SLICE:ids*/?)",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1)}}},
		},
		{
			name:  "CTE",
			query: "WITH mine AS (SELECT * FROM devices WHERE tenant_id = ?) SELECT * FROM mine m JOIN users u ON u.tenant_id = m.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "derived table",
			query: "SELECT * FROM (SELECT * FROM devices WHERE tenant_id = ?) AS x JOIN users u ON u.tenant_id = x.tenant_id",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "subquery",
			query: "SELECT * FROM devices WHERE tenant_id = ? AND user_id IN (SELECT id FROM users WHERE tenant_id = ?)",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(2)}},
			},
		},
		{
			name:  "INSERT VALUES",
			query: "INSERT INTO devices (tenant_id, name) VALUES (?, ?), (?, ?)",
			kind:  "insert",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(1), p(3)}}},
		},
		{
			name:  "INSERT SET",
			query: "INSERT INTO devices SET name = ?, tenant_id = ?",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name:  "INSERT missing tenant",
			query: "INSERT INTO devices (name) VALUES (?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
			refs:  []ref{{table: "devices", problem: "INSERT has no tenant_id column"}},
		},
		{
			name:  "INSERT ... SELECT",
			query: "INSERT INTO archive (tenant_id, device_id) SELECT tenant_id, id FROM devices WHERE tenant_id = ?",
			refs: []ref{
				{table: "archive", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "REPLACE",
			query: "REPLACE INTO devices (id, tenant_id) VALUES (?, ?)",
			kind:  "insert",
			refs:  []ref{{table: "devices", scoped: true, tenant: []Placeholder{p(2)}}},
		},
		{
			name:  "multi-table UPDATE",
			query: "UPDATE devices d JOIN users u ON u.id = d.user_id SET d.owner = u.name WHERE d.tenant_id = ?",
			kind:  "update",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "multi-table UPDATE, joined table not linked",
			query: "UPDATE devices d JOIN users u ON u.name = ? SET d.owner = u.name WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(2)}},
				{table: "users", problem: "no tenant_id predicate"},
			},
		},
		{
			name:  "single-table DELETE",
			query: "DELETE FROM devices WHERE id = ? LIMIT 1",
			kind:  "delete",
			refs:  []ref{{table: "devices", problem: "no tenant_id predicate"}},
		},
		{
			name:  "multi-table DELETE",
			query: "DELETE d FROM devices d JOIN users u ON u.id = d.user_id AND u.tenant_id = d.tenant_id WHERE d.tenant_id = ?",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "users", scoped: true, tenant: []Placeholder{p(1)}},
			},
		},
		{
			name:  "UNION",
			query: "SELECT id FROM devices WHERE tenant_id = ? UNION ALL SELECT id FROM devices",
			refs: []ref{
				{table: "devices", scoped: true, tenant: []Placeholder{p(1)}},
				{table: "devices", problem: "no WHERE clause"},
			},
		},
	})
}

func TestMySQLStatements(t *testing.T) {
	q := "START TRANSACTION; SET @x = 1; SELECT * FROM devices WHERE tenant_id = ?; DELETE FROM `devices` WHERE tenant_id = ?; COMMIT"
	res, err := Analyze(q, testOpts(MySQL))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, st := range res.Statements {
		kinds = append(kinds, st.Kind)
	}
	if want := []string{"other", "other", "select", "delete", "other"}; !slices.Equal(kinds, want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	del := res.Statements[3].Refs
	if len(del) != 1 || !del[0].Scoped || !slices.Equal(del[0].Tenant, []Placeholder{p(2)}) {
		t.Fatalf("delete refs = %+v", del)
	}
	if want := strings.Index(q, "`devices`"); del[0].Offset != want {
		t.Errorf("delete offset = %d, want %d", del[0].Offset, want)
	}
}

func TestRewritePlaceholders(t *testing.T) {
	pad := func(n int) string { return strings.Repeat(" ", n) }
	cases := []struct {
		d        Dialect
		in, want string
	}{
		{Postgres, "a = @x AND b = :y::int AND c = @x", "a = $1 AND b = $2::int AND c = $1"},
		{Postgres, "a::text = 'it''s @x' AND \"@y\" = $$ :z $$ -- @w", "a::text = 'it''s @x' AND \"@y\" = $$ :z $$ -- @w"},
		{Postgres, "a = sqlc.arg(x) AND b = sqlc.narg( 'y' )", "a = $1" + pad(9) + " AND b = $2" + pad(14)},
		{Postgres, "a = @abcdef::uuid", "a = $1" + pad(5) + "::uuid"},
		{Postgres, "arr[1:2] AND arr[lo:hi] AND c[1:NULL] AND t @@ q AND x @> y", "arr[1:2] AND arr[lo:hi] AND c[1:NULL] AND t @@ q AND x @> y"},
		{MySQL, "a = :x AND b = ? AND @v := 1 AND c = ':y'", "a = ?  AND b = ? AND @v := 1 AND c = ':y'"},
		{MySQL, "a = sqlc.arg(x) -- :z\n# :q\n", "a = ?" + pad(10) + " -- :z\n# :q\n"},
	}
	for _, tc := range cases {
		if got := rewritePlaceholders(tc.in, tc.d).text; got != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.d, tc.in, got, tc.want)
		}
	}
}

const pgMigration = `-- +goose Up
-- +goose StatementBegin
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS tenants (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    name text NOT NULL
);

/* devices belong to a tenant */
CREATE TABLE IF NOT EXISTS public.devices (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name text NOT NULL,
    CONSTRAINT devices_name_uniq UNIQUE (tenant_id, name)
);

CREATE TABLE "WorkflowRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now(); -- CREATE TABLE nope (tenant_id int);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE events (id bigint);
ALTER TABLE events ADD COLUMN tenant_id uuid;
ALTER TABLE ONLY devices ADD COLUMN org_id uuid;
CREATE INDEX ON devices (tenant_id);
-- +goose StatementEnd
`

func TestSchemaTablesPostgres(t *testing.T) {
	got, err := SchemaTables(pgMigration, Options{TenantColumns: []string{"tenant_id", "tenantId"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []SchemaTable{
		{Name: "devices", Column: "tenant_id", Line: 11},
		{Name: "workflowrun", Column: "tenantid", Line: 18},
		{Name: "events", Column: "tenant_id", Line: 32},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}

	// One bad statement: the others are still found, and the error
	// points at the bad one in the whole file.
	bad := pgMigration + "CREATE TABLE broken (tenant_id uuid,, x int);\nCREATE TABLE later (tenant_id uuid);\n"
	got, err = SchemaTables(bad, Options{TenantColumns: []string{"tenant_id", "tenantId"}})
	if err == nil || !strings.Contains(err.Error(), "line 36") {
		t.Errorf("err = %v, want a parse error at line 36", err)
	}
	want = append(want, SchemaTable{Name: "later", Column: "tenant_id", Line: 37})
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestSchemaTablesMySQL(t *testing.T) {
	src := "CREATE TABLE IF NOT EXISTS `devices` (\n" +
		"  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,\n" +
		"  `tenant_id` BIGINT NOT NULL,\n" +
		"  KEY `idx_tenant` (`tenant_id`)\n" +
		") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n" +
		"CREATE TABLE users (id INT PRIMARY KEY);\n" +
		"ALTER TABLE users ADD COLUMN tenant_id BIGINT NOT NULL;\n" +
		"CREATE TABLE categories (id INT);\n"
	got, err := SchemaTables(src, Options{Dialect: MySQL})
	if err != nil {
		t.Fatal(err)
	}
	want := []SchemaTable{
		{Name: "devices", Column: "tenant_id", Line: 1},
		{Name: "users", Column: "tenant_id", Line: 8},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	got, err = SchemaTables(src+"CREATE TABLE oops (tenant_id INT,,);\nCREATE TABLE after_oops (tenant_id INT);\n", Options{Dialect: MySQL})
	if err == nil || !strings.Contains(err.Error(), "line 10") {
		t.Errorf("err = %v, want a parse error at line 10", err)
	}
	if want := append(want, SchemaTable{Name: "after_oops", Column: "tenant_id", Line: 11}); !slices.Equal(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// TestHierarchicalTenants: events belong to a project, projects to an organisation. A table
// reached through the key of its tenant's row, scoped by the coarser tenant, is scoped by it.
func TestHierarchicalTenants(t *testing.T) {
	column := map[string]string{"events": "project_id", "endpoints": "project_id", "projects": "organisation_id", "members": "organisation_id"}
	opts := Options{
		TenantColumns: []string{"project_id", "organisation_id"},
		IsTenantTable: func(t string) bool { return column[t] != "" },
		TenantColumn:  func(t string) string { return column[t] },
	}
	cases := []struct {
		name, query string
		scoped      map[string]bool
		tenant      []Placeholder // of events
	}{
		{
			name:   "events of an organisation's projects",
			query:  "SELECT count(*) FROM events e JOIN projects p ON p.id = e.project_id WHERE p.organisation_id = $1 AND e.created_at > $2",
			scoped: map[string]bool{"events": true, "projects": true},
			tenant: []Placeholder{p(1)},
		},
		{
			name:   "the same, written in WHERE and with the sides swapped",
			query:  "SELECT e.id FROM events e, projects p WHERE e.project_id = p.id AND p.organisation_id = @org_id",
			scoped: map[string]bool{"events": true, "projects": true},
			tenant: []Placeholder{named(1, "org_id")},
		},
		{
			name:   "through a subquery of the organisation's projects",
			query:  "SELECT * FROM events WHERE project_id IN (SELECT id FROM projects WHERE organisation_id = $1)",
			scoped: map[string]bool{"events": true, "projects": true},
			tenant: []Placeholder{p(1)},
		},
		{
			name:   "projects not scoped: neither are their events",
			query:  "SELECT * FROM events e JOIN projects p ON p.id = e.project_id WHERE p.name = $1",
			scoped: map[string]bool{"events": false, "projects": false},
		},
		{
			// An endpoint's id is not a project: its row says nothing of the event's tenant.
			name:   "the key of a row that is not the tenant's",
			query:  "SELECT * FROM events e JOIN endpoints ep ON ep.id = e.project_id WHERE ep.project_id = $1",
			scoped: map[string]bool{"events": false, "endpoints": true},
		},
		{
			name:   "a column of the scoped row other than its key",
			query:  "SELECT * FROM events e JOIN projects p ON p.owner_id = e.project_id WHERE p.organisation_id = $1",
			scoped: map[string]bool{"events": false, "projects": true},
		},
		{
			name:   "an outer join does not filter the events",
			query:  "SELECT * FROM events e LEFT JOIN projects p ON p.id = e.project_id AND p.organisation_id = $1",
			scoped: map[string]bool{"events": false, "projects": true},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.query, opts)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, r := range res.Statements[0].Refs {
				seen[r.Table] = true
				want, ok := tc.scoped[r.Table]
				if !ok {
					t.Errorf("unexpected ref %+v", r)
					continue
				}
				if r.Scoped != want {
					t.Errorf("%s scoped = %v (%q), want %v", r.Table, r.Scoped, r.Problem, want)
				}
				if r.Table == "events" && !slices.Equal(r.Tenant, tc.tenant) {
					t.Errorf("events tenant = %+v, want %+v", r.Tenant, tc.tenant)
				}
			}
			for tb := range tc.scoped {
				if !seen[tb] {
					t.Errorf("no ref of %s", tb)
				}
			}
		})
	}
}
