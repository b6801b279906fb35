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
}

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
