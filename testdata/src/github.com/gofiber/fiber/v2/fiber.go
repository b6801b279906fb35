// Package fiber is a stub of github.com/gofiber/fiber/v2 for tests.
package fiber

import "context"

// Ctx is the context of the current HTTP request.
type Ctx struct{}

func (c *Ctx) Params(key string, defaultValue ...string) string       { return "" }
func (c *Ctx) ParamsInt(key string, defaultValue ...int) (int, error) { return 0, nil }
func (c *Ctx) AllParams() map[string]string                           { return nil }
func (c *Ctx) Query(key string, defaultValue ...string) string        { return "" }
func (c *Ctx) Queries() map[string]string                             { return nil }
func (c *Ctx) FormValue(key string, defaultValue ...string) string    { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string          { return "" }
func (c *Ctx) GetReqHeaders() map[string][]string                     { return nil }
func (c *Ctx) Cookies(key string, defaultValue ...string) string      { return "" }
func (c *Ctx) UserContext() context.Context                           { return nil }

func (c *Ctx) BodyParser(out interface{}) error      { return nil }
func (c *Ctx) ParamsParser(out interface{}) error    { return nil }
func (c *Ctx) QueryParser(out interface{}) error     { return nil }
func (c *Ctx) ReqHeaderParser(out interface{}) error { return nil }
