package storagepath_test

import (
	"github.com/tenantlint/tenantlint/passes/storagepath"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestStorageLibraries covers the storage family's built-in sinks (catalog/storage.go) on
// stubs of the real libraries: S3, its upload manager, gocloud.dev/blob, minio, Google Cloud
// Storage, local files, *os.Root and http.ServeFile.
func TestStorageLibraries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, storagepath.Analyzer, "storageapp", "storageapp/storekeys")
}
