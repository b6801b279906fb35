// Package xormforkapp exercises the xorm-io fork of xorm (casdoor's ORM): the same rows as
// xorm.io/xorm under another module path; its Get and Delete take one bean, not a variadic.
package xormforkapp

import (
	"context"

	"example.com/auth"
	"github.com/xorm-io/xorm"
)

type Device struct {
	ID       int64  `xorm:"pk autoincr 'id'"`
	TenantID string `xorm:"'tenant_id'"`
	Name     string
}

func Use(ctx context.Context, e *xorm.Engine, id int64, name string) {
	tid := auth.TenantID(ctx)
	var ds []Device
	e.Where("tenant_id = ?", tid).And("name = ?", name).Find(&ds)
	e.Where("name = ?", name).Find(&ds) // want `xorm query on tenant table "device" is not scoped to the active tenant`
	e.Find(&ds, &Device{TenantID: tid})
	var d Device
	e.ID(id).Get(&d) // want `xorm query on tenant table "device" is not scoped`
	e.Get(&Device{ID: id, TenantID: tid})
	e.ID(id).And("tenant_id = ?", tid).Get(&d)
	e.Delete(&Device{ID: id}) // want `xorm query on tenant table "device" is not scoped`
	e.Delete(&Device{ID: id, TenantID: tid})
	e.Insert(&Device{Name: name}) // want `does not set the model's tenant field`
	e.Insert(&Device{Name: name, TenantID: tid})
}
