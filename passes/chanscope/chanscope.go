package chanscope

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports channel names without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "chanscope",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "chanscope")
		return nil, nil
	},
}
