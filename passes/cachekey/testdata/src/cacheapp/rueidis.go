package cacheapp

import (
	"context"
	"strconv"

	"example.com/auth"
	"github.com/redis/rueidis"
)

// rueidis builds commands step by step: the step that takes the key is the sink.
func Rueidis(ctx context.Context, c rueidis.Client, id int64) {
	tid := auth.TenantID(ctx)
	n := strconv.FormatInt(id, 10)
	c.Do(ctx, c.B().Get().Key("stats:"+n).Build()) // want `the cache key of Key is built without the active tenant`
	c.Do(ctx, c.B().Get().Key(tid+":stats:"+n).Build())
	c.Do(ctx, c.B().Set().Key(tid+":last").Value("stats:"+n).Build()) // the value is not a key
	c.Do(ctx, c.B().Del().Key(tid+":a", "b:"+n).Build())              // want `the cache key of Key is built without the active tenant`
	c.Do(ctx, c.B().Mset().KeyValue().KeyValue("a:"+n, "v").Build())  // want `the cache key of KeyValue is built without the active tenant`
	c.Do(ctx, c.B().Rename().Key("a:"+n).Newkey(tid+":b").Build())    // want `the cache key of Key is built without the active tenant`
	c.Do(ctx, c.B().Get().Key("feature-flags").Build())
	// A step after a tenant key is not bound to the tenant: each key is judged.
	c.Do(ctx, c.B().Rename().Key(tid+":a").Newkey("b:"+n).Build()) // want `the cache key of Newkey is built without the active tenant`
	rueidis.MGet(c, ctx, []string{"stats:" + n})                   // want `the cache key of MGet is built without the active tenant`
	rueidis.MGet(c, ctx, []string{tid + ":stats:" + n})
	rueidis.MGet(c, ctx, []string{tid + ":stats:" + n, "stats:" + n}) // want `the cache key of MGet is built without the active tenant`
}
