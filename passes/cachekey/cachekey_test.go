package cachekey_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestConfiguredKeySinks covers the four key-sink families through configured sinks.
func TestConfiguredKeySinks(t *testing.T) {
	analysistest.Run(t, testdata(t), all.Analyzer, "keysinks")
}

// TestCacheLibraries covers the cache libraries of the catalog (go-redis, rueidis, gomemcache,
// ristretto, go-cache, gocache, singleflight, groupcache) on the shapes real code has.
func TestCacheLibraries(t *testing.T) {
	analysistest.Run(t, testdata(t), all.Analyzer, "cacheapp")
}
