package tenanthttp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenanthttp"
)

// echo answers "<tenant id>|<path>" or "-|<path>" without a tenant.
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	id, ok := tenant.IDFrom(r.Context())
	if !ok {
		id = "-"
	}
	fmt.Fprintf(w, "%s|%s", id, r.URL.Path)
})

var known = map[tenant.ID]bool{"acme": true, "globex": true}

func lookup(_ context.Context, id tenant.ID) (tenant.Tenant, error) {
	if id == "broken" {
		return nil, errors.New("connection refused to db.internal:5432")
	}
	if !known[id] {
		return nil, tenant.ErrUnknownTenant
	}
	return id, nil
}

// do serves one request and returns the status and body.
func do(t *testing.T, h http.Handler, r *http.Request) (int, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, strings.TrimSpace(w.Body.String())
}

func TestResolvers(t *testing.T) {
	cases := []struct {
		name     string
		res      tenanthttp.Resolver
		target   string
		host     string
		header   string
		wantCode int
		wantBody string
	}{
		{"subdomain", tenanthttp.Subdomain("example.com"), "/notes", "acme.example.com", "", 200, "acme|/notes"},
		{"subdomain with port", tenanthttp.Subdomain("example.com"), "/notes", "acme.example.com:8080", "", 200, "acme|/notes"},
		{"subdomain uppercase host", tenanthttp.Subdomain("Example.COM"), "/", "ACME.example.com.", "", 200, "acme|/"},
		{"bare domain", tenanthttp.Subdomain("example.com"), "/", "example.com", "", 400, "tenanthttp: tenant required: no tenant found in the subdomain of example.com"},
		{"other domain", tenanthttp.Subdomain("example.com"), "/", "acme.evil.com", "", 400, "tenanthttp: tenant required: no tenant found in the subdomain of example.com"},
		{"suffix trick", tenanthttp.Subdomain("example.com"), "/", "acmeexample.com", "", 400, "tenanthttp: tenant required: no tenant found in the subdomain of example.com"},
		{"deep subdomain", tenanthttp.Subdomain("example.com"), "/", "a.acme.example.com", "", 400, `tenanthttp: subdomain of example.com: tenant: invalid tenant id "a.acme": character '.' at byte 1 is not allowed (only a-z, 0-9 and '-')`},
		{"unknown subdomain", tenanthttp.Subdomain("example.com"), "/", "nope.example.com", "", 404, `tenanthttp: subdomain of example.com: tenant "nope": unknown tenant`},
		{"path prefix", tenanthttp.PathPrefix(""), "/acme/notes/1", "", "", 200, "acme|/notes/1"},
		{"path prefix root", tenanthttp.PathPrefix(""), "/acme", "", "", 200, "acme|/"},
		{"path prefix slash", tenanthttp.PathPrefix(""), "/acme/", "", "", 200, "acme|/"},
		{"mounted prefix", tenanthttp.PathPrefix("/t"), "/t/globex/notes", "", "", 200, "globex|/notes"},
		{"mounted prefix missing", tenanthttp.PathPrefix("/t"), "/globex/notes", "", "", 400, "tenanthttp: tenant required: no tenant found in the path prefix /t/{tenant}"},
		{"escaped slash in key", tenanthttp.PathPrefix(""), "/ac%2Fme/notes", "", "", 400, `tenanthttp: path prefix /{tenant}: tenant: invalid tenant id "ac%2Fme": character '%' at byte 2 is not allowed (only a-z, 0-9 and '-')`},
		{"escaped rest kept", tenanthttp.PathPrefix(""), "/acme/a%2Fb", "", "", 200, "acme|/a/b"},
		{"dot dot segment", tenanthttp.PathPrefix(""), "/../notes", "", "", 400, `tenanthttp: path prefix /{tenant}: tenant: invalid tenant id "..": character '.' at byte 0 is not allowed (only a-z, 0-9 and '-')`},
		{"header", tenanthttp.Header("x-tenant"), "/n", "", "acme", 200, "acme|/n"},
		{"header sql", tenanthttp.Header("X-Tenant"), "/n", "", "a'; DROP TABLE t;--", 400, `tenanthttp: header X-Tenant: tenant: invalid tenant id "a'; DROP TABLE t;--": character '\'' at byte 1 is not allowed (only a-z, 0-9 and '-')`},
		{"query", tenanthttp.Query("tenant"), "/n?tenant=globex", "", "", 200, "globex|/n"},
		{"query twice", tenanthttp.Query("tenant"), "/n?tenant=globex&tenant=acme", "", "", 400, `tenanthttp: query parameter tenant: tenant: invalid tenant id "globex,acme": character ',' at byte 6 is not allowed (only a-z, 0-9 and '-')`},
		{"query empty", tenanthttp.Query("tenant"), "/n?tenant=", "", "", 400, `tenanthttp: query parameter tenant: tenant: invalid tenant id "": empty`},
		{"query look-alike", tenanthttp.Query("tenant"), "/n?tenant=%D0%B0cme", "", "", 400, `tenanthttp: query parameter tenant: tenant: invalid tenant id "аcme": non-ASCII character U+0430 at byte 0 (only a-z, 0-9 and '-' are allowed)`},
		{"func", tenanthttp.Func("session", func(*http.Request) (string, bool) { return "acme", true }), "/", "", "", 200, "acme|/"},
		{"func none", tenanthttp.Func("session", func(*http.Request) (string, bool) { return "", false }), "/", "", "", 400, "tenanthttp: tenant required: no tenant found in the session"},
		{"lookup failure", tenanthttp.Query("t"), "/?t=broken", "", "", 500, "tenanthttp: internal error while resolving the tenant"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{c.res}, Lookup: lookup})(echo)
			r := httptest.NewRequest("GET", c.target, nil)
			if c.host != "" {
				r.Host = c.host
			}
			if c.header != "" {
				r.Header.Set("X-Tenant", c.header)
			}
			code, body := do(t, h, r)
			if code != c.wantCode || body != c.wantBody {
				t.Errorf("got %d %q\nwant %d %q", code, body, c.wantCode, c.wantBody)
			}
		})
	}
}

func TestHeaderTwice(t *testing.T) {
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant")}})(echo)
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Add("X-Tenant", "acme")
	r.Header.Add("X-Tenant", "globex")
	if code, body := do(t, h, r); code != 400 || !strings.Contains(body, `"acme,globex"`) {
		t.Errorf("got %d %q, want 400 naming both values", code, body)
	}
}

func TestPrecedence(t *testing.T) {
	sub, hdr := tenanthttp.Subdomain("example.com"), tenanthttp.Header("X-Tenant")
	req := func() *http.Request {
		r := httptest.NewRequest("GET", "/x", nil)
		r.Host = "acme.example.com"
		r.Header.Set("X-Tenant", "globex")
		return r
	}
	for _, c := range []struct {
		order []tenanthttp.Resolver
		want  string
	}{
		{[]tenanthttp.Resolver{sub, hdr}, "acme|/x"},
		{[]tenanthttp.Resolver{hdr, sub}, "globex|/x"},
	} {
		h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: c.order, Lookup: lookup})(echo)
		if _, body := do(t, h, req()); body != c.want {
			t.Errorf("order %v: got %q, want %q", c.order, body, c.want)
		}
	}
	// A resolver that finds nothing falls through to the next one.
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{hdr, sub}, Lookup: lookup})(echo)
	r := httptest.NewRequest("GET", "/y", nil)
	r.Host = "acme.example.com"
	if _, body := do(t, h, r); body != "acme|/y" {
		t.Errorf("fall-through: got %q", body)
	}
	// But an invalid key from the first resolver is an error, not a
	// reason to try the next one.
	r = req()
	r.Header.Set("X-Tenant", "../globex")
	if code, _ := do(t, h, r); code != 400 {
		t.Errorf("invalid header with valid subdomain: got %d, want 400", code)
	}
}

func TestPublicRoutes(t *testing.T) {
	h := tenanthttp.Middleware(tenanthttp.Config{
		Resolvers: []tenanthttp.Resolver{tenanthttp.PathPrefix("")},
		Lookup:    lookup,
		Public:    tenanthttp.PublicPaths("/healthz", "/static/"),
	})(echo)
	for target, want := range map[string]string{
		"/healthz":        "-|/healthz",        // "healthz" is unknown: served without tenant
		"/static/app.css": "-|/static/app.css", // idem, prefix
		"/acme/notes":     "acme|/notes",       // tenant route
	} {
		code, body := do(t, h, httptest.NewRequest("GET", target, nil))
		if code != 200 || body != want {
			t.Errorf("%s: got %d %q, want 200 %q", target, code, body, want)
		}
	}
	// Not public: refused.
	if code, _ := do(t, h, httptest.NewRequest("GET", "/healthz/x", nil)); code != 404 {
		t.Errorf("/healthz/x: got %d, want 404", code)
	}
}

func TestLookupResultValidated(t *testing.T) {
	for name, lk := range map[string]func(context.Context, tenant.ID) (tenant.Tenant, error){
		"nil tenant": func(context.Context, tenant.ID) (tenant.Tenant, error) { return nil, nil },
		"bad id":     func(context.Context, tenant.ID) (tenant.Tenant, error) { return tenant.ID("a/b"), nil },
	} {
		t.Run(name, func(t *testing.T) {
			called := false
			h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Query("t")}, Lookup: lk})(
				http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true }))
			if code, _ := do(t, h, httptest.NewRequest("GET", "/?t=acme", nil)); code != 500 || called {
				t.Errorf("got %d (handler called: %v), want 500 and no call", code, called)
			}
		})
	}
}

func TestOnError(t *testing.T) {
	var got error
	h := tenanthttp.Middleware(tenanthttp.Config{
		Resolvers: []tenanthttp.Resolver{tenanthttp.Query("t")},
		Lookup:    lookup,
		OnError: func(w http.ResponseWriter, _ *http.Request, err error) {
			got = err
			w.WriteHeader(tenanthttp.StatusCode(err))
		},
	})(echo)
	if code, _ := do(t, h, httptest.NewRequest("GET", "/?t=nope", nil)); code != 404 || !errors.Is(got, tenant.ErrUnknownTenant) {
		t.Errorf("got %d, %v; want 404 and ErrUnknownTenant", code, got)
	}
}

func TestHostileKeysNeverReachHandler(t *testing.T) {
	hostile := []string{"..", "../etc", "a/b", `a\b`, "a:b", "a'b", `a"b`, "x;DROP", "a\x00", "a\nb", "\u0430cme", "ACME", strings.Repeat("a", 200), ""}
	called := false
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Query("t")}})(
		http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true }))
	for _, key := range hostile {
		code, body := do(t, h, httptest.NewRequest("GET", "/?t="+url.QueryEscape(key), nil))
		if called || code != 400 || !strings.Contains(body, "invalid tenant id") {
			t.Errorf("key %q: got %d %q (handler called: %v)", key, code, body, called)
		}
	}
}

func TestURL(t *testing.T) {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	base, _ := url.Parse("https://example.com:8443")
	cases := []struct {
		res  tenanthttp.Resolver
		path string
		want string
	}{
		{tenanthttp.Subdomain("example.com"), "/notes/1?x=y#top", "https://acme.example.com:8443/notes/1?x=y#top"},
		{tenanthttp.PathPrefix(""), "/notes", "https://example.com:8443/acme/notes"},
		{tenanthttp.PathPrefix("/t"), "/a%2Fb", "https://example.com:8443/t/acme/a%2Fb"},
		{tenanthttp.Query("tenant"), "/notes?page=2", "https://example.com:8443/notes?page=2&tenant=acme"},
		// A query that already names a tenant is overwritten, not doubled.
		{tenanthttp.Query("tenant"), "/notes?tenant=globex", "https://example.com:8443/notes?tenant=acme"},
	}
	for _, c := range cases {
		u, err := tenanthttp.URL(ctx, base, c.path, c.res)
		if err != nil || u.String() != c.want {
			t.Errorf("%s %s: got %v, %v; want %s", c.res, c.path, u, err, c.want)
		}
	}
	// The first resolver that can encode wins.
	u, err := tenanthttp.URL(ctx, base, "/", tenanthttp.Header("X-Tenant"), tenanthttp.Query("t"), tenanthttp.PathPrefix(""))
	if err != nil || u.String() != "https://example.com:8443/?t=acme" {
		t.Errorf("chain: got %v, %v", u, err)
	}
}

func TestURLErrors(t *testing.T) {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	base, _ := url.Parse("https://example.com")
	_, err := tenanthttp.URL(ctx, base, "/", tenanthttp.Header("X-Tenant"), tenanthttp.Func("session", func(*http.Request) (string, bool) { return "", false }))
	if !errors.Is(err, tenanthttp.ErrCannotEncode) || !strings.Contains(err.Error(), "header X-Tenant, session") {
		t.Errorf("header+func: %v", err)
	}
	if _, err := tenanthttp.URL(context.Background(), base, "/", tenanthttp.Query("t")); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	for _, p := range []string{"notes", "https://evil.com/x", "//evil.com/x", "%zz"} {
		if _, err := tenanthttp.URL(ctx, base, p, tenanthttp.Query("t")); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
	bad, _ := url.Parse("https://example.com/app")
	if _, err := tenanthttp.URL(ctx, bad, "/", tenanthttp.Query("t")); err == nil {
		t.Error("base with a path accepted")
	}
}

// TestURLRoundTrip checks that a built URL resolves to the same tenant and
// the same tenant-agnostic route.
func TestURLRoundTrip(t *testing.T) {
	base, _ := url.Parse("http://example.com")
	for _, res := range []tenanthttp.Resolver{tenanthttp.Subdomain("example.com"), tenanthttp.PathPrefix("/t"), tenanthttp.Query("tenant")} {
		h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{res}, Lookup: lookup})(echo)
		for _, id := range []tenant.ID{"acme", "globex"} {
			u, err := tenanthttp.URL(tenant.With(context.Background(), id), base, "/notes/7", res)
			if err != nil {
				t.Fatal(err)
			}
			r := httptest.NewRequest("GET", u.String(), nil)
			if _, body := do(t, h, r); body != string(id)+"|/notes/7" {
				t.Errorf("%s: %s resolved to %q", res, u, body)
			}
		}
	}
}

// TestConcurrentTenants sends concurrent requests for different tenants
// through a real server and checks that each is served for its own tenant.
func TestConcurrentTenants(t *testing.T) {
	srv := httptest.NewServer(tenanthttp.Middleware(tenanthttp.Config{
		Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant"), tenanthttp.PathPrefix("")},
		Lookup:    lookup,
	})(echo))
	defer srv.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 200 {
		wg.Go(func() {
			id := []string{"acme", "globex"}[i%2]
			req, _ := http.NewRequest("GET", fmt.Sprintf("%s/%s/n/%d", srv.URL, id, i), nil)
			if i%4 < 2 { // half the requests name the tenant twice, consistently
				req.Header.Set("X-Tenant", id)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			want := fmt.Sprintf("%s|/n/%d", id, i)
			if i%4 < 2 {
				// The header wins; the path keeps its prefix.
				want = fmt.Sprintf("%s|/%s/n/%d", id, id, i)
			}
			if string(b) != want {
				errs <- fmt.Errorf("request %d: got %q, want %q", i, b, want)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestConstructorsPanicOnBadConfig(t *testing.T) {
	for name, f := range map[string]func(){
		"empty domain":  func() { tenanthttp.Subdomain("") },
		"domain port":   func() { tenanthttp.Subdomain("example.com:80") },
		"mount slash":   func() { tenanthttp.PathPrefix("/t/") },
		"mount no lead": func() { tenanthttp.PathPrefix("t") },
		"empty header":  func() { tenanthttp.Header("") },
		"empty query":   func() { tenanthttp.Query("") },
		"nil func":      func() { tenanthttp.Func("x", nil) },
		"no resolvers":  func() { tenanthttp.Middleware(tenanthttp.Config{}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("did not panic")
				}
			}()
			f()
		})
	}
}
