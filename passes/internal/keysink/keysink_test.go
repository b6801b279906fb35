package keysink_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

// TestConfiguredKeySinks covers the four key-sink families through configured sinks: the
// fixture has sinks of every family, so it runs every check.
func TestConfiguredKeySinks(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, all.Analyzer, "keysinks")
}
