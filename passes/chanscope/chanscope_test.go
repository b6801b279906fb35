package chanscope_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"github.com/tenantlint/tenantlint/passes/chanscope"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLibraries covers the channel family's library catalog: go-redis, nats.go and jetstream,
// centrifuge and sarama.
func TestLibraries(t *testing.T) {
	dir := fixtures.GOPATH(t, "testdata")
	analysistest.Run(t, dir, chanscope.Analyzer, "chanapp")
}
