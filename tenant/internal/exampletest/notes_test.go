package exampletest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	notes "github.com/tenantlint/tenantlint/examples/notes"
	broken "github.com/tenantlint/tenantlint/examples/notes-broken"
	"github.com/tenantlint/tenantlint/tenant/internal/pgtest"
)

var pg *pgtest.Server

func TestMain(m *testing.M) { pgtest.Main(m, &pg) }

// service is one running instance of a notes app.
type service struct {
	dsn string
	db  *sql.DB
	dir string
	srv *httptest.Server
	app interface {
		Handler() http.Handler
		Work(context.Context) (bool, error)
	}
}

// start runs the app made by newApp on a fresh database holding the
// tenants acme and globex.
func start[A interface {
	Handler() http.Handler
	Work(context.Context) (bool, error)
}](t *testing.T, schema string, newApp func(*sql.DB, string, string) A) *service {
	t.Helper()
	dsn, err := pg.NewDatabase("notes")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(schema); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO tenants VALUES ('acme', 'Acme'), ('globex', 'Globex')`); err != nil {
		t.Fatal(err)
	}
	s := &service{dsn: dsn, db: db, dir: t.TempDir()}
	app := newApp(db, s.dir, "notes.test")
	s.app = app
	s.srv = httptest.NewServer(app.Handler())
	t.Cleanup(s.srv.Close)
	return s
}

func startNotes(t *testing.T) *service  { return start(t, notes.Schema, notes.New) }
func startBroken(t *testing.T) *service { return start(t, broken.Schema, broken.New) }

// do sends a request as tenant (X-Tenant header; "" for none) and returns
// the status and body. A host ending in ".notes.test" selects the tenant
// by subdomain instead.
func (s *service) do(t *testing.T, method, path, tenantID, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(tenantID, ".notes.test") {
		req.Host = tenantID
	} else if tenantID != "" {
		req.Header.Set("X-Tenant", tenantID)
	}
	resp, err := s.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (s *service) add(t *testing.T, tenantID, body string) int64 {
	t.Helper()
	code, resp := s.do(t, "POST", "/notes", tenantID, body)
	if code != http.StatusCreated {
		t.Fatalf("add for %s: %d %s", tenantID, code, resp)
	}
	var n notes.Note
	if err := json.Unmarshal([]byte(resp), &n); err != nil {
		t.Fatal(err)
	}
	return n.ID
}

func (s *service) list(t *testing.T, tenantID string) []notes.Note {
	t.Helper()
	code, resp := s.do(t, "GET", "/notes", tenantID, "")
	if code != 200 {
		t.Fatalf("list for %s: %d %s", tenantID, code, resp)
	}
	var ns []notes.Note
	if err := json.Unmarshal([]byte(resp), &ns); err != nil {
		t.Fatal(err)
	}
	return ns
}

// listen subscribes to channels and returns a function that collects the
// notifications received up to a sentinel notification, which is sent
// last: PostgreSQL delivers notifications in commit order, so everything
// sent before the sentinel has arrived when it does.
func listen(t *testing.T, s *service, channels ...string) func() map[string][]string {
	t.Helper()
	l := pq.NewListener(s.dsn, 10*time.Millisecond, time.Second, nil)
	t.Cleanup(func() { l.Close() })
	for _, ch := range append(channels, "sentinel") {
		if err := l.Listen(ch); err != nil {
			t.Fatal(err)
		}
	}
	return func() map[string][]string {
		if _, err := s.db.Exec(`SELECT pg_notify('sentinel', '')`); err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for {
			select {
			case n := <-l.Notify:
				if n == nil {
					continue // reconnected
				}
				if n.Channel == "sentinel" {
					return got
				}
				got[n.Channel] = append(got[n.Channel], n.Extra)
			case <-time.After(30 * time.Second):
				t.Fatal("no sentinel notification within 30s")
			}
		}
	}
}

// TestNotesIsolation runs concurrent requests for two tenants (by header
// and by subdomain) against every sink and checks that nothing crosses.
func TestNotesIsolation(t *testing.T) {
	s := startNotes(t)
	collect := listen(t, s, "t.acme.notes.created", "t.globex.notes.created", "notes.created")
	ids := map[string][]int64{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, tn := range []string{"acme", "globex"} {
		for w := range 5 {
			wg.Go(func() {
				who := tn
				if w%2 == 1 {
					who = tn + ".notes.test"
				}
				for i := range 4 {
					id := s.add(t, who, fmt.Sprintf("%s note %d %d", tn, w, i))
					mu.Lock()
					ids[tn] = append(ids[tn], id)
					mu.Unlock()
					for _, n := range s.list(t, who) {
						if !strings.HasPrefix(n.Body, tn+" ") {
							t.Errorf("%s listed %q", tn, n.Body)
						}
					}
				}
			})
		}
	}
	wg.Wait()

	other := map[string]string{"acme": "globex", "globex": "acme"}
	for tn, own := range ids {
		if got := s.list(t, tn); len(got) != 20 {
			t.Errorf("%s lists %d notes, want 20", tn, len(got))
		}
		for _, id := range own {
			path := fmt.Sprint("/notes/", id)
			if code, body := s.do(t, "GET", path, tn, ""); code != 200 || !strings.Contains(body, tn+" note") {
				t.Errorf("%s GET own %s: %d %s", tn, path, code, body)
			}
			if code, body := s.do(t, "GET", path, other[tn], ""); code != 404 {
				t.Errorf("%s read %s of %s: %d %s", other[tn], path, tn, code, body)
			}
			if code, body := s.do(t, "GET", path+"/raw", tn, ""); code != 200 || !strings.HasPrefix(body, tn+" note") {
				t.Errorf("%s raw own %s: %d %s", tn, path, code, body)
			}
			if code, body := s.do(t, "GET", path+"/raw", other[tn], ""); code != 404 {
				t.Errorf("%s read file %s of %s: %d %s", other[tn], path, tn, code, body)
			}
		}
		// The tenant comes from the resolver, never from a form value.
		code, body := s.do(t, "GET", "/export?tenant="+other[tn], tn, "")
		if code != 200 || strings.Contains(body, other[tn]+" note") || strings.Count(body, "\n") != 20 {
			t.Errorf("%s export with ?tenant=%s: %d, %d lines, foreign notes: %v", tn, other[tn], code, strings.Count(body, "\n"), strings.Contains(body, other[tn]+" note"))
		}
		// Files live in the tenant's own directory only.
		entries, err := os.ReadDir(filepath.Join(s.dir, tn, "notes"))
		if err != nil || len(entries) != 20 {
			t.Errorf("%s has %d files (%v)", tn, len(entries), err)
		}
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(s.dir, tn, "notes", e.Name()))
			if !strings.HasPrefix(string(b), tn+" ") {
				t.Errorf("%s/notes/%s holds %q", tn, e.Name(), b)
			}
		}
	}

	// Each tenant's notifications went to its own channel only.
	got := collect()
	for tn, own := range ids {
		ch := "t." + tn + ".notes.created"
		if len(got[ch]) != len(own) {
			t.Errorf("%s: %d notifications, want %d", ch, len(got[ch]), len(own))
		}
		mine := map[string]bool{}
		for _, id := range own {
			mine[fmt.Sprint(id)] = true
		}
		for _, extra := range got[ch] {
			if !mine[extra] {
				t.Errorf("%s carried note %s of another tenant", ch, extra)
			}
		}
	}
	if len(got["notes.created"]) != 0 {
		t.Errorf("untenanted channel got %v", got["notes.created"])
	}
}

// TestNotesJobs checks that queued jobs carry their tenant and that the
// worker runs each for that tenant.
func TestNotesJobs(t *testing.T) {
	s := startNotes(t)
	a := s.add(t, "acme", "one two three")
	g := s.add(t, "globex", "four five")
	if n := s.list(t, "acme"); n[0].Words != -1 {
		t.Fatalf("words before the job: %d", n[0].Words)
	}
	rows, err := s.db.Query(`SELECT convert_from(payload, 'UTF8') FROM jobs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var envs []string
	for rows.Next() {
		var e string
		rows.Scan(&e)
		envs = append(envs, e)
	}
	rows.Close()
	want := []string{
		fmt.Sprintf(`{"v":1,"tenant":"acme","payload":{"note_id":%d}}`, a),
		fmt.Sprintf(`{"v":1,"tenant":"globex","payload":{"note_id":%d}}`, g),
	}
	if strings.Join(envs, "\n") != strings.Join(want, "\n") {
		t.Errorf("queued %q, want %q", envs, want)
	}
	for {
		found, err := s.app.Work(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !found {
			break
		}
	}
	if n := s.list(t, "acme"); len(n) != 1 || n[0].Words != 3 {
		t.Errorf("acme after the job: %+v", n)
	}
	if n := s.list(t, "globex"); len(n) != 1 || n[0].Words != 2 {
		t.Errorf("globex after the job: %+v", n)
	}
}

// TestNotesOrder: each order of the list is cached under its own tenant key, and adding a note
// invalidates every order of the tenant's list, not another tenant's.
func TestNotesOrder(t *testing.T) {
	s := startNotes(t)
	s.add(t, "acme", "first")
	s.add(t, "acme", "second")
	s.add(t, "globex", "other")
	bodies := func(tenantID, order string) string {
		t.Helper()
		code, resp := s.do(t, "GET", "/notes?order="+order, tenantID, "")
		if code != 200 {
			t.Fatalf("list %s %s: %d %s", tenantID, order, code, resp)
		}
		var ns []notes.Note
		if err := json.Unmarshal([]byte(resp), &ns); err != nil {
			t.Fatal(err)
		}
		var b []string
		for _, n := range ns {
			b = append(b, n.Body)
		}
		return strings.Join(b, ",")
	}
	for range 2 { // the second round is served from the cache
		if got := bodies("acme", "oldest"); got != "first,second" {
			t.Errorf("oldest: %s", got)
		}
		if got := bodies("acme", "newest"); got != "second,first" {
			t.Errorf("newest: %s", got)
		}
		if got := bodies("globex", "newest"); got != "other" {
			t.Errorf("globex newest: %s", got)
		}
	}
	s.add(t, "acme", "third")
	if got := bodies("acme", "newest"); got != "third,second,first" {
		t.Errorf("newest after add: %s", got)
	}
	if got := bodies("acme", "oldest"); got != "first,second,third" {
		t.Errorf("oldest after add: %s", got)
	}
	if code, _ := s.do(t, "GET", "/notes?order=random", "acme", ""); code != 400 {
		t.Errorf("unknown order: %d, want 400", code)
	}
}

func TestNotesTenantResolution(t *testing.T) {
	s := startNotes(t)
	for _, c := range []struct {
		tenant string
		path   string
		code   int
	}{
		{"", "/notes", 400},
		{"nope", "/notes", 404},
		{"nope.notes.test", "/notes", 404},
		{"../acme", "/notes", 400},
		{"acme'--", "/notes", 400},
		{"ACME", "/notes", 400},
		{"", "/notes?tenant=acme", 400}, // never from the query or form
		{"", "/healthz", 200},
		{"acme", "/notes", 200},
	} {
		if code, body := s.do(t, "GET", c.path, c.tenant, ""); code != c.code {
			t.Errorf("GET %s as %q: %d %s, want %d", c.path, c.tenant, code, body, c.code)
		}
	}
	if code, _ := s.do(t, "POST", "/notes", "../globex", "x"); code != 400 {
		t.Errorf("hostile tenant POST: %d", code)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM notes`).Scan(&n)
	entries, _ := os.ReadDir(s.dir)
	if n != 0 || len(entries) != 0 {
		t.Errorf("hostile requests wrote %d rows and %d directories", n, len(entries))
	}
}

// The tests below show that each bug of examples/notes-broken leaks.

func TestBrokenSQLLeaks(t *testing.T) {
	s := startBroken(t)
	id := s.add(t, "acme", "acme secret")
	if code, body := s.do(t, "GET", fmt.Sprint("/notes/", id), "globex", ""); code != 200 || !strings.Contains(body, "acme secret") {
		t.Errorf("expected the leak, got %d %s", code, body)
	}
}

func TestBrokenCacheLeaks(t *testing.T) {
	s := startBroken(t)
	s.add(t, "acme", "acme secret")
	s.list(t, "acme") // fills the untenanted key
	if ns := s.list(t, "globex"); len(ns) != 1 || ns[0].Body != "acme secret" {
		t.Errorf("expected globex to see acme's cached list, got %+v", ns)
	}
}

func TestBrokenJobLosesTenant(t *testing.T) {
	s := startBroken(t)
	s.add(t, "acme", "one two")
	_, err := s.app.Work(context.Background())
	if err == nil || !strings.Contains(err.Error(), "not a job envelope") {
		t.Errorf("expected the worker to refuse the tenantless job, got %v", err)
	}
}

func TestBrokenChannelLeaks(t *testing.T) {
	s := startBroken(t)
	collect := listen(t, s, "notes.created", "t.acme.notes.created")
	s.add(t, "acme", "a")
	s.add(t, "globex", "g")
	got := collect()
	if len(got["notes.created"]) != 2 || len(got["t.acme.notes.created"]) != 0 {
		t.Errorf("expected both tenants on one channel, got %v", got)
	}
}

func TestBrokenStorageLeaks(t *testing.T) {
	s := startBroken(t)
	id := s.add(t, "acme", "acme secret")
	if code, body := s.do(t, "GET", fmt.Sprint("/notes/", id, "/raw"), "globex", ""); code != 200 || body != "acme secret" {
		t.Errorf("expected the leak, got %d %s", code, body)
	}
}

func TestBrokenTenantFromFormLeaks(t *testing.T) {
	s := startBroken(t)
	s.add(t, "acme", "acme secret")
	if code, body := s.do(t, "GET", "/export?tenant=acme", "globex", ""); code != 200 || !strings.Contains(body, "acme secret") {
		t.Errorf("expected the leak, got %d %s", code, body)
	}
}
