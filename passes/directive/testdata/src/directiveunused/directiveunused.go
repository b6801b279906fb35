// Package directiveunused holds directives that suppress or exempt nothing: the directive check
// reports each, and the ones that do suppress something stay quiet.
package directiveunused

import (
	"context"
	"database/sql"
)

// Suppressed: suppressions that suppress a finding, and one that suppresses nothing.
func Suppressed(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT * FROM devices`) //nolint:tenantlint // the fixture's reason
	//tenantlint:ignore sqlscope the fixture's reason
	db.QueryContext(ctx, `SELECT * FROM sessions`)
	db.QueryContext(ctx, `SELECT * FROM users`) //nolint:tenantlint // nothing to suppress here // want `//nolint:tenantlint suppresses nothing`
}

// Report counts devices of every tenant.
//
//tenantlint:crosstenant nightly billing counts every tenant's devices
func Report(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`)
}

// Plans: nothing here is tenant data.
//
//tenantlint:crosstenant no reason to be here // want `//tenantlint:crosstenant exempts nothing`
func Plans(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT * FROM plans`)
}
