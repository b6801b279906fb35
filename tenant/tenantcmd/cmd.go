// Package tenantcmd runs management commands (migrations, backfills,
// reports) for one tenant, a list of tenants, or all tenants.
//
// A command registers the selection flags with [Flags] (-tenant ID,
// repeatable or comma-separated, or -all-tenants) and hands its work to
// [Runner.Run], which calls it once per selected tenant with that tenant
// active in the context. Listing the tenants happens in the all-tenants
// scope; the work itself is always tenant-scoped.
package tenantcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// Selection says which tenants a command runs for: the IDs, or All.
type Selection struct {
	IDs []tenant.ID
	All bool
}

// String describes the selection.
func (s *Selection) String() string {
	if s.All {
		return "all tenants"
	}
	ids := make([]string, len(s.IDs))
	for i, id := range s.IDs {
		ids[i] = string(id)
	}
	return strings.Join(ids, ",")
}

// idsFlag is the flag.Value of -tenant: each value is parsed, so a
// malformed id is a usage error before anything runs.
type idsFlag struct{ s *Selection }

func (f idsFlag) String() string {
	if f.s == nil {
		return ""
	}
	return (&Selection{IDs: f.s.IDs}).String()
}

func (f idsFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		id, err := tenant.ParseID(part)
		if err != nil {
			return err
		}
		if !slices.Contains(f.s.IDs, id) {
			f.s.IDs = append(f.s.IDs, id)
		}
	}
	return nil
}

// Flags registers -tenant and -all-tenants on fs and returns the Selection
// they fill when fs is parsed.
func Flags(fs *flag.FlagSet) *Selection {
	s := &Selection{}
	fs.Var(idsFlag{s}, "tenant", "run for tenant `ID` (repeatable, or comma-separated)")
	fs.BoolVar(&s.All, "all-tenants", false, "run for every tenant")
	return s
}

// Runner runs a command for the tenants of a Selection.
type Runner struct {
	// List returns every tenant. It is called with a context in the
	// all-tenants scope. It is required for -all-tenants; when set, the
	// ids of a -tenant selection are also checked against it before
	// anything runs.
	List func(ctx context.Context) ([]tenant.ID, error)
	// Lookup, if set, turns an id into the application's Tenant;
	// otherwise the ID itself is the Tenant.
	Lookup func(ctx context.Context, id tenant.ID) (tenant.Tenant, error)
	// KeepGoing runs the remaining tenants after a failure and returns
	// all the failures; by default Run stops at the first one.
	KeepGoing bool
	// Log, if set, receives a line per tenant: "acme: ok" or
	// "acme: <error>".
	Log io.Writer
}

// ErrNoSelection is returned for a selection naming no tenant and not all.
var ErrNoSelection = errors.New("tenantcmd: choose -tenant ID (repeatable) or -all-tenants")

// Run calls fn once per selected tenant, in order, with that tenant active
// in the context. Errors from fn are wrapped with the tenant's id. It
// refuses a selection that is empty, names tenants and all at once, holds
// an invalid id, or (with List) names an unknown tenant, before calling fn
// at all.
func (r Runner) Run(ctx context.Context, sel Selection, fn func(ctx context.Context) error) error {
	ids, err := r.resolve(ctx, sel)
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range ids {
		err := r.runOne(ctx, id, fn)
		if r.Log != nil {
			if err != nil {
				fmt.Fprintf(r.Log, "%s: %v\n", id, err)
			} else {
				fmt.Fprintf(r.Log, "%s: ok\n", id)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("tenantcmd: tenant %s: %w", id, err))
			if !r.KeepGoing {
				break
			}
		}
	}
	return errors.Join(errs...)
}

func (r Runner) resolve(ctx context.Context, sel Selection) ([]tenant.ID, error) {
	switch {
	case sel.All && len(sel.IDs) > 0:
		return nil, errors.New("tenantcmd: -tenant and -all-tenants are exclusive")
	case !sel.All && len(sel.IDs) == 0:
		return nil, ErrNoSelection
	case sel.All && r.List == nil:
		return nil, errors.New("tenantcmd: -all-tenants needs Runner.List")
	}
	for _, id := range sel.IDs {
		if err := id.Validate(); err != nil {
			return nil, err
		}
	}
	if r.List == nil {
		return sel.IDs, nil
	}
	known, err := r.List(tenant.AllTenants(ctx))
	if err != nil {
		return nil, fmt.Errorf("tenantcmd: list tenants: %w", err)
	}
	for _, id := range known {
		if err := id.Validate(); err != nil {
			return nil, fmt.Errorf("tenantcmd: list tenants: %w", err)
		}
	}
	if sel.All {
		return known, nil
	}
	var unknown []string
	for _, id := range sel.IDs {
		if !slices.Contains(known, id) {
			unknown = append(unknown, string(id))
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("tenantcmd: %w: %s", tenant.ErrUnknownTenant, strings.Join(unknown, ", "))
	}
	return sel.IDs, nil
}

func (r Runner) runOne(ctx context.Context, id tenant.ID, fn func(context.Context) error) error {
	var t tenant.Tenant = id
	if r.Lookup != nil {
		var err error
		if t, err = r.Lookup(ctx, id); err != nil {
			return err
		}
		if t == nil || t.TenantID().Validate() != nil {
			return fmt.Errorf("lookup of %q returned no valid tenant", id)
		}
	}
	return fn(tenant.With(ctx, t))
}
