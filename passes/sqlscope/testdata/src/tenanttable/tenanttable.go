// Package tenanttable exercises the tenant table itself: with the tenant column tenant_id, the
// rows of tenants are the tenants, and their id is the tenant id. A tenant's row read or
// changed by its id needs the active tenant in that id; listing, resolving and creating tenants
// is not one tenant's business and stays quiet.
package tenanttable

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/auth"
)

type Tenant struct{ ID, Name string }

type Store struct{ db *sql.DB }

// TenantByID reads a tenant's own row: its callers pass the tenant.
func (s *Store) TenantByID(ctx context.Context, id string) (*Tenant, error) {
	t := &Tenant{}
	err := s.db.QueryRowContext(ctx, `SELECT id, name FROM tenants WHERE id = $1`, id).Scan(&t.ID, &t.Name)
	return t, err
}

// RenameTenant changes a tenant's own row.
func (s *Store) RenameTenant(ctx context.Context, id, name string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE tenants SET name = $2 WHERE id = $1`, id, name)
	return err
}

// ListTenants lists every tenant (an operator's page, a job that fans out per tenant): quiet.
func (s *Store) ListTenants(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id, name FROM tenants ORDER BY name`)
}

// TenantBySlug resolves the tenant of a subdomain, before any tenant is active: quiet.
func (s *Store) TenantBySlug(ctx context.Context, slug string) (*Tenant, error) {
	t := &Tenant{}
	err := s.db.QueryRowContext(ctx, `SELECT id, name FROM tenants WHERE slug = $1`, slug).Scan(&t.ID, &t.Name)
	return t, err
}

// CreateTenant creates a tenant, which no tenant owns yet: quiet.
func (s *Store) CreateTenant(ctx context.Context, id, name string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO tenants (id, name) VALUES ($1, $2)`, id, name)
	return err
}

type Handler struct{ st *Store }

// Mine reads and renames the caller's own tenant: quiet.
func (h *Handler) Mine(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.st.TenantByID(ctx, auth.TenantID(ctx))
	h.st.RenameTenant(ctx, auth.TenantID(ctx), r.FormValue("name"))
	h.st.CreateTenant(ctx, r.FormValue("id"), r.FormValue("name"))
	h.st.TenantBySlug(ctx, r.FormValue("slug"))
}

// Any reads and renames the tenant named in the request: any caller reaches any tenant's row.
func (h *Handler) Any(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.st.TenantByID(ctx, r.FormValue("tenant"))                                          // want `tenant id comes from request input: r.FormValue reaches TenantByID`
	h.st.RenameTenant(ctx, r.URL.Query().Get("tenant"), "x")                             // want `tenant id comes from request input`
	h.st.db.ExecContext(ctx, `DELETE FROM tenants WHERE id = $1`, r.FormValue("tenant")) // want `tenant id comes from request input`
}

// Fixed reads one tenant by a constant id.
func (h *Handler) Fixed(ctx context.Context) {
	h.st.TenantByID(ctx, "acme") // want `TenantByID needs the active tenant in id`
}
