package chanscope_test

import (
	"github.com/tenantlint/tenantlint/passes/chanscope"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLibraries covers the channel family's library catalog: go-redis, nats.go and jetstream,
// centrifuge and sarama.
func TestLibraries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, chanscope.Analyzer, "chanapp")
}
