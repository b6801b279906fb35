package tenantstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantstore"
)

var (
	acme   = tenant.With(context.Background(), tenant.MustParseID("acme"))
	globex = tenant.With(context.Background(), tenant.MustParseID("globex"))
)

func TestPath(t *testing.T) {
	p, err := tenantstore.Path(acme, "notes", "2024/07/1.txt")
	if err != nil || p != "tenants/acme/notes/2024/07/1.txt" {
		t.Errorf("got %q, %v", p, err)
	}
	if _, err := tenantstore.Path(context.Background(), "x"); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	if _, err := tenantstore.Path(acme); err == nil {
		t.Error("no elements accepted")
	}
}

func TestPathRejectsHostile(t *testing.T) {
	for _, e := range []string{"", ".", "..", "../globex/x", "a/../../globex", "/etc/passwd", "a//b", "a/", `a\..\b`, "a\x00b", "a\nb", "a\x7f", "\xff"} {
		if p, err := tenantstore.Path(acme, "notes", e); err == nil {
			t.Errorf("element %q accepted: %q", e, p)
		}
	}
}

func TestOpenRootHostileIDsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"..", "../x", "a/b", "", ".", "a\x00", "\u0430cme", strings.Repeat("a", 49)} {
		ev := &mutable{"acme"}
		ctx := tenant.With(context.Background(), ev)
		ev.id = tenant.ID(id)
		if r, err := tenantstore.OpenRoot(ctx, dir); !errors.Is(err, tenant.ErrInvalidID) {
			t.Errorf("id %q: %v", id, err)
			if r != nil {
				r.Close()
			}
		}
	}
	if _, err := tenantstore.OpenRoot(context.Background(), dir); !errors.Is(err, tenant.ErrNoTenant) {
		t.Errorf("no tenant: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("created %v", entries)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "x")); err == nil {
		t.Error("escaped the store directory")
	}
}

type mutable struct{ id tenant.ID }

func (m *mutable) TenantID() tenant.ID { return m.id }

func TestRootConfinesNames(t *testing.T) {
	dir := t.TempDir()
	g, err := tenantstore.OpenRoot(globex, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := g.WriteFile("secret.txt", []byte("globex secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := tenantstore.OpenRoot(acme, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, name := range []string{"../globex/secret.txt", "/globex/secret.txt", filepath.Join(dir, "globex/secret.txt"), "x/../../globex/secret.txt"} {
		if b, err := a.ReadFile(name); err == nil {
			t.Errorf("acme read %q: %q", name, b)
		}
		if err := a.WriteFile(name, []byte("overwrite"), 0o600); err == nil {
			t.Errorf("acme wrote %q", name)
		}
	}
	// A symbolic link planted in acme's directory does not lead out.
	if err := os.Symlink("../globex/secret.txt", filepath.Join(dir, "acme", "link")); err != nil {
		t.Fatal(err)
	}
	if b, err := a.ReadFile("link"); err == nil {
		t.Errorf("acme read through a symlink: %q", b)
	}
	b, _ := g.ReadFile("secret.txt")
	if string(b) != "globex secret" {
		t.Errorf("globex's file changed: %q", b)
	}
}

func TestOpenRootRefusesSymlinkedTenantDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "globex"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("globex", filepath.Join(dir, "acme")); err != nil {
		t.Fatal(err)
	}
	if r, err := tenantstore.OpenRoot(acme, dir); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("symlinked tenant dir: %v", err)
		if r != nil {
			r.Close()
		}
	}
}

// TestConcurrentTenants writes the same file names for two tenants
// concurrently: each reads back only its own content.
func TestConcurrentTenants(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for _, ctx := range []context.Context{acme, globex} {
		id, _ := tenant.IDFrom(ctx)
		for w := range 4 {
			wg.Go(func() {
				r, err := tenantstore.OpenRoot(ctx, dir)
				if err != nil {
					t.Error(err)
					return
				}
				defer r.Close()
				for i := range 25 {
					name := fmt.Sprintf("note-%d-%d.txt", w, i)
					want := string(id) + ":" + name
					if err := r.WriteFile(name, []byte(want), 0o600); err != nil {
						t.Error(err)
						return
					}
					if got, err := r.ReadFile(name); err != nil || string(got) != want {
						t.Errorf("%s read %q, %v", id, got, err)
					}
				}
			})
		}
	}
	wg.Wait()
	for _, id := range []string{"acme", "globex"} {
		entries, err := os.ReadDir(filepath.Join(dir, id))
		if err != nil || len(entries) != 100 {
			t.Fatalf("%s has %d files (%v)", id, len(entries), err)
		}
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, id, e.Name()))
			if !strings.HasPrefix(string(b), id+":") {
				t.Errorf("%s/%s holds %q", id, e.Name(), b)
			}
		}
	}
	top, _ := os.ReadDir(dir)
	var names []string
	for _, e := range top {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "acme,globex" {
		t.Errorf("store holds %v", names)
	}
}

func ExamplePath() {
	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	p, err := tenantstore.Path(ctx, "attachments", "2024/report.pdf")
	fmt.Println(p, err)

	_, err = tenantstore.Path(ctx, "attachments", "../../globex/report.pdf")
	fmt.Println(err)
	// Output:
	// tenants/acme/attachments/2024/report.pdf <nil>
	// tenantstore: path element "../../globex/report.pdf" has a ".." segment
}

func ExampleOpenRoot() {
	dir, _ := os.MkdirTemp("", "store")
	defer os.RemoveAll(dir)

	ctx := tenant.With(context.Background(), tenant.MustParseID("acme"))
	root, err := tenantstore.OpenRoot(ctx, dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer root.Close()
	fmt.Println(root.WriteFile("note.txt", []byte("hello"), 0o600))
	b, _ := os.ReadFile(filepath.Join(dir, "acme", "note.txt"))
	fmt.Println(string(b))

	// Names from requests cannot leave the tenant's directory.
	err = root.WriteFile("../globex/note.txt", []byte("x"), 0o600)
	fmt.Println(err != nil)
	// Output:
	// <nil>
	// hello
	// true
}
