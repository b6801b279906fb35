// Package tenantflow is tenantlint's engine: an SSA-based analysis of where each value's
// tenant scope comes from. It reports nothing itself; the checks (sqlscope, ...) read its
// Result and report their family's findings.
//
// # Analyzer tenantflow
//
// tenantflow: tenant-scope provenance for tenantlint's checks
//
// For every SSA value of a package the engine computes one of:
//
//   - TenantID: the active tenant's id from a trusted source (a catalog or configured source
//     such as tenant.IDFrom(ctx) or dskit's tenant.TenantID, a configured field such as
//     (auth.User).OrgID, or a function marked //tenantlint:source);
//   - Scoped: a value that incorporates the tenant (a key built with Sprintf or +, a
//     conversion, a struct with its tenant field set);
//   - Param(i): derived from parameter i: whether it is scoped is the caller's business;
//   - Untrusted: request input (r.FormValue, r.PathValue, r.URL.Query(), r.Header.Get) that
//     no configured validator vouched for on every path;
//   - None: a constant or zero value; Unknown: what the engine cannot see (then it is quiet).
//
// φ-nodes merge with must semantics: a value is scoped only if every incoming path scopes it.
// Within a package, function summaries are iterated over the call graph to a fixpoint; across
// packages they travel as facts.Summary facts: which results are the tenant or scoped, which
// parameters must carry the tenant because they reach a sink (facts.Requirement), and which
// functions forward SQL text to a driver. A caller of a function with a requirement is checked
// at the call site, so a handler -> service -> store chain is reported where the scope is lost,
// with the chain of positions as the explanation.
//
// Sinks are data in package catalog (database/sql, pgx v5, sqlx, and sqlc's generated shape),
// plus configured sinks. Query text is resolved from constants, including concatenation and
// constants of other packages, and judged by package internal/sqltext.
//
// Findings in _test.go files are dropped: tests pin tenants to constants on purpose.
// Packages that neither use a catalog or configured function nor import a package that does
// are skipped entirely, which keeps large dependency graphs cheap.
package tenantflow

const doc = `tenantflow: tenant-scope provenance for tenantlint's checks

The engine computes, for every value, where its tenant scope comes from (the active tenant id,
a value scoped by it, a parameter, request input, or nothing), summarizes functions as facts,
and records every sink that is reached without the active tenant. It reports nothing itself.`
