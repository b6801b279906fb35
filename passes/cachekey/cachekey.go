package cachekey

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Analyzer reports cache keys without the active tenant.
var Analyzer = &analysis.Analyzer{
	Name:     "cachekey",
	Doc:      "cache keys must carry the active tenant",
	URL:      "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/cachekey.md",
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		tenantflow.Report(pass, "cachekey")
		return nil, nil
	},
}
