package contract

import (
	"go/types"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

// The storage family's real packages: catalog rows (catalog/storage.go) are looked up in them,
// and the stubs under testdata/src with the same import paths are compared with them.
func init() {
	realPackages = append(realPackages,
		"os",
		"github.com/aws/aws-sdk-go-v2/aws",
		"github.com/aws/aws-sdk-go-v2/aws/signer/v4",
		"github.com/aws/aws-sdk-go-v2/service/s3",
		"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
		"gocloud.dev/blob",
		"github.com/minio/minio-go/v7",
		"cloud.google.com/go/storage",
		"github.com/thanos-io/objstore",
	)
}

// TestStorageKeysAreStrings: every storage row points at a string (or, for a field, a string
// or *string): an index off by one (the bucket instead of the object name) fails here.
func TestStorageKeysAreStrings(t *testing.T) {
	pkgs := load(t)
	for _, k := range catalog.KeySinks {
		if k.Family != "storage" {
			continue
		}
		fn, ok := lookup(pkgs, k.Func)
		if !ok {
			continue // reported by TestCatalogAgainstRealModules
		}
		params := fn.Type().(*types.Signature).Params()
		if k.Arg >= params.Len() {
			continue
		}
		at := params.At(k.Arg).Type()
		if k.Field != "" {
			if p, ok := at.Underlying().(*types.Pointer); ok {
				at = p.Elem()
			}
			st, ok := at.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i).Name() == k.Field {
					at = st.Field(i).Type()
				}
			}
			if p, ok := at.Underlying().(*types.Pointer); ok {
				at = p.Elem()
			}
		}
		if !isStringType(at) {
			t.Errorf("storage sink %s: argument %d %s is %s, not a key", k.Func, k.Arg, k.Field, at)
		}
	}
}
