package tenantcache_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantcache"
)

var (
	acme   = tenant.With(context.Background(), tenant.MustParseID("acme"))
	globex = tenant.With(context.Background(), tenant.MustParseID("globex"))
)

func TestKeyNeedsTenant(t *testing.T) {
	if _, err := tenantcache.Key(context.Background(), "x"); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	if _, err := tenantcache.Key(tenant.AllTenants(context.Background()), "x"); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("all tenants: %v", err)
	}
	if _, err := tenantcache.Prefix(context.Background()); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("prefix without tenant: %v", err)
	}
	if _, err := tenantcache.Key(acme); !errors.Is(err, tenantcache.ErrNoParts) {
		t.Errorf("no parts: %v", err)
	}
}

func TestKeyForRejectsHostileIDs(t *testing.T) {
	for _, id := range []tenant.ID{"", "a:b", "../a", "t:globex", "A", "\u0430cme", tenant.ID(strings.Repeat("a", 49))} {
		if k, err := tenantcache.KeyFor(id, "x"); !errors.Is(err, tenant.ErrInvalidID) {
			t.Errorf("KeyFor(%q) = %q, %v", id, k, err)
		}
	}
}

// hostileParts try to forge another tenant's key from acme's parts.
var hostileParts = [][]string{
	{"x:t:globex:notes"},
	{"", ""},
	{"t:globex"},
	{"%3A", ":"},
	{"../globex", "notes"},
	{"a\x00b", "\r\n", " "},
	{"\u0430", "ü"},
	{"notes"},
	{"notes", ""},
	{"notes:"},
}

func TestKeysNeverCrossTenants(t *testing.T) {
	seen := map[string]string{}
	for _, ctx := range []context.Context{acme, globex} {
		id, _ := tenant.IDFrom(ctx)
		for _, parts := range hostileParts {
			k, err := tenantcache.Key(ctx, parts...)
			if err != nil {
				t.Fatal(err)
			}
			if prev, dup := seen[k]; dup {
				t.Errorf("key %q made twice (%s and %s %q)", k, prev, id, parts)
			}
			seen[k] = fmt.Sprintf("%s %q", id, parts)
			if strings.ContainsAny(k, " \r\n\x00") {
				t.Errorf("key %q has whitespace or control characters", k)
			}
			pfx, _ := tenantcache.Prefix(ctx)
			if !strings.HasPrefix(k, pfx) {
				t.Errorf("key %q lacks prefix %q", k, pfx)
			}
			gotID, gotParts, err := tenantcache.Parse(k)
			if err != nil || gotID != id || !slices.Equal(gotParts, parts) {
				t.Errorf("Parse(%q) = %s %q %v; want %s %q", k, gotID, gotParts, err, id, parts)
			}
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, k := range []string{"notes", "t:acme", "t:../x:notes", "t:acme:a b", "t:acme:%zz", "t:acme:%4", "x:acme:n"} {
		if _, _, err := tenantcache.Parse(k); err == nil {
			t.Errorf("Parse(%q) accepted", k)
		}
	}
}

// TestConcurrentCache has two tenants read and write the same logical
// keys of one shared cache concurrently: each only ever reads its own
// values.
func TestConcurrentCache(t *testing.T) {
	var cache sync.Map
	var wg sync.WaitGroup
	for _, ctx := range []context.Context{acme, globex} {
		id, _ := tenant.IDFrom(ctx)
		for w := range 8 {
			wg.Go(func() {
				for i := range 100 {
					k, err := tenantcache.Key(ctx, "notes", fmt.Sprint(i%10))
					if err != nil {
						t.Error(err)
						return
					}
					cache.Store(k, fmt.Sprintf("%s/%d", id, w))
					v, _ := cache.Load(k)
					if !strings.HasPrefix(v.(string), string(id)+"/") {
						t.Errorf("%s read %q", id, v)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	n := 0
	cache.Range(func(any, any) bool { n++; return true })
	if n != 20 {
		t.Errorf("%d keys, want 20 (10 per tenant)", n)
	}
}
