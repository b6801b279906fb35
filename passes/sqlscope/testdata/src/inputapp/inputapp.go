// Package inputapp exercises request input that frameworks bind into structs (echo, gin,
// fiber, net/http and chi JSON bodies), headers a gateway sets, route middleware that checks
// the tenant, and field sources read through embedded structs.
package inputapp

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"

	"example.com/auth"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

type App struct{ db *sql.DB }

const q = "SELECT * FROM devices WHERE tenant_id = $1"

// DeviceRequest is bound from the path, query and body.
type DeviceRequest struct {
	Tenant string `param:"tenant" uri:"tenant" params:"tenant"`
	ID     string `json:"id"`
	Owner  string // untagged: a JSON body fills it by name
	Secret string `json:"-" form:"-"`
	Gate   string `header:"X-Gateway-Tenant" reqHeader:"X-Gateway-Tenant"`
	Caller string `header:"X-Tenant"`
}

// echo: Bind and DefaultBinder's parts fill the struct.

func (a *App) EchoBind(c echo.Context) error {
	var req DeviceRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	a.db.QueryContext(ctx, q, req.Tenant) // want `tenant id comes from request input: c.Bind reaches tenant_id = \$1`
	a.db.QueryContext(ctx, q, req.Owner)  // want `tenant id comes from request input: c.Bind`
	a.db.QueryContext(ctx, q, req.Secret) // tagged "-": never bound
	a.db.QueryContext(ctx, q, req.Gate)   // a header the gateway sets
	return nil
}

func (a *App) EchoHeaders(c echo.Context) error {
	req := new(DeviceRequest)
	b := &echo.DefaultBinder{}
	if err := b.BindHeaders(c, req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	a.db.QueryContext(ctx, q, req.Caller) // want `tenant id comes from request input: b.BindHeaders`
	a.db.QueryContext(ctx, q, req.Gate)
	return nil
}

// The tenant overwritten from the authenticated context after binding is the caller's.
func (a *App) EchoBindThenAuth(c echo.Context) error {
	var req DeviceRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	req.Tenant = auth.TenantID(ctx)
	_, err := a.db.QueryContext(ctx, q, req.Tenant)
	return err
}

// A validator vouches for the bound field.
func (a *App) EchoBindValidated(c echo.Context) error {
	var req DeviceRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := auth.RequireMember(ctx, req.Tenant); err != nil {
		return err
	}
	_, err := a.db.QueryContext(ctx, q, req.Tenant)
	return err
}

// gin: ShouldBind* and Bind*.

func (a *App) GinBind(c *gin.Context) {
	var uri DeviceRequest
	if err := c.ShouldBindUri(&uri); err != nil {
		return
	}
	var body struct{ TenantID string }
	if err := c.ShouldBindJSON(&body); err != nil {
		return
	}
	ctx := c.Request.Context()
	a.db.QueryContext(ctx, q, uri.Tenant)    // want `tenant id comes from request input: c.ShouldBindUri`
	a.db.QueryContext(ctx, q, body.TenantID) // want `tenant id comes from request input: c.ShouldBindJSON`
	a.db.QueryContext(ctx, q, auth.TenantID(ctx))
}

// fiber: BodyParser, ParamsParser and ReqHeaderParser.

func (a *App) FiberBind(c *fiber.Ctx) error {
	var p DeviceRequest
	if err := c.ParamsParser(&p); err != nil {
		return err
	}
	ctx := c.UserContext()
	a.db.QueryContext(ctx, q, p.Tenant) // want `tenant id comes from request input: c.ParamsParser`
	var h DeviceRequest
	if err := c.ReqHeaderParser(&h); err != nil {
		return err
	}
	a.db.QueryContext(ctx, q, h.Gate) // the gateway's header
	return nil
}

// net/http (and chi, whose handlers are net/http's): a JSON body decoded into a struct.

func (a *App) DecodeBody(w http.ResponseWriter, r *http.Request) {
	var req DeviceRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	a.db.QueryContext(r.Context(), q, req.Owner) // want `tenant id comes from request input: json.NewDecoder\(r.Body\).Decode`
}

func (a *App) UnmarshalBody(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	var req DeviceRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return
	}
	a.db.QueryContext(r.Context(), q, req.Owner) // want `tenant id comes from request input: json.Unmarshal`
}

// Decoding something that is not the request (a stored document) is not request input.
func (a *App) DecodeStored(ctx context.Context, doc []byte) error {
	var req DeviceRequest
	if err := json.Unmarshal(doc, &req); err != nil {
		return err
	}
	_, err := a.db.QueryContext(ctx, q, req.Owner)
	return err
}

// A header the gateway sets is not request input; any other is.
func (a *App) Headers(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), q, r.Header.Get("X-Gateway-Tenant"))
	a.db.QueryContext(r.Context(), q, r.Header.Get("X-Tenant")) // want `tenant id comes from request input: r.Header.Get`
}

// Field sources read through an embedded struct, for the configured type only; several
// results of one source function.

type Base struct{ ID string }

type Account struct {
	Base
	Name string
}

type Host struct {
	*Base
	Addr string
}

func (a *App) ByAccount(ctx context.Context, acc *Account, h Host) {
	a.db.QueryContext(ctx, q, acc.ID)
	a.db.QueryContext(ctx, q, acc.Base.ID)
	a.db.QueryContext(ctx, q, h.ID)
}

func claims(ctx context.Context) (org, tenant string) { return "", "" }

func (a *App) ByClaims(ctx context.Context) {
	org, tenant := claims(ctx)
	a.db.QueryContext(ctx, q, org)
	a.db.QueryContext(ctx, q, tenant)
}
