package jobscope_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"github.com/tenantlint/tenantlint/passes/jobscope"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestJobLibraries covers the job family's catalog rows (asynq, river, machinery, gocraft/work,
// temporal, watermill) and the runtime's tenantjob.Encode; jobapp/jobs holds helpers whose
// tenant parameter is an obligation for jobapp, and must stay quiet itself.
func TestJobLibraries(t *testing.T) {
	dir := fixtures.GOPATH(t, "testdata")
	analysistest.Run(t, dir, jobscope.Analyzer, "jobapp", "jobapp/jobs")
}
