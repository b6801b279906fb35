package keysink_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

// TestConfiguredKeySinks covers the four key-sink families through configured sinks: the
// fixture has sinks of every family, so it runs every check.
func TestConfiguredKeySinks(t *testing.T) {
	dir := fixtures.GOPATH(t, "testdata")
	analysistest.Run(t, dir, all.Analyzer, "keysinks")
}
