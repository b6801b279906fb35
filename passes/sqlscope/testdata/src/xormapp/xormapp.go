// Package xormapp exercises xorm: Where/And/ID chains, and beans whose set fields are
// conditions.
package xormapp

import (
	"context"

	"example.com/auth"
	"xorm.io/xorm"
)

// Device maps to the table device by xorm's default mapper; its tenant_id column makes it a
// tenant model.
type Device struct {
	ID       int64  `xorm:"pk autoincr 'id'"`
	TenantID string `xorm:"'tenant_id'"`
	Name     string
}

func Use(ctx context.Context, e *xorm.Engine, id int64, name string) {
	tid := auth.TenantID(ctx)
	var ds []Device
	e.Where("tenant_id = ?", tid).And("name = ?", name).Find(&ds)
	e.Where("name = ?", name).Find(&ds)                          // want `xorm query on tenant table "device" is not scoped to the active tenant`
	e.Where("tenant_id = ?", tid).Or("name = ?", name).Find(&ds) // want `an Or condition undoes`
	e.Find(&ds, &Device{TenantID: tid})
	var d Device
	e.ID(id).Get(&d) // want `xorm query on tenant table "device" is not scoped`
	e.Get(&Device{ID: id, TenantID: tid})
	e.ID(id).And("tenant_id = ?", tid).Get(&d)
	e.ID(id).Delete(&Device{}) // want `xorm query on tenant table "device" is not scoped`
	e.Insert(&Device{TenantID: tid, Name: name})
	e.Insert(&Device{Name: name}) // want `xorm insert into tenant table "device" does not set the model's tenant field`
}
