package webapp

import (
	"net/http"

	"example.com/auth"
	"github.com/gin-gonic/gin"
)

// gin: path, query, form, header and cookie values; c.Request is net/http's.

func (a *App) GinParam(c *gin.Context) {
	ctx := c.Request.Context()
	t := c.Param("tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)                                // want `tenant id comes from request input: c.Param reaches tenant_id = \$1`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Query("tenant"))                // want `tenant id comes from request input: c.Query`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.DefaultQuery("tenant", "acme")) // want `tenant id comes from request input: c.DefaultQuery`
	if q, ok := c.GetQuery("tenant"); ok {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", q) // want `tenant id comes from request input: c.GetQuery`
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.QueryArray("tenant")[0]) // want `tenant id comes from request input: c.QueryArray`
	if m, ok := c.GetQueryMap("tenant"); ok {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", m["id"]) // want `tenant id comes from request input: c.GetQueryMap`
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.PostForm("tenant")) // want `tenant id comes from request input: c.PostForm`
	if vs, ok := c.GetPostFormArray("tenant"); ok {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", vs[0]) // want `tenant id comes from request input: c.GetPostFormArray`
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.GetHeader("X-Tenant"))          // want `tenant id comes from request input: c.GetHeader`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Request.Header.Get("X-Tenant")) // want `tenant id comes from request input: c.Request.Header.Get`
	if ck, err := c.Cookie("tenant"); err == nil {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", ck) // want `tenant id comes from request input: c.Cookie`
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", c.Params.ByName("tenant")) // want `tenant id comes from request input: c.Params.ByName`
	if p, ok := c.Params.Get("tenant"); ok {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", p) // want `tenant id comes from request input: c.Params.Get`
	}
}

func (a *App) GinValidated(c *gin.Context) {
	ctx := c.Request.Context()
	t := c.Param("tenant")
	if err := auth.RequireMember(ctx, t); err != nil {
		c.String(http.StatusForbidden, "forbidden")
		return
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
}

func (a *App) GinAuthenticated(c *gin.Context) {
	ctx := c.Request.Context()
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1 AND id = $2", auth.TenantID(ctx), c.Param("id"))
}
