package xormapp

import (
	"context"

	"example.com/auth"
	"xorm.io/xorm"
)

// A bean loaded with the tenant as a condition and written back by its id stays the tenant's
// row: e.ID(d.ID).Update(&d), or Delete(&d), whose loaded fields are its conditions.

func RenameLoaded(ctx context.Context, e *xorm.Engine, id int64, name string) error {
	d := Device{ID: id, TenantID: auth.TenantID(ctx)}
	if _, err := e.Get(&d); err != nil {
		return err
	}
	d.Name = name
	_, err := e.ID(d.ID).Update(&d)
	return err
}

func DeleteLoaded(ctx context.Context, e *xorm.Engine, id int64) error {
	var d Device
	if _, err := e.Where("tenant_id = ?", auth.TenantID(ctx)).And("id = ?", id).Get(&d); err != nil {
		return err
	}
	_, err := e.Delete(&d)
	return err
}

// RenameUnscopedLoad reads by id alone: the update by its id is unscoped too.
func RenameUnscopedLoad(e *xorm.Engine, id int64, name string) error {
	var d Device
	if _, err := e.ID(id).Get(&d); err != nil { // want `xorm query on tenant table "device" is not scoped`
		return err
	}
	d.Name = name
	_, err := e.ID(d.ID).Update(&d) // want `xorm query on tenant table "device" is not scoped`
	return err
}

// RenameOtherID loads the tenant's row but updates the row of an id from the caller.
func RenameOtherID(ctx context.Context, e *xorm.Engine, id, other int64, name string) error {
	var d Device
	if _, err := e.Where("tenant_id = ? AND id = ?", auth.TenantID(ctx), id).Get(&d); err != nil {
		return err
	}
	_, err := e.ID(other).Update(&Device{Name: name}) // want `xorm query on tenant table "device" is not scoped`
	return err
}

func loadDevice(ctx context.Context, sess *xorm.Session, id int64) (*Device, error) {
	d := &Device{}
	_, err := sess.Where("tenant_id = ?", auth.TenantID(ctx)).And("id = ?", id).Get(d)
	return d, err
}

func RenameThroughHelper(ctx context.Context, e *xorm.Engine, id int64, name string) error {
	sess := e.NewSession()
	defer sess.Close()
	d, err := loadDevice(ctx, sess, id)
	if err != nil {
		return err
	}
	_, err = sess.ID(d.ID).Update(&Device{Name: name})
	return err
}
