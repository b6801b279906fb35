// Package lrulib is a dependency of the module (a versioned module, replaced by a local
// directory here): a generic cache whose map is keyed by whatever its caller passes.
package lrulib

import "sync"

type LRU struct {
	mu    sync.Mutex
	items map[string]any
}

func New() *LRU { return &LRU{items: map[string]any{}} }

func (c *LRU) Add(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = v
}

func (c *LRU) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}
