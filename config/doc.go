// Package config loads and validates .tenantlint.yml, the file that tells
// tenantlint how tenants appear in a code base, and provides Analyzer,
// which every tenantlint analyzer requires to get it.
//
// # Lookup
//
// For each package, the configuration is the nearest file named
// .tenantlint.yml or .tenantlint.yaml in the directory of the package's
// Go files or one of its parents, up to the filesystem root (both names
// in one directory is an error). With no file, Default applies. The
// analyzer's -config flag names a file to use instead (it appears as
// -tenantlintconfig.config, and only if the driver is given Analyzer
// itself: drivers register the flags of the analyzers they are given,
// not of those they require). Its -settings flag gives the configuration
// itself (JSON or YAML, the same keys) and takes precedence over both: the
// golangci-lint plugin passes its settings through it, and so can drivers
// that read no files (nogo).
// Each file is loaded once per process.
//
// # Validation
//
// Validation is strict: an unknown or duplicate key, a value of the wrong
// type, a malformed function name, a duplicate entry or a schema glob
// that matches no file is an error, reported as
//
//	path/.tenantlint.yml:12: tenant.sources[1].func: malformed function name "(*x.T.M": missing ")"
//
// Every error in the file is reported, in line order. A key with no value
// ("key:" alone) counts as absent. JSON input is accepted.
//
// # Function names
//
// Functions, methods and fields are named as go/types prints them:
// "pkg/path.Func", "(*pkg/path.Type).Method" or "(pkg/path.Type).Method",
// and "(pkg/path.Type).Field". A method matches whatever its receiver's
// pointer-ness, and through every instantiation of a generic type; a
// promoted method or field is named by the type that declares it. See
// FuncName.
//
// # Keys
//
//	version: 1                 # required; the only version
//	dialect: postgres          # SQL dialect of queries and schema: postgres (default) or mysql
//	tenant:
//	  columns: [tenant_id]     # columns holding a tenant id
//	                           # (default: tenant_id, org_id, organization_id, workspace_id)
//	  sources:                 # calls and fields that yield the active tenant id
//	    - func: "github.com/grafana/dskit/tenant.TenantID"
//	    - func: "(*example.com/app/auth.Session).TenantID"
//	      result: 0            # which result holds the id (default 0)
//	    - field: "(example.com/app/auth.User).OrgID"
//	  validators:              # calls that vouch for an untrusted tenant id
//	    - func: "example.com/app/auth.RequireMember"
//	      arg: 1               # required: the argument checked (0-based, receiver not counted)
//	tables:
//	  scoped: [devices]        # tables whose rows belong to one tenant
//	  global: [plans]          # tables shared by all tenants (never both scoped and global)
//	  schema: ["db/migrations/*.sql"]  # schema files, globs relative to the config file
//	  tenant: [workspaces]     # tables whose rows are the tenants, "table" or "table.key"
//	                           # (default: named after the tenant columns, workspace_id -> workspaces.id)
//	scopers:                   # calls whose results are tenant-scoped whatever their inputs
//	  - func: "example.com/app/cache.TenantKey"
//	sinks:                     # extra calls whose argument must be tenant-scoped
//	  - func: "(*example.com/app/kv.Store).Put"
//	    arg: 1                 # required: the argument (0-based, receiver not counted)
//	    kind: cache            # required: sql, cache, job, channel or storage
//	crosstenant:               # functions allowed to work across tenants
//	  - func: "example.com/app/admin.NightlyReport"
//	exclude:                   # packages not checked: import paths, "prefix/..." for a tree
//	  - "example.com/app/internal/testutil/..."
//	checks:
//	  disable: []              # names of checks to turn off
package config
