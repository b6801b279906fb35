// Package tenanthttp resolves the active tenant of an HTTP request and
// builds tenant-aware URLs.
//
// [Middleware] runs a chain of [Resolver]s in a declared order of
// precedence; the first one that finds a tenant key wins. The key is
// validated with [tenant.ParseID] (400 Bad Request if invalid), then a
// lookup function turns it into a [tenant.Tenant] (404 Not Found for
// [tenant.ErrUnknownTenant]). A request on which no resolver finds a key is
// refused with 400 and [ErrTenantRequired], unless the route is public.
//
// Resolvers exist for the subdomain ([Subdomain]), a path prefix
// ([PathPrefix], which strips the prefix so that routes stay
// tenant-agnostic), a header ([Header]), a URL query parameter ([Query]) and
// any caller-supplied function ([Func]) such as a session or the
// authenticated user. Only the URL query is read, never a form body: a
// tenant must not come from r.FormValue.
//
// [URL] is the reverse: it builds a URL that carries the active tenant, for
// the schemes that can (subdomain, path prefix, query parameter).
package tenanthttp

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// A Resolver finds the tenant key a request carries.
type Resolver interface {
	// Resolve returns the tenant key r carries and found=true, or
	// found=false if r carries none (the next resolver is then tried).
	// next is the request handlers see when this resolver wins: r itself,
	// or a copy with the tenant stripped from its path.
	Resolve(r *http.Request) (key string, next *http.Request, found bool)
	// String describes the resolver for error messages.
	String() string
}

// A URLEncoder is a Resolver whose scheme can carry a tenant in a URL. [URL]
// uses it.
type URLEncoder interface {
	Resolver
	// EncodeURL rewrites u, an absolute URL, so that it carries id.
	EncodeURL(u *url.URL, id tenant.ID)
}

type subdomain struct{ domain string }

// Subdomain resolves the tenant from the leftmost label of the request host
// under domain: with domain "example.com", "acme.example.com" carries the key
// "acme". The host is lowercased (host names are case-insensitive) and its
// port ignored. The bare domain and other hosts carry no key. Deeper names
// such as "a.b.example.com" yield the key "a.b", which is then rejected as
// invalid.
func Subdomain(domain string) Resolver {
	domain = strings.TrimSuffix(strings.ToLower(domain), ".")
	if domain == "" || strings.ContainsAny(domain, "/:") {
		panic(fmt.Sprintf("tenanthttp.Subdomain: invalid domain %q", domain))
	}
	return subdomain{domain}
}

func (s subdomain) Resolve(r *http.Request) (string, *http.Request, bool) {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	key, ok := strings.CutSuffix(host, "."+s.domain)
	if !ok || key == "" {
		return "", r, false
	}
	return key, r, true
}

func (s subdomain) EncodeURL(u *url.URL, id tenant.ID) {
	host := string(id) + "." + s.domain
	if port := u.Port(); port != "" {
		host = net.JoinHostPort(host, port)
	}
	u.Host = host
}

func (s subdomain) String() string { return "subdomain of " + s.domain }

type pathPrefix struct{ mount string }

var mountRE = regexp.MustCompile(`^(/[A-Za-z0-9_-]+)*$`)

// PathPrefix resolves the tenant from the path segment that follows mount:
// with mount "/t", "/t/acme/notes" carries the key "acme"; with mount "",
// the first segment is the key ("/acme/notes"). The winning request is
// rewritten to the rest of the path ("/notes"), so routes stay
// tenant-agnostic. mount is "" or slash-separated plain segments without a
// trailing slash; anything else panics.
func PathPrefix(mount string) Resolver {
	if !mountRE.MatchString(mount) {
		panic(fmt.Sprintf("tenanthttp.PathPrefix: invalid mount %q (want \"\" or \"/seg[/seg...]\")", mount))
	}
	return pathPrefix{mount}
}

func (p pathPrefix) Resolve(r *http.Request) (string, *http.Request, bool) {
	// Work on the escaped path so that an escaped "/" (%2F) cannot split
	// or merge segments. A valid key never contains '%', so the escaped
	// and unescaped keys are the same.
	ep := r.URL.EscapedPath()
	rest, ok := strings.CutPrefix(ep, p.mount+"/")
	if !ok {
		return "", r, false
	}
	key, tail, _ := strings.Cut(rest, "/")
	if key == "" {
		return "", r, false
	}
	tail = "/" + tail
	path, err := url.PathUnescape(tail)
	if err != nil {
		return "", r, false
	}
	// Copy as http.StripPrefix does: the caller's request is not modified.
	r2 := new(http.Request)
	*r2 = *r
	r2.URL = new(url.URL)
	*r2.URL = *r.URL
	r2.URL.Path = path
	r2.URL.RawPath = ""
	if tail != path {
		r2.URL.RawPath = tail
	}
	return key, r2, true
}

func (p pathPrefix) EncodeURL(u *url.URL, id tenant.ID) {
	u.Path = p.mount + "/" + string(id) + u.Path
	if u.RawPath != "" {
		u.RawPath = p.mount + "/" + string(id) + u.RawPath
	}
}

func (p pathPrefix) String() string {
	return "path prefix " + p.mount + "/{tenant}"
}

type header struct{ name string }

// Header resolves the tenant from request header name. Several values for
// the header are joined with "," and so rejected as invalid, rather than
// picking one.
func Header(name string) Resolver {
	if name == "" {
		panic("tenanthttp.Header: empty header name")
	}
	return header{http.CanonicalHeaderKey(name)}
}

func (h header) Resolve(r *http.Request) (string, *http.Request, bool) {
	vs := r.Header.Values(h.name)
	if len(vs) == 0 {
		return "", r, false
	}
	return strings.Join(vs, ","), r, true
}

func (h header) String() string { return "header " + h.name }

type query struct{ param string }

// Query resolves the tenant from URL query parameter param (r.URL.Query(),
// never the request body). Several values are joined with "," and so
// rejected as invalid.
func Query(param string) Resolver {
	if param == "" {
		panic("tenanthttp.Query: empty parameter name")
	}
	return query{param}
}

func (q query) Resolve(r *http.Request) (string, *http.Request, bool) {
	vs, ok := r.URL.Query()[q.param]
	if !ok {
		return "", r, false
	}
	return strings.Join(vs, ","), r, true
}

func (q query) EncodeURL(u *url.URL, id tenant.ID) {
	v := u.Query()
	v.Set(q.param, string(id))
	u.RawQuery = v.Encode()
}

func (q query) String() string { return "query parameter " + q.param }

type fn struct {
	name string
	f    func(*http.Request) (string, bool)
}

// Func resolves the tenant with f, for example from a session or the
// authenticated user; f returns the key and whether it found one. name
// describes it in error messages.
func Func(name string, f func(r *http.Request) (key string, found bool)) Resolver {
	if f == nil {
		panic("tenanthttp.Func: nil function")
	}
	return fn{name, f}
}

func (f fn) Resolve(r *http.Request) (string, *http.Request, bool) {
	key, ok := f.f(r)
	return key, r, ok
}

func (f fn) String() string { return f.name }
