// Package camelapp reads a table with CamelCase columns. Unquoted SQL identifiers compare
// without regard to case and quoted ones keep theirs, so BoardID = ?, boardid = ? and
// "BoardID" = ? are all the configured tenant column BoardID; ID = ? is not.
package camelapp

import (
	"context"

	"example.com/auth"
	sq "github.com/Masterminds/squirrel"
	"github.com/gobuffalo/pop/v6"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
	"xorm.io/xorm"
)

type Card struct {
	bun.BaseModel `bun:"table:Cards"`
	ID            string `bun:"ID,pk"`
	BoardID       string `bun:"BoardID"`
}

func (Card) TableName() string { return "Cards" }

func Squirrel(boardID, id string) {
	sq.Select("Title").From("Cards").Where("BoardID = ? AND ID = ?", boardID, id).ToSql()
	sq.Select("Title").From("Cards").Where("boardid = ? AND id = ?", boardID, id).ToSql()
	sq.Select("Title").From("Cards").Where(`"BoardID" = ?`, boardID).ToSql()
	sq.Select("Title").From("Cards").Where(sq.Eq{"boardid": boardID, "ID": id}).ToSql()
	sq.Select("Title").From("Cards").Where(sq.Eq{"ID": id}).ToSql() // want `squirrel query on tenant table "Cards" is not scoped`
	sq.Select("Title").From("Cards").Where("ID = ?", id).ToSql()    // want `squirrel query on tenant table "Cards" is not scoped`
}

func Bun(ctx context.Context, db *bun.DB, id string) {
	bid := auth.TenantID(ctx)
	var cs []Card
	db.NewSelect().Model(&cs).Where("?TableAlias.BoardID = ? AND ID = ?", bid, id).Scan(ctx)
	db.NewSelect().Model(&cs).Where("ID = ?", id).Scan(ctx) // want `bun query on tenant table "Cards" is not scoped`
}

type Store struct{ db *gorm.DB }

func (s *Store) Gorm(ctx context.Context, id string) {
	bid := auth.TenantID(ctx)
	var cs []Card
	s.db.Where(`"Cards"."BoardID" = ? AND "ID" = ?`, bid, id).Find(&cs)
	s.db.Where("ID = ?", id).Find(&cs) // want `gorm query on tenant table "Cards" is not scoped`
}

func Xorm(ctx context.Context, e *xorm.Engine, id string) {
	bid := auth.TenantID(ctx)
	var cs []Card
	e.Table("Cards").Where("boardId = ?", bid).And("ID = ?", id).Find(&cs)
	e.Table("Cards").Where("ID = ?", id).Find(&cs) // want `xorm query on tenant table "Cards" is not scoped`
}

func Pop(ctx context.Context, tx *pop.Connection, id string) {
	bid := auth.TenantID(ctx)
	var cs []Card
	tx.Where("BoardID = ?", bid).All(&cs)
	tx.Where("ID = ?", id).All(&cs) // want `pop query on tenant table "Cards" is not scoped`
}
