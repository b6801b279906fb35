package driver

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInterfaceRequires runs the driver on a module whose services reach their repositories only
// through interfaces (testdata/mod/ifaces): the requirement of an implementation reaches the callers
// of the interface method, over one and two interface hops and through a caller's own
// parameter, and nothing is reported where the implementation needs no tenant, where the caller
// passes its own tenant, or for a generic interface. Through a hook interface whose parameter
// is itself an interface (flow.Hook), a field of the hook's struct parameter and a field of the
// context asserted to its concrete type are required of the callers, by their own names; the
// tenant of what a method of the context returns (h.GetDeps(c).TenantID) is not a field of the
// context, and nothing is required for it (it was, with the path of Deps applied to the
// caller's State: a finding at RunFor, which passes its tenant).
func TestInterfaceRequires(t *testing.T) {
	dir, res := analyzeModule(t, "ifaces")
	got := findingLines(dir, res, func(msg string) string {
		param := "?"
		if _, rest, ok := strings.Cut(msg, "needs the active tenant in "); ok {
			param, _, _ = strings.Cut(rest, " ")
		}
		return param
	})
	want := []string{
		"flow/flow.go:57 sqlscope c.TenantID",     // State literal without its TenantID, through flow.Hook (StateProject)
		"flow/flow.go:57 sqlscope in.TenantID",    // Input literal without its TenantID, through flow.Hook (RenameProject)
		"service/service.go:20 sqlscope tenantID", // query-string tenant through store.Store
		"service/service.go:24 sqlscope tenantID", // "" through store.Store
		"service/service.go:32 sqlscope tenantID", // query-string tenant through store.Namer, then store.Store
		"service/service.go:53 sqlscope tenantID", // form tenant into Passed, which calls store.Store
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestRegistryInDependency: an in-process registry is looked for in the module's own packages;
// a map inside a dependency (a generic LRU keyed by what its caller passes) is not one.
func TestRegistryInDependency(t *testing.T) {
	dir, res := analyzeModule(t, "regdep")
	got := findingLines(dir, res, func(string) string { return "" })
	want := []string{"app/app.go:25 cachekey "}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestConstantVarInDependency: a dependency's package variable initialised with a constant and
// never assigned (uuid.Nil) is a constant where it is passed as the tenant; one its package sets
// or hands out by address is not.
func TestConstantVarInDependency(t *testing.T) {
	dir, res := analyzeModule(t, "constdep")
	got := findingLines(dir, res, func(msg string) string { return msg })
	want := []string{
		"app/app.go:22 sqlscope Get needs the active tenant in tenant (for tenant_id = $1 in the query on tenant table \"devices\"), but it gets a constant or zero value, not the active tenant",
		"app/app.go:23 sqlscope Get needs the active tenant in tenant (for tenant_id = $1 in the query on tenant table \"devices\"), but it gets a constant or zero value, not the active tenant",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// findingLines spells each finding "file:line check what", with the file relative to the module
// and what the part of its message a test is about, sorted.
func findingLines(dir string, res *Result, what func(msg string) string) []string {
	var got []string
	for _, f := range res.Findings {
		p := f.Fset.Position(f.Diag.Pos)
		rel, _ := filepath.Rel(dir, p.Filename)
		got = append(got, fmt.Sprintf("%s:%d %s %s", filepath.ToSlash(rel), p.Line, f.Check, what(f.Diag.Message)))
	}
	slices.Sort(got)
	return got
}

// analyzeModule loads and analyses every package of testdata/mod/NAME, which must analyse
// without errors.
func analyzeModule(t *testing.T, name string) (string, *Result) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", name))
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := Load(Options{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	return dir, res
}
