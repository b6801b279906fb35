package plugin_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/all"
	_ "github.com/tenantlint/tenantlint/plugin" // registers "tenantlint"
)

// newPlugin builds the plugin as golangci-lint does: by name, from the registry.
func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	t.Cleanup(func() {
		config.Analyzer.Flags.Set("settings", "")
		config.Analyzer.Flags.Set("nolint", "tenantlint")
	})
	newFn, err := register.GetPlugin("tenantlint")
	if err != nil {
		t.Fatal(err)
	}
	return newFn(settings)
}

// settings are as golangci-lint passes them: decoded from its YAML into maps and slices.
func settings() map[string]any {
	return map[string]any{
		"version": 1,
		"tables":  map[string]any{"scoped": []any{"devices"}},
	}
}

func TestPlugin(t *testing.T) {
	p, err := newPlugin(t, settings())
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(as, []*analysis.Analyzer{all.Analyzer}) || as[0].Name != "tenantlint" {
		t.Errorf("analyzers %v, want the one named tenantlint (passes/all)", as)
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, all.Analyzer, "pluginmode")
}

func TestSettingsErrors(t *testing.T) {
	s := settings()
	s["tables"].(map[string]any)["scopd"] = []any{"x"}
	s["dialect"] = "oracle"
	_, err := newPlugin(t, s)
	if err == nil {
		t.Fatal("no error for an unknown key and a bad dialect")
	}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	if len(list) != 2 {
		t.Fatalf("want the two problems joined, got: %v", err)
	}
	const name = "golangci-lint settings (linters.settings.custom.tenantlint.settings): "
	for _, e := range list {
		var ce *config.Error
		if !errors.As(e, &ce) {
			t.Errorf("%v is not a *config.Error", e)
			continue
		}
		// No line: it would count lines of the settings re-encoded, not of .golangci.yml.
		if ce.Line != 0 || !strings.HasPrefix(e.Error(), name) {
			t.Errorf("error %q: want it to start %q and have no line", e, name)
		}
	}
	if msg := err.Error(); !strings.Contains(msg, "tables.scopd: unknown key") || !strings.Contains(msg, "dialect:") {
		t.Errorf("error does not name tables.scopd and dialect:\n%s", msg)
	}
}

// TestNoSettings: without settings nothing overrides the per-package .tenantlint.yml lookup.
func TestNoSettings(t *testing.T) {
	for _, s := range []any{nil, map[string]any{}} {
		// Settings left by an earlier run are removed by a run without.
		if err := config.Analyzer.Flags.Set("settings", `{"version": 1, "tables": {"scoped": ["x"]}}`); err != nil {
			t.Fatal(err)
		}
		if _, err := newPlugin(t, s); err != nil {
			t.Fatalf("settings %v: %v", s, err)
		}
		if !config.NolintByDriver() {
			t.Errorf("settings %v: //nolint not left to golangci-lint", s)
		}
		got := analysistest.Run(t, mustAbs(t, "testdata"), config.Analyzer, "plain")
		if cfg := got[0].Result.(*config.Config); cfg.File != "" || len(cfg.Tables.Scoped) != 0 {
			t.Errorf("settings %v: package config %+v, want the defaults (no .tenantlint.yml above testdata)", s, cfg)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
