// Package ristretto is a stub of github.com/dgraph-io/ristretto v1 (generic since v1.0.0, the
// API v2 kept) for the analysistest fixtures: only what they call, with the real signatures
// (contract/ compares them).
package ristretto

import (
	"time"

	"github.com/dgraph-io/ristretto/z"
)

type Key = z.Key

type Cache[K Key, V any] struct{ items map[string]V }

func (c *Cache[K, V]) Get(key K) (V, bool) {
	var v V
	return v, false
}
func (c *Cache[K, V]) Set(key K, value V, cost int64) bool                           { return true }
func (c *Cache[K, V]) SetWithTTL(key K, value V, cost int64, ttl time.Duration) bool { return true }
func (c *Cache[K, V]) Del(key K)                                                     {}
