package sqlscope_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/sqlscope"
)

// TestBoundInput: request input bound into structs by echo, gin, fiber and JSON decoders of a
// request's body, headers a gateway sets (tenant.trusted_headers), field sources through
// embedded structs and several results of one source; route middleware that checks the tenant
// (echo, chi, gin; in another package) as a validator for the handlers it guards; query
// parameters a generated strict server binds, read in its implementation in another package;
// job payloads of temporal, machinery and watermill handlers on a worker with its own tenant.
func TestBoundInput(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "inputapp/mw", "inputapp", "inputapp/api", "inputapp/server", "inputapp/jobs")
}
