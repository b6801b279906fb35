package service

import (
	"context"
	"net/http"

	"example.com/auth"
	"ifacerequires/store"
)

type Service struct {
	store store.Store
	notes store.NotePersister
	docs  store.DocWriter
}

func (s *Service) FromQuery(r *http.Request, id string) (string, error) {
	return s.store.ProjectName(r.Context(), r.URL.Query().Get("tenant"), id) // want `tenant id comes from request input: r.URL.Query reaches ProjectName needs the active tenant in tenantID \(for the tenant argument declared in requires:\)`
}

func (s *Service) NoTenant(ctx context.Context, id string) (string, error) {
	return s.store.ProjectName(ctx, "", id) // want `ProjectName needs the active tenant in tenantID`
}

func (s *Service) Own(ctx context.Context, id string) (string, error) {
	return s.store.ProjectName(ctx, auth.TenantID(ctx), id)
}

// Passed hands the requirement to its callers.
func (s *Service) Passed(ctx context.Context, tenantID, id string) (string, error) {
	return s.store.ProjectName(ctx, tenantID, id)
}

func (s *Service) CallsPassed(r *http.Request) (string, error) {
	return s.Passed(r.Context(), r.FormValue("org"), "1") // want `r.FormValue reaches Passed needs the active tenant in tenantID`
}

func (s *Service) Rename(ctx context.Context, id string) error {
	return s.store.Rename(ctx, "", id, "x") // an entry that does not fit the signature: quiet
}

func (s *Service) AddNote(ctx context.Context) error {
	return s.notes.Create(store.Note{Body: "hi"}) // want `Create needs the active tenant in n.TenantID`
}

func (s *Service) AddNoteOK(ctx context.Context) error {
	return s.notes.Create(store.Note{Body: "hi", TenantID: auth.TenantID(ctx)})
}

func (s *Service) PutDoc(ctx context.Context) error {
	return s.docs.Put(ctx, &store.Doc{Title: "t"}) // want `Put needs the active tenant in d.Base.TenantID`
}

func (s *Service) PutDocOK(ctx context.Context) error {
	d := &store.Doc{Title: "t"}
	d.TenantID = auth.TenantID(ctx)
	return s.docs.Put(ctx, d)
}
