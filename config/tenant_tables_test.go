package config

import (
	"reflect"
	"testing"
)

// TestTablesTenant: tables.tenant names the tables whose rows are the tenants, "table" (keyed
// by id) or "table.column"; an empty list is kept apart from no list.
func TestTablesTenant(t *testing.T) {
	c, err := Parse([]byte("version: 1\ntables:\n  tenant: [workspaces, spaces.space_key]\n"), "/x/.tenantlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []TenantTable{{Name: "workspaces", Key: "id", Line: 3}, {Name: "spaces", Key: "space_key", Line: 3}}
	if !c.Tables.TenantSet || !reflect.DeepEqual(c.Tables.Tenant, want) {
		t.Errorf("tables.tenant = %v (set %v), want %v", c.Tables.Tenant, c.Tables.TenantSet, want)
	}
	c, err = Parse([]byte("version: 1\ntables:\n  tenant: []\n"), "/x/.tenantlint.yml")
	if err != nil || !c.Tables.TenantSet || len(c.Tables.Tenant) != 0 {
		t.Errorf("empty tables.tenant: %v, %+v", err, c)
	}
	c, err = Parse([]byte("version: 1\n"), "/x/.tenantlint.yml")
	if err != nil || c.Tables.TenantSet {
		t.Errorf("no tables.tenant: %v, set %v", err, c.Tables.TenantSet)
	}
}

func TestTablesTenantErrors(t *testing.T) {
	const f = "/x/.tenantlint.yml"
	for _, tc := range []struct{ name, yaml, want string }{
		{"not a name", "version: 1\ntables:\n  tenant: [\"work-spaces\"]\n",
			f + `:3: tables.tenant[0]: "work-spaces" is not a table name or table.column (e.g. workspaces or workspaces.id)`},
		{"two dots", "version: 1\ntables:\n  tenant: [public.workspaces.id]\n",
			f + `:3: tables.tenant[0]: "public.workspaces.id" is not a table name or table.column (e.g. workspaces or workspaces.id)`},
		{"empty key", "version: 1\ntables:\n  tenant: [workspaces.]\n",
			f + `:3: tables.tenant[0]: "workspaces." is not a table name or table.column (e.g. workspaces or workspaces.id)`},
		{"also scoped", "version: 1\ntables:\n  scoped: [projects, workspaces]\n  tenant: [Workspaces]\n",
			f + `:4: tables.tenant[0]: table "Workspaces" is also in tables.scoped (line 3); a tenant table holds the tenants, not one tenant's rows`},
		{"also global", "version: 1\ntables:\n  global: [workspaces]\n  tenant: [workspaces.id]\n",
			f + `:4: tables.tenant[0]: table "workspaces" is also in tables.global (line 3); a tenant table is not shared by all tenants`},
		{"not a list", "version: 1\ntables:\n  tenant: workspaces\n",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), f)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != "" && err.Error() != tc.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tc.want)
			}
		})
	}
}
