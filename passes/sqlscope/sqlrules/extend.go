package sqlrules

import (
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// bunExtends is the model a bun model extends: an embedded struct tagged bun:",extend" gives
// the embedding model its table (and its columns, which tenantFieldPath finds through the
// embedding).
func bunExtends(st *types.Struct) *types.Named {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Anonymous() {
			continue
		}
		_, opts, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("bun"), ",")
		if !slices.Contains(strings.Split(opts, ","), "extend") {
			continue
		}
		t := f.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && engine.StructOf(n) != nil {
			return n
		}
	}
	return nil
}
