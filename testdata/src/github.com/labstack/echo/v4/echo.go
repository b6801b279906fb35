// Package echo is a stub of github.com/labstack/echo/v4 for tests.
package echo

import (
	"net/http"
	"net/url"
)

// Context is the context of the current HTTP request (the methods the fixtures use).
type Context interface {
	Request() *http.Request
	Param(name string) string
	ParamValues() []string
	QueryParam(name string) string
	QueryParams() url.Values
	QueryString() string
	FormValue(name string) string
	FormParams() (url.Values, error)
	Cookie(name string) (*http.Cookie, error)
	Bind(i any) error
	NoContent(code int) error
}

// HandlerFunc serves a request; MiddlewareFunc wraps one.
type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Route is a registered route.
type Route struct{ Method, Path, Name string }

// Echo is the framework instance.
type Echo struct{}

func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)           { return nil }

// Group is a group of routes sharing a prefix and middleware.
type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

// DefaultBinder is echo's binder.
type DefaultBinder struct{}

func (b *DefaultBinder) BindPathParams(c Context, i interface{}) error  { return nil }
func (b *DefaultBinder) BindQueryParams(c Context, i interface{}) error { return nil }
func (b *DefaultBinder) BindHeaders(c Context, i interface{}) error     { return nil }
func (b *DefaultBinder) Bind(i interface{}, c Context) (err error)      { return nil }

func PathParam[T any](c Context, paramName string, opts ...any) (T, error) {
	var v T
	return v, nil
}

func QueryParam[T any](c Context, key string, opts ...any) (T, error) {
	var v T
	return v, nil
}

func FormParamOr[T any](c Context, key string, defaultValue T, opts ...any) (T, error) {
	return defaultValue, nil
}
