// Package notes is the deliberately broken twin of examples/notes: the same
// multi-tenant notes API with exactly one tenant-isolation bug per sink
// family, each marked with a comment naming the family and the bug, for
// the tenantlint analyzer to find. Do not use it as a model.
package notes

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenanthttp"
	"github.com/tenantlint/tenantlint/tenant/tenantjob"
	"github.com/tenantlint/tenantlint/tenant/tenantsql"
)

// Schema creates the tables. tenants is the registry of tenants (not a
// tenant table); notes is shared by all tenants with a tenant_id column;
// jobs is a queue whose payloads are tenantjob envelopes.
const Schema = `
CREATE TABLE IF NOT EXISTS tenants (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS notes (
	id bigserial PRIMARY KEY,
	tenant_id text NOT NULL REFERENCES tenants (id),
	body text NOT NULL,
	words int);
CREATE TABLE IF NOT EXISTS jobs (id bigserial PRIMARY KEY, payload bytea NOT NULL);`

// The statements are constants so that tenantlint can check them. In
// statements on notes, $1 is the tenant: tenantsql supplies it.
const (
	qTenant   = `SELECT name FROM tenants WHERE id = $1`
	qList     = `SELECT id, body, coalesce(words, -1) FROM notes WHERE tenant_id = $1 ORDER BY id`
	qListNew  = `SELECT id, body, coalesce(words, -1) FROM notes WHERE tenant_id = $1 ORDER BY id DESC`
	qGet      = `SELECT body FROM notes WHERE tenant_id = $1 AND id = $2`
	qAdd      = `INSERT INTO notes (tenant_id, body) VALUES ($1, $2) RETURNING id`
	qSetWords = `UPDATE notes SET words = $3 WHERE tenant_id = $1 AND id = $2`
	qEnqueue  = `INSERT INTO jobs (payload) VALUES ($1)`
	qDequeue  = `DELETE FROM jobs WHERE id = (SELECT id FROM jobs ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING payload`
	qNotify   = `SELECT pg_notify($1, $2)`

	qGetAny    = `SELECT body FROM notes WHERE id = $1`
	qExportFor = `SELECT id, body, coalesce(words, -1) FROM notes WHERE tenant_id = $1 ORDER BY id`
)

// Tenant is a customer organization.
type Tenant struct {
	ID   tenant.ID
	Name string
}

// TenantID implements tenant.Tenant.
func (t Tenant) TenantID() tenant.ID { return t.ID }

// Note is one note of a tenant. Words is -1 until the indexing job ran.
type Note struct {
	ID    int64  `json:"id"`
	Body  string `json:"body"`
	Words int    `json:"words"`
}

// App is the notes service.
type App struct {
	sqldb  *sql.DB
	db     *tenantsql.DB
	files  string // directory holding one subdirectory per tenant
	domain string
	cache  *Cache
}

// New returns the service on db, storing files under dir and resolving
// tenants from the X-Tenant header, then from subdomains of domain.
func New(db *sql.DB, dir, domain string) *App {
	return &App{
		sqldb:  db,
		db:     tenantsql.NewDB(db, tenantsql.Table{Name: "notes", Column: "tenant_id"}),
		files:  dir,
		domain: domain,
		cache:  NewCache(),
	}
}

// Cache is a minimal in-process cache shared by all tenants, standing in
// for Redis or memcached.
type Cache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string][]byte{}} }

func (c *Cache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *Cache) set(key string, v []byte) { c.mu.Lock(); c.m[key] = v; c.mu.Unlock() }
func (c *Cache) del(key string)           { c.mu.Lock(); delete(c.m, key); c.mu.Unlock() }

func (a *App) lookup(ctx context.Context, id tenant.ID) (tenant.Tenant, error) {
	t := Tenant{ID: id}
	err := a.db.QueryRowContext(ctx, qTenant, string(id)).Scan(&t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tenant.ErrUnknownTenant
	}
	return t, err
}

// Handler returns the HTTP API.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /notes", a.list)
	mux.HandleFunc("POST /notes", a.add)
	mux.HandleFunc("GET /notes/{id}", a.get)
	mux.HandleFunc("GET /notes/{id}/raw", a.raw)
	mux.HandleFunc("GET /export", a.export)
	return tenanthttp.Middleware(tenanthttp.Config{
		Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant"), tenanthttp.Subdomain(a.domain)},
		Lookup:    a.lookup,
		Public:    tenanthttp.PublicPaths("/healthz"),
	})(mux)
}

func fail(w http.ResponseWriter, err error) {
	if errors.Is(err, sql.ErrNoRows) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// listOrders are the orders a list can be sorted in; each is cached under its own key.
var listOrders = []string{"oldest", "newest"}

// listKey is the cache key of the tenant's list of notes in an order.
func listKey(ctx context.Context, order string) (string, error) {
	return "notes:list:" + order, nil // BUG(tenantlint): cache: cache key without tenant
}

// notes returns the tenant's notes in order, from the cache when possible.
func (a *App) notes(ctx context.Context, order string) ([]Note, error) {
	key, err := listKey(ctx, order)
	if err != nil {
		return nil, err
	}
	if b, ok := a.cache.get(key); ok {
		var ns []Note
		return ns, json.Unmarshal(b, &ns)
	}
	q := qList
	if order == "newest" {
		q = qListNew
	}
	rows, err := a.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ns := []Note{}
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Body, &n.Words); err != nil {
			return nil, err
		}
		ns = append(ns, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	b, _ := json.Marshal(ns)
	a.cache.set(key, b)
	return ns, nil
}

func (a *App) invalidate(ctx context.Context) {
	for _, order := range listOrders {
		if key, err := listKey(ctx, order); err == nil {
			a.cache.del(key)
		}
	}
}

func (a *App) list(w http.ResponseWriter, r *http.Request) {
	order := r.URL.Query().Get("order")
	if order == "" {
		order = "oldest"
	}
	if !slices.Contains(listOrders, order) {
		http.Error(w, "order must be oldest or newest", http.StatusBadRequest)
		return
	}
	ns, err := a.notes(r.Context(), order)
	if err != nil {
		fail(w, err)
		return
	}
	json.NewEncoder(w).Encode(ns)
}

// enqueue queues a job; its payload must be a tenantjob envelope (the
// worker restores the tenant from it). tenantlint knows it as a job sink
// from examples/.tenantlint.yml.
func (a *App) enqueue(ctx context.Context, payload []byte) error {
	_, err := a.db.ExecContext(ctx, qEnqueue, payload)
	return err
}

// notify publishes msg on a PostgreSQL notification channel, which must
// be the tenant's (a channel sink in examples/.tenantlint.yml).
func (a *App) notify(ctx context.Context, channel, msg string) error {
	_, err := a.db.ExecContext(ctx, qNotify, channel, msg)
	return err
}

// indexJob asks the worker to count a note's words.
type indexJob struct {
	NoteID int64 `json:"note_id"`
}

func (a *App) add(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil || len(body) == 0 {
		http.Error(w, "empty note", http.StatusBadRequest)
		return
	}
	var id int64
	if err := a.db.QueryRowContext(ctx, qAdd, string(body)).Scan(&id); err != nil {
		fail(w, err)
		return
	}
	a.invalidate(ctx)
	if err := a.writeFile(ctx, id, body); err != nil {
		fail(w, err)
		return
	}
	job, err := json.Marshal(indexJob{NoteID: id}) // BUG(tenantlint): job: job enqueued without tenant
	if err != nil {
		fail(w, err)
		return
	}
	if err := a.enqueue(ctx, job); err != nil {
		fail(w, err)
		return
	}
	if err := a.notify(ctx, "notes.created", strconv.FormatInt(id, 10)); err != nil { // BUG(tenantlint): pubsub: channel without tenant
		fail(w, err)
		return
	}
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(Note{ID: id, Body: string(body), Words: -1})
}

func (a *App) get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	n := Note{ID: id, Words: -1}
	if err := a.sqldb.QueryRowContext(r.Context(), qGetAny, id).Scan(&n.Body); err != nil { // BUG(tenantlint): sql: query on notes without tenant predicate
		fail(w, err)
		return
	}
	json.NewEncoder(w).Encode(n)
}

// notePath is where the note's text is stored.
func (a *App) notePath(id int64) string {
	return filepath.Join(a.files, "notes", fmt.Sprintf("%d.txt", id)) // BUG(tenantlint): storage: storage path without tenant
}

// writeFile stores the note's text.
func (a *App) writeFile(ctx context.Context, id int64, body []byte) error {
	if err := os.MkdirAll(filepath.Join(a.files, "notes"), 0o700); err != nil {
		return err
	}
	return os.WriteFile(a.notePath(id), body, 0o600)
}

func (a *App) raw(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	b, err := os.ReadFile(a.notePath(id))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Write(b)
}

// export writes the tenant's notes as text, one per line.
func (a *App) export(w http.ResponseWriter, r *http.Request) {
	tid := r.FormValue("tenant") // BUG(tenantlint): tenant-source: tenant id taken from r.FormValue("tenant") and used in a query
	rows, err := a.sqldb.QueryContext(r.Context(), qExportFor, tid)
	if err != nil {
		fail(w, err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Body, &n.Words); err != nil {
			return
		}
		fmt.Fprintf(w, "%d\t%s\n", n.ID, strings.ReplaceAll(n.Body, "\n", " "))
	}
}

// Work runs one queued job, if any, and reports whether it found one. The
// job runs for the tenant its envelope names.
func (a *App) Work(ctx context.Context) (bool, error) {
	var payload []byte
	err := a.db.QueryRowContext(ctx, qDequeue).Scan(&payload)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var job indexJob
	jctx, err := tenantjob.Restore(ctx, payload, &job, a.lookup)
	if err != nil {
		return true, err
	}
	var body string
	if err := a.db.QueryRowContext(jctx, qGet, job.NoteID).Scan(&body); err != nil {
		return true, err
	}
	if _, err := a.db.ExecContext(jctx, qSetWords, job.NoteID, len(strings.Fields(body))); err != nil {
		return true, err
	}
	a.invalidate(jctx)
	return true, nil
}
