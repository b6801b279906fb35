// Package pg implements the store interfaces on database/sql.
package pg

import (
	"context"
	"database/sql"

	"example.com/ifaces/store"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

var (
	_ store.Store   = (*Store)(nil)
	_ store.Counter = (*Store)(nil)
)

func (p *Store) ProjectName(ctx context.Context, tenantID, id string) (string, error) {
	var name string
	err := p.db.QueryRowContext(ctx, `SELECT name FROM projects WHERE tenant_id = $1 AND id = $2`, tenantID, id).Scan(&name)
	return name, err
}

func (p *Store) Count(ctx context.Context, tenantID string) (int, error) {
	var n int
	err := p.db.QueryRowContext(ctx, `SELECT count(*) FROM plans`).Scan(&n)
	return n, err
}

func (p *Store) Find(ctx context.Context, tenantID, id string) (string, error) {
	return p.ProjectName(ctx, tenantID, id)
}
