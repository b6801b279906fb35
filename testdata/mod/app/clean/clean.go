// Package clean scopes every query.
package clean

import (
	"context"
	"database/sql"
)

func Get(ctx context.Context, db *sql.DB, tid string) {
	db.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid)
}
