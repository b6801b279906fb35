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
func (c *Context) String(code int, format string, values ...any)          {}
