package modelapp

import (
	"context"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
	"github.com/uptrace/bun"
	"xorm.io/xorm"
)

// Device is a tenant model (devices has tenant_id in schema.sql).
type Device struct {
	bun.BaseModel `bun:"table:devices"`
	ID            int64  `bun:"id,pk" xorm:"pk 'id'" db:"id"`
	TenantID      string `bun:"tenant_id" xorm:"'tenant_id'" db:"tenant_id"`
	Name          string `bun:"name" xorm:"'name'" db:"name"`
}

func (Device) TableName() string { return "devices" }

// Batches whose elements all carry the tenant set the tenant column; a batch with an element
// that does not is reported.
func BunBatch(ctx context.Context, db *bun.DB, names []string) {
	tid := auth.TenantID(ctx)
	ptrs := make([]*Device, 0, len(names))
	vals := make([]Device, 0, len(names))
	var bare []*Device
	for _, n := range names {
		ptrs = append(ptrs, &Device{Name: n, TenantID: tid})
		vals = append(vals, Device{Name: n, TenantID: tid})
		bare = append(bare, &Device{Name: n})
	}
	db.NewInsert().Model(&ptrs).Exec(ctx)
	db.NewInsert().Model(&vals).Exec(ctx)
	db.NewInsert().Model(&bare).Exec(ctx) // want `bun batch insert into tenant table "devices" has elements that do not set the model's tenant field \(tenant_id\)`
	lit := []*Device{{Name: "a", TenantID: tid}, {Name: "b", TenantID: tid}}
	db.NewInsert().Model(&lit).Exec(ctx)
	mixed := []*Device{{Name: "a", TenantID: tid}, {Name: "b"}}
	db.NewInsert().Model(&mixed).Exec(ctx) // want `bun batch insert into tenant table "devices" has elements that do not set`
	consts := []Device{{Name: "a", TenantID: "acme"}}
	db.NewInsert().Model(&consts).Exec(ctx) // want `tenant_id in the bun batch insert, but it gets a constant`
}

// BunBatchOf inserts rows it is given: their elements are the caller's.
func BunBatchOf(ctx context.Context, db *bun.DB, rows []*Device) {
	db.NewInsert().Model(&rows).Exec(ctx)
}

func (s *Store) GormBatch(ctx context.Context, names []string) {
	tid := auth.TenantID(ctx)
	var good, bad []Device
	for _, n := range names {
		good = append(good, Device{Name: n, TenantID: tid})
		bad = append(bad, Device{Name: n})
	}
	s.db.Create(&good)
	s.db.CreateInBatches(good, 100)
	s.db.Create(&bad)              // want `gorm batch insert into tenant table "devices" has elements that do not set`
	s.db.CreateInBatches(&bad, 10) // want `gorm batch insert into tenant table "devices" has elements that do not set`
}

func XormBatch(ctx context.Context, e *xorm.Engine, names []string) {
	tid := auth.TenantID(ctx)
	var good, bad []*Device
	for _, n := range names {
		good = append(good, &Device{Name: n, TenantID: tid})
		bad = append(bad, &Device{Name: n})
	}
	e.Insert(&good)
	e.Insert(&bad) // want `xorm batch insert into tenant table "devices" has elements that do not set`
}

func PopBatch(ctx context.Context, tx *pop.Connection, names []string) {
	tid := auth.TenantID(ctx)
	var good, bad []Device
	for _, n := range names {
		good = append(good, Device{Name: n, TenantID: tid})
		bad = append(bad, Device{Name: n})
	}
	tx.Create(&good)
	tx.Create(&bad) // want `pop batch insert into tenant table "devices" has elements that do not set`
}
