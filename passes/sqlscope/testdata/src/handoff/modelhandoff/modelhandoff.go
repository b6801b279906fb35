// Package modelhandoff exercises, with pop, xorm and database/sql, literals whose tenant field
// is left out at a call, xorm sessions scoped by functional options, and a tenant passed as an
// optional variadic argument.
package modelhandoff

import (
	"context"
	"database/sql"
	"encoding/json"

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

// A row handed to a persister that validates and creates it: its fields set after the literal,
// on some paths, leave the tenant field as the literal left it.
type Session struct {
	ID        string `db:"id"`
	TenantID  string `db:"tenant_id"`
	UserAgent string `db:"user_agent"`
}

type sessionStore struct{ db *pop.Connection }

func (p *sessionStore) Create(s Session) error {
	_, err := p.db.ValidateAndCreate(&s)
	return err
}

func AddSession(ctx context.Context, p *sessionStore, ua string) {
	m := Session{ID: "s"}
	if ua != "" {
		m.UserAgent = ua
	}
	p.Create(m) // want `Create needs the active tenant in s.TenantID`
	n := Session{ID: "s", TenantID: auth.TenantID(ctx)}
	if ua != "" {
		n.UserAgent = ua
	}
	p.Create(n)
}

func AddSessionPlain(p *sessionStore) {
	p.Create(Session{ID: "s"}) // want `Create needs the active tenant in s.TenantID`
}

// A variable whose address is handed out may have its tenant set there: not a literal's zero.
func AddSessionFilled(p *sessionStore, body []byte) {
	m := Session{ID: "s"}
	json.Unmarshal(body, &m)
	p.Create(m)
	n := Session{ID: "s"}
	n.fill()
	p.Create(n)
}

func (s *Session) fill() { s.TenantID = "from-somewhere" }
