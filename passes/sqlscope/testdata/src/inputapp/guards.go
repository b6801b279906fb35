package inputapp

import (
	"net/http"

	"example.com/auth"
	"github.com/go-chi/chi/v5"

	"inputapp/mw"
)

// Guard helpers: a function that reads the tenant from the request, has the validator vouch
// for it and returns it. Its callers use the tenant it checked, on every path that returns
// it; a guard that checks on some paths only, or returns other input than what it checked,
// hands its callers request input.

func (a *App) tenantGuard(w http.ResponseWriter, r *http.Request) (string, bool) {
	tenant := chi.URLParam(r, "tenant")
	if tenant == "" {
		http.Error(w, "tenant is required", http.StatusBadRequest)
		return "", false
	}
	if err := auth.RequireMember(r.Context(), tenant); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return "", false
	}
	return tenant, true
}

func (a *App) GuardedList(w http.ResponseWriter, r *http.Request) {
	tenant, ok := a.tenantGuard(w, r)
	if !ok {
		return
	}
	a.db.QueryContext(r.Context(), q, tenant)
}

// The guard in another package (its summary is a fact).
func (a *App) GuardedElsewhere(w http.ResponseWriter, r *http.Request) {
	tenant, err := mw.TenantFromPath(r)
	if err != nil {
		return
	}
	a.db.QueryContext(r.Context(), q, tenant)
}

// Checks the tenant only when asked to: the other path returns it unchecked.
func (a *App) sometimesGuard(r *http.Request, strict bool) string {
	tenant := chi.URLParam(r, "tenant")
	if strict {
		if err := auth.RequireMember(r.Context(), tenant); err != nil {
			return ""
		}
	}
	return tenant
}

func (a *App) SometimesGuarded(w http.ResponseWriter, r *http.Request) {
	tenant := a.sometimesGuard(r, true)
	a.db.QueryContext(r.Context(), q, tenant) // want `tenant id comes from request input: a.sometimesGuard`
}

// Checks the path's tenant but returns the header's.
func (a *App) swappedGuard(r *http.Request) (string, error) {
	tenant := chi.URLParam(r, "tenant")
	if err := auth.RequireMember(r.Context(), tenant); err != nil {
		return "", err
	}
	return r.Header.Get("X-Tenant"), nil
}

func (a *App) SwappedGuarded(w http.ResponseWriter, r *http.Request) {
	tenant, err := a.swappedGuard(r)
	if err != nil {
		return
	}
	a.db.QueryContext(r.Context(), q, tenant) // want `tenant id comes from request input: a.swappedGuard`
}

// Checks the tenant after one early return that hands back the header's tenant unchecked.
func (a *App) headerFirstGuard(r *http.Request) string {
	if t := r.Header.Get("X-Tenant"); t != "" {
		return t
	}
	tenant := chi.URLParam(r, "tenant")
	if err := auth.RequireMember(r.Context(), tenant); err != nil {
		return ""
	}
	return tenant
}

func (a *App) HeaderFirstGuarded(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), q, a.headerFirstGuard(r)) // want `tenant id comes from request input: a.headerFirstGuard`
}
