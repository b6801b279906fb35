// Package gorm is a stub of gorm.io/gorm for tests; signatures mirror v1.31.2.
package gorm

import (
	"context"
	"database/sql"
)

// DB is gorm's handle and builder: every method returns a *DB.
type DB struct {
	Error        error
	RowsAffected int64
}

type Session struct {
	NewDB   bool
	Context context.Context
}

type Dialector interface {
	Name() string
}

type Option interface{}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) { return &DB{}, nil }

func (db *DB) Session(config *Session) *DB                              { return db }
func (db *DB) WithContext(ctx context.Context) *DB                      { return db }
func (db *DB) Debug() (tx *DB)                                          { return db }
func (db *DB) Model(value interface{}) (tx *DB)                         { return db }
func (db *DB) Table(name string, args ...interface{}) (tx *DB)          { return db }
func (db *DB) Select(query interface{}, args ...interface{}) (tx *DB)   { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)    { return db }
func (db *DB) Not(query interface{}, args ...interface{}) (tx *DB)      { return db }
func (db *DB) Or(query interface{}, args ...interface{}) (tx *DB)       { return db }
func (db *DB) Joins(query string, args ...interface{}) (tx *DB)         { return db }
func (db *DB) Order(value interface{}) (tx *DB)                         { return db }
func (db *DB) Limit(limit int) (tx *DB)                                 { return db }
func (db *DB) Offset(offset int) (tx *DB)                               { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) (tx *DB)                   { return db }
func (db *DB) Unscoped() (tx *DB)                                       { return db }
func (db *DB) Create(value interface{}) (tx *DB)                        { return db }
func (db *DB) CreateInBatches(value interface{}, batchSize int) (tx *DB) { return db }
func (db *DB) Save(value interface{}) (tx *DB)                          { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)    { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) (tx *DB)     { return db }
func (db *DB) Last(dest interface{}, conds ...interface{}) (tx *DB)     { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)     { return db }
func (db *DB) Update(column string, value interface{}) (tx *DB)         { return db }
func (db *DB) Updates(values interface{}) (tx *DB)                      { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) (tx *DB)  { return db }
func (db *DB) Count(count *int64) (tx *DB)                              { return db }
func (db *DB) Scan(dest interface{}) (tx *DB)                           { return db }
func (db *DB) Pluck(column string, dest interface{}) (tx *DB)           { return db }
func (db *DB) Row() *sql.Row                                            { return nil }
func (db *DB) Rows() (*sql.Rows, error)                                 { return nil, nil }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) (err error) {
	return fc(db)
}
