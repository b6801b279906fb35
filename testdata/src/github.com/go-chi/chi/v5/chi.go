// Package chi is a stub of github.com/go-chi/chi/v5 for tests.
package chi

import (
	"context"
	"net/http"
)

// Context is the routing context of a request.
type Context struct {
	RoutePath string
}

func URLParam(r *http.Request, key string) string            { return "" }
func URLParamFromCtx(ctx context.Context, key string) string { return "" }
func RouteContext(ctx context.Context) *Context              { return nil }
func (x *Context) URLParam(key string) string                { return "" }

// Router is chi's router interface (the methods the fixtures use).
type Router interface {
	http.Handler
	Use(middlewares ...func(http.Handler) http.Handler)
	With(middlewares ...func(http.Handler) http.Handler) Router
	Group(fn func(r Router)) Router
	Route(pattern string, fn func(r Router)) Router
	Get(pattern string, h http.HandlerFunc)
	Delete(pattern string, h http.HandlerFunc)
}

// Mux is chi's router.
type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)           {}
func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler)         {}
func (mx *Mux) With(middlewares ...func(http.Handler) http.Handler) Router { return nil }
func (mx *Mux) Group(fn func(r Router)) Router                             { return nil }
func (mx *Mux) Route(pattern string, fn func(r Router)) Router             { return nil }
func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)             {}
func (mx *Mux) Delete(pattern string, handlerFn http.HandlerFunc)          {}
