package contract

// The cache libraries of catalog/cache.go.
import (
	_ "github.com/bradfitz/gomemcache/memcache"
	_ "github.com/dgraph-io/ristretto"
	_ "github.com/dgraph-io/ristretto/v2"
	_ "github.com/eko/gocache/lib/v4/cache"
	_ "github.com/eko/gocache/lib/v4/store"
	_ "github.com/golang/groupcache"
	_ "github.com/patrickmn/go-cache"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/redis/rueidis"
	_ "golang.org/x/sync/singleflight"
)
