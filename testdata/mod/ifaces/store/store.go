// Package store declares the repository interfaces the services are given.
package store

import "context"

// Store is implemented by pg.Store, which binds tenantID to its tenant predicate.
type Store interface {
	ProjectName(ctx context.Context, tenantID, id string) (string, error)
}

// Namer is implemented by cache.Namer, which calls a Store: two interface hops.
type Namer interface {
	Name(ctx context.Context, tenantID, id string) (string, error)
}

// Counter is implemented by pg.Store with a query that needs no tenant (a global table).
type Counter interface {
	Count(ctx context.Context, tenantID string) (int, error)
}

// Finder is generic: it has no method set until instantiated, and is left alone.
type Finder[T any] interface {
	Find(ctx context.Context, tenantID, id string) (T, error)
}
