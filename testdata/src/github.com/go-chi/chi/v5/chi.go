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
