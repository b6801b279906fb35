package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovim runs `tenantlint lsp` under a real editor: Neovim from Debian's package
// (scripts/neovim.sh installs it; scripts/test.sh runs that first), headless, attaching the
// server to the app fixture with testdata/editor/init.lua, which writes what the editor saw.
func TestNeovim(t *testing.T) {
	nvim := os.Getenv("TENANTLINT_NVIM")
	if nvim == "" {
		var err error
		if nvim, err = exec.LookPath("nvim"); err != nil {
			t.Fatal("nvim not found; run scripts/neovim.sh install (or set TENANTLINT_NVIM)")
		}
	}
	bin := tenantlint(t)
	dir := copyModule(t, "app")
	file := filepath.Join(dir, "store", "store.go")
	initLua, _ := filepath.Abs(filepath.Join("testdata", "editor", "init.lua"))
	report := filepath.Join(t.TempDir(), "report.txt")
	home := t.TempDir()

	// A guard against a hang, not a measure of speed.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", initLua)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"TENANTLINT_BIN="+bin, "TENANTLINT_FILE="+file, "TENANTLINT_ROOT="+dir, "TENANTLINT_OUT="+report,
		// No user configuration, plugins or state.
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"), "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report from nvim: %v\n%s", err, stderr.String())
	}
	got := string(data)
	if strings.Contains(got, "ERROR") {
		t.Fatalf("init.lua failed:\n%s\nnvim's output:\n%s", got, stderr.String())
	}

	const docs = "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/"
	// On open: the three findings of `tenantlint ./store`, with the explanation trail; the one
	// quick fix, on the unused directive; after applying it and saving, the directive finding is
	// gone; the server exits cleanly when the editor stops it.
	want := `opened
diag 18:9 tenantlint sqlscope query on tenant table "devices" is not scoped to the active tenant: no WHERE clause
  href ` + docs + `sqlscope.md
  related store.go:18:9 "devices" is a tenant table (column tenant_id in CREATE TABLE at ` + filepath.Join(dir, "schema.sql") + `:1)
diag 22:2 tenantlint sqlscope tenant id comes from request input: r.FormValue reaches Get needs the active tenant in tid (for tenant_id = $1 in the query on tenant table "devices")
  href ` + docs + `sqlscope.md
  related store.go:22:21 r.FormValue returns request input
  related store.go:22:2 calls Get with request input (r.FormValue) as tid
  related store.go:14:9 query on tenant table "devices" binds $1 to parameter tid
diag 26:2 tenantlint directive //nolint:tenantlint suppresses nothing: remove it
  href ` + docs + `directive.md
action 26:2 quickfix Remove the directive
saved
diag 18:9 tenantlint sqlscope query on tenant table "devices" is not scoped to the active tenant: no WHERE clause
  href ` + docs + `sqlscope.md
  related store.go:18:9 "devices" is a tenant table (column tenant_id in CREATE TABLE at ` + filepath.Join(dir, "schema.sql") + `:1)
diag 22:2 tenantlint sqlscope tenant id comes from request input: r.FormValue reaches Get needs the active tenant in tid (for tenant_id = $1 in the query on tenant table "devices")
  href ` + docs + `sqlscope.md
  related store.go:22:21 r.FormValue returns request input
  related store.go:22:2 calls Get with request input (r.FormValue) as tid
  related store.go:14:9 query on tenant table "devices" binds $1 to parameter tid
exit 0
`
	// The first line names the Neovim version, which depends on the machine.
	_, body, _ := strings.Cut(got, "\n")
	if body != want {
		t.Errorf("what Neovim saw:\n%s\nwant:\n%s", got, want)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(src, []byte("//nolint:tenantlint")) || !bytes.Contains(src, []byte("\ts.DB.QueryContext(ctx, `SELECT * FROM users`)\n}")) {
		t.Errorf("the saved file does not have just the directive removed:\n%s", src)
	}
}
