package tenanthttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// ErrTenantRequired is wrapped by the error for a request, on a route that is
// not public, on which no resolver found a tenant.
var ErrTenantRequired = errors.New("tenant required")

// ErrCannotEncode is wrapped by the error of [URL] when none of the
// resolvers can carry a tenant in a URL (a header or a function cannot).
var ErrCannotEncode = errors.New("cannot encode the tenant in a URL")

// Config configures [Middleware].
type Config struct {
	// Resolvers are tried in order; the first that finds a key wins.
	Resolvers []Resolver
	// Lookup turns a valid identifier into the tenant. It returns an
	// error wrapping tenant.ErrUnknownTenant for identifiers that name no
	// tenant (404); any other error answers 500. If nil, every valid
	// identifier is a tenant, the ID itself.
	Lookup func(ctx context.Context, id tenant.ID) (tenant.Tenant, error)
	// Public reports whether the request's route works without a
	// tenant. On a public route a tenant is still attached when one
	// resolves, but a missing, invalid or unknown one is not an error:
	// the request is served unchanged, without a tenant.
	Public func(r *http.Request) bool
	// OnError writes the error response; if nil, it is a plain-text
	// response with [StatusCode](err) and, for 4xx, the error text.
	OnError func(w http.ResponseWriter, r *http.Request, err error)
}

// Middleware returns net/http middleware that resolves the tenant of each
// request as cfg says and serves it with the tenant in the request context
// (see [tenant.From]). It panics if cfg has no resolvers.
func Middleware(cfg Config) func(http.Handler) http.Handler {
	if len(cfg.Resolvers) == 0 {
		panic("tenanthttp.Middleware: no resolvers")
	}
	if cfg.OnError == nil {
		cfg.OnError = writeError
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			t, r2, err := cfg.resolve(r)
			if err != nil {
				if cfg.Public != nil && cfg.Public(r) {
					next.ServeHTTP(w, r)
					return
				}
				cfg.OnError(w, r, err)
				return
			}
			next.ServeHTTP(w, r2.WithContext(tenant.With(r2.Context(), t)))
		})
	}
}

// resolve runs the resolvers and the lookup. It returns the request the
// winning resolver produced.
func (cfg *Config) resolve(r *http.Request) (tenant.Tenant, *http.Request, error) {
	for _, res := range cfg.Resolvers {
		key, r2, found := res.Resolve(r)
		if !found {
			continue
		}
		id, err := tenant.ParseID(key)
		if err != nil {
			return nil, nil, fmt.Errorf("tenanthttp: %s: %w", res, err)
		}
		if cfg.Lookup == nil {
			return id, r2, nil
		}
		t, err := cfg.Lookup(r.Context(), id)
		if err != nil {
			return nil, nil, fmt.Errorf("tenanthttp: %s: tenant %q: %w", res, id, err)
		}
		if t == nil {
			return nil, nil, fmt.Errorf("tenanthttp: lookup of %q returned no tenant and no error", id)
		}
		// A lookup may map an alias to another tenant, but what it
		// returns must be valid: tenant.With would panic otherwise.
		if err := t.TenantID().Validate(); err != nil {
			return nil, nil, fmt.Errorf("tenanthttp: lookup of %q returned a tenant with an invalid id (%v)", id, err)
		}
		return t, r2, nil
	}
	names := make([]string, len(cfg.Resolvers))
	for i, res := range cfg.Resolvers {
		names[i] = res.String()
	}
	return nil, nil, fmt.Errorf("tenanthttp: %w: no tenant found in the %s", ErrTenantRequired, strings.Join(names, ", "))
}

// StatusCode returns the HTTP status for an error of [Middleware]: 400 for an
// invalid identifier or a missing tenant, 404 for an unknown tenant, 500 for
// anything else.
func StatusCode(err error) int {
	switch {
	case errors.Is(err, tenant.ErrInvalidID), errors.Is(err, ErrTenantRequired):
		return http.StatusBadRequest
	case errors.Is(err, tenant.ErrUnknownTenant):
		return http.StatusNotFound
	default:
		return http.StatusInternalServerError
	}
}

func writeError(w http.ResponseWriter, _ *http.Request, err error) {
	code := StatusCode(err)
	msg := err.Error()
	if code >= 500 {
		// Lookup errors may describe the database; keep them out of
		// responses.
		msg = "tenanthttp: internal error while resolving the tenant"
	}
	http.Error(w, msg, code)
}

// PublicPaths returns a Config.Public function that reports whether the
// request path is one of paths, or is under one of them that ends in "/".
// It looks at the path as received, before any prefix is stripped.
func PublicPaths(paths ...string) func(r *http.Request) bool {
	return func(r *http.Request) bool {
		for _, p := range paths {
			if r.URL.Path == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(r.URL.Path, p)) {
				return true
			}
		}
		return false
	}
}

// URL returns the absolute URL of path for the active tenant of ctx,
// encoded by the first of resolvers that can carry a tenant in a URL
// (subdomain, path prefix or query parameter): the reverse of resolution.
// base gives the scheme and host ("https://example.com:8443"); path is an
// absolute path, optionally with a query and fragment. It returns an error
// wrapping [tenant.ErrNoTenant] without a tenant, and one wrapping
// [ErrCannotEncode] if no resolver can encode it.
func URL(ctx context.Context, base *url.URL, path string, resolvers ...Resolver) (*url.URL, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return nil, err
	}
	if base == nil || base.Scheme == "" || base.Host == "" || (base.Path != "" && base.Path != "/") || base.RawQuery != "" {
		return nil, fmt.Errorf("tenanthttp: base URL %v must be scheme://host[:port]", base)
	}
	ref, err := url.Parse(path)
	if err != nil {
		return nil, fmt.Errorf("tenanthttp: path %q: %w", path, err)
	}
	if ref.Scheme != "" || ref.Host != "" || !strings.HasPrefix(ref.Path, "/") {
		return nil, fmt.Errorf("tenanthttp: path %q must be an absolute path without scheme or host", path)
	}
	for _, res := range resolvers {
		enc, ok := res.(URLEncoder)
		if !ok {
			continue
		}
		u := *ref
		u.Scheme, u.Host = base.Scheme, base.Host
		enc.EncodeURL(&u, id)
		return &u, nil
	}
	names := make([]string, len(resolvers))
	for i, res := range resolvers {
		names[i] = res.String()
	}
	return nil, fmt.Errorf("tenanthttp: %w: resolvers [%s]; only a subdomain, path prefix or query parameter can", ErrCannotEncode, strings.Join(names, ", "))
}
