// Package quiet has one finding, suppressed: the command exits 0 and SARIF still lists it.
package quiet

import (
	"context"
	"database/sql"
)

func Purge(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, `DELETE FROM devices`) //tenantlint:ignore sqlscope retention purges every tenant's rows
}
