// Package gin is a stub of github.com/gin-gonic/gin for tests.
package gin

import "net/http"

// Context is the context of the current HTTP request.
type Context struct {
	Request *http.Request
	Params  Params
}

// Param is a URL parameter; Params are the route's.
type Param struct {
	Key   string
	Value string
}

type Params []Param

func (ps Params) Get(name string) (string, bool) { return "", false }
func (ps Params) ByName(name string) (va string) { return "" }

func (c *Context) Param(key string) string                                { return "" }
func (c *Context) Query(key string) (value string)                        { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string           { return "" }
func (c *Context) GetQuery(key string) (string, bool)                     { return "", false }
func (c *Context) QueryArray(key string) (values []string)                { return nil }
func (c *Context) GetQueryMap(key string) (map[string]string, bool)       { return nil, false }
func (c *Context) PostForm(key string) (value string)                     { return "" }
func (c *Context) GetPostFormArray(key string) (values []string, ok bool) { return nil, false }
func (c *Context) GetHeader(key string) string                            { return "" }
func (c *Context) Cookie(name string) (string, error)                     { return "", nil }
func (c *Context) ShouldBindUri(obj any) error                            { return nil }
func (c *Context) ShouldBindJSON(obj any) error                           { return nil }
func (c *Context) ShouldBindHeader(obj any) error                         { return nil }
func (c *Context) BindQuery(obj any) error                                { return nil }
func (c *Context) AbortWithStatus(code int)                               {}
func (c *Context) Next()                                                  {}

// HandlerFunc serves a request (middleware too).
type HandlerFunc func(*Context)

// IRoutes is what route registration returns.
type IRoutes interface{}

// RouterGroup groups routes under a path with handlers (middleware).
type RouterGroup struct{}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return nil
}
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }

// Engine is the framework instance.
type Engine struct {
	RouterGroup
}

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes     { return nil }
func (c *Context) String(code int, format string, values ...any) {}
