package builderfacts

// The summaries of helpers that take, return or scope query builders: what callers in other
// packages see.

import (
	"context"

	"example.com/auth"
	"gorm.io/gorm"
)

type Device struct {
	ID       int64
	TenantID string
}

type Repo struct{ db *gorm.DB }

// Scope returns a functional option that scopes: its result is scoped.
func Scope(ctx context.Context) func(*gorm.DB) *gorm.DB { // want Scope:"result0=scoped"
	tid := auth.TenantID(ctx)
	return func(db *gorm.DB) *gorm.DB { return db.Where("tenant_id = ?", tid) }
}

// Scoped returns a scoped builder.
func (r *Repo) Scoped(ctx context.Context) *gorm.DB { // want Scoped:"result0=scoped"
	return r.db.WithContext(ctx).Where("tenant_id = ?", auth.TenantID(ctx))
}

// Handle returns an unscoped builder.
func (r *Repo) Handle(ctx context.Context) *gorm.DB { // want Handle:"result0=none"
	return r.db.WithContext(ctx)
}

// Devices runs the builder it is given: the caller must scope it.
func Devices(db *gorm.DB) { // want Devices:"requires p0 sql"
	var ds []Device
	db.Find(&ds)
}

// ForTenant scopes to the tenant its caller names: the caller must pass the active tenant.
func ForTenant(db *gorm.DB, tenantID string) *gorm.DB { // want ForTenant:"result0=scoped; requires p1 sql"
	return db.Where("tenant_id = ?", tenantID)
}
