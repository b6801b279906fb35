// Package cacherules is cachekey's family of rules: cache keys are key sinks (the catalog's
// go-redis, rueidis, memcache, ristretto, go-cache, gocache, singleflight and groupcache calls,
// and configured cache sinks). A constant key is taken for a deliberately global entry; a key
// built from ids without the tenant names one entry for every tenant.
package cacherules

import (
	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
	"github.com/tenantlint/tenantlint/passes/internal/keysink"
)

// Family is the cache family.
var Family engine.Family = keysink.New(engine.FamilyInfo{Name: catalog.FamilyCache, Check: "cachekey", Noun: "cache key"})
