// Package storagepath reports object keys that do not carry the active tenant.
//
// # Analyzer storagepath
//
// storagepath: Object keys and file paths must be confined to the active tenant
//
// An object key or file path built without the tenant ("notes/" + id + ".txt") lets one tenant read
// or overwrite another's files. Keys and paths must be built from the active tenant (or by
// tenantstore.Path), or go through a bucket or os.Root bound to the tenant.
//
// Libraries covered are rows of package catalog (family "storage"); configured `sinks:` with
// `kind: storage` add more. A key that is a parameter moves the obligation to the callers, across
// packages, like every tenantlint check.
//
// Before:
//
//	os.WriteFile(filepath.Join(dir, "notes", id+".txt"), body, 0o600)
//
// After:
//
//	root, _ := tenantstore.OpenRoot(ctx, dir)
//	root.WriteFile(filepath.Join("notes", id+".txt"), body, 0o600)
package storagepath
