// Package storagerules is storagepath's family of rules: object keys and file paths are key
// sinks (the catalog's s3, gocloud blob, thanos objstore, minio, GCS, os and os.Root calls, and
// configured storage sinks), and a bucket or root bound to the tenant (a prefixed bucket,
// os.OpenRoot of the tenant's directory) scopes every key used through it (keysink.IsBindable).
package storagerules

import (
	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
	"github.com/tenantlint/tenantlint/passes/internal/keysink"
)

// Family is the storage family.
var Family engine.Family = keysink.New(engine.FamilyInfo{Name: catalog.FamilyStorage, Check: "storagepath", Noun: "storage path"})
