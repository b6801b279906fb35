package cacheapp

import (
	"context"
	"strconv"

	"example.com/auth"
	"github.com/bradfitz/gomemcache/memcache"
)

func Memcache(ctx context.Context, mc *memcache.Client, id int64) {
	tid := auth.TenantID(ctx)
	n := strconv.FormatInt(id, 10)
	mc.Get("stats:" + n) // want `the cache key of Get is built without the active tenant`
	mc.Get(tid + ":stats:" + n)
	mc.Set(&memcache.Item{Key: "stats:" + n, Value: []byte("1")}) // want `the cache key \(Key\) of Set is built without the active tenant`
	mc.Set(&memcache.Item{Key: tid + ":stats:" + n, Value: []byte("stats:" + n)})
	it := &memcache.Item{Key: "user:" + n}
	it.Value = []byte("1")
	mc.Add(it)                                                              // want `the cache key \(Key\) of Add is built without the active tenant`
	mc.GetMulti([]string{"stats:" + n})                                     // want `the cache key of GetMulti is built without the active tenant`
	mc.GetMulti([]string{auth.TenantID(ctx) + ":stats:" + n, "stats:" + n}) // want `the cache key of GetMulti is built without the active tenant`
	mc.Delete(tid + ":stats:" + n)
	mc.Increment("hits:"+n, 1) // want `the cache key of Increment is built without the active tenant`
	mc.Get("feature-flags")
}

// A client of the tenant's own server scopes every key through it.
func TenantServer(ctx context.Context, id int64) {
	mc := memcache.New(auth.TenantID(ctx) + ".cache.internal:11211")
	mc.Get("stats:" + strconv.FormatInt(id, 10))
}
