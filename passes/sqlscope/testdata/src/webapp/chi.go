package webapp

import (
	"net/http"

	"example.com/auth"
	"github.com/go-chi/chi/v5"
)

// chi v5: URL parameters from the request, its context, or the routing context.

func (a *App) ChiParam(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t := chi.URLParam(r, "tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)                                  // want `tenant id comes from request input: chi.URLParam reaches tenant_id = \$1`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", chi.URLParamFromCtx(ctx, "tenant")) // want `tenant id comes from request input: chi.URLParamFromCtx`
	rc := chi.RouteContext(ctx)
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", rc.URLParam("tenant")) // want `tenant id comes from request input: rc.URLParam`
}

func (a *App) ChiValidated(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t := chi.URLParam(r, "tenant")
	if err := auth.RequireMember(ctx, t); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
}

func (a *App) ChiAuthenticated(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1 AND id = $2", auth.TenantID(ctx), chi.URLParam(r, "id"))
}
