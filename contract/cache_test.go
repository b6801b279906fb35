package contract

import (
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

func init() {
	realPackages = append(realPackages,
		"github.com/redis/go-redis/v9",
		"github.com/redis/rueidis",
		"github.com/redis/rueidis/internal/cmds",
		"github.com/bradfitz/gomemcache/memcache",
		"github.com/dgraph-io/ristretto",
		"github.com/dgraph-io/ristretto/v2",
		"github.com/patrickmn/go-cache",
		"github.com/eko/gocache/lib/v4/cache",
		"github.com/eko/gocache/lib/v4/store",
		"golang.org/x/sync/singleflight",
		"github.com/golang/groupcache",
	)
}

// TestCacheRowsAreCalleeKeys: the engine matches a call by the catalog.Key of its callee, which
// names the method where it is declared: go-redis's GET is cmdable's (Client embeds cmdable) or
// StringCmdable's (Cmdable and UniversalClient embed it), never Client's or UniversalClient's. A
// row named otherwise would pass the lookup of TestCatalogAgainstRealModules and never match.
func TestCacheRowsAreCalleeKeys(t *testing.T) {
	n := 0
	for _, k := range catalog.KeySinks {
		if k.Family != "cache" {
			continue
		}
		n++
		// (Rows spelled otherwise than catalog.Key of the callee are reported for every family by
		// TestCatalogAgainstRealModules.)
		if k.What != "cache key" && !strings.HasPrefix(k.What, "cache key ") {
			t.Errorf("cache sink %s: What %q", k.Func, k.What)
		}
	}
	if n == 0 {
		t.Fatal("no cache sinks")
	}
}
