package popapp

import (
	"context"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
)

// pop's ValidateAnd* methods validate the model and then write it as Create, Save and Update
// do: the model written must carry the tenant, and an update by id alone is unscoped.

func AddValidated(ctx context.Context, tx *pop.Connection, name string) error {
	verrs, err := tx.ValidateAndCreate(&Device{TenantID: auth.TenantID(ctx), Name: name})
	if err != nil || verrs.HasAny() {
		return err
	}
	_, err = tx.ValidateAndCreate(&Device{Name: name}) // want `pop insert into tenant table "devices" does not set the model's tenant field`
	return err
}

func AddValidatedEager(ctx context.Context, tx *pop.Connection, name string) error {
	_, err := tx.Eager().ValidateAndCreate(&Device{Name: name}) // want `pop insert into tenant table "devices" does not set the model's tenant field`
	if err != nil {
		return err
	}
	_, err = tx.WithContext(ctx).Eager().ValidateAndCreate(&Device{TenantID: auth.TenantID(ctx), Name: name})
	return err
}

func SaveValidated(ctx context.Context, tx *pop.Connection, name string) error {
	if _, err := tx.ValidateAndSave(&Device{TenantID: auth.TenantID(ctx), Name: name}); err != nil {
		return err
	}
	_, err := tx.ValidateAndSave(&Device{Name: name}) // want `pop insert into tenant table "devices" does not set the model's tenant field`
	return err
}

// SaveFor passes the tenant requirement of the saved model to its callers.
func SaveFor(tx *pop.Connection, tenantID, name string) error {
	_, err := tx.ValidateAndSave(&Device{TenantID: tenantID, Name: name})
	return err
}

func UseSaveFor(ctx context.Context, tx *pop.Connection) {
	SaveFor(tx, auth.TenantID(ctx), "n")
	SaveFor(tx, "t1", "n") // want `tenant_id in the pop insert`
}

// UpdateValidated writes the given device by its id: which row that is, the callers decide.
func UpdateValidated(tx *pop.Connection, d *Device) error {
	_, err := tx.ValidateAndUpdate(d)
	return err
}

func UpdateColumnsByID(tx *pop.Connection, d *Device) error {
	return tx.UpdateColumns(d, "name")
}

// UseUpdates passes rows made from a constant id: any tenant's row.
func UseUpdates(tx *pop.Connection) {
	UpdateValidated(tx, &Device{ID: 1, Name: "n"})   // want `UpdateValidated needs the active tenant in d`
	UpdateColumnsByID(tx, &Device{ID: 2, Name: "n"}) // want `UpdateColumnsByID needs the active tenant in d`
}
