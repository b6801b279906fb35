package webapp

import (
	"net/http"

	"example.com/auth"
	"github.com/grafana/dskit/user"
	wuser "github.com/weaveworks/common/user"
)

// dskit (and weaveworks/common): ExtractOrgIDFromHTTPRequest reads the X-Scope-OrgID header
// again instead of taking the org id from the authenticated context.

func (a *App) DskitHeader(w http.ResponseWriter, r *http.Request) {
	org, _, err := user.ExtractOrgIDFromHTTPRequest(r)
	if err != nil {
		return
	}
	a.db.QueryContext(r.Context(), "SELECT * FROM devices WHERE tenant_id = $1", org) // want `tenant id comes from request input: user.ExtractOrgIDFromHTTPRequest reaches tenant_id = \$1`
	worg, _, _ := wuser.ExtractOrgIDFromHTTPRequest(r)
	a.db.QueryContext(r.Context(), "SELECT * FROM devices WHERE tenant_id = $1", worg) // want `tenant id comes from request input: wuser.ExtractOrgIDFromHTTPRequest`
}

func (a *App) DskitGRPC(w http.ResponseWriter, r *http.Request) {
	org, _, _ := user.ExtractFromGRPCRequest(r.Context())
	a.db.QueryContext(r.Context(), "SELECT * FROM devices WHERE tenant_id = $1", org) // want `tenant id comes from request input: user.ExtractFromGRPCRequest`
}

func (a *App) DskitValidated(w http.ResponseWriter, r *http.Request) {
	org, _, err := user.ExtractOrgIDFromHTTPRequest(r)
	if err != nil {
		return
	}
	if err := auth.RequireMember(r.Context(), org); err != nil {
		return
	}
	a.db.QueryContext(r.Context(), "SELECT * FROM devices WHERE tenant_id = $1", org)
}

// user.ExtractOrgID is a source: the org id of the context, whichever context it is.
func (a *App) DskitAuthenticated(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	org, err := user.ExtractOrgID(ctx)
	if err != nil {
		return
	}
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", org)
	worg, _ := wuser.ExtractOrgID(ctx)
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", worg)
}

// Middleware that injects the header's org id, and a handler reading it back from the context.
func (a *App) DskitInjected(w http.ResponseWriter, r *http.Request) {
	_, ctx, err := user.ExtractOrgIDFromHTTPRequest(r)
	if err != nil {
		return
	}
	org, _ := user.ExtractOrgID(ctx)
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", org)
}
