// Package service reaches the repositories only through their interfaces.
package service

import (
	"context"
	"net/http"

	"example.com/ifaces/auth"
	"example.com/ifaces/store"
)

type Service struct {
	store  store.Store
	names  store.Namer
	count  store.Counter
	finder store.Finder[string]
}

func (s *Service) FromQuery(r *http.Request, id string) (string, error) {
	return s.store.ProjectName(r.Context(), r.URL.Query().Get("tenant"), id) // untrusted: reported
}

func (s *Service) NoTenant(ctx context.Context, id string) (string, error) {
	return s.store.ProjectName(ctx, "", id) // constant: reported
}

func (s *Service) Own(ctx context.Context, id string) (string, error) {
	return s.store.ProjectName(ctx, auth.TenantFromContext(ctx), id)
}

func (s *Service) TwoHops(r *http.Request, id string) (string, error) {
	return s.names.Name(r.Context(), r.URL.Query().Get("tenant"), id) // untrusted, two hops: reported
}

func (s *Service) TwoHopsOwn(ctx context.Context, id string) (string, error) {
	return s.names.Name(ctx, auth.TenantFromContext(ctx), id)
}

func (s *Service) Count(ctx context.Context) (int, error) {
	return s.count.Count(ctx, "") // the implementation needs no tenant: quiet
}

func (s *Service) Find(ctx context.Context, id string) (string, error) {
	return s.finder.Find(ctx, "", id) // a generic interface: not followed, quiet
}

// Passed passes its own parameter: the requirement moves to its callers.
func (s *Service) Passed(ctx context.Context, tenantID, id string) (string, error) {
	return s.store.ProjectName(ctx, tenantID, id)
}

func (s *Service) CallsPassed(r *http.Request) (string, error) {
	return s.Passed(r.Context(), r.FormValue("tenant"), "1") // untrusted, through Passed: reported
}
