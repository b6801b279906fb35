// Package benchgen writes a synthetic multi-tenant Go module of a chosen size, for measuring how
// tenantlint's time and memory grow with the number of packages. Each package has a store with
// scoped and unscoped queries and a service that calls the previous package's store with the
// tenant, so facts flow along a chain as long as the module.
package benchgen

import (
	"fmt"
	"os"
	"path/filepath"
)

// Module is the generated module's path.
const Module = "example.com/bench"

// Generate writes a module with n packages under dir. Every tenth package has one unscoped
// query, so a run has n/10 findings (rounded up) plus one per package whose service passes a
// constant tenant (every twentieth).
func Generate(dir string, n int) error {
	files := map[string]string{
		"go.mod":          "module " + Module + "\n\ngo 1.26\n",
		".tenantlint.yml": "version: 1\ntables:\n  schema: [\"schema.sql\"]\n",
		"schema.sql":      "CREATE TABLE devices (id bigint PRIMARY KEY, tenant_id text NOT NULL, name text);\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
		"auth/auth.go":    "package auth\n\nimport \"context\"\n\ntype key struct{}\n\n// TenantID is the active tenant.\n//\n//tenantlint:source\nfunc TenantID(ctx context.Context) string { s, _ := ctx.Value(key{}).(string); return s }\n",
	}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("p%04d/store.go", i)] = store(i)
		files[fmt.Sprintf("p%04d/service.go", i)] = service(i)
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func store(i int) string {
	unscoped := ""
	if i%10 == 0 {
		unscoped = `
func (s *Store) All(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, "SELECT id, name FROM devices")
}
`
	}
	return fmt.Sprintf(`package p%04d

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type Store struct{ DB *sql.DB }

type Params struct {
	TenantID string
	ID       int64
	Name     string
}

const getDevice = "SELECT id, name FROM devices WHERE tenant_id = $1 AND id = $2"

func (s *Store) Get(ctx context.Context, p Params) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, getDevice, p.TenantID, p.ID)
}

func (s *Store) Rename(ctx context.Context, tid string, id int64, name string) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE devices SET name = $1 WHERE tenant_id = $2 AND id = $3", strings.TrimSpace(name), tid, id)
	return err
}

func (s *Store) Users(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, "SELECT id FROM users WHERE email = $1", fmt.Sprint(%d))
}
%s`, i, i, unscoped)
}

func service(i int) string {
	prev := ""
	call := ""
	if i > 0 {
		prev = fmt.Sprintf("\tprev \"%s/p%04d\"\n", Module, i-1)
		tenant := "auth.TenantID(ctx)"
		if i%20 == 0 {
			tenant = `"acme"`
		}
		call = fmt.Sprintf("\tnew(prev.Service).Handle(ctx, %s, id)\n", tenant)
	}
	return fmt.Sprintf(`package p%04d

import (
	"context"

	"%s/auth"
%s)

type Service struct{ St *Store }

func (s *Service) Handle(ctx context.Context, tid string, id int64) error {
	if _, err := s.St.Get(ctx, Params{TenantID: tid, ID: id}); err != nil {
		return err
	}
	return s.St.Rename(ctx, tid, id, "x")
}

func (s *Service) FromRequest(ctx context.Context, id int64) error {
%s	return s.Handle(ctx, auth.TenantID(ctx), id)
}
`, i, Module, prev, call)
}
