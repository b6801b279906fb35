package cacheapp

import (
	"context"
	"strconv"
	"time"

	"example.com/auth"
	ristrettov1 "github.com/dgraph-io/ristretto"
	"github.com/dgraph-io/ristretto/v2"
	gocache "github.com/eko/gocache/lib/v4/cache"
	"github.com/golang/groupcache"
	cache "github.com/patrickmn/go-cache"
	"golang.org/x/sync/singleflight"
)

type Report struct{ Total int }

// ristretto's keys are generic: the rows name the generic origin.
func Ristretto(ctx context.Context, c *ristretto.Cache[string, *Report], byID *ristretto.Cache[uint64, *Report], id int64) {
	tid := auth.TenantID(ctx)
	n := strconv.FormatInt(id, 10)
	c.Get("report:" + n) // want `the cache key of Get is built without the active tenant`
	c.Get(tid + ":report:" + n)
	c.SetWithTTL("report:"+n, &Report{}, 1, time.Minute) // want `the cache key of SetWithTTL is built without the active tenant`
	c.Del(tid + ":report:" + n)
	byID.Get(uint64(id)) // an id alone is not a built key
}

func GoCache(ctx context.Context, c *cache.Cache, id int64) {
	n := strconv.FormatInt(id, 10)
	c.Set("report:"+n, &Report{}, time.Minute) // want `the cache key of Set is built without the active tenant`
	c.Get(auth.TenantID(ctx) + ":report:" + n)
	c.Delete("report:" + n) // want `the cache key of Delete is built without the active tenant`
}

func GoCacheV4(ctx context.Context, c *gocache.Cache[*Report], ci gocache.CacheInterface[*Report], id int64) {
	n := strconv.FormatInt(id, 10)
	c.Get(ctx, "report:"+n) // want `the cache key of Get is built without the active tenant`
	c.Set(ctx, auth.TenantID(ctx)+":report:"+n, &Report{})
	ci.Delete(ctx, "report:"+n) // want `the cache key of Delete is built without the active tenant`
	ci.Get(ctx, auth.TenantID(ctx)+":report:"+n)
}

var group singleflight.Group

// singleflight: calls with the same key share one result, whoever's tenant made it.
func Singleflight(ctx context.Context, id int64) (any, error) {
	n := strconv.FormatInt(id, 10)
	v, err, _ := group.Do("report:"+n, func() (any, error) { return &Report{}, nil }) // want `the cache key of Do is built without the active tenant`
	if err != nil {
		return nil, err
	}
	group.Do(auth.TenantID(ctx)+":report:"+n, func() (any, error) { return &Report{}, nil })
	group.Forget("report:" + n) // want `the cache key of Forget is built without the active tenant`
	return v, nil
}

func Groupcache(ctx context.Context, id int64) (string, error) {
	var s string
	g := groupcache.GetGroup("reports")
	if err := g.Get(ctx, "report:"+strconv.FormatInt(id, 10), groupcache.StringSink(&s)); err != nil { // want `the cache key of Get is built without the active tenant`
		return "", err
	}
	err := g.Get(ctx, auth.TenantID(ctx)+":report:"+strconv.FormatInt(id, 10), groupcache.StringSink(&s))
	return s, err
}

// ristretto v1 (Permify's cache) has v2's API under the module's first path.
func RistrettoV1(ctx context.Context, c *ristrettov1.Cache[string, any], id int64) {
	n := strconv.FormatInt(id, 10)
	c.Get("report:" + n) // want `the cache key of Get is built without the active tenant`
	c.Set(auth.TenantID(ctx)+":report:"+n, 1, 1)
}
