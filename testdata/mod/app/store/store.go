// Package store has one unscoped query, one tenant bound to request input, and one stale
// suppression.
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

func (s *Store) Users(ctx context.Context) {
	//nolint:tenantlint // users is not a tenant table
	s.DB.QueryContext(ctx, `SELECT * FROM users`)
}
