package cachekey_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"github.com/tenantlint/tenantlint/passes/cachekey"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	return fixtures.GOPATH(t, "testdata")
}

// TestCacheLibraries covers the cache libraries of the catalog (go-redis, rueidis, gomemcache,
// ristretto, go-cache, gocache, singleflight, groupcache) on the shapes real code has.
func TestCacheLibraries(t *testing.T) {
	analysistest.Run(t, testdata(t), cachekey.Analyzer, "cacheapp")
}
