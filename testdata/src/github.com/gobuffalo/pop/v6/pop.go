// Package pop is a stub of github.com/gobuffalo/pop/v6 for tests; signatures mirror v6.4.1.
package pop

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

func (q *Query) Where(stmt string, args ...any) *Query { return q }
func (q *Query) Order(stmt string, args ...any) *Query { return q }
func (q *Query) Scope(sf ScopeFunc) *Query             { return sf(q) }
func (q *Query) All(models any) error                  { return nil }
func (q *Query) First(model any) error                 { return nil }
func (q *Query) Find(model, id any) error              { return nil }
func (q Query) Count(model any) (int, error)           { return 0, nil }
