package jobscope

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports job payloads without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "jobscope",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "jobscope")
		return nil, nil
	},
}
