package storagepath

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports object keys without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "storagepath",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "storagepath")
		return nil, nil
	},
}
