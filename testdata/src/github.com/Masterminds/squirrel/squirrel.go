// Package squirrel is a stub of github.com/Masterminds/squirrel for tests; signatures mirror
// v1.5.4. Builders are immutable values.
package squirrel

import (
	"context"
	"database/sql"
)

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

type BaseRunner interface {
	Execer
	Queryer
}

type RowScanner interface {
	Scan(...interface{}) error
}

type PlaceholderFormat interface {
	ReplacePlaceholders(sql string) (string, error)
}

type dollarFormat struct{}

func (dollarFormat) ReplacePlaceholders(sql string) (string, error) { return sql, nil }

var (
	Question = dollarFormat{}
	Dollar   = dollarFormat{}
)

type Eq map[string]interface{}

type conj []Sqlizer
type And conj
type Or conj

type data struct{ m map[string]interface{} }

type StatementBuilderType data
type SelectBuilder data
type UpdateBuilder data
type DeleteBuilder data
type InsertBuilder data

var StatementBuilder = StatementBuilderType{}

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }
func Update(table string) UpdateBuilder      { return UpdateBuilder{} }
func Delete(from string) DeleteBuilder       { return DeleteBuilder{} }

func (b StatementBuilderType) Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func (b StatementBuilderType) Insert(into string) InsertBuilder       { return InsertBuilder{} }
func (b StatementBuilderType) Update(table string) UpdateBuilder      { return UpdateBuilder{} }
func (b StatementBuilderType) Delete(from string) DeleteBuilder       { return DeleteBuilder{} }
func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType {
	return b
}
func (b StatementBuilderType) RunWith(runner BaseRunner) StatementBuilderType { return b }
func (b StatementBuilderType) Where(pred interface{}, args ...interface{}) StatementBuilderType {
	return b
}

func (b SelectBuilder) PlaceholderFormat(f PlaceholderFormat) SelectBuilder      { return b }
func (b SelectBuilder) RunWith(runner BaseRunner) SelectBuilder                  { return b }
func (b SelectBuilder) Columns(columns ...string) SelectBuilder                  { return b }
func (b SelectBuilder) From(from string) SelectBuilder                           { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder                 { return b }
func (b SelectBuilder) Limit(limit uint64) SelectBuilder                         { return b }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                    { return "", nil, nil }
func (b SelectBuilder) QueryContext(ctx context.Context) (*sql.Rows, error)      { return nil, nil }

func (b UpdateBuilder) Table(table string) UpdateBuilder                          { return b }
func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder        { return b }
func (b UpdateBuilder) SetMap(clauses map[string]interface{}) UpdateBuilder       { return b }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder { return b }
func (b UpdateBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }
func (b UpdateBuilder) ExecContext(ctx context.Context) (sql.Result, error)       { return nil, nil }

func (b DeleteBuilder) From(from string) DeleteBuilder                            { return b }
func (b DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder { return b }
func (b DeleteBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }

func (b InsertBuilder) Columns(columns ...string) InsertBuilder             { return b }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder          { return b }
func (b InsertBuilder) SetMap(clauses map[string]interface{}) InsertBuilder { return b }
func (b InsertBuilder) ToSql() (string, []interface{}, error)               { return "", nil, nil }
