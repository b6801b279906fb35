package chanscope

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports channel names without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "chanscope",
	Doc:      "pub/sub channels and subjects must carry the active tenant",
	URL:      "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/chanscope.md",
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "chanscope")
		return nil, nil
	},
}
