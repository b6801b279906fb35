// Package bun is a stub of github.com/uptrace/bun for tests; signatures mirror v1.3.0.
package bun

import (
	"context"
	"database/sql"
)

type BaseModel struct{}

type DB struct{ db *sql.DB }

type Tx struct{ tx *sql.Tx }

type IDB interface {
	NewSelect() *SelectQuery
	NewInsert() *InsertQuery
	NewUpdate() *UpdateQuery
	NewDelete() *DeleteQuery
}

type SelectQuery struct{ db *DB }
type InsertQuery struct{ db *DB }
type UpdateQuery struct{ db *DB }
type DeleteQuery struct{ db *DB }

func (db *DB) NewSelect() *SelectQuery { return &SelectQuery{db} }
func (db *DB) NewInsert() *InsertQuery { return &InsertQuery{db} }
func (db *DB) NewUpdate() *UpdateQuery { return &UpdateQuery{db} }
func (db *DB) NewDelete() *DeleteQuery { return &DeleteQuery{db} }

func (tx Tx) NewSelect() *SelectQuery { return &SelectQuery{} }

func (q *SelectQuery) Model(model any) *SelectQuery                      { return q }
func (q *SelectQuery) Table(tables ...string) *SelectQuery               { return q }
func (q *SelectQuery) Column(columns ...string) *SelectQuery             { return q }
func (q *SelectQuery) Where(query string, args ...any) *SelectQuery      { return q }
func (q *SelectQuery) WhereOr(query string, args ...any) *SelectQuery    { return q }
func (q *SelectQuery) WherePK(cols ...string) *SelectQuery               { return q }
func (q *SelectQuery) Order(orders ...string) *SelectQuery               { return q }
func (q *SelectQuery) Limit(n int64) *SelectQuery                        { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error       { return nil }
func (q *SelectQuery) Count(ctx context.Context) (int64, error)          { return 0, nil }

func (q *InsertQuery) Model(model any) *InsertQuery { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *UpdateQuery) Model(model any) *UpdateQuery                 { return q }
func (q *UpdateQuery) Set(query string, args ...any) *UpdateQuery   { return q }
func (q *UpdateQuery) Where(query string, args ...any) *UpdateQuery { return q }
func (q *UpdateQuery) WherePK(cols ...string) *UpdateQuery          { return q }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *DeleteQuery) Model(model any) *DeleteQuery                 { return q }
func (q *DeleteQuery) Where(query string, args ...any) *DeleteQuery { return q }
func (q *DeleteQuery) WherePK(cols ...string) *DeleteQuery          { return q }
func (q *DeleteQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *SelectQuery) Apply(fns ...func(*SelectQuery) *SelectQuery) *SelectQuery { return q }
func (q *UpdateQuery) Apply(fns ...func(*UpdateQuery) *UpdateQuery) *UpdateQuery { return q }
func (q *DeleteQuery) Apply(fns ...func(*DeleteQuery) *DeleteQuery) *DeleteQuery { return q }
func (q *UpdateQuery) Column(columns ...string) *UpdateQuery { return q }
