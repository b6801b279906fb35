package directive

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports malformed and unused directives.
var Analyzer = &analysis.Analyzer{
	Name:     "directive",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "directive")
		tenantflow.Report(pass, "tenantflow")
		return nil, nil
	},
}
