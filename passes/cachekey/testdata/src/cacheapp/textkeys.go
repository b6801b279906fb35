package cacheapp

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/auth"
	"github.com/redis/go-redis/v9"
)

// Keys assembled in a strings.Builder or a bytes.Buffer are what was written into them.
func BuilderKeys(ctx context.Context, rdb *redis.Client, id int64) {
	var sb strings.Builder
	sb.WriteString("report:")
	sb.WriteString(strconv.FormatInt(id, 10))
	rdb.Get(ctx, sb.String()) // want `the cache key of Get is built without the active tenant: every tenant shares it`

	var tb strings.Builder
	tb.WriteString(auth.TenantID(ctx))
	tb.WriteByte(':')
	tb.WriteString(strconv.FormatInt(id, 10))
	rdb.Get(ctx, tb.String())

	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "report:%d", id)
	rdb.Del(ctx, buf.String()) // want `the cache key of Del is built without the active tenant`

	tbuf := bytes.NewBufferString(auth.TenantID(ctx))
	fmt.Fprintf(tbuf, ":report:%d", id)
	rdb.Del(ctx, tbuf.String())

	var global strings.Builder
	global.WriteString("feature-flags")
	rdb.Get(ctx, global.String()) // a constant, written in pieces or not: a deliberately global entry
}

// reportKey builds the key in a builder from an id: its callers get a key without the tenant.
func reportKey(id int64) string {
	var sb strings.Builder
	sb.WriteString("report:")
	sb.WriteString(strconv.FormatInt(id, 10))
	return sb.String()
}

func BuilderHelper(ctx context.Context, rdb *redis.Client, id int64) {
	rdb.Get(ctx, reportKey(id)) // want `the cache key of Get is built without the active tenant`
}

func writeTenant(ctx context.Context, w io.Writer) { io.WriteString(w, auth.TenantID(ctx)) }

// A buffer handed to a helper holds text the engine does not see: it may carry the tenant.
func BuilderThroughHelper(ctx context.Context, rdb *redis.Client, id int64) {
	var sb strings.Builder
	writeTenant(ctx, &sb)
	sb.WriteString(":report:")
	sb.WriteString(strconv.FormatInt(id, 10))
	rdb.Get(ctx, sb.String())
}

// Bools and floats cannot carry a tenant: a key built from them and constants is everyone's,
// whatever the parameter is called; its callers could not fix it.
func FlagKeys(ctx context.Context, rdb *redis.Client, member bool, ratio float64) {
	rdb.Get(ctx, fmt.Sprintf("summary:%t", member))                        // want `the cache key of Get is built without the active tenant: every tenant shares it`
	rdb.Get(ctx, "ratio:"+strconv.FormatFloat(ratio, 'f', 2, 64))          // want `the cache key of Get is built without the active tenant`
	rdb.Get(ctx, fmt.Sprintf("%s:summary:%t", auth.TenantID(ctx), member)) // the tenant is in it
	rdb.Get(ctx, fmt.Sprintf("summary:%t:%s", member, auth.TenantID(ctx))) // the tenant is in it
	rdb.Get(ctx, fmt.Sprintf("%s:ratio:%g", auth.TenantID(ctx), ratio))    // the tenant is in it
}

func byOrgFlag(ctx context.Context, rdb *redis.Client, orgWide bool) {
	rdb.Get(ctx, fmt.Sprintf("flags:%t", orgWide)) // want `the cache key of Get is built without the active tenant`
}

// summaryFor's tenant must come from its callers, its flag cannot: a bool passed for the flag
// does not meet the requirement.
func summaryFor(ctx context.Context, rdb *redis.Client, tenantID string, member bool) {
	rdb.Get(ctx, fmt.Sprintf("%s:summary:%t", tenantID, member))
}

func isMember(ctx context.Context) bool { return ctx.Value("member") != nil }

func FlagCallers(ctx context.Context, rdb *redis.Client, id int64) {
	byOrgFlag(ctx, rdb, true)
	summaryFor(ctx, rdb, auth.TenantID(ctx), isMember(ctx))
	summaryFor(ctx, rdb, fmt.Sprint("t-", id), isMember(ctx)) // want `summaryFor needs the active tenant in tenantID`
}

// StatsCache keeps its prefix in a field. Where the tenant is at hand, a key from the fields and
// constants without it is the same for every tenant: reported there, not passed to whoever
// set the field.
type StatsCache struct {
	rdb    *redis.Client
	prefix string
}

func (c *StatsCache) Daily(ctx context.Context, orgID string, day int) {
	c.rdb.Get(ctx, c.prefix+":stats:"+strconv.Itoa(day)) // want `the cache key of Get is built without the active tenant, which is at hand here: every tenant shares it`
	c.rdb.Get(ctx, c.prefix+":"+orgID+":stats:"+strconv.Itoa(day))
}

func (c *StatsCache) Weekly(ctx context.Context, week int) {
	c.rdb.Get(ctx, "weekly:"+strconv.Itoa(week)+":"+auth.TenantID(ctx))
	c.rdb.Del(ctx, c.prefix+":weekly:"+strconv.Itoa(week)) // want `the cache key of Del is built without the active tenant, which is at hand here`
}

// No tenant at hand: the prefix may be the tenant's (a cache made per tenant), the callers decide.
func (c *StatsCache) Total(ctx context.Context) { c.rdb.Get(ctx, c.prefix+":total") }
