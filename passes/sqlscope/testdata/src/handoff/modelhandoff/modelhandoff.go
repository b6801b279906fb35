// Package modelhandoff exercises, with pop, xorm and database/sql, literals whose tenant field
// is left out at a call, xorm sessions scoped by functional options, and a tenant passed as an
// optional variadic argument.
package modelhandoff

import (
	"context"
	"database/sql"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
	"xorm.io/xorm"
)

type Device struct {
	ID       int64  `db:"id" xorm:"'id' pk"`
	TenantID string `db:"tenant_id" xorm:"'tenant_id'"`
	Name     string `db:"name" xorm:"'name'"`
}

func popCreate(c *pop.Connection, d Device) error { return c.Create(&d) }

func xormInsert(e *xorm.Engine, d *Device) error {
	_, err := e.Insert(d)
	return err
}

func AddDevice(ctx context.Context, c *pop.Connection, e *xorm.Engine, name string) {
	popCreate(c, Device{Name: name})   // want `popCreate needs the active tenant in d.TenantID .*a literal that leaves d.TenantID unset`
	xormInsert(e, &Device{Name: name}) // want `xormInsert needs the active tenant in d.TenantID`
	popCreate(c, Device{Name: name, TenantID: auth.TenantID(ctx)})
	xormInsert(e, &Device{Name: name, TenantID: auth.TenantID(ctx)})
}

// Cond is a functional option on an xorm session.
type Cond func(*xorm.Session) *xorm.Session

func InTenant(tid string) Cond {
	return func(s *xorm.Session) *xorm.Session { return s.Where("tenant_id = ?", tid) }
}

func Find(e *xorm.Engine, name string, conds ...Cond) ([]Device, error) {
	var ds []Device
	s := e.Where("name = ?", name)
	for _, c := range conds {
		s = c(s)
	}
	return ds, s.Find(&ds)
}

func FindCallers(ctx context.Context, e *xorm.Engine) {
	Find(e, "x") // want `Find needs the active tenant in conds`
	Find(e, "x", InTenant(auth.TenantID(ctx)))
}

// title takes the tenant as an optional variadic argument.
func title(ctx context.Context, db *sql.DB, id int64, tenants ...string) (string, error) {
	var t string
	err := db.QueryRowContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1 AND id = $2`, tenants[0], id).Scan(&t)
	return t, err
}

func TitleCallers(ctx context.Context, db *sql.DB, id int64) {
	title(ctx, db, id) // want `title needs the active tenant in tenants.*but it gets no argument for it`
	title(ctx, db, id, auth.TenantID(ctx))
}
