// Package runtimeapp uses tenantlint's reference runtime: its sources and its all-tenants scope
// are known to the linter out of the box.
package runtimeapp

import (
	"context"
	"database/sql"

	"github.com/tenantlint/tenantlint/tenant"
)

func ByID(ctx context.Context, db *sql.DB) {
	tid, _ := tenant.IDFrom(ctx)
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return
	}
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, id.String())
	t := tenant.MustFrom(ctx)
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, t.TenantID())
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tenant.ID("acme")) // want `but it gets a constant`
}

// Billing runs in the explicit all-tenants scope: declared cross-tenant.
func Billing(ctx context.Context, db *sql.DB) {
	ctx = tenant.AllTenants(ctx)
	db.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`)
}

// Without the scope, the same query is reported.
func Counts(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`) // want `query on tenant table "devices" is not scoped`
}
