package webapp

import (
	"example.com/auth"
	"github.com/labstack/echo/v4"
)

// echo v4: Context is an interface; its methods are request input, and so is its request's
// header (net/http's Header.Get).

func (a *App) EchoParam(c echo.Context) error {
	ctx := c.Request().Context()
	t := c.Param("tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)                                  // want `tenant id comes from request input: c.Param reaches tenant_id = \$1`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.QueryParam("tenant"))             // want `tenant id comes from request input: c.QueryParam`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.QueryParams().Get("tenant"))      // want `tenant id comes from request input: c.QueryParams`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.FormValue("tenant"))              // want `tenant id comes from request input: c.FormValue`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.ParamValues()[0])                 // want `tenant id comes from request input: c.ParamValues`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.QueryString())                    // want `tenant id comes from request input: c.QueryString`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Request().Header.Get("X-Tenant")) // want `tenant id comes from request input: c.Request\(\).Header.Get`
	if form, err := c.FormParams(); err == nil {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", form.Get("tenant")) // want `tenant id comes from request input: c.FormParams`
	}
	if ck, err := c.Cookie("tenant"); err == nil {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", ck.Value) // want `tenant id comes from request input: c.Cookie`
	}
	return nil
}

// The generic binders parse the same inputs.
func (a *App) EchoGeneric(c echo.Context) error {
	ctx := c.Request().Context()
	t, err := echo.PathParam[string](c, "tenant")
	if err != nil {
		return err
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t) // want `tenant id comes from request input: echo.PathParam\[string\]`
	n, _ := echo.QueryParam[int64](c, "tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", n) // want `tenant id comes from request input: echo.QueryParam\[int64\]`
	f, _ := echo.FormParamOr(c, "tenant", "default")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", f) // want `tenant id comes from request input: echo.FormParamOr`
	return nil
}

func (a *App) EchoValidated(c echo.Context) error {
	ctx := c.Request().Context()
	t := c.Param("tenant")
	if err := auth.RequireMember(ctx, t); err != nil {
		return err
	}
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
	return err
}

func (a *App) EchoAuthenticated(c echo.Context) error {
	ctx := c.Request().Context()
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1 AND id = $2", auth.TenantID(ctx), c.Param("id"))
	return err
}
