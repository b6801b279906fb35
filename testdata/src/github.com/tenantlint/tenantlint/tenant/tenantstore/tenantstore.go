// Package tenantstore is a stub of the reference runtime's storage helpers for the fixtures;
// contract/ checks it against the real package.
package tenantstore

import (
	"context"
	"os"
)

func Path(ctx context.Context, elem ...string) (string, error)   { return "", nil }
func OpenRoot(ctx context.Context, dir string) (*os.Root, error) { return nil, nil }
