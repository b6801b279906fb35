package sqlrules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// TestInferredTables: with no configuration, tenant tables come from CREATE TABLE statements
// with a tenant column in the module's *.sql files, outside testdata, vendor and hidden
// directories, and each says why.
func TestInferredTables(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n")
	write("db/migrations/001.sql", "CREATE TABLE devices (id int, tenant_id text);\nCREATE TABLE plans (id int);\n")
	write("db/migrations/002.sql", "CREATE TABLE teams (id int, org_id bigint NOT NULL);\n")
	write("testdata/x.sql", "CREATE TABLE fixtures (tenant_id text);\n")
	write("vendor/y.sql", "CREATE TABLE vendored (tenant_id text);\n")
	write(".git/z.sql", "CREATE TABLE hidden (tenant_id text);\n")
	write("svc/svc.go", "package svc\n")

	tables, err := tenantflow.TenantTables(config.Default(), filepath.Join(root, "svc"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range tables.List() {
		got = append(got, tb.Name)
		if !strings.Contains(tb.Why, "CREATE TABLE at "+filepath.Join(root, "db", "migrations")) {
			t.Errorf("%s: reason %q does not name the file", tb.Name, tb.Why)
		}
	}
	if strings.Join(got, ",") != "devices,teams" {
		t.Errorf("tenant tables = %v, want [devices teams]", got)
	}
}

// TestConfiguredTables: the configured list and schema files, minus global tables.
func TestConfiguredTables(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "schema.sql"), []byte("CREATE TABLE a (tenant_id text);\nCREATE TABLE g (tenant_id text);\n"), 0o644)
	cfgFile := filepath.Join(dir, ".tenantlint.yml")
	os.WriteFile(cfgFile, []byte("version: 1\ntables:\n  scoped: [b]\n  global: [g]\n  schema: [\"schema.sql\"]\n"), 0o644)
	cfg, err := config.Load(cfgFile)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := tenantflow.TenantTables(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range tables.List() {
		got = append(got, tb.Name+": "+tb.Why)
	}
	want := []string{
		"a: column tenant_id in CREATE TABLE at " + filepath.Join(dir, "schema.sql") + ":1",
		"b: tables.scoped in " + cfgFile,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTenantOwnTables: the table each tenant column names holds the tenants, keyed by id, unless
// it is a tenant table or global already; tables.tenant names them instead, and an empty list
// turns them off.
func TestTenantOwnTables(t *testing.T) {
	for _, tc := range []struct {
		name, yml, want string
	}{
		{"inferred", "version: 1\ntenant:\n  columns: [workspace_id, org_id, tenant_id, account]\ntables:\n  scoped: [projects, tenants]\n  global: [orgs]\n",
			"workspaces.id"},
		{"configured", "version: 1\ntenant:\n  columns: [workspace_id]\ntables:\n  scoped: [projects]\n  tenant: [spaces.space_key, Teams]\n",
			"spaces.space_key teams.id"},
		{"off", "version: 1\ntenant:\n  columns: [workspace_id]\ntables:\n  scoped: [projects]\n  tenant: []\n",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			f := filepath.Join(dir, ".tenantlint.yml")
			os.WriteFile(f, []byte(tc.yml), 0o644)
			cfg, err := config.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			tables, err := tenantflow.TenantTables(cfg, dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tb := range tables.TenantRows() {
				got = append(got, tb.Name+"."+tb.Key)
				if tb.Why == "" {
					t.Errorf("%s: no reason", tb.Name)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("tables holding the tenants = %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
}
