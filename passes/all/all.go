package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/passes/cachekey"
	"github.com/tenantlint/tenantlint/passes/chanscope"
	"github.com/tenantlint/tenantlint/passes/directive"
	"github.com/tenantlint/tenantlint/passes/jobscope"
	"github.com/tenantlint/tenantlint/passes/sqlscope"
	"github.com/tenantlint/tenantlint/passes/storagepath"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Checks are tenantlint's checks, one analyzer each, as the standalone command runs them.
var Checks = []*analysis.Analyzer{
	sqlscope.Analyzer,
	cachekey.Analyzer,
	jobscope.Analyzer,
	chanscope.Analyzer,
	storagepath.Analyzer,
	directive.Analyzer,
}

// Analyzer reports the findings of every check.
var Analyzer = &analysis.Analyzer{
	Name:     "tenantlint",
	Doc:      doc,
	URL:      url,
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, c := range Checks {
			tenantflow.ReportPrefixed(pass, c.Name)
		}
		tenantflow.ReportPrefixed(pass, "tenantflow")
		return nil, nil
	},
}
