// Package tenantcache is a stub of tenantlint's reference runtime for the analysistest fixtures
// (GOPATH-mode test data cannot import the module itself); contract/ checks it against the real
// package. Key and Prefix are catalog scopers: their results carry the active tenant.
package tenantcache

import (
	"context"

	"github.com/tenantlint/tenantlint/tenant"
)

const Namespace = "t"

func Key(ctx context.Context, parts ...string) (string, error) { return "", nil }
func KeyFor(id tenant.ID, parts ...string) (string, error)     { return "", nil }
func Prefix(ctx context.Context) (string, error)               { return "", nil }
func Parse(key string) (tenant.ID, []string, error)            { return "", nil, nil }
