package tenantpubsub_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantpubsub"
)

var (
	acme   = tenant.With(context.Background(), tenant.MustParseID("acme"))
	globex = tenant.With(context.Background(), tenant.MustParseID("globex"))
	all    = tenant.AllTenants(context.Background())
)

func TestNames(t *testing.T) {
	for _, c := range []struct {
		f    func(context.Context, string) (string, error)
		name string
		want string
	}{
		{tenantpubsub.Channel, "notes", "t.acme.notes"},
		{tenantpubsub.Channel, "notes.created", "t.acme.notes.created"},
		{tenantpubsub.Group, "indexer", "g.acme.indexer"},
	} {
		got, err := c.f(acme, c.name)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

func TestNeedsTenant(t *testing.T) {
	for _, ctx := range []context.Context{context.Background(), all} {
		if _, err := tenantpubsub.Channel(ctx, "notes"); !errors.Is(err, tenant.ErrNoTenant) {
			t.Errorf("Channel: %v", err)
		}
		if _, err := tenantpubsub.Group(ctx, "notes"); !errors.Is(err, tenant.ErrNoTenant) {
			t.Errorf("Group: %v", err)
		}
	}
	if _, err := tenantpubsub.Pattern(acme, "notes"); !errors.Is(err, tenant.ErrNotAllTenants) {
		t.Errorf("Pattern outside the all-tenants scope: %v", err)
	}
}

func TestHostileNames(t *testing.T) {
	for _, name := range []string{"", ".", "a..b", ".a", "a.", "*", ">", "a.*", "a.>", "#", "a?b", "a b", "a:b", "a/b", "Notes", "\u0430", "a\x00", "a\nb", strings.Repeat("a", 250)} {
		for _, f := range []func(context.Context, string) (string, error){tenantpubsub.Channel, tenantpubsub.Group} {
			if got, err := f(acme, name); err == nil {
				t.Errorf("name %q accepted: %q", name, got)
			}
		}
		if got, err := tenantpubsub.Pattern(all, name); err == nil {
			t.Errorf("pattern name %q accepted: %q", name, got)
		}
	}
	ev := &mutable{"acme"}
	ctx := tenant.With(context.Background(), ev)
	ev.id = "globex.notes"
	if _, err := tenantpubsub.Channel(ctx, "x"); !errors.Is(err, tenant.ErrInvalidID) {
		t.Errorf("converted id: %v", err)
	}
}

type mutable struct{ id tenant.ID }

func (m *mutable) TenantID() tenant.ID { return m.id }

func TestParse(t *testing.T) {
	id, name, err := tenantpubsub.Parse("t.acme-eu.notes.created")
	if err != nil || id != "acme-eu" || name != "notes.created" {
		t.Errorf("got %q %q %v", id, name, err)
	}
	for _, c := range []string{"acme.notes", "t.acme", "t..notes", "t.ACME.notes", "t.acme.*", "g.acme.notes", "t.a b.notes"} {
		if _, _, err := tenantpubsub.Parse(c); err == nil {
			t.Errorf("Parse(%q) accepted", c)
		}
	}
}

// broker is an in-memory exact-match pub/sub.
type broker struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

func (b *broker) subscribe(channel string) chan string {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch := make(chan string, 1000)
	b.subs[channel] = append(b.subs[channel], ch)
	return ch
}

func (b *broker) publish(channel, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[channel] {
		ch <- msg
	}
}

// TestConcurrentChannels publishes for two tenants concurrently on the
// same logical channel: each tenant's subscriber gets its own messages only.
func TestConcurrentChannels(t *testing.T) {
	b := &broker{subs: map[string][]chan string{}}
	inbox := map[tenant.ID]chan string{}
	for _, ctx := range []context.Context{acme, globex} {
		ch, err := tenantpubsub.Channel(ctx, "notes.created")
		if err != nil {
			t.Fatal(err)
		}
		id, _ := tenant.IDFrom(ctx)
		inbox[id] = b.subscribe(ch)
	}
	var wg sync.WaitGroup
	for _, ctx := range []context.Context{acme, globex} {
		id, _ := tenant.IDFrom(ctx)
		for i := range 4 {
			wg.Go(func() {
				for j := range 50 {
					ch, err := tenantpubsub.Channel(ctx, "notes.created")
					if err != nil {
						t.Error(err)
						return
					}
					b.publish(ch, fmt.Sprintf("%s/%d/%d", id, i, j))
				}
			})
		}
	}
	wg.Wait()
	for id, ch := range inbox {
		close(ch)
		n := 0
		for msg := range ch {
			n++
			if !strings.HasPrefix(msg, string(id)+"/") {
				t.Errorf("%s received %q", id, msg)
			}
		}
		if n != 200 {
			t.Errorf("%s received %d messages, want 200", id, n)
		}
	}
}

func ExampleChannel() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	ch, err := tenantpubsub.Channel(ctx, "notes.created")
	fmt.Println(ch, err)

	_, err = tenantpubsub.Channel(ctx, "notes.>") // no wildcards
	fmt.Println(err)
	// Output:
	// t.acme.notes.created <nil>
	// tenantpubsub: invalid name "notes.>": want dot-separated segments of a-z, 0-9, '_' and '-'
}

func ExampleGroup() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	g, err := tenantpubsub.Group(ctx, "search-indexer")
	fmt.Println(g, err)
	// Output: g.acme.search-indexer <nil>
}

func ExamplePattern() {
	// A service consuming every tenant's events declares it.
	p, err := tenantpubsub.Pattern(tenant.AllTenants(context.Background()), "notes.created")
	fmt.Println(p, err)
	// Output: t.*.notes.created <nil>
}

func ExampleParse() {
	// Messages received through a pattern say whose they are.
	id, name, err := tenantpubsub.Parse("t.globex.notes.created")
	fmt.Println(id, name, err)
	ctx := tenant.With(context.Background(), id) // handle it for globex
	_ = ctx
	// Output: globex notes.created <nil>
}
