// Package gormhandoff exercises gorm handles through helpers, functional options passed to
// Scopes or applied in a loop, and model literals whose tenant field is left out at a call.
package gormhandoff

import (
	"context"

	"example.com/auth"
	"gorm.io/gorm"
)

type Device struct {
	ID       int64
	TenantID string
	Name     string
}

type Repo struct{ db *gorm.DB }

// byID and inTenant take the handle and return it with a condition added.
func byID(db *gorm.DB, id int64) *gorm.DB { return db.Where("id = ?", id) }

func inTenant(db *gorm.DB, tid string) *gorm.DB { return db.Where("tenant_id = ?", tid) }

// devices sets the model on the handle it is given.
func devices(db *gorm.DB) *gorm.DB { return db.Model(&Device{}) }

func (r *Repo) Helpers(ctx context.Context, id int64) {
	var d Device
	byID(r.db.Model(&Device{}), id).First(&d) // want `gorm query on tenant table "devices" is not scoped`
	inTenant(byID(r.db.Model(&Device{}), id), auth.TenantID(ctx)).First(&d)
	var n int64
	devices(r.db).Where("name = ?", "x").Count(&n) // want `gorm query on tenant table "devices" is not scoped`
	inTenant(devices(r.db), auth.TenantID(ctx)).Count(&n)
}

// Scope is a gorm functional option.
type Scope = func(*gorm.DB) *gorm.DB

func TenantScope(tid string) Scope {
	return func(db *gorm.DB) *gorm.DB { return db.Where("tenant_id = ?", tid) }
}

// List passes its options to Scopes; Count applies them in a loop. Both leave the scope to
// their callers.
func (r *Repo) List(ctx context.Context, opts ...Scope) ([]Device, error) {
	var ds []Device
	err := r.db.WithContext(ctx).Model(&Device{}).Scopes(opts...).Find(&ds).Error
	return ds, err
}

func (r *Repo) Count(ctx context.Context, opts ...Scope) (int64, error) {
	var n int64
	q := r.db.WithContext(ctx).Model(&Device{})
	for _, o := range opts {
		q = o(q)
	}
	return n, q.Count(&n).Error
}

func (r *Repo) Callers(ctx context.Context) {
	r.List(ctx) // want `List needs the active tenant in opts .*but it gets no argument for it`
	r.List(ctx, TenantScope(auth.TenantID(ctx)))
	r.Count(ctx) // want `Count needs the active tenant in opts`
	r.Count(ctx, TenantScope(auth.TenantID(ctx)))
}

// Create requires its callers to pass a device whose TenantID is the active tenant.
func Create(db *gorm.DB, d Device) error { return db.Create(&d).Error }

func CreatePtr(db *gorm.DB, d *Device) error { return db.Create(d).Error }

func AddDevice(ctx context.Context, db *gorm.DB, name string) {
	Create(db, Device{Name: name})     // want `Create needs the active tenant in d.TenantID .*but it gets a literal that leaves d.TenantID unset`
	CreatePtr(db, &Device{Name: name}) // want `CreatePtr needs the active tenant in d.TenantID`
	Create(db, Device{Name: "fixed"})  // want `Create needs the active tenant in d.TenantID`
	Create(db, Device{Name: name, TenantID: auth.TenantID(ctx)})
}

// AddNamed passes its tenantID on: its callers are judged.
func AddNamed(db *gorm.DB, name, tenantID string) error {
	return Create(db, Device{Name: name, TenantID: tenantID})
}

// Rename copies the device it is given and reassigns one field: the copy keeps the tenant
// of the original, so Rename's callers are judged.
func Rename(db *gorm.DB, d *Device, name string) error {
	c := *d
	c.Name = name
	return Create(db, c)
}

func RenameCallers(ctx context.Context, db *gorm.DB) {
	Rename(db, &Device{Name: "a", TenantID: auth.TenantID(ctx)}, "b")
	Rename(db, &Device{Name: "a"}, "b") // want `Rename needs the active tenant in d.TenantID`
	AddNamed(db, "a", auth.TenantID(ctx))
	AddNamed(db, "a", "acme") // want `AddNamed needs the active tenant in tenantID`
}
