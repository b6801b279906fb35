// Package service passes the tenant through from the handler to the store.
package service

import (
	"context"

	"chain/store"
	"example.com/auth"
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

// CheckedDevice checks that the caller belongs to the tenant it names before it reads: the
// permission check of a manager method (NetBird's ValidateUserPermissions(ctx, accountID,
// ...)) makes any tenant its callers pass one the user may use.
func (s *Service) CheckedDevice(ctx context.Context, tenantID string, id int64) error {
	if err := auth.RequireMember(ctx, tenantID); err != nil {
		return err
	}
	_, err := s.st.GetDevice(ctx, tenantID, id)
	return err
}

// CheckedLate checks only after the read: the read is still its callers' business.
func (s *Service) CheckedLate(ctx context.Context, tenantID string, id int64) error {
	_, err := s.st.GetDevice(ctx, tenantID, id)
	if err != nil {
		return err
	}
	return auth.RequireMember(ctx, tenantID)
}

// CheckedInTx checks first and reads in a callback, as a manager does in its transaction.
func (s *Service) CheckedInTx(ctx context.Context, tenantID string, id int64) error {
	if err := auth.RequireMember(ctx, tenantID); err != nil {
		return err
	}
	return s.inTx(func() error {
		_, err := s.st.GetDevice(ctx, tenantID, id)
		return err
	})
}

// CheckedAfterTx checks after the callback is made (and run): too late.
func (s *Service) CheckedAfterTx(ctx context.Context, tenantID string, id int64) error {
	err := s.inTx(func() error {
		_, err := s.st.GetDevice(ctx, tenantID, id)
		return err
	})
	if err != nil {
		return err
	}
	return auth.RequireMember(ctx, tenantID)
}

func (s *Service) inTx(f func() error) error { return f() }
