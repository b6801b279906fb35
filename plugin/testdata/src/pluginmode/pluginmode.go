// Package pluginmode is analysed as the golangci-lint plugin runs tenantlint: //nolint belongs
// to golangci-lint, so tenantlint reports what a //nolint covers and says nothing about a
// //nolint that is unused or has no reason; its own directives work as always. devices is a
// tenant table by the plugin's settings.
package pluginmode

import (
	"context"
	"database/sql"
)

func Nolint(ctx context.Context, db *sql.DB) {
	//nolint:tenantlint // golangci-lint applies this one, not tenantlint
	db.QueryContext(ctx, `SELECT name FROM devices`) // want `^sqlscope: query on tenant table "devices" is not scoped to the active tenant: no WHERE clause$`
}

func NolintUnused(ctx context.Context, db *sql.DB, tid string) {
	//nolint:tenantlint // nothing to suppress: nolintlint's to report, not tenantlint's
	db.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid)
}

func NolintNoReason(ctx context.Context, db *sql.DB, tid string) {
	//nolint:tenantlint
	db.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid)
}

func Ignore(ctx context.Context, db *sql.DB) {
	//tenantlint:ignore sqlscope names are shown to operators only
	db.QueryContext(ctx, `SELECT name FROM devices`)
}

func IgnoreUnused(ctx context.Context, db *sql.DB, tid string) {
	db.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid) //tenantlint:ignore sqlscope stale // want `^directive: //tenantlint:ignore suppresses nothing: remove it$`
}

//tenantlint:crosstenant the nightly report counts devices of every tenant
func Report(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`)
}
