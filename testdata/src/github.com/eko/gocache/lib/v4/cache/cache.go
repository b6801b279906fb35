// Package cache is a stub of github.com/eko/gocache/lib/v4/cache for the analysistest fixtures:
// only what they call, with the real signatures (contract/ compares them).
package cache

import (
	"context"

	"github.com/eko/gocache/lib/v4/store"
)

type CacheInterface[T any] interface {
	Get(ctx context.Context, key any) (T, error)
	Set(ctx context.Context, key any, object T, options ...store.Option) error
	Delete(ctx context.Context, key any) error
}

type Cache[T any] struct{ items map[string]T }

func (c *Cache[T]) Get(ctx context.Context, key any) (T, error) {
	var v T
	return v, nil
}

func (c *Cache[T]) Set(ctx context.Context, key any, object T, options ...store.Option) error {
	return nil
}

func (c *Cache[T]) Delete(ctx context.Context, key any) error { return nil }
