// Package bunhandoff exercises bun builders through helpers that take and return them (also
// with an error), helpers that set the model of the builder they are given, bun's Apply, and
// the callers of a store scoped by functional options.
package bunhandoff

import (
	"context"

	"example.com/auth"
	"github.com/uptrace/bun"

	"handoff/bunhandoff/store"
)

type Device = store.Device

func limited(q *bun.SelectQuery) *bun.SelectQuery { return q.Limit(20) }

func page(q *bun.SelectQuery, n int) (*bun.SelectQuery, error) { return q.Limit(20), nil }

// devices sets the model on the builder it is given.
func devices(q *bun.SelectQuery, out *[]Device) *bun.SelectQuery { return q.Model(out) }

// inTenant adds the tenant predicate to the builder it is given.
func inTenant(q *bun.SelectQuery, tid string) *bun.SelectQuery {
	return q.Where("tenant_id = ?", tid)
}

func Helpers(ctx context.Context, db *bun.DB, id int64) {
	var ds []Device
	limited(db.NewSelect().Model(&ds)).Where("id = ?", id).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
	limited(db.NewSelect().Model(&ds)).Where("tenant_id = ?", auth.TenantID(ctx)).Scan(ctx)
	q, err := page(db.NewSelect().Model(&ds).Where("id = ?", id), 1)
	if err == nil {
		q.Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
	}
	devices(db.NewSelect(), &ds).Where("id = ?", id).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
	devices(db.NewSelect(), &ds).Where("tenant_id = ?", auth.TenantID(ctx)).Scan(ctx)
	inTenant(db.NewSelect().Model(&ds), auth.TenantID(ctx)).Scan(ctx)
	inTenant(db.NewSelect().Model(&ds), "acme").Scan(ctx) // want `inTenant needs the active tenant in tid`
}

func tenantScope(tid string) func(*bun.SelectQuery) *bun.SelectQuery {
	return func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("tenant_id = ?", tid) }
}

func byName(q *bun.SelectQuery) *bun.SelectQuery { return q.Order("name") }

func Apply(ctx context.Context, db *bun.DB, id int64) {
	var ds []Device
	db.NewSelect().Model(&ds).Where("id = ?", id).Apply(tenantScope(auth.TenantID(ctx))).Scan(ctx)
	db.NewSelect().Model(&ds).Where("id = ?", id).Apply(byName, tenantScope(auth.TenantID(ctx))).Scan(ctx)
	db.NewSelect().Model(&ds).Where("id = ?", id).Apply(byName).Scan(ctx) // want `bun query on tenant table "devices" is not scoped`
}

func Options(ctx context.Context, st *store.Store, id int64) {
	st.Find(ctx, id) // want `Find needs the active tenant in opts .*but it gets no argument for it`
	st.Find(ctx, id, store.ForTenant(auth.TenantID(ctx)))
	st.Find(ctx, id, store.ByName(), store.ForTenant(auth.TenantID(ctx)))
	st.Find(ctx, id, store.ForTenant("acme")) // want `ForTenant needs the active tenant in tenantID`
	st.FindCtx(ctx, id)                       // want `FindCtx needs the active tenant in opts`
	st.FindCtx(ctx, id, store.InTenant(auth.TenantID(ctx)))
	st.Name(ctx, id)     // want `Name needs the active tenant in tenants.*but it gets no argument for it`
	st.Name(ctx, id, "") // want `Name needs the active tenant in tenants`
	st.Name(ctx, id, auth.TenantID(ctx))
}

// A caller that passes its own options on leaves them to its callers.
func Forward(ctx context.Context, st *store.Store, id int64, opts ...store.Option) (*Device, error) {
	return st.Find(ctx, id, opts...)
}
