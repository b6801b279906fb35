// Package xorm is a stub of xorm.io/xorm for tests; signatures mirror v1.4.3.
package xorm

import (
	"context"
	"database/sql"
)

type Engine struct{ name string }

type Session struct{ engine *Engine }

func NewEngine(driverName, dataSourceName string, driverOptions ...func(db *sql.DB) error) (*Engine, error) {
	return &Engine{}, nil
}

func (engine *Engine) NewSession() *Session                              { return &Session{engine} }
func (engine *Engine) Context(ctx context.Context) *Session              { return &Session{engine} }
func (engine *Engine) Where(query any, args ...any) *Session             { return &Session{engine} }
func (engine *Engine) ID(id any) *Session                                { return &Session{engine} }
func (engine *Engine) Table(tableNameOrBean any) *Session                { return &Session{engine} }
func (engine *Engine) Get(beans ...any) (bool, error)                    { return false, nil }
func (engine *Engine) Find(beans any, condiBeans ...any) error           { return nil }
func (engine *Engine) Insert(beans ...any) (int64, error)                { return 0, nil }
func (engine *Engine) Delete(beans ...any) (int64, error)                { return 0, nil }
func (engine *Engine) Update(bean any, condiBeans ...any) (int64, error) { return 0, nil }

func (session *Session) Where(query any, args ...any) *Session            { return session }
func (session *Session) And(query any, args ...any) *Session              { return session }
func (session *Session) Or(query any, args ...any) *Session               { return session }
func (session *Session) ID(id any) *Session                               { return session }
func (session *Session) Get(beans ...any) (bool, error)                   { return false, nil }
func (session *Session) Find(rowsSlicePtr any, condiBean ...any) error    { return nil }
func (session *Session) Delete(beans ...any) (int64, error)               { return 0, nil }
func (session *Session) Update(bean any, condiBean ...any) (int64, error) { return 0, nil }
func (session *Session) Count(bean ...any) (int64, error)                 { return 0, nil }

func (engine *Engine) NoAutoCondition(no ...bool) *Session { return &Session{engine} }
func (engine *Engine) Transaction(f func(*Session) (any, error)) (any, error) {
	return f(&Session{engine})
}

func (session *Session) NoAutoCondition(no ...bool) *Session        { return session }
func (session *Session) Limit(limit int, start ...int) *Session     { return session }
func (session *Session) Insert(beans ...any) (int64, error) { return 0, nil }
func (session *Session) Close() error                               { return nil }
