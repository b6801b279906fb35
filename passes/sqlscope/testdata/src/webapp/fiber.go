package webapp

import (
	"example.com/auth"
	"github.com/gofiber/fiber/v2"
)

// fiber v2: route parameters, query, form, header (Get) and cookie values.

func (a *App) FiberParam(c *fiber.Ctx) error {
	ctx := c.UserContext()
	t := c.Params("tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t) // want `tenant id comes from request input: c.Params reaches tenant_id = \$1`
	if n, err := c.ParamsInt("tenant"); err == nil {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", n) // want `tenant id comes from request input: c.ParamsInt`
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.AllParams()["tenant"])          // want `tenant id comes from request input: c.AllParams`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Query("tenant", "acme"))        // want `tenant id comes from request input: c.Query`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Queries()["tenant"])            // want `tenant id comes from request input: c.Queries`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.FormValue("tenant"))            // want `tenant id comes from request input: c.FormValue`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Get("X-Tenant"))                // want `tenant id comes from request input: c.Get`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.GetReqHeaders()["X-Tenant"][0]) // want `tenant id comes from request input: c.GetReqHeaders`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Cookies("tenant"))              // want `tenant id comes from request input: c.Cookies`
	return nil
}

func (a *App) FiberValidated(c *fiber.Ctx) error {
	ctx := c.UserContext()
	t := c.Params("tenant")
	if err := auth.RequireMember(ctx, t); err != nil {
		return err
	}
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
	return err
}

func (a *App) FiberAuthenticated(c *fiber.Ctx) error {
	ctx := c.UserContext()
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1 AND id = $2", auth.TenantID(ctx), c.Params("id"))
	return err
}
