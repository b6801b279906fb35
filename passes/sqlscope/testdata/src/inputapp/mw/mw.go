// Package mw has route middleware in a package of its own: RequireTenant checks the :tenant
// path parameter against the caller's tenant (echo), RequireMember calls the configured
// validator (chi), Logger checks nothing.
package mw

import (
	"net/http"

	"example.com/auth"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"
)

func RequireTenant(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Param("tenant") != auth.TenantID(c.Request().Context()) {
			return c.NoContent(http.StatusForbidden)
		}
		return next(c)
	}
}

func Logger(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return next(c) }
}

func RequireMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := auth.RequireMember(r.Context(), chi.URLParam(r, "tenant")); err != nil {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// TenantFromPath is a guard helper: it reads the :tenant path parameter, has the configured
// validator vouch for it and returns it, so its callers in other packages use a checked tenant.
func TenantFromPath(r *http.Request) (string, error) {
	tenant := chi.URLParam(r, "tenant")
	if err := auth.RequireMember(r.Context(), tenant); err != nil {
		return "", err
	}
	return tenant, nil
}
