// Package tenantjob is a stub of tenantlint's reference runtime package tenantjob for the
// analysistest fixtures; contract/ checks it against the real package.
package tenantjob

import (
	"context"

	"github.com/tenantlint/tenantlint/tenant"
)

// Encode is a scoper: its result carries the active tenant of ctx.
func Encode(ctx context.Context, payload any) ([]byte, error) { return nil, nil }

func Restore(ctx context.Context, data []byte, payload any, lookup func(ctx context.Context, id tenant.ID) (tenant.Tenant, error)) (context.Context, error) {
	return ctx, nil
}
