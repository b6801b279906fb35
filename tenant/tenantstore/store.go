// Package tenantstore confines stored files to the tenant.
//
// For object stores, [Path] builds keys under "tenants/<id>/" from
// elements that are checked, not cleaned: an element that would climb out
// ("..") or is absolute is an error, never silently rewritten.
//
// For local files, [OpenRoot] returns an *os.Root for the tenant's own
// directory: every operation through it is confined to that directory by
// the kernel-backed checks of os.Root, including against symbolic links,
// so that a file name from a request cannot reach another tenant's files.
package tenantstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/tenantlint/tenantlint/tenant"
)

// Prefix starts every object-store path built by Path.
const Prefix = "tenants/"

// Path returns the object-store path "tenants/<id>/<elem>/..." for the
// active tenant of ctx. Each element may itself hold "/"-separated
// segments; every segment must be non-empty, not "." or "..", and free of
// "\\", control characters and invalid UTF-8. Path returns an error wrapping
// tenant.ErrNoTenant without a tenant.
func Path(ctx context.Context, elem ...string) (string, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return "", fmt.Errorf("tenantstore: %w", err)
	}
	if len(elem) == 0 {
		return "", errors.New("tenantstore: a path needs at least one element")
	}
	for _, e := range elem {
		if err := checkElem(e); err != nil {
			return "", err
		}
	}
	return Prefix + string(id) + "/" + strings.Join(elem, "/"), nil
}

func checkElem(e string) error {
	if !utf8.ValidString(e) {
		return fmt.Errorf("tenantstore: path element %q is not valid UTF-8", e)
	}
	for _, seg := range strings.Split(e, "/") {
		switch seg {
		case "":
			return fmt.Errorf("tenantstore: path element %q has an empty segment (absolute, or a double or trailing slash)", e)
		case ".", "..":
			return fmt.Errorf("tenantstore: path element %q has a %q segment", e, seg)
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f || r == '\\' {
				return fmt.Errorf("tenantstore: path element %q has the character %q", e, r)
			}
		}
	}
	return nil
}

// OpenRoot opens the directory of the active tenant of ctx under dir,
// dir/<id>, creating it (mode 0700) if needed, as an *os.Root: names used
// through it cannot leave it. The caller closes it. The tenant directory
// must be a real directory: a symbolic link there (which could point at
// another tenant's directory) is refused.
func OpenRoot(ctx context.Context, dir string) (*os.Root, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return nil, fmt.Errorf("tenantstore: %w", err)
	}
	base, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("tenantstore: %w", err)
	}
	defer base.Close()
	name := string(id)
	if err := base.Mkdir(name, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("tenantstore: %w", err)
	}
	fi, err := base.Lstat(name)
	if err != nil {
		return nil, fmt.Errorf("tenantstore: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("tenantstore: %s/%s is not a directory (%v)", dir, name, fi.Mode().Type())
	}
	r, err := base.OpenRoot(name)
	if err != nil {
		return nil, fmt.Errorf("tenantstore: %w", err)
	}
	return r, nil
}
