package sqlscope

import (
	"github.com/tenantlint/tenantlint/passes/sqlscope/sqlrules"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports SQL on tenant tables without the active tenant, and tenant ids from request
// input. Its family's rules are in sqlscope/sqlrules.
var Analyzer = tenantflow.Check(sqlrules.Family.Info().Check, doc, url)
