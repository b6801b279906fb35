package gormapp

import (
	"context"

	"example.com/auth"
	"gorm.io/gorm"
)

// NewDevice is a constructor in the shape of NetBird's types.NewUser: it builds the row from
// its parameters and leaves the tenant to its callers.
func NewDevice(id int64, name string) *Device {
	return &Device{ID: id, Name: name}
}

func (s *Store) PutDevice(ctx context.Context, d *Device) error {
	return s.db.WithContext(ctx).Save(d).Error
}

// Constructed rows: the tenant assigned after the constructor is what is saved, and is judged
// as such (not as a field of the constructor's parameters).
func (s *Store) Constructed(ctx context.Context, tenantID, name string) {
	d := NewDevice(1, name)
	d.TenantID = auth.TenantID(ctx)
	s.PutDevice(ctx, d)
	e := NewDevice(2, name)
	e.TenantID = "acme"
	s.PutDevice(ctx, e) // want `PutDevice needs the active tenant in d.TenantID \(for tenant_id in the gorm insert\), but it gets a constant`
	f := NewDevice(3, name)
	f.TenantID = tenantID
	s.PutDevice(ctx, f)
}

// ConstructedCaller passes a constant for the tenant the helper above assigns.
func (s *Store) ConstructedCaller(ctx context.Context, name string) {
	s.Constructed(ctx, "acme", name) // want `Constructed needs the active tenant in tenantID`
}

// SaveInTx assigns the row's tenant in the transaction callback, before the callback saves
// it: its callers' row needs no tenant of its own, the tenant parameter does.
func (s *Store) SaveInTx(ctx context.Context, tenantID string, d *Device) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		d.TenantID = tenantID
		return s.PutDevice(ctx, d)
	})
}

// SaveInTxNoTenant assigns another field in the callback: the row's tenant is still the
// caller's.
func (s *Store) SaveInTxNoTenant(ctx context.Context, d *Device) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		d.Name = "renamed"
		return s.PutDevice(ctx, d)
	})
}

func (s *Store) InTx(ctx context.Context, name string) {
	s.SaveInTx(ctx, auth.TenantID(ctx), &Device{Name: name})
	s.SaveInTx(ctx, "acme", &Device{Name: name}) // want `SaveInTx needs the active tenant in tenantID`
	s.SaveInTxNoTenant(ctx, &Device{Name: name}) // want `SaveInTxNoTenant needs the active tenant in d.TenantID .*literal that leaves d.TenantID unset`
	s.SaveInTxNoTenant(ctx, &Device{TenantID: auth.TenantID(ctx), Name: name})
}
