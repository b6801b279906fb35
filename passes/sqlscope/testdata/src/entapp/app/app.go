// Package app uses an ent client: generated predicates, Get and UpdateOneID by id alone, creates
// with and without the tenant, and an entity whose privacy policy scopes every query.
package app

import (
	"context"

	"entapp/ent"
	"entapp/ent/device"
	"entapp/ent/note"
	"entapp/ent/user"

	"example.com/auth"
)

func Devices(ctx context.Context, client *ent.Client, id int) {
	tid := auth.TenantID(ctx)
	client.Device.Query().Where(device.TenantID(tid)).All(ctx)
	client.Device.Query().Where(device.NameEQ("x"), device.TenantIDEQ(tid)).Limit(10).All(ctx)
	client.Device.Query().Where(device.NameEQ("x")).All(ctx)      // want `ent query on tenant table "devices" is not scoped to the active tenant`
	client.Device.Query().Where(device.TenantID("acme")).All(ctx) // want `tenant_id = \? in the ent condition, but it gets a constant`
	client.Device.Get(ctx, id)                                    // want `ent query on tenant table "devices" is not scoped`
	client.Device.UpdateOneID(id).SetName("n").Save(ctx)          // want `ent query on tenant table "devices" is not scoped`
	client.Device.UpdateOneID(id).SetName("n").Where(device.TenantID(tid)).Save(ctx)
	client.Device.DeleteOneID(id).Where(device.TenantID(tid)).Exec(ctx)
	client.Device.DeleteOneID(id).Exec(ctx) // want `ent query on tenant table "devices" is not scoped`
	client.Device.Create().SetTenantID(tid).SetName("n").Save(ctx)
	client.Device.Create().SetName("n").Save(ctx)        // want `ent insert into tenant table "devices" does not set its tenant column`
	client.Device.Create().SetTenantID("acme").Save(ctx) // want `tenant_id in the ent create, but it gets a constant`

	// Note's schema has a privacy policy that adds the tenant: the client is scoped.
	client.Note.Query().All(ctx)
	client.Note.Get(ctx, id)
	client.Note.Create().SetName("n").Save(ctx)

	// User has no tenant column.
	client.User.Query().Where(user.EmailEQ("a@b")).All(ctx)
	client.User.Get(ctx, id)
}

// Branch adds the tenant predicate on one path only.
func Branch(ctx context.Context, client *ent.Client, all bool) {
	q := client.Device.Query()
	if !all {
		q = q.Where(device.TenantID(auth.TenantID(ctx)))
	}
	q.All(ctx) // want `ent query on tenant table "devices" is not scoped`
	_ = note.Table
}
