package popapp

import (
	"context"
	"net/http"
	"strconv"

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

// A persister that deletes the row it is given by its id: the callers decide which row it is.
type devicePersister struct{ tx *pop.Connection }

func (p devicePersister) Delete(d Device) error {
	return p.tx.Destroy(&d)
}

func (p devicePersister) DeletePtr(d *Device) error {
	return p.tx.Destroy(d)
}

func (p devicePersister) Get(ctx context.Context, id int64) (*Device, error) {
	d := &Device{}
	err := p.tx.Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).First(d)
	return d, err
}

// DeleteLoaded passes a row it loaded with the tenant: quiet.
func DeleteLoaded(ctx context.Context, p devicePersister, id int64) error {
	d, err := p.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := p.DeletePtr(d); err != nil {
		return err
	}
	return p.Delete(*d)
}

// DeleteDefault makes the row from a constant id alone: the delete goes by id only.
func DeleteDefault(p devicePersister) error {
	return p.DeletePtr(&Device{ID: 1}) // want `DeletePtr needs the active tenant in d`
}

// DeleteFromURL makes the row from the URL's id: request input picks any tenant's row.
func DeleteFromURL(p devicePersister, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return p.Delete(Device{ID: id}) // want `r.PathValue reaches Delete needs the active tenant in d`
}

// A helper that changes a field of the row it is given and hands the row on: its other fields,
// and so which row it is, are still the caller's (the parameter's memory, not zero values), and
// the obligation is on the row, not on the new name.
func renameAndDelete(p devicePersister, d *Device, name string) error {
	d.Name = name
	return p.Delete(*d)
}

// RenameLoadedThenDelete passes a row it loaded with the tenant, and a name from the request
// (which picks no row): quiet.
func RenameLoadedThenDelete(ctx context.Context, p devicePersister, r *http.Request, id int64) error {
	d, err := p.Get(ctx, id)
	if err != nil {
		return err
	}
	return renameAndDelete(p, d, r.FormValue("name"))
}

// RenameDefault makes the row from a constant id: reported, on the row.
func RenameDefault(p devicePersister) error {
	return renameAndDelete(p, &Device{ID: 1}, "old") // want `renameAndDelete needs the active tenant in d\.`
}
