// Package store is the bottom of a handler -> service -> store chain.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

const deviceQuery = `SELECT id, name FROM devices WHERE tenant_id = $1 AND id = $2`

// GetDevice scopes its query by its tid parameter: callers must pass the active tenant.
func (s *Store) GetDevice(ctx context.Context, tid string, id int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, deviceQuery, tid, id)
}

// query is a wrapper that forwards its SQL and arguments: its callers are the sinks.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, q, args...)
}

func (s *Store) Sessions(ctx context.Context, tid string) {
	s.query(ctx, `SELECT * FROM sessions WHERE tenant_id = $1`, tid)
	s.query(ctx, `SELECT * FROM sessions`) // want `query on tenant table "sessions" is not scoped`
}
