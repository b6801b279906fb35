// Package cachekey reports cache keys that do not carry the active tenant.
//
// # Analyzer cachekey
//
// cachekey: Cache keys must carry the active tenant
//
// A cache key built without the active tenant ("stats:" + id, fmt.Sprintf("user:%d", id)) names one
// entry for every tenant: the first tenant to fill it serves its data to all the others. A key must
// be built from the tenant (or by a scoper such as tenantcache.Key), or go through a client bound
// to the tenant. Constant keys are taken as deliberately global entries and stay quiet.
//
// Libraries covered are rows of package catalog (family "cache"); configured `sinks:` with
// `kind: cache` add more. A key that is a parameter moves the obligation to the callers, across
// packages, like every tenantlint check.
//
// Before:
//
//	rdb.Get(ctx, fmt.Sprintf("stats:%d", id))
//
// After:
//
//	key, err := tenantcache.Key(ctx, "stats", strconv.FormatInt(id, 10))
//	rdb.Get(ctx, key)
package cachekey
