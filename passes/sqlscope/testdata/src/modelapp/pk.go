package modelapp

import (
	"context"

	"example.com/auth"
	"github.com/uptrace/bun"
	"xorm.io/xorm"
	"xorm.io/xorm/schemas"
)

// Label's primary key is (name, tenant_id), in every ORM's tags; labels is a tenant table by
// its TenantID field.
type Label struct {
	bun.BaseModel `bun:"table:labels"`
	Name          string `bun:"name,pk" gorm:"primaryKey" xorm:"pk 'name'"`
	TenantID      string `bun:"tenant_id,pk" gorm:"primaryKey" xorm:"pk 'tenant_id'"`
	Color         string `bun:"color" xorm:"'color'"`
}

func (Label) TableName() string { return "labels" }

// Gadget's primary key is its id; its tenant_id is an ordinary column.
type Gadget struct {
	bun.BaseModel `bun:"table:gadgets"`
	ID            int64  `bun:"id,pk" gorm:"primaryKey" xorm:"pk 'id'"`
	TenantID      string `bun:"tenant_id" xorm:"'tenant_id'"`
}

func (Gadget) TableName() string { return "gadgets" }

func BunPK(ctx context.Context, db *bun.DB, name string, id int64) {
	tid := auth.TenantID(ctx)
	l := &Label{Name: name, TenantID: tid, Color: "red"}
	db.NewUpdate().Model(l).WherePK().Exec(ctx)
	db.NewDelete().Model(l).WherePK().Exec(ctx)
	db.NewSelect().Model(l).WherePK().Scan(ctx)
	g := &Gadget{ID: id, TenantID: tid}
	db.NewUpdate().Model(g).WherePK().Exec(ctx) // want `bun query on tenant table "gadgets" is not scoped`
	c := &Label{Name: name, TenantID: "acme"}
	db.NewUpdate().Model(c).WherePK().Exec(ctx) // want `tenant_id = \? in the bun condition, but it gets a constant`
}

// RenameLabel updates by a key whose tenant is the caller's to give.
func RenameLabel(ctx context.Context, db *bun.DB, l *Label) {
	db.NewUpdate().Model(l).WherePK().Exec(ctx)
}

func CallRename(ctx context.Context, db *bun.DB, name string) {
	RenameLabel(ctx, db, &Label{Name: name, TenantID: auth.TenantID(ctx)})
	RenameLabel(ctx, db, &Label{Name: name, TenantID: "acme"}) // want `but it gets a constant`
}

func (s *Store) GormPK(ctx context.Context, name string, id int64) {
	tid := auth.TenantID(ctx)
	l := Label{Name: name, TenantID: tid}
	s.db.First(&l)
	s.db.Delete(&l)
	s.db.Model(&l).Update("color", "red")
	n := &Label{Name: name}
	s.db.First(n) // want `gorm query on tenant table "labels" is not scoped`
	g := Gadget{ID: id, TenantID: tid}
	s.db.First(&g) // want `gorm query on tenant table "gadgets" is not scoped`
}

func XormPK(ctx context.Context, e *xorm.Engine, name string, id int64) {
	tid := auth.TenantID(ctx)
	var l Label
	e.ID(schemas.PK{name, tid}).Get(&l)
	e.ID(schemas.PK{name, "acme"}).Get(&l) // want `tenant_id = \? in the xorm condition, but it gets a constant`
	e.ID(name).Get(&l)                     // want `xorm query on tenant table "labels" is not scoped`
	var g Gadget
	e.ID(id).Get(&g) // want `xorm query on tenant table "gadgets" is not scoped`
}
