// Package store, for the SARIF and go vet tests: findings, an explanation path, findings
// suppressed both ways, a stale directive, and non-ASCII text before a finding.
package store

import (
	"context"
	"database/sql"
	"net/http"
)

type Store struct{ DB *sql.DB }

func (s *Store) Get(ctx context.Context, tid string, id int64) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1 AND id = $2`, tid, id)
}

func (s *Store) All(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT name FROM devices`)
}

func (s *Store) Handle(w http.ResponseWriter, r *http.Request) {
	s.Get(r.Context(), r.FormValue("tenant"), 1)
}

func (s *Store) Report(ctx context.Context) {
	//tenantlint:ignore sqlscope the nightly report counts devices across tenants
	s.DB.QueryContext(ctx, `SELECT count(*) FROM devices`)
}

func (s *Store) Migrate(ctx context.Context) {
	//nolint:tenantlint // the migration runs before any tenant exists
	s.DB.ExecContext(ctx, `UPDATE devices SET name = lower(name)`)
}

func (s *Store) Users(ctx context.Context) {
	//nolint:tenantlint // users is not a tenant table
	s.DB.QueryContext(ctx, `SELECT * FROM users`)
}

func (s *Store) Grüße(ctx context.Context) { s.DB.QueryContext(ctx, `DELETE FROM devices`) }
