// Package webapp exercises request input from web and RPC frameworks: a tenant id taken from a
// route parameter, a query or form value, a header, a cookie or gRPC metadata is chosen by the
// caller. It is reported when it reaches a tenant predicate, unless the configured validator
// (auth.RequireMember) vouched for it on every path; the authenticated tenant (auth.TenantID)
// is what the queries should use.
package webapp

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/auth"
	"github.com/gorilla/mux"
)

type App struct{ db *sql.DB }

// gorilla/mux: the route variables are request input, and so is each value of the map.

func (a *App) MuxParam(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t := mux.Vars(r)["tenant"]
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t) // want `tenant id comes from request input: mux.Vars reaches tenant_id = \$1 in the query on tenant table "devices"`
	vars := mux.Vars(r)
	for _, v := range vars {
		a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", v) // want `tenant id comes from request input: mux.Vars`
	}
}

func (a *App) MuxValidated(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t := mux.Vars(r)["tenant"]
	if err := auth.RequireMember(ctx, t); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
}

// The same key read twice from the same map: the validator vouched for it.
func (a *App) MuxValidatedReread(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	vars := mux.Vars(r)
	if err := auth.RequireMember(ctx, vars["tenant"]); err != nil {
		return
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", vars["tenant"])
}

// Validated on one branch only: still request input where the query runs.
func (a *App) MuxValidatedSometimes(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t := mux.Vars(r)["tenant"]
	if r.Method == http.MethodPost {
		if err := auth.RequireMember(ctx, t); err != nil {
			return
		}
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t) // want `tenant id comes from request input: mux.Vars`
}

// The route names the device; the tenant is the authenticated one.
func (a *App) MuxAuthenticated(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := mux.Vars(r)["id"]
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1 AND id = $2", auth.TenantID(ctx), id)
}

// A helper taking the tenant: the handler passing request input is where it is reported.
func (a *App) devices(ctx context.Context, tenantID string) {
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", tenantID)
}

func (a *App) MuxThroughHelper(w http.ResponseWriter, r *http.Request) {
	a.devices(r.Context(), mux.Vars(r)["tenant"]) // want `tenant id comes from request input: mux.Vars reaches devices needs the active tenant in tenantID`
	a.devices(r.Context(), auth.TenantID(r.Context()))
}
