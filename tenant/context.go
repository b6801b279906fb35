package tenant

import (
	"context"
	"errors"
	"fmt"
)

// Tenant is the active tenant: an identifier plus whatever the application
// attaches to it (a plan, a display name, a database row, settings). The
// runtime only ever needs the identifier.
//
// An [ID] is itself a Tenant, for applications that need nothing more.
type Tenant interface {
	TenantID() ID
}

// ErrNoTenant is wrapped by the errors of tenant-scoped operations run with a
// context that has no active tenant.
var ErrNoTenant = errors.New("no tenant in context")

// ErrNotAllTenants is wrapped by the errors of cross-tenant operations run
// outside the all-tenants scope (see [AllTenants]).
var ErrNotAllTenants = errors.New("context is not in the all-tenants scope")

// ErrUnknownTenant is the error lookup functions return (possibly wrapped)
// for a well-formed identifier that names no tenant. tenanthttp answers it
// with 404 Not Found.
var ErrUnknownTenant = errors.New("unknown tenant")

// scope is the single context value of this package. Keeping the tenant and
// the all-tenants flag in one value makes them exclusive: entering one scope
// leaves the other.
type scope struct {
	tenant Tenant // nil in the all-tenants scope
	all    bool
}

type scopeKey struct{}

func scopeOf(ctx context.Context) scope {
	s, _ := ctx.Value(scopeKey{}).(scope)
	return s
}

// With returns a copy of ctx in which t is the active tenant. It leaves the
// all-tenants scope, if ctx was in it: work done for one tenant inside a
// cross-tenant loop is tenant-scoped again.
//
// With panics if t is nil or if its identifier is invalid. Identifiers come
// from [ParseID], which returns an error for bad input, so an invalid one
// here is a programming error (a conversion from unchecked input) that must
// not be carried any further.
func With(ctx context.Context, t Tenant) context.Context {
	if t == nil {
		panic("tenant.With: nil Tenant")
	}
	if err := t.TenantID().Validate(); err != nil {
		panic("tenant.With: " + err.Error())
	}
	return context.WithValue(ctx, scopeKey{}, scope{tenant: t})
}

// From returns the active tenant of ctx, and whether there is one. There is
// none in the all-tenants scope.
func From(ctx context.Context) (Tenant, bool) {
	t := scopeOf(ctx).tenant
	return t, t != nil
}

// MustFrom returns the active tenant of ctx and panics if there is none. Use
// it only where a missing tenant is a programming error, for example below
// middleware that guarantees one.
func MustFrom(ctx context.Context) Tenant {
	t, ok := From(ctx)
	if !ok {
		panic("tenant.MustFrom: " + ErrNoTenant.Error())
	}
	return t
}

// IDFrom returns the identifier of the active tenant of ctx, and whether
// there is one.
func IDFrom(ctx context.Context) (ID, bool) {
	t, ok := From(ctx)
	if !ok {
		return "", false
	}
	return t.TenantID(), true
}

// RequireID returns the identifier of the active tenant of ctx, or an error
// wrapping [ErrNoTenant] that says why there is none. The identifier is
// validated again, so a tenant whose ID was made by conversion is refused.
// The runtime's sinks get their tenant through it.
func RequireID(ctx context.Context) (ID, error) {
	s := scopeOf(ctx)
	switch {
	case s.all:
		return "", fmt.Errorf("tenant: %w: the context is in the all-tenants scope; select one tenant with tenant.With", ErrNoTenant)
	case s.tenant == nil:
		return "", fmt.Errorf("tenant: %w", ErrNoTenant)
	}
	id := s.tenant.TenantID()
	if err := id.Validate(); err != nil {
		return "", err
	}
	return id, nil
}

// AllTenants returns a copy of ctx in the explicit all-tenants scope: the
// declaration that the code below works across tenants on purpose (a
// migration, a report, a cleanup). It has no active tenant, so tenant-scoped
// sinks refuse it, and cross-tenant operations ([RequireAllTenants]) accept
// it. The tenantlint analyzer treats code under it as declared cross-tenant.
func AllTenants(ctx context.Context) context.Context {
	return context.WithValue(ctx, scopeKey{}, scope{all: true})
}

// IsAllTenants reports whether ctx is in the all-tenants scope.
func IsAllTenants(ctx context.Context) bool { return scopeOf(ctx).all }

// RequireAllTenants returns nil if ctx is in the all-tenants scope and an
// error wrapping [ErrNotAllTenants] otherwise. Cross-tenant operations call
// it so that enumerating or touching every tenant is always declared.
func RequireAllTenants(ctx context.Context) error {
	if IsAllTenants(ctx) {
		return nil
	}
	if id, ok := IDFrom(ctx); ok {
		return fmt.Errorf("tenant: %w: the context is scoped to tenant %q; wrap it with tenant.AllTenants", ErrNotAllTenants, id)
	}
	return fmt.Errorf("tenant: %w: wrap the context with tenant.AllTenants", ErrNotAllTenants)
}
