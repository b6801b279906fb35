// Package cache is a stub of github.com/patrickmn/go-cache for the analysistest fixtures: only
// what they call, with the real signatures (contract/ compares them). As in the real package, the
// methods are the unexported cache's, which Cache embeds.
package cache

import "time"

type Cache struct{ *cache }

type cache struct{ items map[string]interface{} }

func New(defaultExpiration, cleanupInterval time.Duration) *Cache { return &Cache{&cache{}} }

func (c *cache) Set(k string, x interface{}, d time.Duration) {}
func (c *cache) Get(k string) (interface{}, bool)             { return nil, false }
func (c *cache) Delete(k string)                              {}
