// Package store scopes bun queries with helpers and functional options: the options a caller
// passes decide whether a query is scoped, so the requirement sits on them.
package store

import (
	"context"

	"github.com/uptrace/bun"
)

type Device struct {
	bun.BaseModel `bun:"table:devices"`
	ID            int64  `bun:"id,pk"`
	TenantID      string `bun:"tenant_id"`
	Name          string `bun:"name"`
}

// Option adds a condition to a query.
type Option func(*bun.SelectQuery) *bun.SelectQuery

// ForTenant scopes a query to a tenant.
func ForTenant(tenantID string) Option {
	return func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("tenant_id = ?", tenantID) }
}

// ByName only sorts.
func ByName() Option {
	return func(q *bun.SelectQuery) *bun.SelectQuery { return q.Order("name") }
}

type Store struct{ db *bun.DB }

// Find applies its options in a loop: quiet here, judged at each call.
func (s *Store) Find(ctx context.Context, id int64, opts ...Option) (*Device, error) {
	d := new(Device)
	q := s.db.NewSelect().Model(d).Where("id = ?", id)
	for _, o := range opts {
		q = o(q)
	}
	return d, q.Scan(ctx)
}

// FindCtx applies options that find the query in a holder carried by the context.
type CtxOption func(ctx context.Context) error

type holder struct{ q *bun.SelectQuery }
type holderKey struct{}

func InTenant(tenantID string) CtxOption {
	return func(ctx context.Context) error {
		h := ctx.Value(holderKey{}).(*holder)
		h.q = h.q.Where("tenant_id = ?", tenantID)
		return nil
	}
}

func apply(ctx context.Context, q *bun.SelectQuery, opts ...CtxOption) (*bun.SelectQuery, error) {
	h := &holder{q: q}
	ctx = context.WithValue(ctx, holderKey{}, h)
	for _, o := range opts {
		if err := o(ctx); err != nil {
			return nil, err
		}
	}
	return h.q, nil
}

func (s *Store) FindCtx(ctx context.Context, id int64, opts ...CtxOption) (*Device, error) {
	d := new(Device)
	q, err := apply(ctx, s.db.NewSelect().Model(d).Where("id = ?", id), opts...)
	if err != nil {
		return nil, err
	}
	return d, q.Scan(ctx)
}

// Name takes the tenant as an optional variadic argument.
func (s *Store) Name(ctx context.Context, id int64, tenants ...string) (string, error) {
	d := new(Device)
	err := s.db.NewSelect().Model(d).Where("id = ?", id).Where("tenant_id = ?", tenants[0]).Scan(ctx)
	return d.Name, err
}
