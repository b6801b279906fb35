package directive

import "github.com/tenantlint/tenantlint/passes/tenantflow"

// Analyzer reports malformed and unused directives, and the engine's internal errors (a package
// it could not analyse).
var Analyzer = tenantflow.Check("directive", doc, url, "tenantflow")
