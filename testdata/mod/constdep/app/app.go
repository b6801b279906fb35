// Package app passes a dependency's package variables as the tenant.
package app

import (
	"context"
	"database/sql"

	uuid "example.com/uuidlib"
)

func TenantFrom(ctx context.Context) uuid.UUID { return uuid.UUID{} }

type Store struct{ db *sql.DB }

// Get reads a device of the tenant it is given.
func (s *Store) Get(ctx context.Context, tenant uuid.UUID, id int64) {
	s.db.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1 AND id = $2`, tenant, id)
}

func Use(ctx context.Context, s *Store) {
	s.Get(ctx, TenantFrom(ctx), 1)
	s.Get(ctx, uuid.Nil, 2) // reported: the zero UUID is no tenant
	s.Get(ctx, uuid.Max, 3) // reported: a constant
	s.Get(ctx, uuid.Default, 4)
	s.Get(ctx, uuid.Namespace, 5)
}
