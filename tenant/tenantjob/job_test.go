package tenantjob_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantjob"
)

type indexNote struct {
	NoteID int    `json:"note_id"`
	Body   string `json:"body"`
}

var (
	acme   = tenant.With(context.Background(), tenant.MustParseID("acme"))
	globex = tenant.With(context.Background(), tenant.MustParseID("globex"))
)

func TestRoundTrip(t *testing.T) {
	data, err := tenantjob.Encode(acme, indexNote{NoteID: 7, Body: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"v":1,"tenant":"acme","payload":{"note_id":7,"body":"hi"}}` {
		t.Errorf("envelope = %s", data)
	}
	var job indexNote
	ctx, err := tenantjob.Restore(context.Background(), data, &job, nil)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := tenant.IDFrom(ctx); id != "acme" || job != (indexNote{7, "hi"}) {
		t.Errorf("restored %q %+v", id, job)
	}
}

func TestEncodeNeedsTenant(t *testing.T) {
	if _, err := tenantjob.Encode(context.Background(), 1); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("got %v", err)
	}
	if _, err := tenantjob.Encode(acme, func() {}); err == nil {
		t.Error("unencodable payload accepted")
	}
}

func TestAllTenantsJob(t *testing.T) {
	data, err := tenantjob.Encode(tenant.AllTenants(context.Background()), "vacuum")
	if err != nil {
		t.Fatal(err)
	}
	var p string
	ctx, err := tenantjob.Restore(context.Background(), data, &p, nil)
	if err != nil || !tenant.IsAllTenants(ctx) || p != "vacuum" {
		t.Errorf("restored all=%v %q %v", ctx != nil && tenant.IsAllTenants(ctx), p, err)
	}
}

func TestRestoreRejects(t *testing.T) {
	cases := map[string]string{
		"raw payload":      `{"note_id":1}`,
		"no tenant":        `{"v":1,"payload":{"note_id":9}}`,
		"traversal":        `{"v":1,"tenant":"../globex","payload":{"note_id":9}}`,
		"separator":        `{"v":1,"tenant":"acme:globex","payload":{"note_id":9}}`,
		"quote":            `{"v":1,"tenant":"a'b","payload":{"note_id":9}}`,
		"look-alike":       `{"v":1,"tenant":"\u0430cme","payload":{"note_id":9}}`,
		"too long":         `{"v":1,"tenant":"` + strings.Repeat("a", 49) + `","payload":{"note_id":9}}`,
		"both":             `{"v":1,"tenant":"acme","all_tenants":true,"payload":{"note_id":9}}`,
		"version":          `{"v":2,"tenant":"acme","payload":{"note_id":9}}`,
		"no version":       `{"tenant":"acme","payload":{"note_id":9}}`,
		"no payload":       `{"v":1,"tenant":"acme"}`,
		"extra field":      `{"v":1,"tenant":"acme","payload":{"note_id":9},"tenant_override":"globex"}`,
		"trailing":         `{"v":1,"tenant":"acme","payload":{"note_id":9}} {"v":1,"tenant":"globex","payload":{"note_id":9}}`,
		"not json":         `acme`,
		"bad payload type": `{"v":1,"tenant":"acme","payload":"text"}`,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			var job indexNote
			ctx, err := tenantjob.Restore(context.Background(), []byte(data), &job, nil)
			if err == nil {
				t.Fatalf("accepted, ctx tenant %v", ctx)
			}
			if ctx != nil {
				t.Error("returned a context with the error")
			}
			if job.NoteID != 0 {
				t.Error("payload decoded from a refused envelope")
			}
		})
	}
}

func TestRestoreLookupAndMismatch(t *testing.T) {
	data, _ := tenantjob.Encode(globex, indexNote{NoteID: 1})
	gone := func(context.Context, tenant.ID) (tenant.Tenant, error) { return nil, tenant.ErrUnknownTenant }
	if _, err := tenantjob.Restore(context.Background(), data, nil, gone); !errors.Is(err, tenant.ErrUnknownTenant) {
		t.Errorf("deleted tenant: %v", err)
	}
	swap := func(context.Context, tenant.ID) (tenant.Tenant, error) { return tenant.ID("acme"), nil }
	if _, err := tenantjob.Restore(context.Background(), data, nil, swap); err == nil {
		t.Error("lookup returning another tenant accepted")
	}
	if _, err := tenantjob.Restore(acme, data, nil, nil); !errors.Is(err, tenantjob.ErrTenantMismatch) {
		t.Errorf("worker context of another tenant: %v", err)
	}
	if ctx, err := tenantjob.Restore(globex, data, nil, nil); err != nil || ctx == nil {
		t.Errorf("same tenant: %v", err)
	}
}

// TestConcurrentWorkers enqueues jobs for two tenants on one queue and has
// several workers run them concurrently: each job runs for its own tenant.
func TestConcurrentWorkers(t *testing.T) {
	queue := make(chan []byte, 400)
	for i := range 200 {
		for _, ctx := range []context.Context{acme, globex} {
			id, _ := tenant.IDFrom(ctx)
			data, err := tenantjob.Encode(ctx, indexNote{NoteID: i, Body: string(id)})
			if err != nil {
				t.Fatal(err)
			}
			queue <- data
		}
	}
	close(queue)
	var mu sync.Mutex
	ran := map[tenant.ID]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for data := range queue {
				var job indexNote
				ctx, err := tenantjob.Restore(context.Background(), data, &job, nil)
				if err != nil {
					t.Error(err)
					continue
				}
				id := tenant.MustFrom(ctx).TenantID()
				if string(id) != job.Body {
					t.Errorf("job of %s ran for %s", job.Body, id)
				}
				mu.Lock()
				ran[id]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if ran["acme"] != 200 || ran["globex"] != 200 {
		t.Errorf("ran %v", ran)
	}
}

func ExampleEncode() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	data, err := tenantjob.Encode(ctx, indexNote{NoteID: 42})
	fmt.Println(string(data), err)

	_, err = tenantjob.Encode(context.Background(), indexNote{NoteID: 42})
	fmt.Println(err)
	// Output:
	// {"v":1,"tenant":"acme","payload":{"note_id":42,"body":""}} <nil>
	// tenantjob: encode: tenant: no tenant in context
}

func ExampleRestore() {
	// Enqueued by a request of tenant acme ...
	data, _ := tenantjob.Encode(tenant.With(context.Background(), tenant.MustParseID("acme")), indexNote{NoteID: 42})

	// ... run by a worker that starts without a tenant.
	var job indexNote
	ctx, err := tenantjob.Restore(context.Background(), data, &job, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tenant.MustFrom(ctx).TenantID(), job.NoteID)

	// A payload enqueued without an envelope is refused.
	_, err = tenantjob.Restore(context.Background(), []byte(`{"note_id":42}`), &job, nil)
	fmt.Println(err)
	// Output:
	// acme 42
	// tenantjob: not a job envelope: json: unknown field "note_id"
}
