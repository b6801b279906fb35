package tenant_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
)

// org is an application tenant type carrying more than the id.
type org struct {
	Slug tenant.ID
	Plan string
}

func (o org) TenantID() tenant.ID { return o.Slug }

func TestWithFrom(t *testing.T) {
	ctx := context.Background()
	if _, ok := tenant.From(ctx); ok {
		t.Fatal("From(background) reported a tenant")
	}
	if _, ok := tenant.IDFrom(ctx); ok {
		t.Fatal("IDFrom(background) reported a tenant")
	}
	acme := org{Slug: tenant.MustParseID("acme"), Plan: "pro"}
	ctx = tenant.With(ctx, acme)
	got, ok := tenant.From(ctx)
	if !ok || got.(org) != acme {
		t.Fatalf("From = %v, %v; want %v, true", got, ok, acme)
	}
	if id, ok := tenant.IDFrom(ctx); !ok || id != "acme" {
		t.Fatalf("IDFrom = %q, %v", id, ok)
	}
	if id, err := tenant.RequireID(ctx); err != nil || id != "acme" {
		t.Fatalf("RequireID = %q, %v", id, err)
	}
	// A nested With replaces the tenant.
	inner := tenant.With(ctx, tenant.MustParseID("globex"))
	if id, _ := tenant.IDFrom(inner); id != "globex" {
		t.Fatalf("nested IDFrom = %q", id)
	}
	if id, _ := tenant.IDFrom(ctx); id != "acme" {
		t.Fatalf("outer context changed to %q", id)
	}
}

func TestRequireIDWithoutTenant(t *testing.T) {
	_, err := tenant.RequireID(context.Background())
	if !errors.Is(err, tenant.ErrNoTenant) {
		t.Fatalf("RequireID(background) = %v, want ErrNoTenant", err)
	}
	_, err = tenant.RequireID(tenant.AllTenants(context.Background()))
	if !errors.Is(err, tenant.ErrNoTenant) {
		t.Fatalf("RequireID(all tenants) = %v, want ErrNoTenant", err)
	}
}

func TestRequireIDRevalidates(t *testing.T) {
	// A Tenant whose ID changes after With (a buggy application type)
	// must still be refused by sinks.
	m := &mutable{id: "acme"}
	ctx := tenant.With(context.Background(), m)
	m.id = "../etc"
	if _, err := tenant.RequireID(ctx); !errors.Is(err, tenant.ErrInvalidID) {
		t.Fatalf("RequireID = %v, want ErrInvalidID", err)
	}
}

type mutable struct{ id tenant.ID }

func (m *mutable) TenantID() tenant.ID { return m.id }

func TestWithPanicsOnInvalid(t *testing.T) {
	for name, tn := range map[string]tenant.Tenant{
		"nil":       nil,
		"converted": tenant.ID("../../etc"),
		"empty":     tenant.ID(""),
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("With did not panic")
				}
			}()
			tenant.With(context.Background(), tn)
		})
	}
}

func TestMustFromPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustFrom(background) did not panic")
		}
	}()
	tenant.MustFrom(context.Background())
}

func TestAllTenantsScope(t *testing.T) {
	bg := context.Background()
	if tenant.IsAllTenants(bg) {
		t.Fatal("background is in the all-tenants scope")
	}
	if err := tenant.RequireAllTenants(bg); !errors.Is(err, tenant.ErrNotAllTenants) {
		t.Fatalf("RequireAllTenants(background) = %v", err)
	}
	scoped := tenant.With(bg, tenant.MustParseID("acme"))
	if err := tenant.RequireAllTenants(scoped); !errors.Is(err, tenant.ErrNotAllTenants) {
		t.Fatalf("RequireAllTenants(tenant ctx) = %v", err)
	}

	// Entering the all-tenants scope drops the active tenant ...
	all := tenant.AllTenants(scoped)
	if !tenant.IsAllTenants(all) || tenant.RequireAllTenants(all) != nil {
		t.Fatal("AllTenants did not enter the scope")
	}
	if _, ok := tenant.From(all); ok {
		t.Fatal("the all-tenants scope still has an active tenant")
	}
	// ... and selecting a tenant inside it leaves the scope.
	one := tenant.With(all, tenant.MustParseID("globex"))
	if tenant.IsAllTenants(one) {
		t.Fatal("With inside AllTenants kept the all-tenants scope")
	}
	if id, _ := tenant.IDFrom(one); id != "globex" {
		t.Fatalf("IDFrom = %q", id)
	}
}

// TestConcurrentContexts checks that contexts built concurrently for
// different tenants never see each other's tenant (run with -race).
func TestConcurrentContexts(t *testing.T) {
	ids := []tenant.ID{"acme", "globex", "initech", "umbrella"}
	base := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, len(ids)*100)
	for _, id := range ids {
		for range 100 {
			wg.Go(func() {
				ctx := tenant.With(base, id)
				if got, _ := tenant.IDFrom(ctx); got != id {
					errs <- errors.New("got " + string(got) + " want " + string(id))
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
