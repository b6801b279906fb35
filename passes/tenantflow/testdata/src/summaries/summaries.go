package summaries

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"

	"example.com/auth"
	"github.com/go-chi/chi/v5"
)

// Sources: a function returning the active tenant, directly or through conversions.
func Current(ctx context.Context) string { // want Current:"result0=tenant"
	return auth.TenantID(ctx)
}

func CurrentKey(ctx context.Context, id int) string { // want CurrentKey:"result0=scoped"
	return fmt.Sprintf("%s:%d", auth.TenantID(ctx), id)
}

//tenantlint:source
func FromSession(ctx context.Context) (string, error) { // want FromSession:"result0=tenant"
	return "", nil
}

// A result that is the tenant on one path and another tenant's id on the other is not a source
// (must-merge).
func Maybe(ctx context.Context, ok bool) string { // want Maybe:"result0=none"
	if ok {
		return auth.TenantID(ctx)
	}
	return "default"
}

// A zero value on a not-found path ("", nil) does not make the result a constant: it binds
// nothing (tenant_id = '' matches no row), like `return nil, err`.
func OrEmpty(ctx context.Context, ok bool) string { // want OrEmpty:"result0=tenant"
	if ok {
		return auth.TenantID(ctx)
	}
	return ""
}

// A result derived from a parameter.
func Normalize(tid string) string { // want Normalize:"result0=param\\(p0\\)"
	return tid + ""
}

func Parse(s string) (int, error) { // want Parse:"result0=param\\(p0\\)"
	return strconv.Atoi(s)
}

type Params struct {
	ID       int64
	TenantID string
}

// Requirements: parameters (and parts of them) that reach a tenant predicate.
func Get(ctx context.Context, db *sql.DB, tid string) { // want Get:"requires p2 sql"
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
}

func GetParams(ctx context.Context, db *sql.DB, p Params) { // want GetParams:"requires p2.TenantID sql"
	db.QueryContext(ctx, `SELECT * FROM devices WHERE id = $1 AND tenant_id = $2`, p.ID, p.TenantID)
}

func GetPtr(ctx context.Context, db *sql.DB, p *Params) { // want GetPtr:"requires p2.TenantID sql"
	db.QueryContext(ctx, `SELECT * FROM devices WHERE id = $1 AND tenant_id = $2`, p.ID, p.TenantID)
}

// Through an in-package helper: the requirement moves up (fixpoint inside the package).
func Outer(ctx context.Context, db *sql.DB, t string) { // want Outer:"requires p2 sql"
	Get(ctx, db, Normalize(t))
}

// A wrapper forwarding SQL text and arguments.
func Query(ctx context.Context, db *sql.DB, q string, args ...any) { // want Query:"sql\\(query=p2 args=p3\\)"
	db.QueryContext(ctx, q, args...)
}

// Declared cross-tenant: no obligation for callers.
//
//tenantlint:crosstenant the fixture's reason
func All(ctx context.Context, db *sql.DB, t string) {
	db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, t)
}

// Integer tenant ids exist (Grafana's org id), so arithmetic keeps the derivation.
func Plain(a, b int) int { return a * b } // want Plain:"result0=param\\(p0\\|p1\\)"

// Request input returned after the validator vouched for it on every path that returns it is
// the tenant for the callers; on a path it does not dominate, it is still request input.
func OrgGuard(r *http.Request) (string, bool) { // want OrgGuard:"result0=tenant" OrgGuard:"tenantGuard"
	org := chi.URLParam(r, "org")
	if err := auth.RequireMember(r.Context(), org); err != nil {
		return "", false
	}
	return org, true
}

func OrgGuardIf(r *http.Request, check bool) string { // want OrgGuardIf:"result0=untrusted" OrgGuardIf:"tenantGuard"
	org := chi.URLParam(r, "org")
	if check && auth.RequireMember(r.Context(), org) != nil {
		return ""
	}
	return org
}

// Nothing to say: no fact.
func Nothing() {}
