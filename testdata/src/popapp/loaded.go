package popapp

import (
	"context"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
)

// A model found with the tenant predicate and written back (pop writes a model by its id)
// stays the tenant's row.

func RenameLoaded(ctx context.Context, tx *pop.Connection, id int64, name string) error {
	var d Device
	if err := tx.Where("tenant_id = ?", auth.TenantID(ctx)).Find(&d, id); err != nil {
		return err
	}
	d.Name = name
	if err := tx.Update(&d); err != nil {
		return err
	}
	if _, err := tx.ValidateAndSave(&d); err != nil {
		return err
	}
	return tx.Destroy(&d)
}

// RenameUnscopedLoad finds by id alone: the update is unscoped too.
func RenameUnscopedLoad(tx *pop.Connection, id int64, name string) error {
	var d Device
	if err := tx.Find(&d, id); err != nil { // want `pop query on tenant table "devices" is not scoped`
		return err
	}
	d.Name = name
	return tx.Update(&d) // want `pop query on tenant table "devices" is not scoped`
}

func findDevice(ctx context.Context, tx *pop.Connection, id int64) (*Device, error) {
	d := &Device{}
	err := tx.Q().Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).First(d)
	return d, err
}

func SaveThroughHelper(ctx context.Context, tx *pop.Connection, id int64, name string) error {
	d, err := findDevice(ctx, tx, id)
	if err != nil {
		return err
	}
	d.Name = name
	return tx.Save(d)
}
