package xormapp

import (
	"context"

	"example.com/auth"
	"xorm.io/xorm"
)

// Sessions passed around as the request's transaction are handles: xorm clears a session's
// conditions after each query, so what a function runs on one is judged in that function.

// ByIDOnSession reads a device by its id alone on the session it is given.
func ByIDOnSession(sess *xorm.Session, id int64) (*Device, error) {
	var d Device
	_, err := sess.Where("id = ?", id).Get(&d) // want `xorm query on tenant table "device" is not scoped to the active tenant: it runs a session it was given`
	return &d, err
}

// ByIDOnSessionOK binds the tenant on the session it is given: the caller must pass the tenant.
func ByIDOnSessionOK(sess *xorm.Session, tenantID string, id int64) (*Device, error) {
	var d Device
	_, err := sess.Where("id = ?", id).And("tenant_id = ?", tenantID).Limit(1).Get(&d)
	return &d, err
}

// CountOnSession counts every tenant's devices on a session.
func CountOnSession(sess *xorm.Session) (int64, error) {
	return sess.Limit(10).Count(&Device{}) // want `xorm query on tenant table "device" is not scoped`
}

// Paginate returns the session it is given with a limit: the predicate is still the caller's.
func Paginate(sess *xorm.Session, n int) *xorm.Session { return sess.Limit(n) }

// ListPaged scopes the session and pages it through a helper: still scoped.
func ListPaged(ctx context.Context, e *xorm.Engine) ([]Device, error) {
	var ds []Device
	err := Paginate(e.Where("tenant_id = ?", auth.TenantID(ctx)), 10).Find(&ds)
	return ds, err
}

// RenameInTx updates by id inside a transaction callback, whose session is a handle too.
func RenameInTx(e *xorm.Engine, id int64, name string) error {
	_, err := e.Transaction(func(sess *xorm.Session) (interface{}, error) {
		return sess.ID(id).Update(&Device{Name: name}) // want `xorm query on tenant table "device" is not scoped`
	})
	return err
}

// RenameInTxOK binds the tenant in the transaction.
func RenameInTxOK(ctx context.Context, e *xorm.Engine, id int64, name string) error {
	tid := auth.TenantID(ctx)
	_, err := e.Transaction(func(sess *xorm.Session) (interface{}, error) {
		return sess.ID(id).And("tenant_id = ?", tid).Update(&Device{Name: name})
	})
	return err
}

// NoAutoCondition turns the bean's fields off as conditions: only explicit ones count.

// GetBean reads by the bean's fields: its tenant field is a condition the caller must set.
func GetBean(e *xorm.Engine, d *Device) error {
	_, err := e.Where("id = ?", d.ID).Get(d)
	return err
}

// GetBeanNoAuto reads by id alone, whatever the bean's tenant.
func GetBeanNoAuto(e *xorm.Engine, d *Device) error {
	_, err := e.Where("id = ?", d.ID).NoAutoCondition().Get(d) // want `xorm query on tenant table "device" is not scoped`
	return err
}

// GetBeanNoAutoOK has the tenant as an explicit condition.
func GetBeanNoAutoOK(e *xorm.Engine, d *Device) error {
	_, err := e.NoAutoCondition().Where("id = ?", d.ID).And("tenant_id = ?", d.TenantID).Get(d)
	return err
}

// GetBeanAutoOn turns automatic conditions back on.
func GetBeanAutoOn(e *xorm.Engine, d *Device) error {
	_, err := e.Where("id = ?", d.ID).NoAutoCondition(false).Get(d)
	return err
}

// Callers of GetBean must put the tenant into the bean.
func UseGetBean(ctx context.Context, e *xorm.Engine, id int64) {
	GetBean(e, &Device{ID: id, TenantID: auth.TenantID(ctx)})
	GetBean(e, &Device{ID: id, TenantID: "t1"}) // want `tenant_id = \? in the xorm condition`
}
