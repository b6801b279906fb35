// Package bunapp exercises bun: NewSelect/NewUpdate/NewDelete/NewInsert chains with Model and
// Where, through *bun.DB and the bun.IDB interface.
package bunapp

import (
	"context"

	"example.com/auth"
	"github.com/uptrace/bun"
)

type Device struct {
	bun.BaseModel `bun:"table:devices"`
	ID            int64  `bun:"id,pk"`
	TenantID      string `bun:"tenant_id"`
	Name          string
}

type Account struct {
	bun.BaseModel `bun:"table:users"`
	ID            int64
	Email         string
}

func Select(ctx context.Context, db *bun.DB, id int64) {
	tid := auth.TenantID(ctx)
	var ds []Device
	db.NewSelect().Model(&ds).Where("tenant_id = ?", tid).Scan(ctx)
	db.NewSelect().Model(&ds).Where("id = ?", id).Where("?TableAlias.tenant_id = ?", tid).Scan(ctx)
	db.NewSelect().Model(&ds).Where("id = ?", id).Scan(ctx)                                  // want `bun query on tenant table "devices" is not scoped to the active tenant`
	db.NewSelect().Model(&ds).Where("tenant_id = ?", tid).WhereOr("name = ?", "x").Scan(ctx) // want `an Or condition undoes`
	db.NewSelect().Model(&ds).Where("tenant_id = ?", "acme").Count(ctx)                      // want `tenant_id = \? in the bun condition, but it gets a constant`
	var as []Account
	db.NewSelect().Model(&as).Scan(ctx)
	db.NewSelect().Table("devices").Where("id = ?", id).Scan(ctx, &ds) // want `bun query on tenant table "devices" is not scoped`
}

func Modify(ctx context.Context, db *bun.DB, d *Device) {
	tid := auth.TenantID(ctx)
	db.NewUpdate().Model(d).WherePK().Where("tenant_id = ?", tid).Exec(ctx)
	db.NewUpdate().Model(d).WherePK().Exec(ctx) // want `bun query on tenant table "devices" is not scoped`
	db.NewDelete().Model((*Device)(nil)).Where("tenant_id = ?", tid).Exec(ctx)
	db.NewDelete().Model((*Device)(nil)).Where("id = ?", d.ID).Exec(ctx) // want `bun query on tenant table "devices" is not scoped`
}

func Insert(ctx context.Context, db *bun.DB, name string) {
	db.NewInsert().Model(&Device{TenantID: auth.TenantID(ctx), Name: name}).Exec(ctx)
	db.NewInsert().Model(&Device{Name: name}).Exec(ctx) // want `bun insert into tenant table "devices" does not set the model's tenant field`
}

// Through the interface that *bun.DB and bun.Tx share.
func List(ctx context.Context, idb bun.IDB) []Device {
	var ds []Device
	idb.NewSelect().Model(&ds).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
	idb.NewSelect().Model(&ds).Where("tenant_id = ?", auth.TenantID(ctx)).Scan(ctx)
	return ds
}
