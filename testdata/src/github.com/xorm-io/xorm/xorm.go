// Package xorm is a stub of github.com/xorm-io/xorm (the xorm-io fork of xorm that casdoor
// uses) for tests; signatures mirror v1.1.6, where Get and Delete take one bean.
package xorm

type Engine struct{ name string }

type Session struct{ engine *Engine }

func NewEngine(driverName string, dataSourceName string) (*Engine, error) { return &Engine{}, nil }

func (engine *Engine) NewSession() *Session                                    { return &Session{engine} }
func (engine *Engine) Where(query interface{}, args ...interface{}) *Session   { return &Session{engine} }
func (engine *Engine) ID(id interface{}) *Session                              { return &Session{engine} }
func (engine *Engine) Get(bean interface{}) (bool, error)                      { return false, nil }
func (engine *Engine) Find(beans interface{}, condiBeans ...interface{}) error { return nil }
func (engine *Engine) Insert(beans ...interface{}) (int64, error)              { return 0, nil }
func (engine *Engine) Delete(bean interface{}) (int64, error)                  { return 0, nil }
func (engine *Engine) Update(bean interface{}, condiBeans ...interface{}) (int64, error) {
	return 0, nil
}

func (session *Session) Where(query interface{}, args ...interface{}) *Session { return session }
func (session *Session) And(query interface{}, args ...interface{}) *Session   { return session }
func (session *Session) ID(id interface{}) *Session                            { return session }
func (session *Session) Get(bean interface{}) (bool, error)                    { return false, nil }
func (session *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error {
	return nil
}
func (session *Session) Delete(bean interface{}) (int64, error) { return 0, nil }
func (session *Session) Update(bean interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
