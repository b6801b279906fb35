// Package store declares repository interfaces; their implementations live elsewhere.
package store

import "context"

type Store interface {
	ProjectName(ctx context.Context, tenantID, id string) (string, error)
	// Rename's requires: entry names an argument it does not have: it requires nothing.
	Rename(ctx context.Context, tenantID, id, name string) error
}

type Note struct {
	ID       int
	TenantID string
	Body     string
}

type NotePersister interface {
	Create(n Note) error
}

// Base is embedded: Doc's TenantID is promoted from it.
type Base struct{ TenantID string }

type Doc struct {
	Base
	Title string
}

type DocWriter interface {
	Put(ctx context.Context, d *Doc) error
}
