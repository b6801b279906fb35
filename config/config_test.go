package config

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// writeFile creates path (and its directories) holding content.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustFunc(t *testing.T, s string) FuncName {
	t.Helper()
	f, err := ParseFuncName(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func ptr[T any](v T) *T { return &v }

const fullYAML = `version: 1
dialect: mysql
tenant:
  columns: [tenant_id, org_id]
  sources:
    - func: "github.com/grafana/dskit/tenant.TenantID"
    - func: "(*example.com/app/auth.Session).TenantID"
      result: 1
    - field: "(example.com/app/auth.User).OrgID"
  validators:
    - func: "example.com/app/auth.RequireMember"
      arg: 1
tables:
  scoped: [devices, sessions]
  global: [plans]
  schema: ["db/migrations/*.sql", "db/extra.sql"]
scopers:
  - func: "example.com/app/cache.TenantKey"
sinks:
  - func: "(*example.com/app/kv.Store).Put"
    arg: 1
    kind: cache
requires:
  - func: "(example.com/app/store.Notes).Create"
    arg: 1
    field: Meta.TenantID
crosstenant:
  - func: "example.com/app/admin.NightlyReport"
exclude: ["example.com/app/internal/testutil/..."]
checks:
  disable: [storagepath]
`

func TestLoadFull(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".tenantlint.yml")
	writeFile(t, file, fullYAML)
	writeFile(t, filepath.Join(dir, "db/migrations/002_b.sql"), "")
	writeFile(t, filepath.Join(dir, "db/migrations/001_a.sql"), "")
	writeFile(t, filepath.Join(dir, "db/extra.sql"), "")
	// A directory matching the glob is not a schema file.
	if err := os.Mkdir(filepath.Join(dir, "db/migrations/old.sql"), 0o755); err != nil {
		t.Fatal(err)
	}

	got, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		File:    file,
		Dir:     dir,
		Version: 1,
		Dialect: "mysql",
		Tenant: Tenant{
			Columns: []string{"tenant_id", "org_id"},
			Sources: []Source{
				{Func: ptr(mustFunc(t, "github.com/grafana/dskit/tenant.TenantID")), Line: 6},
				{Func: ptr(mustFunc(t, "(*example.com/app/auth.Session).TenantID")), Result: 1, Line: 7},
				{Field: ptr(mustFunc(t, "(example.com/app/auth.User).OrgID")), Line: 9},
			},
			Validators: []Validator{
				{Func: mustFunc(t, "example.com/app/auth.RequireMember"), Arg: 1, Line: 11},
			},
		},
		Tables: Tables{
			Scoped: []string{"devices", "sessions"},
			Global: []string{"plans"},
			Schema: []string{"db/migrations/*.sql", "db/extra.sql"},
			SchemaFiles: []string{
				filepath.Join(dir, "db/extra.sql"),
				filepath.Join(dir, "db/migrations/001_a.sql"),
				filepath.Join(dir, "db/migrations/002_b.sql"),
			},
		},
		Scopers: []Func{{Name: mustFunc(t, "example.com/app/cache.TenantKey"), Line: 18}},
		Sinks: []Sink{
			{Func: mustFunc(t, "(*example.com/app/kv.Store).Put"), Arg: 1, Kind: "cache", Line: 20},
		},
		Requires: []Require{
			{Func: mustFunc(t, "(example.com/app/store.Notes).Create"), Arg: 1, Field: []string{"Meta", "TenantID"}, Line: 24},
		},
		CrossTenant: []Func{{Name: mustFunc(t, "example.com/app/admin.NightlyReport"), Line: 28}},
		Exclude:     []string{"example.com/app/internal/testutil/..."},
		Checks:      Checks{Disable: []string{"storagepath"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load:\ngot  %+v\nwant %+v", got, want)
	}
	if s := got.Tenant.Sources[1].Func; s.Pkg != "example.com/app/auth" || s.Recv != "Session" || !s.Pointer || s.Name != "TenantID" {
		t.Errorf("source 1 = %#v", s)
	}
}

func TestParseJSON(t *testing.T) {
	// The golangci-lint plugin re-marshals its settings to JSON.
	data := `{
  "version": 1,
  "tenant": {
    "sources": [{"func": "example.com/app/auth.TenantID"}, {"field": "(example.com/app/auth.User).OrgID"}]
  },
  "sinks": [{"func": "(*example.com/app/kv.Store).Put", "arg": 1, "kind": "cache"}],
  "tables": {"scoped": ["devices"]}
}`
	c, err := Parse([]byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if c.File != "" || c.Dir == "" {
		t.Errorf("File, Dir = %q, %q; want \"\" and the working directory", c.File, c.Dir)
	}
	if c.Dialect != "postgres" || len(c.Tenant.Columns) != 4 {
		t.Errorf("defaults not applied: dialect %q, columns %v", c.Dialect, c.Tenant.Columns)
	}
	if len(c.Tenant.Sources) != 2 || c.Tenant.Sources[1].Field == nil || c.Tenant.Sources[1].Line != 4 {
		t.Errorf("sources = %+v", c.Tenant.Sources)
	}
	if len(c.Sinks) != 1 || c.Sinks[0].Func.String() != "(*example.com/app/kv.Store).Put" || c.Sinks[0].Line != 6 {
		t.Errorf("sinks = %+v", c.Sinks)
	}

	_, err = Parse([]byte(`{"version": 1, "tenant": {"colums": []}}`), "")
	if want := `tenantlint settings:1: tenant.colums: unknown key (valid keys: columns, sources, validators, names, trusted_headers)`; err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

func TestDefaults(t *testing.T) {
	c, err := Parse([]byte("version: 1\ntenant:\n  columns:\n"), "x/.tenantlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	if c.Version != 1 || c.Dialect != d.Dialect || !reflect.DeepEqual(c.Tenant.Columns, d.Tenant.Columns) {
		t.Errorf("got %+v, want the defaults", c)
	}
	if want := []string{"tenant_id", "org_id", "organization_id", "workspace_id"}; !reflect.DeepEqual(d.Tenant.Columns, want) {
		t.Errorf("default columns = %v, want %v", d.Tenant.Columns, want)
	}
	if !filepath.IsAbs(c.File) || filepath.Base(c.File) != ".tenantlint.yml" || c.Dir != filepath.Dir(c.File) {
		t.Errorf("File, Dir = %q, %q", c.File, c.Dir)
	}
	if d.File != "" || d.Version != 1 || d.Dialect != "postgres" {
		t.Errorf("Default() = %+v", d)
	}
}

func TestErrors(t *testing.T) {
	const f = "cfg/.tenantlint.yml"
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"unknown top key", "version: 1\ndialects: mysql\n",
			f + ":2: dialects: unknown key (valid keys: version, dialect, tenant, tables, scopers, sinks, requires, crosstenant, exclude, checks)"},
		{"unknown nested key", "version: 1\ntenant:\n  sources:\n    - fnuc: a.B\n",
			f + ":4: tenant.sources[0].fnuc: unknown key (valid keys: func, field, result)"},
		{"misspelt version", "verison: 1\n",
			f + ":1: verison: unknown key (valid keys: version, dialect, tenant, tables, scopers, sinks, requires, crosstenant, exclude, checks)"},
		{"duplicate key", "version: 1\ndialect: mysql\ndialect: postgres\n",
			f + ":3: dialect: duplicate key (first at line 2)"},
		{"version missing", "dialect: mysql\n",
			f + `:1: version: missing; add "version: 1"`},
		{"empty file", "",
			f + `:1: version: missing; add "version: 1"`},
		{"version 2", "version: 2\n",
			f + ":1: version: unsupported version 2 (want 1)"},
		{"version string", "version: \"1\"\n",
			f + `:1: version: must be an integer, got string "1"`},
		{"not a mapping", "- version: 1\n",
			f + ":1: must be a mapping, got a list"},
		{"tenant list", "version: 1\ntenant: [a]\n",
			f + ":2: tenant: must be a mapping, got a list"},
		{"scoped string", "version: 1\ntables:\n  scoped: devices\n",
			f + `:3: tables.scoped: must be a list, got string "devices"`},
		{"column number", "version: 1\ntenant:\n  columns: [tenant_id, 7]\n",
			f + ":3: tenant.columns[1]: must be a string, got integer 7"},
		{"columns empty", "version: 1\ntenant:\n  columns: []\n",
			f + ":3: tenant.columns: must not be empty (omit it for the defaults)"},
		{"column space", "version: 1\ntenant:\n  columns: [\"tenant id\"]\n",
			f + `:3: tenant.columns[0]: "tenant id" contains white space`},
		{"dialect", "version: 1\ndialect: sqlite\n",
			f + `:2: dialect: "sqlite" is not one of postgres, mysql`},
		{"malformed func", "version: 1\ntenant:\n  sources:\n    - func: a.B\n    - func: \"(*x.T.M\"\n",
			f + `:5: tenant.sources[1].func: malformed function name "(*x.T.M": missing ")"`},
		{"malformed scoper", "version: 1\nscopers:\n  - func: TenantKey\n",
			f + `:3: scopers[0].func: malformed function name "TenantKey": missing package path (want pkg/path.Name)`},
		{"negative arg", "version: 1\ntenant:\n  validators:\n    - func: a.B\n      arg: -1\n",
			f + ":5: tenant.validators[0].arg: must not be negative, got -1"},
		{"negative result", "version: 1\ntenant:\n  sources:\n    - func: a.B\n      result: -2\n",
			f + ":5: tenant.sources[0].result: must not be negative, got -2"},
		{"arg not int", "version: 1\nsinks:\n  - func: a.B\n    arg: one\n    kind: sql\n",
			f + `:4: sinks[0].arg: must be an integer, got string "one"`},
		{"kind", "version: 1\nsinks:\n  - func: a.B\n    arg: 0\n    kind: queue\n",
			f + `:5: sinks[0].kind: "queue" is not one of sql, cache, job, channel, storage`},
		{"sink missing arg and kind", "version: 1\nsinks:\n  - func: a.B\n",
			f + ":3: sinks[0]: missing arg\n" + f + ":3: sinks[0]: missing kind"},
		{"validator missing arg", "version: 1\ntenant:\n  validators:\n    - func: a.B\n",
			f + ":4: tenant.validators[0]: missing arg"},
		{"source both", "version: 1\ntenant:\n  sources:\n    - func: a.B\n      field: (a.T).F\n",
			f + ":4: tenant.sources[0]: has both func and field; a source is one or the other"},
		{"source neither", "version: 1\ntenant:\n  sources:\n    - result: 1\n",
			f + ":4: tenant.sources[0]: needs func or field"},
		{"field without type", "version: 1\ntenant:\n  sources:\n    - field: a.B\n",
			f + `:4: tenant.sources[0].field: "a.B" is not a field: write (pkg/path.Type).Field`},
		{"result on field", "version: 1\ntenant:\n  sources:\n    - field: (a.T).F\n      result: 1\n",
			f + ":5: tenant.sources[0].result: only applies to a func source"},
		{"scoped and global", "version: 1\ntables:\n  scoped: [devices, plans]\n  global:\n    - Plans\n",
			f + `:5: tables.global[0]: table "Plans" is also in tables.scoped (line 3); a table is one or the other`},
		{"duplicate table", "version: 1\ntables:\n  scoped:\n    - devices\n    - DEVICES\n",
			f + ":5: tables.scoped[1]: duplicate table (first at line 4)"},
		{"duplicate column", "version: 1\ntenant:\n  columns: [org_id, org_id]\n",
			f + ":3: tenant.columns[1]: duplicate column (first at line 3)"},
		{"duplicate source", "version: 1\ntenant:\n  sources:\n    - func: (*a.T).M\n    - func: (a.T).M\n",
			f + ":5: tenant.sources[1]: duplicate source (first at line 4)"},
		{"requires missing arg", "version: 1\nrequires:\n  - func: \"(a.Store).Get\"\n",
			f + ":3: requires[0]: missing arg"},
		{"requires bad field", "version: 1\nrequires:\n  - {func: \"(a.Store).Get\", arg: 0, field: \"Tenant-ID\"}\n",
			f + `:3: requires[0].field: "Tenant-ID" is not a field path (Name or Name.Inner)`},
		{"duplicate requirement", "version: 1\nrequires:\n  - {func: \"(a.Store).Get\", arg: 1}\n  - {func: \"(a.Store).Get\", arg: 1}\n",
			f + ":4: requires[1]: duplicate requirement (first at line 3)"},
		{"duplicate sink", "version: 1\nsinks:\n  - {func: a.B, arg: 1, kind: sql}\n  - {func: a.B, arg: 1, kind: cache}\n",
			f + ":4: sinks[1]: duplicate sink (first at line 3)"},
		{"duplicate crosstenant", "version: 1\ncrosstenant:\n  - func: a.B\n  - func: a.B\n",
			f + ":4: crosstenant[1]: duplicate function (first at line 3)"},
		{"duplicate exclude", "version: 1\nexclude: [a/..., a/...]\n",
			f + ":2: exclude[1]: duplicate pattern (first at line 2)"},
		{"duplicate check", "version: 1\nchecks:\n  disable: [jobscope, jobscope]\n",
			f + ":3: checks.disable[1]: duplicate check (first at line 3)"},
		{"unknown check", "version: 1\nchecks:\n  disable:\n    - jobscope\n    - rawsql\n",
			f + `:5: checks.disable[1]: no check "rawsql" (the checks are sqlscope, cachekey, jobscope, chanscope, storagepath, directive)`},
		{"exclude relative", "version: 1\nexclude: [./internal/...]\n",
			f + `:2: exclude[0]: "./internal/..." is a file path; write an import path such as example.com/app/internal/...`},
		{"exclude wildcard", "version: 1\nexclude: [example.com/.../testutil]\n",
			f + `:2: exclude[0]: "example.com/.../testutil": "..." is only supported at the end, as in example.com/app/...`},
		{"syntax", "version: 1\ntenant:\n  columns: [a,\n",
			f + ":3: invalid YAML: did not find expected node content"},
		{"two documents", "version: 1\n---\nversion: 1\n",
			f + ":2: more than one YAML document; a config file holds one"},
		{"several errors in line order", "dialect: x\nversion: 1\ntables:\n  global: [a]\n  scoped: [a]\nzzz: 1\n",
			f + `:1: dialect: "x" is not one of postgres, mysql` + "\n" +
				f + `:4: tables.global[0]: table "a" is also in tables.scoped (line 5); a table is one or the other` + "\n" +
				f + ":6: zzz: unknown key (valid keys: version, dialect, tenant, tables, scopers, sinks, requires, crosstenant, exclude, checks)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.yaml), f)
			if err == nil {
				t.Fatalf("no error; config %+v", c)
			}
			if c != nil {
				t.Errorf("config %+v returned with an error", c)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tc.want)
			}
			// The same input gives the same message every time.
			if _, again := Parse([]byte(tc.yaml), f); again.Error() != err.Error() {
				t.Errorf("second parse gave a different error:\n%s", again)
			}
		})
	}
}

func TestErrorType(t *testing.T) {
	_, err := Parse([]byte("version: 1\ndialect: x\nfoo: 1\n"), "a.yml")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%v is not an *Error", err)
	}
	if e.File != "a.yml" || e.Line != 2 || e.Key != "dialect" {
		t.Errorf("first error = %+v", e)
	}
}

func TestSchemaGlob(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "svc/.tenantlint.yml"), "version: 1\ntables:\n  schema: [\"db/*.sql\"]\n")
	writeFile(t, filepath.Join(dir, "svc/db/schema.sql"), "")
	writeFile(t, filepath.Join(dir, "db/other.sql"), "") // beside the working directory, not the file
	t.Chdir(dir)

	c, err := Load("svc/.tenantlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, "svc/db/schema.sql")}; !reflect.DeepEqual(c.Tables.SchemaFiles, want) {
		t.Errorf("SchemaFiles = %v, want %v", c.Tables.SchemaFiles, want)
	}
	if want := []string{"db/*.sql"}; !reflect.DeepEqual(c.Tables.Schema, want) {
		t.Errorf("Schema = %v, want %v", c.Tables.Schema, want)
	}

	writeFile(t, filepath.Join(dir, "svc/.tenantlint.yml"), "version: 1\ntables:\n  schema:\n    - db/*.sql\n    - migrations/*.sql\n")
	_, err = Load("svc/.tenantlint.yml")
	want := `svc/.tenantlint.yml:5: tables.schema[1]: "migrations/*.sql" matches no file (relative to ` + filepath.Join(dir, "svc") + ")"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}

	writeFile(t, filepath.Join(dir, "svc/.tenantlint.yml"), "version: 1\ntables:\n  schema: [\"db/[.sql\"]\n")
	_, err = Load("svc/.tenantlint.yml")
	if want := `svc/.tenantlint.yml:3: tables.schema[0]: malformed glob "db/[.sql": syntax error in pattern`; err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a/b/c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}

	// Nothing in the tree: the walk goes past root to / and stops there.
	got, err := Find(deep)
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		if strings.HasPrefix(got, root) {
			t.Fatalf("Find = %q in an empty tree", got)
		}
		t.Skipf("a config above the temp dir (%s) hides the empty case", got)
	}

	writeFile(t, filepath.Join(root, ".tenantlint.yml"), "version: 1\n")
	writeFile(t, filepath.Join(root, "a/.tenantlint.yaml"), "version: 1\n")
	// A directory with the file's name is not a config.
	if err := os.Mkdir(filepath.Join(root, "a/b/.tenantlint.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		deep:                     filepath.Join(root, "a/.tenantlint.yaml"),
		filepath.Join(root, "a"): filepath.Join(root, "a/.tenantlint.yaml"),
		root:                     filepath.Join(root, ".tenantlint.yml"),
	} {
		if got, err := Find(dir); err != nil || got != want {
			t.Errorf("Find(%s) = %q, %v; want %q", dir, got, err, want)
		}
	}

	t.Chdir(filepath.Join(root, "a/b"))
	if got, err := Find("."); err != nil || got != filepath.Join(root, "a/.tenantlint.yaml") {
		t.Errorf("Find(.) = %q, %v", got, err)
	}

	writeFile(t, filepath.Join(root, "a/.tenantlint.yml"), "version: 1\n")
	if _, err := Find(deep); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("Find with both names = %v, want an error", err)
	}
}

func TestParseFuncName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want FuncName
	}{
		{"github.com/grafana/dskit/tenant.TenantID", FuncName{Pkg: "github.com/grafana/dskit/tenant", Name: "TenantID"}},
		{"(*example.com/app/auth.Session).TenantID", FuncName{Pkg: "example.com/app/auth", Recv: "Session", Pointer: true, Name: "TenantID"}},
		{"(example.com/app/auth.User).OrgID", FuncName{Pkg: "example.com/app/auth", Recv: "User", Name: "OrgID"}},
		{"gopkg.in/yaml.v3.Unmarshal", FuncName{Pkg: "gopkg.in/yaml.v3", Name: "Unmarshal"}},
		{"(*gopkg.in/yaml.v3.Node).Decode", FuncName{Pkg: "gopkg.in/yaml.v3", Recv: "Node", Pointer: true, Name: "Decode"}},
		{"main.run", FuncName{Pkg: "main", Name: "run"}},
		{"(*database/sql.DB).QueryContext", FuncName{Pkg: "database/sql", Recv: "DB", Pointer: true, Name: "QueryContext"}},
	} {
		got, err := ParseFuncName(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFuncName(%q) = %#v, %v; want %#v", tc.in, got, err, tc.want)
		}
		if s := got.String(); s != tc.in {
			t.Errorf("String() = %q, want %q", s, tc.in)
		}
	}

	for in, why := range map[string]string{
		"":                    "empty",
		"TenantID":            "missing package path (want pkg/path.Name)",
		".TenantID":           "missing package path",
		"example.com/app/F":   "missing package path (want pkg/path.Name)",
		"example.com/app.":    "missing name",
		"(*x.T.M":             `missing ")"`,
		"x.T).M":              "unbalanced parentheses",
		"(x.T).M)":            "unbalanced parentheses",
		"((x.T)).M":           "unbalanced parentheses",
		"(x.T)":               `missing method name after ")"`,
		"(x.T).":              `missing method name after ")"`,
		"(x.T)M":              `want "." after ")"`,
		"(*T).M":              "missing package path before the receiver type",
		"(x.).M":              "missing receiver type name",
		"(.T).M":              "missing package path",
		"example.com/app.F G": "contains white space",
		" example.com/app.F":  "contains white space",
		"(*x.G[T]).M":         `type parameters are not part of the name: write "(*x.G).M"`,
		"example.com/app.1F":  `name "1F" is not a Go identifier`,
		"(x.T).M.N":           `name "M.N" is not a Go identifier`,
		"example.com//app.F":  `package path "example.com//app" has an empty element`,
		"(x.T-1).M":           `receiver type "T-1" is not a Go identifier`,
		"example.com/a*b.F":   `package path "example.com/a*b" contains an invalid character`,
	} {
		_, err := ParseFuncName(in)
		want := `malformed function name "` + in + `": ` + why
		if err == nil || err.Error() != want {
			t.Errorf("ParseFuncName(%q) error = %v\nwant %s", in, err, want)
		}
	}
}

// typeCheck type-checks src as package example.com/p and returns the
// objects used at each selector (by its text, e.g. "t.Value") and each
// identifier, with the selections.
func typeCheck(t *testing.T, src string) (uses map[string]types.Object, sels map[string]*types.Selection) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Selections: make(map[*ast.SelectorExpr]*types.Selection)}
	if _, err := (&types.Config{}).Check("example.com/p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	uses = make(map[string]types.Object)
	for id, obj := range info.Uses {
		uses[id.Name] = obj
	}
	sels = make(map[string]*types.Selection)
	for e, sel := range info.Selections {
		sels[types.ExprString(e)] = sel
	}
	return uses, sels
}

const matchSrc = `package p

type Base struct{ TenantID string }

func (Base) Promoted() {}

type T struct {
	OrgID string
	Base
}

func F()         {}
func (T) Value() {}
func (*T) Ptr()  {}

type G[X any] struct{ ID X }

func (g *G[X]) M() X { return g.ID }

type I interface{ Get() string }

type A = T

func use(t T, pt *T, g G[int], i I, a A) {
	F()
	t.Value()
	pt.Ptr()
	t.Promoted()
	g.M()
	i.Get()
	a.Value()
	_, _, _, _ = t.OrgID, t.TenantID, pt.OrgID, g.ID
}
`

func TestMatches(t *testing.T) {
	uses, sels := typeCheck(t, matchSrc)
	fn := func(sel string) *types.Func {
		if s, ok := sels[sel]; ok {
			return s.Obj().(*types.Func)
		}
		return uses[sel].(*types.Func)
	}
	for _, tc := range []struct {
		name string
		fn   string
		want bool
	}{
		{"example.com/p.F", "F", true},
		{"example.com/q.F", "F", false},
		{"example.com/p.G", "F", false},
		{"(example.com/p.T).F", "F", false},
		{"(example.com/p.T).Value", "t.Value", true},
		{"(*example.com/p.T).Value", "t.Value", true}, // pointer-ness ignored
		{"example.com/p.Value", "t.Value", false},
		{"(example.com/p.Base).Value", "t.Value", false},
		{"(*example.com/p.T).Ptr", "pt.Ptr", true},
		{"(example.com/p.T).Ptr", "pt.Ptr", true},
		{"(example.com/p.Base).Promoted", "t.Promoted", true}, // named by the declaring type
		{"(example.com/p.T).Promoted", "t.Promoted", false},
		{"(*example.com/p.G).M", "g.M", true}, // instantiated generic method
		{"(example.com/p.G).M", "g.M", true},
		{"(example.com/p.I).Get", "i.Get", true},
		{"(example.com/p.T).Value", "a.Value", true}, // through an alias
		{"(example.com/p.A).Value", "a.Value", false},
	} {
		if got := mustFunc(t, tc.name).Matches(fn(tc.fn)); got != tc.want {
			t.Errorf("%s.Matches(%s) = %v, want %v", tc.name, tc.fn, got, tc.want)
		}
	}
	if mustFunc(t, "example.com/p.F").Matches(nil) {
		t.Error("Matches(nil) = true")
	}
}

func TestMatchesField(t *testing.T) {
	_, sels := typeCheck(t, matchSrc)
	for _, tc := range []struct {
		name string
		sel  string
		want bool
	}{
		{"(example.com/p.T).OrgID", "t.OrgID", true},
		{"(*example.com/p.T).OrgID", "t.OrgID", true},
		{"(example.com/p.T).OrgID", "pt.OrgID", true},
		{"(example.com/p.Base).OrgID", "t.OrgID", false},
		{"(example.com/q.T).OrgID", "t.OrgID", false},
		{"(example.com/p.T).TenantID", "t.OrgID", false},
		{"(example.com/p.Base).TenantID", "t.TenantID", true}, // promoted: the declaring type
		{"(example.com/p.T).TenantID", "t.TenantID", false},
		{"(example.com/p.G).ID", "g.ID", true},
		{"example.com/p.OrgID", "t.OrgID", false},
	} {
		sel := sels[tc.sel]
		v := sel.Obj().(*types.Var)
		if got := mustFunc(t, tc.name).MatchesField(v, sel.Recv()); got != tc.want {
			t.Errorf("%s.MatchesField(%s) = %v, want %v", tc.name, tc.sel, got, tc.want)
		}
	}
	org := sels["t.OrgID"]
	// A field of a different struct with the same name is not the field.
	if mustFunc(t, "(example.com/p.T).TenantID").MatchesField(sels["t.TenantID"].Obj().(*types.Var), sels["g.ID"].Recv()) {
		t.Error("matched a field not reachable from recv")
	}
	if mustFunc(t, "(example.com/p.T).OrgID").MatchesField(org.Obj().(*types.Var), nil) {
		t.Error("matched with a nil recv")
	}
}

func TestExcluded(t *testing.T) {
	c := &Config{Exclude: []string{"example.com/app/internal/testutil/...", "example.com/app/gen"}}
	for path, want := range map[string]bool{
		"example.com/app/internal/testutil":      true,
		"example.com/app/internal/testutil/fake": true,
		"example.com/app/internal/testutil_test": true,
		"example.com/app/internal/testutilx":     false,
		"example.com/app/internal":               false,
		"example.com/app/gen":                    true,
		"example.com/app/gen_test":               true,
		"example.com/app/gen/sub":                false,
		"example.com/app/generated":              false,
		"example.com/app":                        false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
	if Default().Excluded("example.com/app") {
		t.Error("the default config excludes a package")
	}
}

func TestCheckEnabled(t *testing.T) {
	c := &Config{Checks: Checks{Disable: []string{"jobscope"}}}
	if c.CheckEnabled("jobscope") || !c.CheckEnabled("cachekey") {
		t.Errorf("CheckEnabled: jobscope %v, cachekey %v", c.CheckEnabled("jobscope"), c.CheckEnabled("cachekey"))
	}
	if !Default().CheckEnabled("jobscope") {
		t.Error("default config disables a check")
	}
}

// pass builds the part of an analysis.Pass that the config analyzer reads:
// a package with one Go file in dir (none if dir is "").
func pass(t *testing.T, dir string) *analysis.Pass {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	if dir != "" {
		name := filepath.Join(dir, "p.go")
		writeFile(t, name, "package p\n")
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return &analysis.Pass{Analyzer: Analyzer, Fset: fset, Files: files}
}

func TestAnalyzer(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "app/.tenantlint.yml"), "version: 1\ndialect: mysql\n")
	writeFile(t, filepath.Join(root, "bad/.tenantlint.yml"), "version: 1\ndialect: oracle\n")
	writeFile(t, filepath.Join(root, "flag.yml"), "version: 1\nexclude: [example.com/x]\n")

	runOn := func(dir string) (*Config, error) {
		res, err := Analyzer.Run(pass(t, dir))
		if err != nil {
			return nil, err
		}
		return res.(*Config), nil
	}

	a, err := runOn(filepath.Join(root, "app/a"))
	if err != nil || a.Dialect != "mysql" {
		t.Fatalf("app/a: %+v, %v", a, err)
	}
	b, err := runOn(filepath.Join(root, "app/b/c"))
	if err != nil || b != a {
		t.Errorf("app/b/c: got %p, %v; want the cached config %p", b, err, a)
	}
	if _, err := runOn(filepath.Join(root, "bad/x")); err == nil || !strings.Contains(err.Error(), `bad/.tenantlint.yml:2: dialect: "oracle" is not one of postgres, mysql`) {
		t.Errorf("bad/x: error %v", err)
	}
	if c, err := runOn(""); err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("no files: %+v, %v; want the defaults", c, err)
	}

	if err := Analyzer.Flags.Set("config", filepath.Join(root, "flag.yml")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Analyzer.Flags.Set("config", "") })
	if c, err := runOn(filepath.Join(root, "app/a")); err != nil || !c.Excluded("example.com/x") {
		t.Errorf("-config: %+v, %v", c, err)
	}

	// -settings wins over -config and over the file found, and names itself in messages.
	if err := Analyzer.Flags.Set("settings", `{"version": 1, "dialect": "mysql", "tables": {"scoped": ["notes"]}}`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Analyzer.Flags.Set("settings", "") })
	if c, err := runOn(filepath.Join(root, "bad/x")); err != nil || c.Dialect != "mysql" || !slices.Equal(c.Tables.Scoped, []string{"notes"}) || c.File != "tenantlint settings" || c.Excluded("example.com/x") {
		t.Errorf("-settings: %+v, %v", c, err)
	}
	// A bad value is refused when the flag is set, with the key and its line.
	err = Analyzer.Flags.Set("settings", "version: 1\ndialect: oracle\n")
	if err == nil || !strings.Contains(err.Error(), `tenantlint settings:2: dialect: "oracle" is not one of postgres, mysql`) {
		t.Errorf("-settings with a bad dialect: %v", err)
	}
	// "" removes it: -config applies again.
	if err := Analyzer.Flags.Set("settings", ""); err != nil {
		t.Fatal(err)
	}
	if c, err := runOn(filepath.Join(root, "bad/x")); err != nil || !c.Excluded("example.com/x") {
		t.Errorf("-settings removed: %+v, %v", c, err)
	}
}

// TestTenantNames: tenant.names are words, compared lower-cased, without duplicates.
func TestTenantNames(t *testing.T) {
	c, err := Parse([]byte("version: 1\ntenant:\n  names: [User, member]\n"), "a.yml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"user", "member"}; !reflect.DeepEqual(c.Tenant.Names, want) {
		t.Errorf("names = %q, want %q", c.Tenant.Names, want)
	}
	c, err = Parse([]byte("version: 1\ntenant:\n  names: [user, -Namespace]\n"), "a.yml")
	if err != nil || !reflect.DeepEqual(c.Tenant.Names, []string{"user", "-namespace"}) {
		t.Errorf("names with a removal = %q, %v", c.Tenant.Names, err)
	}
	if _, err := Parse([]byte("version: 1\ntenant:\n  names: [\"-\"]\n"), "a.yml"); err == nil || !strings.Contains(err.Error(), "a.yml:3: tenant.names[0]") {
		t.Errorf("a lone -: error = %v", err)
	}
	_, err = Parse([]byte("version: 1\ntenant:\n  names: [user, user]\n"), "a.yml")
	if err == nil || !strings.Contains(err.Error(), "a.yml:3: tenant.names[1]") {
		t.Errorf("duplicate name: error = %v", err)
	}
}

// TestTrustedHeaders: tenant.trusted_headers are header names, kept as written, without
// duplicates (compared without regard to case).
func TestTrustedHeaders(t *testing.T) {
	c, err := Parse([]byte("version: 1\ntenant:\n  trusted_headers: [X-Tenant-ID, X-Org]\n"), "a.yml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"X-Tenant-ID", "X-Org"}; !reflect.DeepEqual(c.Tenant.TrustedHeaders, want) {
		t.Errorf("trusted_headers = %q, want %q", c.Tenant.TrustedHeaders, want)
	}
	for _, tc := range []struct{ yml, want string }{
		{"[X-Tenant, x-tenant]", `a.yml:3: tenant.trusted_headers[1]: header "x-tenant" is listed twice`},
		{"[\"X Tenant\"]", `a.yml:3: tenant.trusted_headers[0]: "X Tenant" is not a header name`},
		{"[\"\"]", `a.yml:3: tenant.trusted_headers[0]: "" is not a header name`},
		{"[[X-Tenant]]", `a.yml:3: tenant.trusted_headers[0]: must be a header name`},
		{"X-Tenant", `a.yml:3: tenant.trusted_headers: must be a list`},
	} {
		_, err := Parse([]byte("version: 1\ntenant:\n  trusted_headers: "+tc.yml+"\n"), "a.yml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %s", tc.yml, err, tc.want)
		}
	}
}
