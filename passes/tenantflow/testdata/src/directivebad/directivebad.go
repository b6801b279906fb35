// Package directivebad holds malformed directives; its test asserts the diagnostics directly
// (a want comment cannot share a line with a directive whose reason is missing).
package directivebad

import (
	"context"
	"database/sql"
)

func Missing(ctx context.Context, db *sql.DB) {
	//nolint:tenantlint
	db.QueryContext(ctx, `SELECT * FROM devices`)
	//tenantlint:ignore sqlscope
	db.QueryContext(ctx, `SELECT * FROM devices`)
	//tenantlint:ignore nosuchcheck some reason
	db.QueryContext(ctx, `SELECT * FROM sessions`)
	//tenantlint:frobnicate
}

//tenantlint:crosstenant
func NoReason(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT * FROM devices`)
}
