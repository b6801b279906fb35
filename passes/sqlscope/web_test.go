package sqlscope_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

// TestWebFrameworks: request input from gorilla/mux, chi, echo, gin, fiber, gRPC metadata and
// dskit's header extraction, reaching a tenant predicate.
func TestWebFrameworks(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "webapp")
}
