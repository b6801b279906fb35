// Package fragapp exercises Where fragments as SQL in every ORM and builder that takes them:
// subqueries ANDed into the WHERE, OR with an unscoped branch, quoted and qualified columns, IN
// lists. sessions and devices are tenant tables (schema.sql); a session's device_id links it to
// a device.
package fragapp

import (
	"context"

	"example.com/auth"
	sq "github.com/Masterminds/squirrel"
	"github.com/gobuffalo/pop/v6"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
	"xorm.io/xorm"
)

type Session struct {
	bun.BaseModel `bun:"table:sessions"`
	ID            string `bun:"id,pk" db:"id" xorm:"pk 'id'"`
	TenantID      string `bun:"tenant_id" db:"tenant_id" xorm:"'tenant_id'"`
	DeviceID      int64  `bun:"device_id" db:"device_id" xorm:"'device_id'"`
}

const (
	ofTenantDevices = "device_id IN (SELECT id FROM devices WHERE tenant_id = ?)"
	ofAnyDevices    = "device_id IN (SELECT id FROM devices WHERE name = ?)"
)

func Bun(ctx context.Context, db *bun.DB, name string) {
	tid := auth.TenantID(ctx)
	var ss []Session
	db.NewSelect().Model(&ss).Where(ofTenantDevices, tid).Scan(ctx)
	db.NewSelect().Model(&ss).Where("expired AND "+ofTenantDevices, tid).Scan(ctx)
	db.NewDelete().Model((*Session)(nil)).Where(ofTenantDevices, tid).Exec(ctx)
	db.NewSelect().Model(&ss).Where(`"session"."tenant_id" = ?`, tid).Scan(ctx)
	db.NewSelect().Model(&ss).Where("tenant_id IN (?, ?)", tid, tid).Scan(ctx)
	db.NewSelect().Model(&ss).Where(ofAnyDevices, name).Scan(ctx)                             // want `bun query on tenant table "sessions" is not scoped`
	db.NewDelete().Model((*Session)(nil)).Where(ofTenantDevices+" OR expired", tid).Exec(ctx) // want `bun query on tenant table "sessions" is not scoped`
	db.NewSelect().Model(&ss).Where(ofTenantDevices, tid).WhereOr("expired").Scan(ctx)        // want `an Or condition undoes`
	db.NewSelect().Model(&ss).Where(ofTenantDevices, "acme").Scan(ctx)                        // want `tenant_id = \? in the bun condition, but it gets a constant`
	db.NewSelect().Model(&ss).Where("tenant_id IN (?, ?)", tid, "acme").Scan(ctx)             // want `tenant_id = \? in the bun condition, but it gets a constant`
}

type Store struct{ db *gorm.DB }

func (s *Store) Gorm(ctx context.Context, name string) {
	db := s.db
	tid := auth.TenantID(ctx)
	var ss []Session
	db.Where(ofTenantDevices, tid).Find(&ss)
	db.Where(`"sessions"."tenant_id" = ? AND name = ?`, tid, name).Find(&ss)
	db.Where("tenant_id IN ?", []string{tid}).Find(&ss)
	db.Find(&ss, ofTenantDevices, tid)
	db.Where(map[string]any{"sessions.tenant_id": tid}).Find(&ss)
	db.Where(map[string]any{"sessions.name": name}).Find(&ss)              // want `gorm query on tenant table "sessions" is not scoped`
	db.Where(ofAnyDevices, name).Find(&ss)                                 // want `gorm query on tenant table "sessions" is not scoped`
	db.Where("name = ? AND tenant_id = ? OR expired", name, tid).Find(&ss) // want `gorm query on tenant table "sessions" is not scoped`
	db.Find(&ss, ofAnyDevices, name)                                       // want `gorm query on tenant table "sessions" is not scoped`
}

func Xorm(ctx context.Context, e *xorm.Engine, name string) {
	tid := auth.TenantID(ctx)
	var ss []Session
	e.Table("sessions").Where("expired").And(ofTenantDevices, tid).Find(&ss)
	e.Table("sessions").Where(ofTenantDevices, tid).Find(&ss)
	e.Table("sessions").Where(ofAnyDevices, name).Find(&ss) // want `xorm query on tenant table "sessions" is not scoped`
}

func Squirrel(ctx context.Context, tid, name string) {
	sq.Select("id").From("sessions s").Where(sq.Eq{"s.tenant_id": tid, "s.name": name}).ToSql()
	sq.Select("id").From("sessions").Where(sq.Eq{`"sessions"."tenant_id"`: tid}).ToSql()
	sq.Select("id").From("sessions").Where(sq.Eq{"s.name": name}).ToSql() // want `squirrel query on tenant table "sessions" is not scoped`
	sq.Select("id").From("sessions").Where(ofTenantDevices, tid).ToSql()
	sq.Delete("sessions").Where(ofTenantDevices, tid).ToSql()
	sq.Select("id").From("sessions").Where(ofAnyDevices, name).ToSql()      // want `squirrel query on tenant table "sessions" is not scoped`
	sq.Update("sessions").Where(ofTenantDevices+" OR expired", tid).ToSql() // want `squirrel query on tenant table "sessions" is not scoped`
}

func Pop(ctx context.Context, tx *pop.Connection, name string) {
	tid := auth.TenantID(ctx)
	var ss []Session
	tx.Where(ofTenantDevices, tid).All(&ss)
	tx.Where(ofAnyDevices, name).All(&ss) // want `pop query on tenant table "sessions" is not scoped`
}
