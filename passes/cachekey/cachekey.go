package cachekey

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports cache keys without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "cachekey",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "cachekey")
		return nil, nil
	},
}
