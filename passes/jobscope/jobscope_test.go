package jobscope_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

// TestJobLibraries covers the job family's catalog rows (asynq, river, machinery, gocraft/work,
// temporal, watermill) and the runtime's tenantjob.Encode; jobapp/jobs holds helpers whose
// tenant parameter is an obligation for jobapp, and must stay quiet itself.
func TestJobLibraries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, all.Analyzer, "jobapp", "jobapp/jobs")
}
