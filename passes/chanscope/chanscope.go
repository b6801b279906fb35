package chanscope

import (
	"github.com/tenantlint/tenantlint/passes/chanscope/chanrules"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports channel names without the active tenant, broadcasts to every tenant, and
// subscription handlers that accept any channel. Its family's rules are in chanscope/chanrules.
var Analyzer = tenantflow.Check(chanrules.Family.Info().Check, doc, url)
