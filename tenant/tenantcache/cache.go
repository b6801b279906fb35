// Package tenantcache builds cache keys scoped to the tenant.
//
// A key is "t:<tenant id>:" followed by the caller's parts joined by ":",
// each part percent-encoded except for ASCII letters, digits and "._~/-".
// Since a tenant id never contains ":" and parts cannot contain a raw ":",
// the tenant segment of a key is unambiguous: no choice of parts for one
// tenant can produce a key of another ([Parse] is the exact inverse). Keys
// contain no spaces or control characters, which keeps them valid for
// memcached and Redis alike.
package tenantcache

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// Namespace starts every key, so that tenant-scoped keys can live next to
// other keys in one cache.
const Namespace = "t"

// ErrNoParts is returned for a key with no parts: name what is cached.
var ErrNoParts = errors.New("tenantcache: a key needs at least one part")

// Key returns the cache key of parts for the active tenant of ctx, or an
// error wrapping tenant.ErrNoTenant if there is none.
func Key(ctx context.Context, parts ...string) (string, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return "", fmt.Errorf("tenantcache: %w", err)
	}
	return KeyFor(id, parts...)
}

// KeyFor returns the cache key of parts for tenant id, for code that works
// on a tenant other than the active one (for example invalidating a
// tenant's entries from an admin task in the all-tenants scope).
func KeyFor(id tenant.ID, parts ...string) (string, error) {
	if err := id.Validate(); err != nil {
		return "", err
	}
	if len(parts) == 0 {
		return "", ErrNoParts
	}
	var b strings.Builder
	b.WriteString(prefixOf(id))
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(':')
		}
		escape(&b, p)
	}
	return b.String(), nil
}

// Prefix returns the prefix every key of the active tenant of ctx starts
// with, for scanning or invalidating all of its entries.
func Prefix(ctx context.Context) (string, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return "", fmt.Errorf("tenantcache: %w", err)
	}
	return prefixOf(id), nil
}

func prefixOf(id tenant.ID) string { return Namespace + ":" + string(id) + ":" }

// Parse returns the tenant and the parts of a key made by [Key] or
// [KeyFor].
func Parse(key string) (tenant.ID, []string, error) {
	rest, ok := strings.CutPrefix(key, Namespace+":")
	if !ok {
		return "", nil, fmt.Errorf("tenantcache: key %q is not tenant-scoped", key)
	}
	idStr, rest, ok := strings.Cut(rest, ":")
	if !ok {
		return "", nil, fmt.Errorf("tenantcache: key %q has no parts", key)
	}
	id, err := tenant.ParseID(idStr)
	if err != nil {
		return "", nil, err
	}
	var parts []string
	for _, p := range strings.Split(rest, ":") {
		u, err := unescape(p)
		if err != nil {
			return "", nil, fmt.Errorf("tenantcache: key %q: %w", key, err)
		}
		parts = append(parts, u)
	}
	return id, parts, nil
}

func safe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._~/-", c) >= 0
}

func escape(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if safe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			if !safe(c) {
				return "", fmt.Errorf("unescaped byte %q", c)
			}
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(s) || unhex(s[i+1]) < 0 || unhex(s[i+2]) < 0 {
			return "", errors.New("bad percent-encoding")
		}
		b.WriteByte(byte(unhex(s[i+1])<<4 | unhex(s[i+2])))
		i += 2
	}
	return b.String(), nil
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
