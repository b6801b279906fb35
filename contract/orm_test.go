package contract

import (
	"go/types"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/entc/gen"
	"github.com/jinzhu/inflection"
	"gorm.io/gorm/schema"

	"github.com/tenantlint/tenantlint/catalog"
)

func init() {
	realPackages = append(realPackages,
		"gorm.io/gorm",
		"github.com/uptrace/bun",
		"xorm.io/xorm",
		"github.com/xorm-io/xorm",
		"github.com/Masterminds/squirrel",
		"entgo.io/ent",
		"github.com/gobuffalo/pop/v6",
	)
}

// TestBuilderRows: every builder row names a real function, spelled as the engine keys the
// call; its argument indices exist and have the shape the engine reads (a variadic condition
// list, a string or interface table name, functional options); and what an opening, chaining or
// condition-adding row returns is itself a builder the catalog knows, so the chain goes on.
func TestBuilderRows(t *testing.T) {
	pkgs := load(t)
	builderTypes := map[string]bool{}
	for _, b := range catalog.Builders {
		if strings.HasPrefix(b.Func, "(") {
			recv, _, _ := strings.Cut(b.Func[1:], ").")
			builderTypes[recv] = true
		}
	}
	for _, h := range slices.Concat(catalog.BuilderHandles, catalog.SessionParams) {
		i := strings.LastIndex(h, ".")
		pkg := pkgs[h[:i]]
		if pkg == nil {
			t.Errorf("handle %s: no package", h)
			continue
		}
		if _, ok := pkg.Scope().Lookup(h[i+1:]).(*types.TypeName); !ok {
			t.Errorf("handle %s: no such type", h)
		}
	}
	if len(catalog.Builders) == 0 {
		t.Fatal("no builder rows")
	}
	for _, b := range catalog.Builders {
		fn, ok := lookup(pkgs, b.Func)
		if !ok {
			t.Errorf("builder %s: no such function in the real module", b.Func)
			continue
		}
		if key := catalog.Key(fn); key != b.Func {
			t.Errorf("builder %s: the engine keys this function as %s; the row never matches", b.Func, key)
		}
		sig := fn.Type().(*types.Signature)
		params := sig.Params()
		at := func(i int) types.Type { return params.At(i).Type() }
		if b.Cond >= params.Len() || b.Model >= params.Len() || b.Table >= params.Len() {
			t.Errorf("builder %s: argument index out of range in %s", b.Func, sig)
			continue
		}
		if b.CondVariadic && !(sig.Variadic() && b.Cond == params.Len()-1) {
			t.Errorf("builder %s: argument %d is not the variadic conditions in %s", b.Func, b.Cond, sig)
		}
		if b.Table >= 0 {
			tt := at(b.Table)
			if sl, ok := tt.(*types.Slice); ok && sig.Variadic() && b.Table == params.Len()-1 {
				tt = sl.Elem()
			}
			if !isStringType(tt) && !types.IsInterface(tt) {
				t.Errorf("builder %s: argument %d (%s) cannot name a table", b.Func, b.Table, tt)
			}
		}
		switch b.Op {
		case catalog.BuilderScopes:
			ft := at(b.Cond)
			if s, ok := ft.(*types.Slice); ok {
				ft = s.Elem()
			}
			if _, ok := ft.Underlying().(*types.Signature); !ok {
				t.Errorf("builder %s: argument %d (%s) is not a functional option", b.Func, b.Cond, at(b.Cond))
			}
		case catalog.BuilderWhere, catalog.BuilderOr:
			if b.Cond < 0 {
				t.Errorf("builder %s: a condition row needs its condition argument", b.Func)
			}
		case catalog.BuilderColumns, catalog.BuilderValues:
			if !(sig.Variadic() && b.Cond == params.Len()-1) {
				t.Errorf("builder %s: argument %d is not variadic in %s", b.Func, b.Cond, sig)
			}
		}
		switch b.Op {
		case catalog.BuilderOpen, catalog.BuilderChain, catalog.BuilderWhere, catalog.BuilderOr, catalog.BuilderScopes:
			if sig.Results().Len() == 0 || !builderTypes[catalog.TypeKey(sig.Results().At(0).Type())] {
				t.Errorf("builder %s: returns %s, not a builder of the catalog", b.Func, sig.Results())
			}
		}
	}
}

// TestEntNaming: the ent rows match generated types by suffix and the tenant predicate by the
// column's Go name; both are entc/gen's naming, which this pins.
func TestEntNaming(t *testing.T) {
	typ := gen.Type{Name: "Device"}
	names := map[string]string{
		"Client": typ.ClientName(), "Query": typ.QueryName(), "Create": typ.CreateName(),
		"Update": typ.UpdateName(), "UpdateOne": typ.UpdateOneName(),
		"Delete": typ.DeleteName(), "DeleteOne": typ.DeleteOneName(),
	}
	seen := map[string]bool{}
	for _, g := range catalog.EntBuilders {
		seen[g.Suffix] = true
		if got, ok := names[g.Suffix]; !ok || got != "Device"+g.Suffix {
			t.Errorf("ent row suffix %q: entc/gen names the builder %q", g.Suffix, got)
		}
	}
	if len(seen) != len(names) {
		t.Errorf("ent rows cover builders %v, entc/gen has %v", seen, names)
	}
	for _, col := range []string{"tenant_id", "org_id", "workspace_uuid", "account_api_key", "team"} {
		if want, got := (gen.Field{Name: col}).StructField(), catalog.EntFieldName(col); got != want {
			t.Errorf("EntFieldName(%q) = %q, entc/gen generates %q", col, got, want)
		}
	}
}

// TestGormPlural: gorm's NamingStrategy and bun name a model's table with inflection.Plural of
// its snake-cased name; catalog.Plural ports its rules, which this pins on words whose plural
// the schoolbook rule gets wrong as well as on the common cases.
func TestGormPlural(t *testing.T) {
	ns := schema.NamingStrategy{}
	for _, model := range []string{
		"Settings", "DNSSettings", "Status", "Address", "Policy", "Key", "Box", "Match", "Dish",
		"Person", "Human", "Wife", "Leaf", "Quiz", "Ox", "Matrix", "Index", "Bus", "Axis",
		"Analysis", "Money", "Fish", "Datum", "Hive", "Alias", "Octopus", "Mouse", "Peer",
		"NetworkResource", "PostureChecks", "SetupKey", "Series", "Proxy", "Day",
	} {
		snake := ns.ColumnName("", model) // the snake-cased name TableName pluralizes
		if want, got := ns.TableName(model), catalog.Plural(snake); got != want {
			t.Errorf("model %s: catalog.Plural(%q) = %q, gorm names the table %q", model, snake, got, want)
		}
		if want, got := inflection.Plural(snake), catalog.Plural(snake); got != want {
			t.Errorf("catalog.Plural(%q) = %q, inflection.Plural gives %q", snake, got, want)
		}
	}
}
