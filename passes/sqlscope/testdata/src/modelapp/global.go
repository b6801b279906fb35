// Package modelapp exercises what tenantlint reads from model structs: tables declared global
// (tables.global: plans) however the model names them, and fields tagged as no column.
package modelapp

import (
	"context"

	"github.com/gobuffalo/pop/v6"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
	"xorm.io/xorm"
)

// Plan is offered to every tenant; its TenantID is the tenant that published it. Its table,
// plans, is declared global: by gorm's and pop's convention, bun's tag, xorm's TableName.
type Plan struct {
	bun.BaseModel `bun:"table:plans"`
	ID            int64
	TenantID      string
	Name          string
}

// XPlan names its table for xorm, whose convention (x_plan) would not.
type XPlan struct {
	ID       int64
	TenantID string
}

func (XPlan) TableName() string { return "plans" }

// Widget has a tenant field (its table is inferred from it: widgets is in no schema).
type Widget struct {
	bun.BaseModel `bun:"table:widgets"`
	ID            int64
	TenantID      string
}

// Note's TenantID is computed, not stored: every ORM is told it is no column, and notes is in
// no schema, so Note is no tenant model.
type Note struct {
	bun.BaseModel `bun:"table:notes"`
	ID            int64
	TenantID      string `gorm:"-" bun:"-" xorm:"-" db:"-"`
}

// Draft embeds a struct its ORM ignores.
type Draft struct {
	ID    int64
	Owner `gorm:"-:all"`
}

type Owner struct{ TenantID string }

type Store struct{ db *gorm.DB }

func (s *Store) Gorm(ctx context.Context, id int64) {
	var ps []Plan
	s.db.WithContext(ctx).Find(&ps)
	var p Plan
	s.db.First(&p, id)
	var n Note
	s.db.First(&n, id)
	var d Draft
	s.db.First(&d, id)
	var w Widget
	s.db.First(&w, id) // want `gorm query on tenant table "widgets" is not scoped`
}

func Bun(ctx context.Context, db *bun.DB, id int64) {
	var ps []Plan
	db.NewSelect().Model(&ps).Scan(ctx)
	db.NewSelect().Model((*Note)(nil)).Where("id = ?", id).Scan(ctx)
	db.NewSelect().Model((*Widget)(nil)).Where("id = ?", id).Scan(ctx) // want `bun query on tenant table "widgets" is not scoped`
}

func Xorm(ctx context.Context, e *xorm.Engine, id int64) {
	var p XPlan
	e.ID(id).Get(&p)
	var n Note
	e.ID(id).Get(&n)
	var w Widget
	e.ID(id).Get(&w) // want `xorm query on tenant table "widgets" is not scoped`
}

func Pop(ctx context.Context, tx *pop.Connection, id int64) {
	var p Plan
	tx.Find(&p, id)
	var n Note
	tx.Find(&n, id)
	var w Widget
	tx.Find(&w, id) // want `pop query on tenant table "widgets" is not scoped`
}
