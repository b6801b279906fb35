package contract

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/tenantlint/tenantlint/catalog"
)

// realPackages are the library packages the catalog and the stubs describe; each family's test
// file adds its own in an init function.
var realPackages = []string{
	"database/sql", "net/http", "net/url",
	"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v5/pgconn",
	"github.com/jmoiron/sqlx",
	"github.com/grafana/dskit/tenant", "github.com/grafana/dskit/user",
	"github.com/tenantlint/tenantlint/tenant",
	"github.com/tenantlint/tenantlint/tenant/tenantcache",
	"github.com/tenantlint/tenantlint/tenant/tenantpubsub",
	"github.com/tenantlint/tenantlint/tenant/tenantstore",
	"github.com/tenantlint/tenantlint/tenant/tenantjob",
	"github.com/weaveworks/common/user",
}

func load(t *testing.T) map[string]*types.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName | packages.NeedImports | packages.NeedDeps}, realPackages...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.PkgPath, p.Errors)
		}
		out[p.PkgPath] = p.Types
	})
	return out
}

// lookup finds a catalog name ("pkg.Func" or "(pkg.Type).Method") among the real packages.
func lookup(pkgs map[string]*types.Package, name string) (*types.Func, bool) {
	if strings.HasPrefix(name, "(") {
		recv, method, _ := strings.Cut(name[1:], ").")
		i := strings.LastIndex(recv, ".")
		pkg := pkgs[recv[:i]]
		if pkg == nil {
			return nil, false
		}
		tn, ok := pkg.Scope().Lookup(recv[i+1:]).(*types.TypeName)
		if !ok {
			return nil, false
		}
		t := types.Type(types.NewPointer(tn.Type()))
		if types.IsInterface(tn.Type()) {
			t = tn.Type()
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, method)
		fn, ok := obj.(*types.Func)
		return fn, ok
	}
	i := strings.LastIndex(name, ".")
	pkg := pkgs[name[:i]]
	if pkg == nil {
		return nil, false
	}
	fn, ok := pkg.Scope().Lookup(name[i+1:]).(*types.Func)
	return fn, ok
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// TestCatalogAgainstRealModules: every catalog row names a real function, and the argument
// indices it gives point at the SQL text (a string) and the bind arguments (variadic, or one
// value for named binding).
func TestCatalogAgainstRealModules(t *testing.T) {
	pkgs := load(t)
	for _, s := range catalog.SQLSinks {
		fn, ok := lookup(pkgs, s.Func)
		if !ok {
			t.Errorf("SQL sink %s: no such function in the real module", s.Func)
			continue
		}
		sig := fn.Type().(*types.Signature)
		if s.Query >= 0 && (s.Query >= sig.Params().Len() || !isStringType(sig.Params().At(s.Query).Type())) {
			t.Errorf("SQL sink %s: argument %d is not the SQL text in %s", s.Func, s.Query, sig)
		}
		if s.Args >= 0 {
			switch {
			case s.Args >= sig.Params().Len():
				t.Errorf("SQL sink %s: no argument %d in %s", s.Func, s.Args, sig)
			case !s.Named && !(sig.Variadic() && s.Args == sig.Params().Len()-1):
				t.Errorf("SQL sink %s: argument %d is not the variadic bind arguments in %s", s.Func, s.Args, sig)
			}
		}
		if s.Prepare && sig.Results().Len() == 0 {
			t.Errorf("SQL sink %s: a Prepare returns the statement", s.Func)
		}
	}
	for _, c := range catalog.CopyFrom {
		fn, ok := lookup(pkgs, c)
		if !ok {
			t.Errorf("CopyFrom %s: no such function", c)
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 4 || types.TypeString(sig.Params().At(2).Type(), nil) != "[]string" {
			t.Errorf("CopyFrom %s: want (ctx, table, columns []string, rows), got %s", c, sig)
		}
	}
	for _, s := range catalog.Sources {
		fn, ok := lookup(pkgs, s.Func)
		if !ok {
			t.Errorf("source %s: no such function", s.Func)
			continue
		}
		if res := fn.Type().(*types.Signature).Results(); s.Result >= res.Len() {
			t.Errorf("source %s: no result %d", s.Func, s.Result)
		}
	}
	for _, k := range catalog.KeySinks {
		fn, ok := lookup(pkgs, k.Func)
		if !ok {
			t.Errorf("%s sink %s: no such function", k.Family, k.Func)
			continue
		}
		// The row must be spelled as the engine keys a call (an interface method by the
		// interface that declares it, a promoted method by its embedded type), or it never
		// matches.
		if key := catalog.Key(fn); key != k.Func {
			t.Errorf("%s sink %s: the engine keys this method as %s; the row never matches", k.Family, k.Func, key)
		}
		sig := fn.Type().(*types.Signature)
		if k.Arg >= sig.Params().Len() {
			t.Errorf("%s sink %s: no argument %d in %s", k.Family, k.Func, k.Arg, sig)
			continue
		}
		at := sig.Params().At(k.Arg).Type()
		if k.Variadic {
			// Every element is a key: a variadic argument or a []string of keys (EVAL's keys).
			s, ok := at.(*types.Slice)
			if !ok {
				t.Errorf("%s sink %s: argument %d is not a slice in %s", k.Family, k.Func, k.Arg, sig)
				continue
			}
			at = s.Elem()
		}
		if k.Field != "" {
			if p, ok := at.Underlying().(*types.Pointer); ok {
				at = p.Elem()
			}
			st, ok := at.Underlying().(*types.Struct)
			found := false
			for i := 0; ok && i < st.NumFields(); i++ {
				found = found || st.Field(i).Name() == k.Field
			}
			if !found {
				t.Errorf("%s sink %s: argument %d (%s) has no field %s", k.Family, k.Func, k.Arg, at, k.Field)
			}
		}
	}
	for _, sc := range catalog.Scopers {
		if _, ok := lookup(pkgs, sc); !ok {
			t.Errorf("scoper %s: no such function", sc)
		}
	}
	for _, c := range catalog.CrossTenantScopes {
		if _, ok := lookup(pkgs, c); !ok {
			t.Errorf("all-tenants scope %s: no such function", c)
		}
	}
	for _, u := range catalog.Untrusted {
		if _, ok := lookup(pkgs, u); !ok {
			t.Errorf("untrusted input %s: no such function", u)
		}
	}
}

// TestStubsMatchRealModules: every function and method declared by the analysistest stubs in
// ../testdata/src has the same signature in the real module, so the tests exercise the real
// API shapes.
func TestStubsMatchRealModules(t *testing.T) {
	real := load(t)
	src, _ := filepath.Abs(filepath.Join("..", "testdata", "src"))
	stubs := map[string]*types.Package{}
	fset := token.NewFileSet()
	std := importer.Default()
	var imp types.ImporterFrom
	var check func(path string) (*types.Package, error)
	check = func(path string) (*types.Package, error) {
		if p, ok := stubs[path]; ok {
			return p, nil
		}
		dir := filepath.Join(src, path)
		if _, err := os.Stat(dir); err != nil {
			return std.Import(path)
		}
		entries, _ := os.ReadDir(dir)
		var files []*ast.File
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") {
				f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
				if err != nil {
					return nil, err
				}
				files = append(files, f)
			}
		}
		conf := types.Config{Importer: imp}
		p, err := conf.Check(path, fset, files, nil)
		stubs[path] = p
		return p, err
	}
	imp = importerFunc(check)
	for _, path := range realPackages {
		if _, err := os.Stat(filepath.Join(src, path)); err != nil {
			continue // no stub (the standard library is used as it is)
		}
		stub, err := check(path)
		if err != nil {
			t.Errorf("stub %s does not type-check: %v", path, err)
			continue
		}
		r := real[path]
		qual := func(p *types.Package) string { return p.Path() }
		for _, name := range stub.Scope().Names() {
			obj := stub.Scope().Lookup(name)
			if !obj.Exported() {
				continue
			}
			robj := r.Scope().Lookup(name)
			if robj == nil {
				t.Errorf("stub %s.%s: not in the real module", path, name)
				continue
			}
			switch o := obj.(type) {
			case *types.Func:
				if a, b := types.TypeString(o.Type(), qual), types.TypeString(robj.Type(), qual); a != b {
					t.Errorf("stub %s.%s:\n stub %s\n real %s", path, name, a, b)
				}
			case *types.TypeName:
				compareMethods(t, path+"."+name, o.Type(), robj.Type(), qual)
			}
		}
	}
}

// compareMethods checks each method the stub declares against the real type's method.
func compareMethods(t *testing.T, name string, stub, real types.Type, qual types.Qualifier) {
	ms := types.NewMethodSet(types.NewPointer(stub))
	if types.IsInterface(stub) {
		ms = types.NewMethodSet(stub)
	}
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj().(*types.Func)
		if !m.Exported() {
			continue
		}
		robj, _, _ := types.LookupFieldOrMethod(types.NewPointer(real), true, m.Pkg(), m.Name())
		if types.IsInterface(real) {
			robj, _, _ = types.LookupFieldOrMethod(real, true, m.Pkg(), m.Name())
		}
		rm, ok := robj.(*types.Func)
		if !ok {
			t.Errorf("stub %s.%s: not a method of the real type", name, m.Name())
			continue
		}
		// Compare without receivers: the stub's and the real receiver types are different objects.
		a := types.TypeString(withoutRecv(m), qual)
		b := types.TypeString(withoutRecv(rm), qual)
		if a != b {
			t.Errorf("stub %s.%s:\n stub %s\n real %s", name, m.Name(), a, b)
		}
	}
}

func withoutRecv(fn *types.Func) *types.Signature {
	sig := fn.Type().(*types.Signature)
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
func (f importerFunc) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	return f(path)
}
