// Package pop is a stub of github.com/gobuffalo/pop/v6 for tests; signatures mirror v6.4.1.
package pop

import (
	"context"

	"github.com/gobuffalo/validate/v3"
)

type Connection struct{ ID string }

type Query struct{ Connection *Connection }

type ScopeFunc func(q *Query) *Query

func (c *Connection) Q() *Query                                        { return &Query{Connection: c} }
func (c *Connection) Where(stmt string, args ...any) *Query            { return &Query{Connection: c} }
func (c *Connection) Scope(sf ScopeFunc) *Query                        { return sf(&Query{Connection: c}) }
func (c *Connection) Find(model, id any) error                         { return nil }
func (c *Connection) All(models any) error                             { return nil }
func (c *Connection) Create(model any, excludeColumns ...string) error { return nil }
func (c *Connection) Update(model any, excludeColumns ...string) error { return nil }
func (c *Connection) Destroy(model any) error                          { return nil }

func (c *Connection) EagerPreload(fields ...string) *Query { return &Query{Connection: c} }

func (q *Query) Where(stmt string, args ...any) *Query                       { return q }
func (q *Query) EagerPreload(fields ...string) *Query                        { return q }
func (q *Query) Join(table, on string, args ...any) *Query                   { return q }
func (q *Query) Exists(model any) (bool, error)                              { return false, nil }
func (q *Query) Delete(model any) error                                      { return nil }
func (q *Query) UpdateQuery(model any, columnNames ...string) (int64, error) { return 0, nil }
func (q *Query) Order(stmt string, args ...any) *Query                       { return q }
func (q *Query) Scope(sf ScopeFunc) *Query                                   { return sf(q) }
func (q *Query) All(models any) error                                        { return nil }
func (q *Query) First(model any) error                                       { return nil }
func (q *Query) Find(model, id any) error                                    { return nil }
func (q Query) Count(model any) (int, error)                                 { return 0, nil }

func (c *Connection) Save(model any, excludeColumns ...string) error       { return nil }
func (c *Connection) UpdateColumns(model any, columnNames ...string) error { return nil }
func (c *Connection) Reload(model any) error                               { return nil }
func (c *Connection) Eager(fields ...string) *Connection                   { return c }
func (c *Connection) WithContext(ctx context.Context) *Connection          { return c }
func (c *Connection) ValidateAndCreate(model any, excludeColumns ...string) (*validate.Errors, error) {
	return &validate.Errors{}, nil
}
func (c *Connection) ValidateAndSave(model any, excludeColumns ...string) (*validate.Errors, error) {
	return &validate.Errors{}, nil
}
func (c *Connection) ValidateAndUpdate(model any, excludeColumns ...string) (*validate.Errors, error) {
	return &validate.Errors{}, nil
}
