package storagepath_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

// TestStorageLibraries covers the storage family's built-in sinks (catalog/storage.go) on
// stubs of the real libraries: S3, its upload manager, gocloud.dev/blob, minio, Google Cloud
// Storage, local files, *os.Root and http.ServeFile.
func TestStorageLibraries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, all.Analyzer, "storageapp", "storageapp/storekeys")
}
