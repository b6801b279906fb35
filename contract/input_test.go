package contract

import (
	"go/types"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

// The binders, route registrations and job registrations of catalog/untrusted.go,
// catalog/routes.go and catalog/jobs.go, and the stubs that stand for them.
func init() {
	realPackages = append(realPackages,
		"github.com/oapi-codegen/runtime",
		"go.temporal.io/sdk/worker",
		"go.temporal.io/sdk/workflow",
	)
}

// TestInputRows: every binder, route and job registration names a real function, spelled as
// the engine keys a call, with the argument it names.
func TestInputRows(t *testing.T) {
	pkgs := load(t)
	row := func(kind, name string, args ...int) *types.Signature {
		fn, ok := lookup(pkgs, name)
		if !ok {
			t.Errorf("%s %s: no such function", kind, name)
			return nil
		}
		if key := catalog.Key(fn); key != name {
			t.Errorf("%s %s: the engine keys this function as %s; the row never matches", kind, name, key)
		}
		sig := fn.Type().(*types.Signature)
		for _, a := range args {
			if a >= sig.Params().Len() {
				t.Errorf("%s %s: no argument %d in %s", kind, name, a, sig)
			}
		}
		return sig
	}
	for _, b := range catalog.Binders {
		args := []int{b.Arg}
		if b.Decoder && b.From >= 0 {
			args = append(args, b.From)
		}
		row("binder", b.Func, args...)
	}
	for _, r := range catalog.Routes {
		var args []int
		for _, a := range []int{r.Handler, r.Middleware} {
			if a >= 0 {
				args = append(args, a)
			}
		}
		if r.SubRouter {
			args = append(args, r.Sub)
		}
		row("route", r.Func, args...)
	}
	for _, j := range catalog.JobRegistrations {
		row("job registration", j.Func, j.Arg)
	}
}
