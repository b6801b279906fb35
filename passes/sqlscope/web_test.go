package sqlscope_test

import (
	"github.com/tenantlint/tenantlint/passes/sqlscope"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestWebFrameworks: request input from gorilla/mux, chi, echo, gin, fiber, gRPC metadata and
// dskit's header extraction, reaching a tenant predicate.
func TestWebFrameworks(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "webapp")
}
