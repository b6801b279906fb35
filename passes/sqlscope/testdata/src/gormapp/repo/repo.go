// Package repo is a repository package: helpers that take or return gorm builders, called from
// another package (facts carry what they need and what they return).
package repo

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

// Scope is a functional option that adds the tenant predicate.
func Scope(ctx context.Context) func(*gorm.DB) *gorm.DB {
	tid := auth.TenantID(ctx)
	return func(db *gorm.DB) *gorm.DB {
		return db.Where("tenant_id = ?", tid)
	}
}

// Devices runs the builder it is given: the caller must have scoped it.
func Devices(db *gorm.DB) []Device {
	var out []Device
	db.Order("name").Find(&out)
	return out
}

// ForTenant scopes the builder to the tenant its caller names.
func ForTenant(db *gorm.DB, tenantID string) *gorm.DB {
	return db.Where("tenant_id = ?", tenantID)
}
