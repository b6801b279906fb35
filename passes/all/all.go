// Package all bundles every tenantlint check as one analyzer named "tenantlint", for drivers
// that want a single linter name (golangci-lint) and for tests that look at all checks at once.
// Each message is prefixed with its check, so a finding still says where it comes from.
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
	Doc:      "tenantlint: multi-tenant isolation checks (" + names() + ")",
	URL:      "https://github.com/tenantlint/tenantlint",
	Requires: []*analysis.Analyzer{tenantflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, c := range Checks {
			tenantflow.ReportPrefixed(pass, c.Name)
		}
		tenantflow.ReportPrefixed(pass, "tenantflow")
		return nil, nil
	},
}

func names() string {
	s := ""
	for i, c := range Checks {
		if i > 0 {
			s += ", "
		}
		s += c.Name
	}
	return s
}
