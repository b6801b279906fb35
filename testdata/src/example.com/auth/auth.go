// Package auth is an application's authentication package, as configured in .tenantlint.yml.
package auth

import "context"

type User struct {
	ID    string
	OrgID string
}

// UserFrom returns the authenticated user; its OrgID is a configured tenant field.
func UserFrom(ctx context.Context) *User { return nil }

// TenantID is a configured tenant source.
func TenantID(ctx context.Context) string { return "" }

// RequireMember is a configured validator: it fails unless the user belongs to tenant.
func RequireMember(ctx context.Context, tenant string) error { return nil }
