package jobscope

import (
	"github.com/tenantlint/tenantlint/passes/jobscope/jobrules"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports job payloads without the active tenant, and job handlers that read the tenant
// before restoring it. Its family's rules are in jobscope/jobrules.
var Analyzer = tenantflow.Check(jobrules.Family.Info().Check, doc, url)
