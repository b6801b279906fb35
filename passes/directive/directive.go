// Package directive reports tenantlint directives that are malformed (a missing reason, an
// unknown check) or that suppress nothing, and internal errors of the engine.
//
// # Analyzer directive
//
// directive: suppressions need a reason and must suppress something
//
// //nolint:tenantlint // reason, //tenantlint:ignore CHECK reason and
// //tenantlint:crosstenant reason all need a reason. A directive that suppresses nothing is
// reported with a fix that removes it, so stale suppressions do not pile up.
package directive

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports malformed and unused directives.
var Analyzer = &analysis.Analyzer{
	Name:     "directive",
	Doc:      "tenantlint suppressions need a reason and must suppress something",
	URL:      "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/directive.md",
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "directive")
		tenantflow.Report(pass, "tenantflow")
		return nil, nil
	},
}
