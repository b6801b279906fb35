package directive_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/directive"
)

// TestUnused: a suppression that suppresses nothing and a cross-tenant declaration that exempts
// nothing are reported; the ones that do are quiet (and their findings with them).
func TestUnused(t *testing.T) {
	dir := fixtures.GOPATH(t, "testdata")
	analysistest.Run(t, dir, directive.Analyzer, "directiveunused")
}
