package storagepath_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"github.com/tenantlint/tenantlint/passes/storagepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestStorageLibraries covers the storage family's built-in sinks (catalog/storage.go) on
// stubs of the real libraries: S3, its upload manager, gocloud.dev/blob, minio, Google Cloud
// Storage, local files, *os.Root and http.ServeFile.
func TestStorageLibraries(t *testing.T) {
	dir := fixtures.GOPATH(t, "testdata")
	analysistest.Run(t, dir, storagepath.Analyzer, "storageapp", "storageapp/storekeys")
}
