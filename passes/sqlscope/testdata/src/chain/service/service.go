// Package service passes the tenant through from the handler to the store.
package service

import (
	"context"

	"chain/store"
)

type Service struct{ st *store.Store }

func (s *Service) Device(ctx context.Context, tenantID string, id int64) error {
	_, err := s.st.GetDevice(ctx, tenantID, id)
	return err
}

// Forget drops the tenant it was given: the scope is lost here.
func (s *Service) Forget(ctx context.Context, tenantID string, id int64) error {
	_, err := s.st.GetDevice(ctx, "", id) // want `GetDevice needs the active tenant in tid .* but it gets a constant`
	return err
}
