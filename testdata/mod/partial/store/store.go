package store

import (
	"context"
	"database/sql"
)

// All reads every tenant's devices.
func All(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, `SELECT id FROM devices`)
}
