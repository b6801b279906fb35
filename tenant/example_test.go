package tenant_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/tenantlint/tenantlint/tenant"
)

func ExampleParseID() {
	id, err := tenant.ParseID("acme")
	fmt.Println(id, err)

	for _, bad := range []string{"../etc", "acme:admin", "Acme", "\u0430cme", ""} {
		_, err := tenant.ParseID(bad)
		fmt.Println(errors.Is(err, tenant.ErrInvalidID), err)
	}
	// Output:
	// acme <nil>
	// true tenant: invalid tenant id "../etc": character '.' at byte 0 is not allowed (only a-z, 0-9 and '-')
	// true tenant: invalid tenant id "acme:admin": character ':' at byte 4 is not allowed (only a-z, 0-9 and '-')
	// true tenant: invalid tenant id "Acme": uppercase letter 'A' at byte 0 (ids are lowercase)
	// true tenant: invalid tenant id "аcme": non-ASCII character U+0430 at byte 0 (only a-z, 0-9 and '-' are allowed)
	// true tenant: invalid tenant id "": empty
}

func ExampleMustParseID() {
	// For constants and tests only: it panics on invalid input.
	demo := tenant.MustParseID("demo")
	fmt.Println(demo)
	// Output: demo
}

func ExampleID_Validate() {
	// A conversion skips ParseID; Validate catches it.
	fmt.Println(tenant.ID("acme").Validate())
	fmt.Println(tenant.ID("a/b").Validate())
	// Output:
	// <nil>
	// tenant: invalid tenant id "a/b": character '/' at byte 1 is not allowed (only a-z, 0-9 and '-')
}

func ExampleID_String() {
	fmt.Println(tenant.MustParseID("acme").String())
	// Output: acme
}

func ExampleID_TenantID() {
	// An ID is a Tenant on its own.
	var t tenant.Tenant = tenant.MustParseID("acme")
	fmt.Println(t.TenantID())
	// Output: acme
}

// Organization is what an application might attach to its tenants.
type Organization struct {
	Slug tenant.ID
	Name string
}

func (o Organization) TenantID() tenant.ID { return o.Slug }

func ExampleWith() {
	ctx := tenant.With(context.Background(), Organization{Slug: "acme", Name: "Acme Corp"})
	t, _ := tenant.From(ctx)
	fmt.Println(t.TenantID(), t.(Organization).Name)
	// Output: acme Acme Corp
}

func ExampleFrom() {
	_, ok := tenant.From(context.Background())
	fmt.Println(ok)

	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	t, ok := tenant.From(ctx)
	fmt.Println(t.TenantID(), ok)
	// Output:
	// false
	// acme true
}

func ExampleMustFrom() {
	// Below middleware that guarantees a tenant.
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	fmt.Println(tenant.MustFrom(ctx).TenantID())
	// Output: acme
}

func ExampleIDFrom() {
	ctx := tenant.With(context.Background(), Organization{Slug: "globex"})
	id, ok := tenant.IDFrom(ctx)
	fmt.Println(id, ok)
	// Output: globex true
}

func ExampleRequireID() {
	_, err := tenant.RequireID(context.Background())
	fmt.Println(err)

	id, err := tenant.RequireID(tenant.With(context.Background(), tenant.MustParseID("acme")))
	fmt.Println(id, err)
	// Output:
	// tenant: no tenant in context
	// acme <nil>
}

func ExampleAllTenants() {
	ctx := tenant.AllTenants(context.Background())
	for _, id := range []tenant.ID{"acme", "globex"} {
		// Work for one tenant inside the cross-tenant loop is
		// tenant-scoped again.
		one := tenant.With(ctx, id)
		got, _ := tenant.IDFrom(one)
		fmt.Println(got, tenant.IsAllTenants(one))
	}
	// Output:
	// acme false
	// globex false
}

func ExampleIsAllTenants() {
	fmt.Println(tenant.IsAllTenants(context.Background()))
	fmt.Println(tenant.IsAllTenants(tenant.AllTenants(context.Background())))
	// Output:
	// false
	// true
}

func ExampleRequireAllTenants() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	fmt.Println(tenant.RequireAllTenants(ctx))
	fmt.Println(tenant.RequireAllTenants(tenant.AllTenants(ctx)))
	// Output:
	// tenant: context is not in the all-tenants scope: the context is scoped to tenant "acme"; wrap it with tenant.AllTenants
	// <nil>
}

func ExampleInvalidIDError() {
	_, err := tenant.ParseID("a'b")
	var ie *tenant.InvalidIDError
	if errors.As(err, &ie) {
		fmt.Println(ie.Reason)
	}
	// Output: character '\'' at byte 1 is not allowed (only a-z, 0-9 and '-')
}

func ExampleInvalidIDError_Error() {
	err := &tenant.InvalidIDError{Input: "a b", Reason: "character ' ' at byte 1 is not allowed (only a-z, 0-9 and '-')"}
	fmt.Println(err.Error())
	// Output: tenant: invalid tenant id "a b": character ' ' at byte 1 is not allowed (only a-z, 0-9 and '-')
}

func ExampleInvalidIDError_Unwrap() {
	_, err := tenant.ParseID("a:b")
	fmt.Println(errors.Is(err, tenant.ErrInvalidID))
	// Output: true
}
