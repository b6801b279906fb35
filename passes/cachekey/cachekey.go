package cachekey

import (
	"github.com/tenantlint/tenantlint/passes/cachekey/cacherules"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports cache keys without the active tenant. Its family's rules are in
// cachekey/cacherules.
var Analyzer = tenantflow.Check(cacherules.Family.Info().Check, doc, url)
