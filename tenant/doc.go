// Package tenant is the core of tenantlint's reference runtime for
// multi-tenant Go services: it names the active tenant and carries it in a
// context.Context.
//
// The runtime is small and standard-library only. Its packages are:
//
//   - tenant: the tenant identifier ([ID], validated by [ParseID]), the
//     [Tenant] abstraction, and the context helpers [With], [From],
//     [MustFrom], [IDFrom], [RequireID], plus the explicit all-tenants scope
//     ([AllTenants], [IsAllTenants], [RequireAllTenants]) for intentional
//     cross-tenant work.
//   - tenant/tenanthttp: net/http middleware resolving the tenant from the
//     subdomain, a path prefix, a header, a query parameter or a function,
//     and tenant-aware URL building.
//   - tenant/tenantsql: database/sql helpers for the three architectures:
//     a shared database with a tenant column, a schema per tenant, and a
//     database per tenant.
//   - tenant/tenantcache: cache keys scoped to the tenant.
//   - tenant/tenantjob: job envelopes that carry the tenant to a worker and
//     restore it there.
//   - tenant/tenantpubsub: channel and consumer-group names scoped to the
//     tenant.
//   - tenant/tenantstore: object-storage paths and local directories
//     (through os.Root) confined to the tenant.
//   - tenant/tenantcmd: running a management command for one tenant, a list
//     of tenants, or all of them.
//
// # Design
//
// Every sink (a query, a cache key, a job, a channel, a file) takes the
// tenant from the context rather than from an argument, so that the only way
// to act for a tenant is to have been given it by a trusted resolver
// (tenanthttp, tenantjob.Restore, tenantcmd). A context without a tenant is
// refused with an error wrapping [ErrNoTenant]; cross-tenant work must say so
// with [AllTenants], which the tenantlint analyzer treats as a declaration.
//
// Tenant identifiers are deliberately narrow (see [ParseID]): lowercase
// ASCII letters, digits and inner hyphens, at most [MaxIDLength] bytes. Such
// an identifier is at once a DNS label, a path element, a cache-key segment
// and a PostgreSQL identifier fragment, so no sink needs its own escaping
// rules, and separators, quotes, traversal, control characters and Unicode
// look-alikes cannot get in.
package tenant
