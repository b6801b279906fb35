// Package server implements the strict server of package api: the bound query parameters
// arrive in the request object, through the interface and a closure, and are request input.
package server

import (
	"context"
	"database/sql"

	"example.com/auth"

	"inputapp/api"
)

type Server struct{ db *sql.DB }

var _ api.StrictServerInterface = (*Server)(nil)

func (s *Server) List(ctx context.Context, request api.ListRequestObject) error {
	_, err := s.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", *request.Params.Tenant) // want `tenant id comes from request input: api.ListParams.Tenant reaches tenant_id = \$1`
	return err
}

func (s *Server) ListChecked(ctx context.Context, request api.ListRequestObject) error {
	if err := auth.RequireMember(ctx, *request.Params.Tenant); err != nil {
		return err
	}
	_, err := s.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", *request.Params.Tenant)
	return err
}

// A request object the server builds itself carries what it was given.
func (s *Server) ListMine(ctx context.Context) error {
	t := auth.TenantID(ctx)
	return s.List(ctx, api.ListRequestObject{Params: api.ListParams{Tenant: &t}})
}
