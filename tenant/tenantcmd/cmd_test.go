package tenantcmd_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantcmd"
)

func listOf(ids ...tenant.ID) func(context.Context) ([]tenant.ID, error) {
	return func(ctx context.Context) ([]tenant.ID, error) {
		if !tenant.IsAllTenants(ctx) {
			return nil, errors.New("List called outside the all-tenants scope")
		}
		return ids, nil
	}
}

// record runs sel and returns the tenants fn ran for.
func record(t *testing.T, r tenantcmd.Runner, sel tenantcmd.Selection) ([]string, error) {
	var ran []string
	err := r.Run(context.Background(), sel, func(ctx context.Context) error {
		id, ok := tenant.IDFrom(ctx)
		if !ok || tenant.IsAllTenants(ctx) {
			t.Error("fn ran without a tenant")
		}
		ran = append(ran, string(id))
		if id == "broken" {
			return errors.New("boom")
		}
		return nil
	})
	return ran, err
}

func parse(t *testing.T, args ...string) (*tenantcmd.Selection, error) {
	fs := flag.NewFlagSet("cmd", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sel := tenantcmd.Flags(fs)
	return sel, fs.Parse(args)
}

func TestFlags(t *testing.T) {
	sel, err := parse(t, "-tenant", "acme,globex", "-tenant", "initech", "-tenant", "acme")
	if err != nil || sel.String() != "acme,globex,initech" || sel.All {
		t.Errorf("got %v, %v", sel, err)
	}
	sel, err = parse(t, "-all-tenants")
	if err != nil || !sel.All || sel.String() != "all tenants" {
		t.Errorf("got %v, %v", sel, err)
	}
	for _, bad := range []string{"../x", "a/b", "acme,", "a:b", "x'; DROP", "\u0430cme", ""} {
		if _, err := parse(t, "-tenant", bad); err == nil || !strings.Contains(err.Error(), "invalid tenant id") {
			t.Errorf("-tenant %q: %v", bad, err)
		}
	}
}

func TestRunSelections(t *testing.T) {
	r := tenantcmd.Runner{List: listOf("acme", "globex", "initech")}
	ran, err := record(t, r, tenantcmd.Selection{All: true})
	if err != nil || strings.Join(ran, ",") != "acme,globex,initech" {
		t.Errorf("all: %v, %v", ran, err)
	}
	ran, err = record(t, r, tenantcmd.Selection{IDs: []tenant.ID{"globex"}})
	if err != nil || strings.Join(ran, ",") != "globex" {
		t.Errorf("one: %v, %v", ran, err)
	}
	ran, err = record(t, r, tenantcmd.Selection{IDs: []tenant.ID{"initech", "acme"}})
	if err != nil || strings.Join(ran, ",") != "initech,acme" {
		t.Errorf("list: %v, %v", ran, err)
	}
}

func TestRunRefusesBeforeRunning(t *testing.T) {
	withList := tenantcmd.Runner{List: listOf("acme")}
	cases := map[string]struct {
		r   tenantcmd.Runner
		sel tenantcmd.Selection
		is  error
	}{
		"empty":            {withList, tenantcmd.Selection{}, tenantcmd.ErrNoSelection},
		"both":             {withList, tenantcmd.Selection{All: true, IDs: []tenant.ID{"acme"}}, nil},
		"all without List": {tenantcmd.Runner{}, tenantcmd.Selection{All: true}, nil},
		"unknown":          {withList, tenantcmd.Selection{IDs: []tenant.ID{"acme", "nope"}}, tenant.ErrUnknownTenant},
		"converted":        {withList, tenantcmd.Selection{IDs: []tenant.ID{"../acme"}}, tenant.ErrInvalidID},
		"bad list":         {tenantcmd.Runner{List: listOf("acme", "a/b")}, tenantcmd.Selection{All: true}, tenant.ErrInvalidID},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ran, err := record(t, c.r, c.sel)
			if err == nil || len(ran) != 0 {
				t.Fatalf("ran %v, err %v", ran, err)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err %v, want %v", err, c.is)
			}
		})
	}
}

func TestRunStopsOrKeepsGoing(t *testing.T) {
	list := listOf("acme", "broken", "globex")
	var log bytes.Buffer
	ran, err := record(t, tenantcmd.Runner{List: list, Log: &log}, tenantcmd.Selection{All: true})
	if strings.Join(ran, ",") != "acme,broken" || err == nil || err.Error() != "tenantcmd: tenant broken: boom" {
		t.Errorf("stop: ran %v, err %v", ran, err)
	}
	if log.String() != "acme: ok\nbroken: boom\n" {
		t.Errorf("log %q", log.String())
	}
	ran, err = record(t, tenantcmd.Runner{List: list, KeepGoing: true}, tenantcmd.Selection{All: true})
	if strings.Join(ran, ",") != "acme,broken,globex" || err == nil {
		t.Errorf("keep going: ran %v, err %v", ran, err)
	}
}

type org struct {
	id   tenant.ID
	plan string
}

func (o org) TenantID() tenant.ID { return o.id }

func TestRunLookup(t *testing.T) {
	r := tenantcmd.Runner{Lookup: func(_ context.Context, id tenant.ID) (tenant.Tenant, error) {
		if id == "gone" {
			return nil, tenant.ErrUnknownTenant
		}
		return org{id, "pro"}, nil
	}}
	var plans []string
	err := r.Run(context.Background(), tenantcmd.Selection{IDs: []tenant.ID{"acme", "gone"}}, func(ctx context.Context) error {
		plans = append(plans, tenant.MustFrom(ctx).(org).plan)
		return nil
	})
	if !errors.Is(err, tenant.ErrUnknownTenant) || len(plans) != 1 {
		t.Errorf("plans %v, err %v", plans, err)
	}
}

func ExampleFlags() {
	fs := flag.NewFlagSet("backfill", flag.ContinueOnError)
	sel := tenantcmd.Flags(fs)
	fs.Parse([]string{"-tenant", "acme,globex"})
	fmt.Println(sel.IDs, sel.All)

	fs = flag.NewFlagSet("backfill", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	tenantcmd.Flags(fs)
	fmt.Println(fs.Parse([]string{"-tenant", "../etc"}))
	// Output:
	// [acme globex] false
	// invalid value "../etc" for flag -tenant: tenant: invalid tenant id "../etc": character '.' at byte 0 is not allowed (only a-z, 0-9 and '-')
}

func ExampleSelection_String() {
	fmt.Println((&tenantcmd.Selection{IDs: []tenant.ID{"acme", "globex"}}).String())
	fmt.Println((&tenantcmd.Selection{All: true}).String())
	// Output:
	// acme,globex
	// all tenants
}

func ExampleRunner_Run() {
	// A management command: `backfill -all-tenants` or `backfill -tenant acme`.
	fs := flag.NewFlagSet("backfill", flag.ContinueOnError)
	sel := tenantcmd.Flags(fs)
	fs.Parse([]string{"-all-tenants"})

	r := tenantcmd.Runner{
		// In a real command: Schemas.List, or SELECT id FROM tenants.
		List: func(ctx context.Context) ([]tenant.ID, error) {
			return []tenant.ID{"acme", "globex"}, nil
		},
		Log: os.Stdout,
	}
	err := r.Run(context.Background(), *sel, func(ctx context.Context) error {
		// Tenant-scoped work: queries, cache keys and files are the
		// tenant's.
		return nil
	})
	fmt.Println(err)

	err = r.Run(context.Background(), tenantcmd.Selection{IDs: []tenant.ID{"initech"}}, nil)
	fmt.Println(err)
	// Output:
	// acme: ok
	// globex: ok
	// <nil>
	// tenantcmd: unknown tenant: initech
}
