// Package cacheapp exercises the cache libraries of the catalog (cachekey): keys built with and
// without the tenant, helpers, variadic keys, pairs, fields, wrapped and interface clients.
package cacheapp

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"cacheapp/keys"
	"example.com/auth"
	"github.com/redis/go-redis/v9"
	"github.com/tenantlint/tenantlint/tenant/tenantcache"
)

func Strings(ctx context.Context, rdb *redis.Client, id int64) {
	tid := auth.TenantID(ctx)
	rdb.Get(ctx, fmt.Sprintf("stats:%d", id)) // want `the cache key of Get is built without the active tenant: every tenant shares it`
	rdb.Get(ctx, fmt.Sprintf("%s:stats:%d", tid, id))
	rdb.Set(ctx, "user:"+strconv.FormatInt(id, 10), "v", time.Minute) // want `the cache key of Set is built without the active tenant`
	rdb.Set(ctx, tid+":user:"+strconv.FormatInt(id, 10), "v", time.Minute)
	rdb.Incr(ctx, strings.Join([]string{"hits", strconv.FormatInt(id, 10)}, ":")) // want `the cache key of Incr is built without the active tenant`
	rdb.Incr(ctx, strings.Join([]string{tid, "hits", strconv.FormatInt(id, 10)}, ":"))
	rdb.HGet(ctx, path.Join("profiles", strconv.FormatInt(id, 10)), "name") // want `the cache key of HGet is built without the active tenant`
	rdb.HGet(ctx, path.Join(tid, "profiles", strconv.FormatInt(id, 10)), "name")
	rdb.Get(ctx, "feature-flags") // a constant: a deliberately global entry
	rdb.Expire(ctx, "feature-flags", time.Hour)
}

func Sessions(ctx context.Context, rdb *redis.Client, r *http.Request) {
	rdb.Get(ctx, "session:"+r.Header.Get("X-Session")) // want `the cache key of Get is built from request input \(r.Header.Get\) without the active tenant`
	rdb.Get(ctx, auth.TenantID(ctx)+":session:"+r.Header.Get("X-Session"))
}

// Values are not keys: a value built without the tenant is fine.
func Values(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Set(ctx, auth.TenantID(ctx)+":last", "stats:"+strconv.FormatInt(id, 10), 0)
	rdb.HSet(ctx, auth.TenantID(ctx)+":profile", "last", "stats:"+strconv.FormatInt(id, 10))
}

func Helpers(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Get(ctx, keys.Stats(id)) // want `the cache key of Get is built without the active tenant`
	rdb.Get(ctx, keys.ForTenant(auth.TenantID(ctx), id))
}

// Runtime scopers carry the tenant whatever their parts.
func Runtime(ctx context.Context, rdb *redis.Client, id int64) error {
	k, err := tenantcache.Key(ctx, "stats", strconv.FormatInt(id, 10))
	if err != nil {
		return err
	}
	rdb.Get(ctx, k)
	p, err := tenantcache.Prefix(ctx)
	if err != nil {
		return err
	}
	rdb.Del(ctx, p+"stats:"+strconv.FormatInt(id, 10))
	return nil
}

// cachedStats takes the tenant from its callers, who must pass the active one.
func cachedStats(ctx context.Context, rdb *redis.Client, tenantID string, id int64) string {
	return rdb.Get(ctx, fmt.Sprintf("%s:stats:%d", tenantID, id)).Val()
}

func CallsHelper(ctx context.Context, rdb *redis.Client, id int64) {
	cachedStats(ctx, rdb, auth.TenantID(ctx), id)
	cachedStats(ctx, rdb, "org-"+strconv.FormatInt(id, 10), id) // want `cachedStats needs the active tenant in tenantID .*is built without the active tenant`
}

func Variadic(ctx context.Context, rdb *redis.Client, id int64) {
	tid := auth.TenantID(ctx)
	good := tid + ":a:" + strconv.FormatInt(id, 10)
	bad := "b:" + strconv.FormatInt(id, 10)
	rdb.Del(ctx, good, bad) // want `the cache key of Del is built without the active tenant`
	rdb.Del(ctx, good, tid+":b:"+strconv.FormatInt(id, 10))
	rdb.MGet(ctx, good, "flags")
	rdb.SUnionStore(ctx, tid+":all", good, bad) // want `the cache key of SUnionStore is built without the active tenant`
}

// MSet takes pairs: its keys are the 1st, 3rd... values; values are not keys.
func Pairs(ctx context.Context, rdb *redis.Client, id int64) {
	tid := auth.TenantID(ctx)
	n := strconv.FormatInt(id, 10)
	rdb.MSet(ctx, tid+":a:"+n, "v", "b:"+n, "v") // want `the cache key of MSet is built without the active tenant`
	rdb.MSet(ctx, tid+":a:"+n, "stats:"+n, tid+":b:"+n, "user:"+n)
}

func Structs(ctx context.Context, rdb *redis.Client, id int64) {
	tid := auth.TenantID(ctx)
	n := strconv.FormatInt(id, 10)
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: "events:" + n, Values: map[string]any{"a": 1}}) // want `the cache key \(Stream\) of XAdd is built without the active tenant`
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: tid + ":events:" + n})
	rdb.Rename(ctx, tid+":a:"+n, "b:"+n) // want `the cache key of Rename is built without the active tenant`
}

// Interfaces: a call through UniversalClient or a pipeline is keyed by the interface of
// Cmdable that declares the command.
func Universal(ctx context.Context, u redis.UniversalClient, id int64) {
	u.Get(ctx, "stats:"+strconv.FormatInt(id, 10)) // want `the cache key of Get is built without the active tenant`
	u.Get(ctx, auth.TenantID(ctx)+":stats:"+strconv.FormatInt(id, 10))
	u.Del(ctx, "stats:"+strconv.FormatInt(id, 10))                                            // want `the cache key of Del is built without the active tenant`
	u.Watch(ctx, func(tx *redis.Tx) error { return nil }, "stats:"+strconv.FormatInt(id, 10)) // want `the cache key of Watch is built without the active tenant`
}

func Pipelines(ctx context.Context, rdb *redis.Client, id int64) {
	tid := auth.TenantID(ctx)
	rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.Incr(ctx, "hits:"+strconv.FormatInt(id, 10)) // want `the cache key of Incr is built without the active tenant`
		pipe.Incr(ctx, tid+":hits:"+strconv.FormatInt(id, 10))
		return nil
	})
}

var incrScript = redis.NewScript(`return redis.call("INCR", KEYS[1])`)

// Scripts take their keys as a []string.
func Scripts(ctx context.Context, rdb *redis.Client, id int64) {
	n := strconv.FormatInt(id, 10)
	rdb.Eval(ctx, "return 1", []string{"stats:" + n}) // want `the cache key of Eval is built without the active tenant`
	rdb.Eval(ctx, "return 1", []string{auth.TenantID(ctx) + ":stats:" + n})
	// Each key of a literal on its own: one carrying the tenant does not vouch for another.
	rdb.Eval(ctx, "return 1", []string{auth.TenantID(ctx) + ":a", "b:" + n}) // want `the cache key of Eval is built without the active tenant`
	incrScript.Run(ctx, rdb, []string{"hits:" + n})                          // want `the cache key of Run is built without the active tenant`
	incrScript.Run(ctx, rdb, []string{auth.TenantID(ctx) + ":hits:" + n})
}

// Scan's pattern lists keys: one without the tenant lists every tenant's.
func Patterns(ctx context.Context, rdb *redis.Client, user string) {
	rdb.Scan(ctx, 0, "sessions:"+user+":*", 100) // want `the cache key pattern of Scan is built without the active tenant`
	rdb.Scan(ctx, 0, auth.TenantID(ctx)+":sessions:"+user+":*", 100)
	rdb.Scan(ctx, 0, "*", 100) // a constant: deliberately every key
}

// tenantRedis is a client bound to the tenant: it builds its keys under its prefix.
type tenantRedis struct {
	rdb    *redis.Client
	prefix string
}

func forTenant(ctx context.Context, rdb *redis.Client) *tenantRedis {
	return &tenantRedis{rdb: rdb, prefix: auth.TenantID(ctx) + ":"}
}

func (t *tenantRedis) Stats(ctx context.Context, id int64) string {
	return t.rdb.Get(ctx, t.prefix+"stats:"+strconv.FormatInt(id, 10)).Val()
}

func Wrapped(ctx context.Context, rdb *redis.Client, id int64) {
	t := forTenant(ctx, rdb)
	t.Stats(ctx, id)
}

// Get prefixes any key it is given: the key needs the tenant in t.prefix or in key, and a
// client made by forTenant has it in t.prefix.
func (t *tenantRedis) Get(ctx context.Context, key string) string {
	return t.rdb.Get(ctx, t.prefix+key).Val()
}

func WrappedGet(ctx context.Context, rdb *redis.Client, id int64) {
	t := forTenant(ctx, rdb)
	t.Get(ctx, "stats:"+strconv.FormatInt(id, 10)) // bound to the tenant through t.prefix
	shared := &tenantRedis{rdb: rdb, prefix: "app:"}
	shared.Get(ctx, "stats:"+strconv.FormatInt(id, 10)) // want `Get needs the active tenant in t.prefix or key`
	shared.Get(ctx, auth.TenantID(ctx)+":stats")
}

// statsKey takes the tenant and an entity id: the tenant in either makes the key per tenant.
func statsKey(tenantID string, id int64) string {
	return "stats:" + tenantID + ":" + strconv.FormatInt(id, 10)
}

func TwoParts(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Get(ctx, statsKey(auth.TenantID(ctx), id))
	rdb.Get(ctx, statsKey("", id)) // want `the cache key of Get is built without the active tenant`
}
