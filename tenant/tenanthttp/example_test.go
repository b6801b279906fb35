package tenanthttp_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenanthttp"
)

// show serves a GET of target (on host, if not empty) and prints the
// response.
func show(h http.Handler, host, target string, hdr ...string) {
	r := httptest.NewRequest("GET", target, nil)
	if host != "" {
		r.Host = host
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Printf("%d %s", w.Code, w.Body)
	if w.Code == 200 {
		fmt.Println()
	}
}

// whoami answers the tenant and the path the route sees.
var whoami = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if t, ok := tenant.From(r.Context()); ok {
		fmt.Fprintf(w, "tenant %s, path %s", t.TenantID(), r.URL.Path)
		return
	}
	fmt.Fprintf(w, "no tenant, path %s", r.URL.Path)
})

func ExampleMiddleware() {
	tenants := map[tenant.ID]bool{"acme": true}
	mw := tenanthttp.Middleware(tenanthttp.Config{
		// Header first (API clients), then the subdomain (browsers).
		Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant"), tenanthttp.Subdomain("example.com")},
		Lookup: func(_ context.Context, id tenant.ID) (tenant.Tenant, error) {
			if !tenants[id] {
				return nil, tenant.ErrUnknownTenant
			}
			return id, nil
		},
		Public: tenanthttp.PublicPaths("/healthz"),
	})
	h := mw(whoami)
	show(h, "acme.example.com", "/notes")
	show(h, "example.com", "/notes", "X-Tenant", "acme")
	show(h, "nope.example.com", "/notes")
	show(h, "example.com", "/notes")
	show(h, "example.com", "/notes", "X-Tenant", "../acme")
	show(h, "example.com", "/healthz")
	// Output:
	// 200 tenant acme, path /notes
	// 200 tenant acme, path /notes
	// 404 tenanthttp: subdomain of example.com: tenant "nope": unknown tenant
	// 400 tenanthttp: tenant required: no tenant found in the header X-Tenant, subdomain of example.com
	// 400 tenanthttp: header X-Tenant: tenant: invalid tenant id "../acme": character '.' at byte 0 is not allowed (only a-z, 0-9 and '-')
	// 200 no tenant, path /healthz
}

func ExampleSubdomain() {
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Subdomain("example.com")}})(whoami)
	show(h, "Acme.Example.com:8080", "/notes")
	// Output: 200 tenant acme, path /notes
}

func ExamplePathPrefix() {
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.PathPrefix("/t")}})(whoami)
	show(h, "", "/t/acme/notes/1")
	// Output: 200 tenant acme, path /notes/1
}

func ExampleHeader() {
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant")}})(whoami)
	show(h, "", "/notes", "X-Tenant", "globex")
	// Output: 200 tenant globex, path /notes
}

func ExampleQuery() {
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{tenanthttp.Query("tenant")}})(whoami)
	show(h, "", "/notes?tenant=globex")
	// Output: 200 tenant globex, path /notes
}

func ExampleFunc() {
	// The tenant of the authenticated user, here from a cookie standing
	// in for a verified session.
	session := tenanthttp.Func("session", func(r *http.Request) (string, bool) {
		c, err := r.Cookie("session_tenant")
		if err != nil {
			return "", false
		}
		return c.Value, true
	})
	h := tenanthttp.Middleware(tenanthttp.Config{Resolvers: []tenanthttp.Resolver{session}})(whoami)
	show(h, "", "/notes", "Cookie", "session_tenant=acme")
	show(h, "", "/notes")
	// Output:
	// 200 tenant acme, path /notes
	// 400 tenanthttp: tenant required: no tenant found in the session
}

func ExamplePublicPaths() {
	h := tenanthttp.Middleware(tenanthttp.Config{
		Resolvers: []tenanthttp.Resolver{tenanthttp.Header("X-Tenant")},
		Public:    tenanthttp.PublicPaths("/healthz", "/static/"),
	})(whoami)
	show(h, "", "/static/app.css")
	show(h, "", "/static/app.css", "X-Tenant", "acme")
	// Output:
	// 200 no tenant, path /static/app.css
	// 200 tenant acme, path /static/app.css
}

func ExampleStatusCode() {
	fmt.Println(tenanthttp.StatusCode(tenanthttp.ErrTenantRequired))
	fmt.Println(tenanthttp.StatusCode(fmt.Errorf("lookup: %w", tenant.ErrUnknownTenant)))
	fmt.Println(tenanthttp.StatusCode(errors.New("database down")))
	// Output:
	// 400
	// 404
	// 500
}

func ExampleURL() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	base, _ := url.Parse("https://example.com")

	for _, res := range []tenanthttp.Resolver{
		tenanthttp.Subdomain("example.com"),
		tenanthttp.PathPrefix(""),
		tenanthttp.Query("tenant"),
		tenanthttp.Header("X-Tenant"),
	} {
		u, err := tenanthttp.URL(ctx, base, "/notes?page=2", res)
		fmt.Println(u, err)
	}
	// Output:
	// https://acme.example.com/notes?page=2 <nil>
	// https://example.com/acme/notes?page=2 <nil>
	// https://example.com/notes?page=2&tenant=acme <nil>
	// <nil> tenanthttp: cannot encode the tenant in a URL: resolvers [header X-Tenant]; only a subdomain, path prefix or query parameter can
}
