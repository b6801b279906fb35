package sqltext

import (
	"regexp"
	"strings"
	"testing"
)

// position is how a parse error names where it is: postgres errors say "at line L, column C",
// the MySQL parser's "line L column C" or, at the end of the text, "at line L".
var position = regexp.MustCompile(`line \d+`)

// FuzzAnalyze: query text comes from the code under analysis. Analyze, AnalyzeFragment and
// SchemaTables must not panic (they recover a panic into an "internal error", which counts as a
// failure here), every parse error of Analyze and SchemaTables must name a line and column, and
// every reference's offset must be in the query.
func FuzzAnalyze(f *testing.F) {
	for _, q := range []string{
		"SELECT * FROM devices WHERE tenant_id = $1",
		"SELECT * FROM devices",
		"SELECT d.* FROM devices d JOIN projects p ON p.id = d.project_id WHERE p.tenant_id = $1",
		"WITH x AS (SELECT * FROM devices WHERE org_id = @org) SELECT * FROM x",
		"INSERT INTO devices (tenant_id, name) SELECT tenant_id, name FROM devices WHERE tenant_id = :tid",
		"UPDATE devices SET name = $2 WHERE id = $1; DELETE FROM devices WHERE tenant_id = ANY($1)",
		"SELECT * FROM devices WHERE tenant_id IN (?, ?)",
		"?TableAlias.tenant_id = ? AND id IN ?",
		"message_id IN (SELECT id FROM messages WHERE tenant_id = ?) OR x",
		"SELECT * FROM devices WHERE tenant_id = sqlc.arg(tenant)",
		"SELECT * FROM t WHERE a = 'it''s' -- comment\n/* block */ AND tenant_id = $1",
		"SELECT * FROM \"Devices\" WHERE \"tenant_id\" = $1",
		"SELECT $$dollar$$, E'\\n' FROM devices",
		"SELEC * FROM devices",
		"SELECT * FROM devices WHERE",
		"SELECT 'é' FROM devices WHERE tenant_id = $1 AND x = ",
		"",
		";",
	} {
		f.Add(q, false)
		f.Add(q, true)
	}
	f.Add("CREATE TABLE devices (id bigint, tenant_id bigint NOT NULL);\nALTER TABLE notes ADD COLUMN org_id int;", false)
	f.Add("CREATE TABLE `devices` (id int, tenant_id int) ENGINE=InnoDB;\nCREATE TABLE bad (", true)
	f.Fuzz(func(t *testing.T, query string, mysql bool) {
		opts := Options{Dialect: Postgres, TenantColumns: []string{"tenant_id", "org_id"}}
		if mysql {
			opts.Dialect = MySQL
		}
		res, err := Analyze(query, opts)
		if err != nil {
			checkError(t, "Analyze", query, err)
		} else {
			for _, st := range res.Statements {
				for _, r := range st.Refs {
					if r.Offset < -1 || r.Offset > len(query) {
						t.Fatalf("Analyze(%q): reference %+v has offset %d outside the query", query, r, r.Offset)
					}
				}
			}
		}
		// The same text as an ORM's Where fragment: no panic, and every tenant placeholder is
		// one of its ? (or a named one).
		if frag, err := AnalyzeFragment(query, opts); err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("AnalyzeFragment(%q) panicked: %v", query, err)
			}
		} else {
			for _, ph := range frag.Tenant {
				if ph.Name == "" && (ph.Index < 1 || ph.Index > strings.Count(query, "?")) {
					t.Fatalf("AnalyzeFragment(%q): placeholder %+v is not one of its ?", query, ph)
				}
			}
		}
		tables, err := SchemaTables(query, opts)
		if err != nil {
			checkError(t, "SchemaTables", query, err)
		}
		lines := strings.Count(query, "\n") + 1
		for _, tb := range tables {
			if tb.Line < 1 || tb.Line > lines {
				t.Fatalf("SchemaTables(%q): table %+v on line %d of %d", query, tb, tb.Line, lines)
			}
		}
	})
}

func checkError(t *testing.T, fn, query string, err error) {
	t.Helper()
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("%s(%q) panicked: %v", fn, query, err)
	}
	if !position.MatchString(err.Error()) {
		t.Fatalf("%s(%q): error names no position: %v", fn, query, err)
	}
}
