// Package tenant is a stub of github.com/grafana/dskit/tenant for tests; the contract test
// module compiles the catalog against the real module.
package tenant

import "context"

func TenantID(ctx context.Context) (string, error)    { return "", nil }
func TenantIDs(ctx context.Context) ([]string, error) { return nil, nil }
