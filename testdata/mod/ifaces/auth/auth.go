// Package auth returns the signed-in caller's tenant (the configured source).
package auth

import "context"

type key struct{}

func TenantFromContext(ctx context.Context) string { s, _ := ctx.Value(key{}).(string); return s }
