// Package popapp exercises pop: Where and Q chains, scopes, finders by id, Create.
package popapp

import (
	"context"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
)

type Device struct {
	ID       int64  `db:"id"`
	TenantID string `db:"tenant_id"`
	Name     string `db:"name"`
}

func TenantScope(ctx context.Context) pop.ScopeFunc {
	tid := auth.TenantID(ctx)
	return func(q *pop.Query) *pop.Query { return q.Where("tenant_id = ?", tid) }
}

func Use(ctx context.Context, tx *pop.Connection, id int64) {
	tid := auth.TenantID(ctx)
	var ds []Device
	tx.Where("tenant_id = ?", tid).All(&ds)
	tx.Q().Where("name = ?", "x").Where("tenant_id = ?", tid).All(&ds)
	tx.Q().Where("name = ?", "x").All(&ds) // want `pop query on tenant table "devices" is not scoped to the active tenant`
	tx.All(&ds)                            // want `pop query on tenant table "devices" is not scoped`
	tx.Scope(TenantScope(ctx)).All(&ds)
	var d Device
	tx.Find(&d, id) // want `pop query on tenant table "devices" is not scoped`
	tx.Where("tenant_id = ?", tid).Find(&d, id)
	tx.Create(&Device{TenantID: tid, Name: "n"})
	tx.Create(&Device{Name: "n"}) // want `pop insert into tenant table "devices" does not set the model's tenant field`
}

// Preloads: EagerPreload opens or continues the query and loads associations after it; the
// rows it matches are still the model's, and only a tenant predicate scopes them.
func Preloads(ctx context.Context, tx *pop.Connection, id int64) {
	tid := auth.TenantID(ctx)
	var d Device
	tx.EagerPreload("Owner").Where("devices.tenant_id = ?", tid).Find(&d, id)
	tx.EagerPreload("Owner").Find(&d, id) // want `pop query on tenant table "devices" is not scoped`
	q := tx.EagerPreload("Owner")
	q = q.Where("devices.tenant_id = ?", tid)
	q.Find(&d, id)
	tx.Where("tenant_id = ?", tid).EagerPreload("Owner").Join("owners", "owners.id = devices.owner_id").First(&d)
	tx.Q().Join("owners", "owners.id = devices.owner_id").First(&d) // want `pop query on tenant table "devices" is not scoped`
}

// UpdateQuery updates every row the query matches: without the tenant, every tenant's.
func UpdateQuery(ctx context.Context, tx *pop.Connection, name string) {
	tid := auth.TenantID(ctx)
	tx.Where("tenant_id = ?", tid).Where("name = ?", name).UpdateQuery(&Device{Name: "renamed"}, "name")
	tx.Where("name = ?", name).UpdateQuery(&Device{Name: "renamed"}, "name") // want `pop query on tenant table "devices" is not scoped`
}
