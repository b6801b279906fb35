package sqlrules

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Primary keys that include the tenant column: a query by such a key (bun's WherePK, xorm's
// ID with a composite key, gorm's finders and updates of a model whose key is set) compares
// the tenant column with the model's tenant field, so it is scoped by that field's value,
// which is judged like any bound tenant.

// pkCond reads the primary-key condition of a query that runs at c: the tenant field of its
// model, when the model's primary key includes it.
func (r *rules) pkCond(s *engine.Frame, c *engine.Call, row catalog.Builder) cond {
	links := append([]chainLink{{c, row, nil}}, r.chain(s, c.Recv())...)
	var models []ssa.Value
	for _, l := range links {
		models = append(models, r.modelArgs(s, l.call, l.row)...)
	}
	for _, l := range links {
		if !l.row.PK {
			continue
		}
		for _, m := range models {
			x := engine.StripConversions(m)
			path, col := tenantFieldPath(x.Type(), r.tables.columns)
			if path == nil || !isPrimaryKey(x.Type(), path) {
				continue
			}
			if sig := l.call.Common.Signature(); l.call != c && sig.Params().Len() == 1 && !sig.Variadic() {
				// xorm's ID(schemas.PK{name, tenant}): the key values in key order.
				if i := l.call.ArgIndex(0); i < len(l.call.Args) {
					if v, ok := r.keyValue(s, l.call.Args[i], x.Type(), path); ok {
						return cond{tenant: true, col: col, val: v}
					}
				}
				continue
			}
			if l.row.Library == "gorm" && !s.FieldStored(x, path) {
				continue // gorm leaves a zero key field out of the condition
			}
			return cond{tenant: true, col: col, val: s.FieldAt(x, path, c.Instr)}
		}
	}
	return cond{}
}

// keyValue is the value given for the tenant field among the key values of a composite key
// literal (xorm's schemas.PK{name, tenant}: one per primary-key field, in field order).
func (r *rules) keyValue(s *engine.Frame, arg ssa.Value, model types.Type, path []int) (*engine.Value, bool) {
	x := engine.StripConversions(arg)
	if u, ok := x.(*ssa.UnOp); ok && u.Op == token.MUL {
		x = u.X // *schemas.NewPK(...) is unknown; a literal is read below
	}
	els, ok := engine.SliceElems(x)
	keys := primaryKeyPaths(model)
	if !ok || len(els) != len(keys) {
		return nil, false
	}
	for i, k := range keys {
		if slices.Equal(k, path) {
			return s.Eval(els[i]), true
		}
	}
	return nil, false
}

// primaryKeyPaths are the primary-key fields of a model struct, in field order (embedded
// structs' in place).
func primaryKeyPaths(t types.Type) [][]int {
	st := engine.StructOf(t)
	if st == nil {
		return nil
	}
	var out [][]int
	for i := 0; i < st.NumFields(); i++ {
		f, tag := st.Field(i), reflect.StructTag(st.Tag(i))
		if notColumn(tag) {
			continue
		}
		if _, isPtr := f.Type().Underlying().(*types.Pointer); f.Anonymous() && !isPtr && engine.StructOf(f.Type()) != nil {
			for _, p := range primaryKeyPaths(f.Type()) {
				out = append(out, append([]int{i}, p...))
			}
			continue
		}
		if pkTag(tag) {
			out = append(out, []int{i})
		}
	}
	return out
}

// isPrimaryKey: the field at path of a model struct is (part of) its primary key.
func isPrimaryKey(t types.Type, path []int) bool {
	return slices.ContainsFunc(primaryKeyPaths(t), func(p []int) bool { return slices.Equal(p, path) })
}

// pkTag: the tag marks a primary-key field.
func pkTag(tag reflect.StructTag) bool {
	if _, opts, ok := strings.Cut(tag.Get("bun"), ","); ok && slices.Contains(strings.Split(opts, ","), "pk") {
		return true
	}
	for _, part := range strings.Split(tag.Get("gorm"), ";") {
		if p := strings.ToLower(strings.TrimSpace(part)); p == "primarykey" || p == "primary_key" {
			return true
		}
	}
	return slices.ContainsFunc(strings.Fields(tag.Get("xorm")), func(tok string) bool { return strings.EqualFold(tok, "pk") })
}
