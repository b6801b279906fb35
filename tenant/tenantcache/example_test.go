package tenantcache_test

import (
	"context"
	"fmt"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantcache"
)

func ExampleKey() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	key, err := tenantcache.Key(ctx, "notes", "list", "page 2")
	fmt.Println(key, err)

	_, err = tenantcache.Key(context.Background(), "notes")
	fmt.Println(err)
	// Output:
	// t:acme:notes:list:page%202 <nil>
	// tenantcache: tenant: no tenant in context
}

func ExampleKeyFor() {
	// An admin task invalidating a tenant's cached plan.
	key, err := tenantcache.KeyFor(tenant.MustParseID("globex"), "plan")
	fmt.Println(key, err)
	// Output: t:globex:plan <nil>
}

func ExamplePrefix() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	prefix, _ := tenantcache.Prefix(ctx)
	fmt.Println(prefix + "*") // e.g. a Redis SCAN pattern
	// Output: t:acme:*
}

func ExampleParse() {
	// A part cannot smuggle in another tenant: ':' is escaped.
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	key, _ := tenantcache.Key(ctx, "x:t:globex:plan")
	fmt.Println(key)
	id, parts, err := tenantcache.Parse(key)
	fmt.Println(id, parts, err)
	// Output:
	// t:acme:x%3At%3Aglobex%3Aplan
	// acme [x:t:globex:plan] <nil>
}
