package inputapp

import (
	"net/http"

	"example.com/auth"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"

	"inputapp/mw"
)

// Route middleware that checks the tenant is a validator for the handlers it guards on every
// route they are registered on.

func (a *App) EchoGuarded(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), q, c.Param("tenant"))
	return err
}

func (a *App) EchoInGroup(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), q, c.Param("tenant"))
	return err
}

func (a *App) EchoGroupUse(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), q, c.Param("tenant"))
	return err
}

func (a *App) EchoLogged(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), q, c.Param("tenant")) // want `tenant id comes from request input: c.Param`
	return err
}

// Registered guarded once and unguarded once: the unguarded route is open.
func (a *App) EchoTwice(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), q, c.Param("tenant")) // want `tenant id comes from request input: c.Param`
	return err
}

func (a *App) RegisterEcho(e *echo.Echo) {
	e.DELETE("/a/:tenant", a.EchoGuarded, mw.RequireTenant)
	g := e.Group("/b/:tenant", mw.Logger, mw.RequireTenant)
	g.DELETE("/x", a.EchoInGroup)
	u := e.Group("/c/:tenant")
	u.Use(mw.RequireTenant)
	u.GET("/x", a.EchoGroupUse)
	e.GET("/d/:tenant", a.EchoLogged, mw.Logger)
	e.GET("/e/:tenant", a.EchoTwice, mw.RequireTenant)
	e.GET("/f/:tenant", a.EchoTwice)
}

// chi: With, Route with Use, and a plain route.

func (a *App) ChiWith(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), q, chi.URLParam(r, "tenant"))
}

func (a *App) ChiRoute(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), q, chi.URLParam(r, "tenant"))
}

func (a *App) ChiOpen(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), q, chi.URLParam(r, "tenant")) // want `tenant id comes from request input: chi.URLParam`
}

func (a *App) RegisterChi(r chi.Router) {
	r.With(mw.RequireMember).Delete("/a/{tenant}", a.ChiWith)
	r.Route("/b/{tenant}", func(r chi.Router) {
		r.Use(mw.RequireMember)
		r.Get("/x", a.ChiRoute)
	})
	r.Get("/c/{tenant}", a.ChiOpen)
}

// gin: a group with a middleware defined here, and middleware before the handler.

func requireTenant(c *gin.Context) {
	if c.Param("tenant") != auth.TenantID(c.Request.Context()) {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Next()
}

func (a *App) GinInGroup(c *gin.Context) {
	a.db.QueryContext(c.Request.Context(), q, c.Param("tenant"))
}

func (a *App) GinRoute(c *gin.Context) {
	a.db.QueryContext(c.Request.Context(), q, c.Param("tenant"))
}

func (a *App) GinOpen(c *gin.Context) {
	a.db.QueryContext(c.Request.Context(), q, c.Param("tenant")) // want `tenant id comes from request input: c.Param`
}

func (a *App) RegisterGin(r *gin.Engine) {
	g := r.Group("/a/:tenant", requireTenant)
	g.DELETE("/x", a.GinInGroup)
	r.GET("/b/:tenant", requireTenant, a.GinRoute)
	r.GET("/c/:tenant", a.GinOpen)
}
