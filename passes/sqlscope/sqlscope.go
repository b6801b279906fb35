package sqlscope

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports SQL on tenant tables without the active tenant's scope.
var Analyzer = &analysis.Analyzer{
	Name:     "sqlscope",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "sqlscope")
		return nil, nil
	},
}
