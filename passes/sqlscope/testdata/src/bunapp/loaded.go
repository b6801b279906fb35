package bunapp

import (
	"context"

	"example.com/auth"
	"github.com/uptrace/bun"
)

// A row loaded with the tenant predicate and written back by its primary key stays the
// tenant's row.

func Rename(ctx context.Context, db *bun.DB, id int64, name string) error {
	var d Device
	if err := db.NewSelect().Model(&d).Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).Scan(ctx); err != nil {
		return err
	}
	d.Name = name
	_, err := db.NewUpdate().Model(&d).WherePK().Exec(ctx)
	return err
}

func Remove(ctx context.Context, db *bun.DB, id int64) error {
	d := new(Device)
	if err := db.NewSelect().Model(d).Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).Scan(ctx); err != nil {
		return err
	}
	_, err := db.NewDelete().Model(d).WherePK().Exec(ctx)
	return err
}

// RenameUnscopedLoad loads the row by id alone: its update is as unscoped as its load.
func RenameUnscopedLoad(ctx context.Context, db *bun.DB, id int64, name string) error {
	var d Device
	if err := db.NewSelect().Model(&d).Where("id = ?", id).Scan(ctx); err != nil { // want `bun query on tenant table "devices" is not scoped`
		return err
	}
	d.Name = name
	_, err := db.NewUpdate().Model(&d).WherePK().Exec(ctx) // want `bun query on tenant table "devices" is not scoped`
	return err
}

// RenameOther loads the tenant's row but updates every row with the name: not by the key.
func RenameOther(ctx context.Context, db *bun.DB, id int64, name string) error {
	var d Device
	if err := db.NewSelect().Model(&d).Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).Scan(ctx); err != nil {
		return err
	}
	_, err := db.NewUpdate().Model(&d).Where("name = ?", name).Exec(ctx) // want `bun query on tenant table "devices" is not scoped`
	return err
}

// deviceFor loads the tenant's device for a helper's callers.
func deviceFor(ctx context.Context, db bun.IDB, id int64) (*Device, error) {
	d := &Device{}
	err := db.NewSelect().Model(d).Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).Scan(ctx)
	return d, err
}

func RenameThroughHelper(ctx context.Context, db *bun.DB, id int64, name string) error {
	d, err := deviceFor(ctx, db, id)
	if err != nil {
		return err
	}
	d.Name = name
	_, err = db.NewUpdate().Model(d).Column("name").WherePK().Exec(ctx)
	return err
}

// deviceAnyTenant loads by id alone: what it returns is not the tenant's row.
func deviceAnyTenant(ctx context.Context, db *bun.DB, id int64) (*Device, error) {
	d := &Device{}
	err := db.NewSelect().Model(d).Where("id = ?", id).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
	return d, err
}

func RenameThroughUnscopedHelper(ctx context.Context, db *bun.DB, id int64, name string) error {
	d, err := deviceAnyTenant(ctx, db, id)
	if err != nil {
		return err
	}
	d.Name = name
	_, err = db.NewUpdate().Model(d).WherePK().Exec(ctx) // want `bun query on tenant table "devices" is not scoped`
	return err
}
