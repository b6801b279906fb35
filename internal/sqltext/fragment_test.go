package sqltext

import (
	"fmt"
	"testing"
)

func TestAnalyzeFragment(t *testing.T) {
	cases := []struct {
		frag    string
		dialect Dialect
		columns []string
		want    string // "scoped COLUMN [placeholders]", "unscoped" or "error"
	}{
		{"tenant_id = ?", Postgres, nil, "scoped tenant_id [1]"},
		{"id = ? AND tenant_id = ?", Postgres, nil, "scoped tenant_id [2]"},
		{"id = ? AND (tenant_id = ?)", Postgres, nil, "scoped tenant_id [2]"},
		{"tenant_id = ? OR id = ?", Postgres, nil, "unscoped"},
		{"tenant_id = ? AND id = ? OR name = ?", Postgres, nil, "unscoped"},
		{"tenant_id = ? AND (id = ? OR name = ?)", Postgres, nil, "scoped tenant_id [1]"},
		{"tenant_id IN (?)", Postgres, nil, "scoped tenant_id [1]"},
		{"tenant_id IN ?", Postgres, nil, "scoped tenant_id [1]"},
		{"tenant_id IN (?, ?)", Postgres, nil, "scoped tenant_id [1 2]"},
		{"tenant_id <> ?", Postgres, nil, "unscoped"},
		{"id = ?", Postgres, nil, "unscoped"},
		{"?TableAlias.tenant_id = ?", Postgres, nil, "scoped tenant_id [1]"},
		{`"devices"."tenant_id" = ? AND "devices"."id" = ?`, Postgres, nil, "scoped tenant_id [1]"},
		{"d.tenant_id = ?", Postgres, nil, "scoped tenant_id [1]"},
		{"name = 'a?' AND tenant_id = ?", Postgres, nil, "scoped tenant_id [1]"},
		// Column names compare without regard to case, quoted or not.
		{"BoardID = ? AND ID = ?", Postgres, []string{"BoardID"}, "scoped boardid [1]"},
		{"boardid = ?", Postgres, []string{"BoardID"}, "scoped boardid [1]"},
		{`"BoardID" = ?`, Postgres, []string{"BoardID"}, "scoped boardid [1]"},
		{"ID = ?", Postgres, []string{"BoardID"}, "unscoped"},
		{"`BoardID` = ? AND `ID` = ?", MySQL, []string{"BoardID"}, "scoped boardid [1]"},
		{"org_id = ? AND id = ?", MySQL, []string{"org_id"}, "scoped org_id [1]"},
		// Subqueries scope the rows they link when they are scoped themselves.
		{"message_id IN (SELECT id FROM messages WHERE tenant_id = ?)", Postgres, nil, "scoped tenant_id [1]"},
		{"archived AND message_id IN (SELECT id FROM messages WHERE tenant_id = ?)", Postgres, nil, "scoped tenant_id [1]"},
		{"message_id IN (SELECT id FROM messages WHERE archived)", Postgres, nil, "unscoped"},
		{"message_id IN (SELECT id FROM messages WHERE tenant_id = ? OR public)", Postgres, nil, "unscoped"},
		{"message_id IN (SELECT id FROM messages WHERE tenant_id = ?) OR pinned", Postgres, nil, "unscoped"},
		{"message_id NOT IN (SELECT id FROM messages WHERE tenant_id = ?)", Postgres, nil, "unscoped"},
		{"message_id IN (SELECT id FROM messages WHERE tenant_id = ?)", MySQL, nil, "scoped tenant_id [1]"},
		// What the parser does not read is an error: the caller falls back.
		{"?PKs", Postgres, nil, "error"},
		{"tenant_id = ?0", Postgres, nil, "error"},
	}
	for _, c := range cases {
		got := "error"
		res, err := AnalyzeFragment(c.frag, Options{Dialect: c.dialect, TenantColumns: c.columns})
		if err == nil {
			got = "unscoped"
			if res.Scoped {
				var idx []int
				for _, ph := range res.Tenant {
					idx = append(idx, ph.Index)
				}
				got = fmt.Sprintf("scoped %s %v", res.Column, idx)
			}
		}
		if got != c.want {
			t.Errorf("AnalyzeFragment(%q, %s) = %s (err %v), want %s", c.frag, c.dialect, got, err, c.want)
		}
	}
}
