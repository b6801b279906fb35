// Package keysinks exercises the key-sink families (cache, channel, storage, job) on configured
// sinks: keys built with and without the tenant, helpers, bound clients, payload structs.
package keysinks

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"strings"

	"example.com/auth"
)

type Cache struct{ prefix string }

func (c *Cache) Get(key string) string { return "" }

type Bucket struct{ prefix string }

func NewBucket(prefix string) *Bucket  { return &Bucket{prefix: prefix} }
func (b *Bucket) Put(key string) error { return nil }

func Publish(ctx context.Context, channel string, data []byte) {}
func Enqueue(ctx context.Context, payload []byte)              {}

func statsKey(id int64) string { return fmt.Sprintf("stats:%d", id) }

func tenantKey(ctx context.Context, id int64) string {
	return fmt.Sprintf("%s:stats:%d", auth.TenantID(ctx), id)
}

func Cached(ctx context.Context, c *Cache, id int64, r *http.Request) {
	c.Get(fmt.Sprintf("stats:%d", id)) // want `the cache key of Get is built without the active tenant`
	c.Get("feature-flags")             // a constant: a deliberately global entry
	c.Get(tenantKey(ctx, id))
	c.Get(strings.Join([]string{auth.TenantID(ctx), "stats"}, ":"))
	c.Get(statsKey(id))                  // want `the cache key of Get is built without the active tenant`
	c.Get("user:" + r.FormValue("user")) // want `built from request input \(r.FormValue\) without the active tenant`
	get(c, "stats:"+fmt.Sprint(id))      // want `get needs the active tenant in key`
	get(c, tenantKey(ctx, id))
}

// get passes its key to the cache: callers must scope it.
func get(c *Cache, key string) string { return c.Get(key) }

func Channels(ctx context.Context, data []byte) {
	Publish(ctx, "notes.created", data) // want `the channel name of Publish is a constant: every tenant shares it`
	Publish(ctx, auth.TenantID(ctx)+".notes.created", data)
}

func Storage(ctx context.Context, b *Bucket, id string) {
	b.Put(path.Join("notes", id+".txt")) // want `the storage path of Put is built without the active tenant`
	b.Put(path.Join(auth.TenantID(ctx), "notes", id+".txt"))
	tb := NewBucket(auth.TenantID(ctx) + "/")
	tb.Put(path.Join("notes", id+".txt")) // a bucket bound to the tenant scopes every key
}

type indexJob struct {
	NoteID int64
	Tenant string
}

func Jobs(ctx context.Context, id int64) {
	p, _ := json.Marshal(indexJob{NoteID: id}) // the payload lacks its tenant...
	Enqueue(ctx, p)                            // want `the job payload of Enqueue is built without the active tenant`
	q, _ := json.Marshal(indexJob{NoteID: id, Tenant: auth.TenantID(ctx)})
	Enqueue(ctx, q)
}

// A helper whose parameter is named like the tenant passes the obligation to its callers.
func enqueueFor(ctx context.Context, tenantID string, id int64) {
	p, _ := json.Marshal(indexJob{NoteID: id, Tenant: tenantID})
	Enqueue(ctx, p)
}

func JobsThroughHelper(ctx context.Context, id int64) {
	enqueueFor(ctx, auth.TenantID(ctx), id)
	enqueueFor(ctx, fmt.Sprint("t-", id), id) // want `enqueueFor needs the active tenant in tenantID .* is built without the active tenant`
	enqueueFor(ctx, "", id)                   // a constant: taken as deliberate, like a constant key
}

func OneBranch(ctx context.Context, id int64) {
	var p indexJob
	p.NoteID = id
	if id > 0 {
		p.Tenant = auth.TenantID(ctx)
	}
	b, _ := json.Marshal(p)
	Enqueue(ctx, b) // want `the job payload of Enqueue is built without the active tenant`

	var q indexJob
	q.Tenant = auth.TenantID(ctx)
	if id > 0 {
		q.NoteID = id
	}
	c, _ := json.Marshal(q)
	Enqueue(ctx, c)
}

// Ids read from the database (filled by Scan, which the engine does not see) are still not the
// tenant: a key built from one is shared by every tenant.
type row interface{ Scan(dest ...any) error }

func Scanned(ctx context.Context, c *Cache, r row) {
	var id int64
	r.Scan(&id)
	c.Get(fmt.Sprintf("note:%d", id)) // want `the cache key of Get is built without the active tenant`
}

// byMember: with tenant.names [member], memberID may hold the tenant, so its callers decide;
// byVisitor's visitorID may not, so the key is built without the tenant right here.
func byMember(c *Cache, memberID string)   { c.Get("m:" + memberID) }
func byVisitor(c *Cache, visitorID string) { c.Get("v:" + visitorID) } // want `the cache key of Get is built without the active tenant`

func Names(ctx context.Context, c *Cache, id string) {
	byMember(c, auth.TenantID(ctx))
	byMember(c, "m-"+id) // want `byMember needs the active tenant in memberID`
	byVisitor(c, auth.TenantID(ctx))
}

// byProject: "project" is a built-in tenant word, removed by this fixture's tenant.names
// (-project): the key is built without the tenant right here.
func byProject(c *Cache, project string) { c.Get("p:" + project) } // want `the cache key of Get is built without the active tenant`
