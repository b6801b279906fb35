// Package gormapp exercises gorm: Where with string, map and struct conditions, Or, Scopes,
// finisher conditions, Unscoped, Create, helpers in this package and in another.
package gormapp

import (
	"context"

	"example.com/auth"
	"gorm.io/gorm"
	"gormapp/repo"
)

type Device struct {
	ID       int64
	TenantID string
	Name     string
}

// Team's table is teams, whose tenant column is org_id.
type Team struct {
	ID    int64
	OrgID string `gorm:"column:org_id"`
	Name  string
}

// User is not a tenant model: users has no tenant column.
type User struct {
	ID    int64
	Email string
}

type Store struct{ db *gorm.DB }

func TenantScope(ctx context.Context) func(*gorm.DB) *gorm.DB {
	tid := auth.TenantID(ctx)
	return func(db *gorm.DB) *gorm.DB { return db.Where("tenant_id = ?", tid) }
}

// NotAScope returns a scope that orders, and adds no predicate.
func NotAScope() func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Order("id") }
}

func (s *Store) Scopes(ctx context.Context) {
	var ds []Device
	s.db.WithContext(ctx).Scopes(TenantScope(ctx)).Find(&ds)
	s.db.WithContext(ctx).Scopes(NotAScope(), TenantScope(ctx)).Order("name").Find(&ds)
	s.db.WithContext(ctx).Scopes(NotAScope()).Find(&ds) // want `gorm query on tenant table "devices" is not scoped to the active tenant`
	s.db.WithContext(ctx).Find(&ds)                     // want `gorm query on tenant table "devices" is not scoped to the active tenant: it runs a query builder without a tenant predicate`
	tid := auth.TenantID(ctx)
	s.db.Scopes(func(db *gorm.DB) *gorm.DB { return db.Where("tenant_id = ?", tid) }).Find(&ds)
	s.db.Scopes(repo.Scope(ctx)).Find(&ds)
}

func (s *Store) Conditions(ctx context.Context, name string) {
	tid := auth.TenantID(ctx)
	var ds []Device
	var d Device
	s.db.Where("tenant_id = ? AND name = ?", tid, name).Find(&ds)
	s.db.Where("name = ? AND devices.tenant_id = ?", name, tid).First(&d)
	s.db.Where("name = ?", name).Find(&ds)                          // want `gorm query on tenant table "devices" is not scoped`
	s.db.Where("tenant_id = ?", "acme").Find(&ds)                   // want `tenant_id = \? in the gorm condition, but it gets a constant`
	s.db.Where("tenant_id = ? OR name = ?", tid, name).Find(&ds)    // want `gorm query on tenant table "devices" is not scoped`
	s.db.Where("tenant_id = ?", tid).Or("name = ?", name).Find(&ds) // want `it runs a query builder whose tenant predicate an Or condition undoes`
	s.db.Where(map[string]interface{}{"tenant_id": tid, "name": name}).Find(&ds)
	s.db.Where(map[string]interface{}{"name": name}).Find(&ds) // want `gorm query on tenant table "devices" is not scoped`
	s.db.Where(&Device{TenantID: tid, Name: name}).Find(&ds)
	s.db.Where(&Device{Name: name}).Find(&ds) // want `gorm query on tenant table "devices" is not scoped`
	s.db.Find(&ds, "tenant_id = ?", tid)
	s.db.First(&d, 42) // want `gorm query on tenant table "devices" is not scoped`
	s.db.Not("name = ?", name).Where("tenant_id = ?", tid).Find(&ds)
	var teams []Team
	s.db.Where("org_id = ?", tid).Find(&teams)
	s.db.Find(&teams) // want `gorm query on tenant table "teams" is not scoped`
	var users []User
	s.db.Find(&users) // users is not a tenant table
}

// Branch adds the predicate on one path only.
func (s *Store) Branch(ctx context.Context, all bool) int64 {
	q := s.db.Model(&Device{})
	if !all {
		q = q.Where("tenant_id = ?", auth.TenantID(ctx))
	}
	var n int64
	q.Count(&n) // want `gorm query on tenant table "devices" is not scoped`
	q2 := s.db.Model(&Device{})
	if all {
		q2 = q2.Order("id")
	}
	q2.Where("tenant_id = ?", auth.TenantID(ctx)).Count(&n)
	return n
}

// Unscoped lifts soft deletion only: the tenant predicate is still needed, and still there.
func (s *Store) Unscoped(ctx context.Context, id int64) {
	s.db.Unscoped().Where("tenant_id = ?", auth.TenantID(ctx)).Delete(&Device{}, id)
	s.db.Unscoped().Delete(&Device{}, id)                         // want `gorm query on tenant table "devices" is not scoped`
	s.db.Model(&Device{}).Where("id = ?", id).Update("name", "x") // want `gorm query on tenant table "devices" is not scoped`
}

func (s *Store) Create(ctx context.Context, name string, admin bool) {
	tid := auth.TenantID(ctx)
	s.db.Create(&Device{TenantID: tid, Name: name})
	s.db.Create(&Device{Name: name})                   // want `gorm insert into tenant table "devices" does not set the model's tenant field \(tenant_id\)`
	s.db.Create(&Device{TenantID: "acme", Name: name}) // want `tenant_id in the gorm insert, but it gets a constant`
	d := &Device{Name: name}
	if admin {
		d.TenantID = tid
	}
	s.db.Save(d) // want `tenant_id in the gorm insert, but it gets a constant or zero value`
	s.db.Create(&User{Email: name})
}

// scoped is a same-package helper returning a scoped builder.
func (s *Store) scoped(ctx context.Context) *gorm.DB {
	return s.db.WithContext(ctx).Where("tenant_id = ?", auth.TenantID(ctx))
}

// unscoped returns the handle as it is.
func (s *Store) unscoped(ctx context.Context) *gorm.DB {
	return s.db.WithContext(ctx)
}

// list runs whatever builder it is given.
func list(db *gorm.DB) []Device {
	var ds []Device
	db.Find(&ds)
	return ds
}

func (s *Store) Helpers(ctx context.Context) {
	var ds []Device
	s.scoped(ctx).Find(&ds)
	s.unscoped(ctx).Find(&ds) // want `gorm query on tenant table "devices" is not scoped`
	list(s.scoped(ctx))
	list(s.db) // want `list needs the active tenant in db \(for the gorm query on tenant table "devices"\), but it gets a query builder without a tenant predicate`
	repo.Devices(s.db.Scopes(repo.Scope(ctx)))
	repo.Devices(s.db) // want `Devices needs the active tenant in db`
	repo.ForTenant(s.db, auth.TenantID(ctx)).Find(&ds)
	repo.ForTenant(s.db, "acme").Find(&ds) // want `ForTenant needs the active tenant in tenantID`
}

// Settings is named by gorm's inflection rules: a word ending in "s" stays, so the table is
// settings (not settingses), and a query on it needs the tenant.
type Settings struct {
	ID       int64
	TenantID string
}

func (s *Store) Settings(ctx context.Context) {
	var st Settings
	s.db.Where("tenant_id = ?", auth.TenantID(ctx)).First(&st)
	s.db.First(&st) // want `gorm query on tenant table "settings" is not scoped`
}
