package storagepath

import (
	"github.com/tenantlint/tenantlint/passes/storagepath/storagerules"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports object keys and file paths without the active tenant. Its family's rules are in
// storagepath/storagerules.
var Analyzer = tenantflow.Check(storagerules.Family.Info().Check, doc, url)
