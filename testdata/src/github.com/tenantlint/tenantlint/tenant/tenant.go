// Package tenant is a stub of tenantlint's reference runtime for the analysistest fixtures
// (GOPATH-mode test data cannot import the module itself); contract/ checks it against the real
// package.
package tenant

import "context"

type ID string

func (id ID) String() string       { return string(id) }
func (id ID) TenantID() ID         { return id }
func (id ID) Validate() error      { return nil }
func ParseID(s string) (ID, error) { return ID(s), nil }

type Tenant interface{ TenantID() ID }

func With(ctx context.Context, t Tenant) context.Context { return ctx }
func From(ctx context.Context) (Tenant, bool)            { return nil, false }
func MustFrom(ctx context.Context) Tenant                { return nil }
func IDFrom(ctx context.Context) (ID, bool)              { return "", false }
func RequireID(ctx context.Context) (ID, error)          { return "", nil }
func AllTenants(ctx context.Context) context.Context     { return ctx }
