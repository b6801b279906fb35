package modelapp

import (
	"context"

	"example.com/auth"
	"github.com/uptrace/bun"
)

// DeviceView extends Device (bun:",extend"): it reads and writes Device's table, devices.
type DeviceView struct {
	Device `bun:",extend"`
	Online bool `bun:"-"`
}

func Extended(ctx context.Context, db *bun.DB, id int64) {
	var vs []DeviceView
	db.NewSelect().Model(&vs).Where("tenant_id = ?", auth.TenantID(ctx)).Scan(ctx)
	db.NewSelect().Model(&vs).Where("id = ?", id).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
}

// PlanView extends Plan, whose table is global.
type PlanView struct {
	Plan `bun:",extend"`
	Used int `bun:"-"`
}

func ExtendedGlobal(ctx context.Context, db *bun.DB, id int64) {
	var vs []PlanView
	db.NewSelect().Model(&vs).Where("id = ?", id).Scan(ctx)
}
