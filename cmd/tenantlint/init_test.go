package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/config"
)

// TestInit: on a module nobody configured, init proposes the tenant column used most (in
// CREATE TABLE statements and struct tags), the function that returns it from a context, the
// schema directory and a migration as cross-tenant, each with its reason; the proposal is a
// valid configuration; -w writes it once and refuses to overwrite it.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":                 "module example.com/shop\n\ngo 1.22\n",
		"db/migrations/001.sql":  "CREATE TABLE orders (id bigint PRIMARY KEY, org_id uuid NOT NULL, total int);\nCREATE TABLE items (id bigint, org_id uuid, name text);\nCREATE TABLE plans (id bigint, name text);\n",
		"db/migrations/002.sql":  "CREATE TABLE audit (id bigint, project_id uuid);\n",
		"store/models.go":        "package store\n\ntype Order struct {\n\tID    int64  `db:\"id\"`\n\tOrgID string `db:\"org_id\"`\n}\n",
		"auth/auth.go":           "package auth\n\nimport \"context\"\n\nfunc OrgIDFromContext(ctx context.Context) string { return \"\" }\n\nfunc GetAccount(ctx context.Context) string { return \"\" }\n",
		"jobs/migrate.go":        "package jobs\n\nfunc BackfillTotals() error { return nil }\n",
		"internal/mocks/mock.go": "package mocks\n\nimport \"context\"\n\nfunc OrgIDFromContext(ctx context.Context) string { return \"\" }\n",
		"testdata/x/ignored.sql": "CREATE TABLE ghosts (tenant_id int, a int);\nCREATE TABLE ghosts2 (tenant_id int);\nCREATE TABLE ghosts3 (tenant_id int);\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if code := initCmd([]string{dir}, &out, &errOut); code != exitClean {
		t.Fatalf("init: exit %d\n%s", code, errOut.String())
	}
	cfg, err := config.Parse(out.Bytes(), filepath.Join(dir, ".tenantlint.yml"))
	if err != nil {
		t.Fatalf("the proposal does not parse: %v\n%s", err, out.String())
	}
	if got := strings.Join(cfg.Tenant.Columns, ","); got != "org_id" {
		t.Errorf("columns = %s, want org_id (2 tables and a tag, against project_id's 1 table)", got)
	}
	if len(cfg.Tenant.Sources) != 1 || cfg.Tenant.Sources[0].Func.String() != "example.com/shop/auth.OrgIDFromContext" {
		t.Errorf("sources = %+v, want auth.OrgIDFromContext only (not GetAccount, not the mock)", cfg.Tenant.Sources)
	}
	if got := strings.Join(cfg.Tables.Schema, ","); got != "db/migrations/*.sql" {
		t.Errorf("schema = %s, want db/migrations/*.sql (testdata left out)", got)
	}
	if len(cfg.CrossTenant) != 1 || cfg.CrossTenant[0].Name.String() != "example.com/shop/jobs.BackfillTotals" {
		t.Errorf("crosstenant = %+v", cfg.CrossTenant)
	}
	for _, why := range []string{
		"# org_id: 2 CREATE TABLEs (db/migrations/001.sql:1 orders, db/migrations/001.sql:2 items) and 1 struct tag (store/models.go:5 Order.OrgID)",
		"# also seen, project_id: 1 CREATE TABLE",
		"# auth/auth.go:5: takes a context and returns, by its name, the tenant",
		"# jobs/migrate.go:3: its name says it works across tenants",
	} {
		if !strings.Contains(out.String(), why) {
			t.Errorf("the proposal lacks %q:\n%s", why, out.String())
		}
	}

	out.Reset()
	if code := initCmd([]string{"-w", dir}, &out, &errOut); code != exitClean || out.Len() != 0 {
		t.Fatalf("init -w: exit %d, stdout %q\n%s", code, out.String(), errOut.String())
	}
	if _, err := config.Load(filepath.Join(dir, ".tenantlint.yml")); err != nil {
		t.Errorf("the written file: %v", err)
	}
	errOut.Reset()
	if code := initCmd([]string{"-w", dir}, &out, &errOut); code != exitError || !strings.Contains(errOut.String(), ".tenantlint.yml exists") {
		t.Errorf("init -w over an existing file: exit %d, %s", code, errOut.String())
	}
	if code := initCmd([]string{filepath.Join(dir, "store")}, &out, &errOut); code != exitError {
		t.Errorf("init in a directory without go.mod: exit %d, want 1", code)
	}
}
