package checkdoc

import (
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

// builderSink stands for a row type the catalog does not have yet (an ORM family, say): the
// page must list its rows without changes to this package.
type builderSink struct {
	Func   string
	Family string
	Arg    int
	Chain  bool
}

// generated stands for rows that name no function, such as a method of every generated type.
type generated struct {
	Import, Suffix, Method string
	Cond                   int
	Chain                  bool
}

// TestCatalogPageNewTablesAndFamilies: a new table, of a new row type, with a new family, and a
// new family in KeySinks each get their section, their rows by library with the pinned version,
// and their line in the coverage table.
func TestCatalogPageNewTablesAndFamilies(t *testing.T) {
	vers := &Versions{Go: "1.26.0",
		Modules: map[string]string{"gorm.io/gorm": "v1.31.0", "github.com/redis/go-redis/v9": "v9.23.0"},
		Direct:  map[string]bool{"gorm.io/gorm": true, "github.com/redis/go-redis/v9": true}}
	tables := []catalog.Table{
		{Name: "KeySinks", Doc: "KeySinks are key sinks.", Rows: []catalog.KeySink{
			{Func: "(github.com/redis/go-redis/v9.cmdable).Get", Arg: 1, Family: "cache", What: "cache key"},
			{Func: "(github.com/redis/go-redis/v9.cmdable).Rename", Arg: 1, Family: "cache", What: "cache key"},
			{Func: "(github.com/redis/go-redis/v9.cmdable).Rename", Arg: 2, Family: "cache", What: "cache key"},
			{Func: "(github.com/redis/go-redis/v9.cmdable).Publish", Arg: 1, Family: "stream", What: "stream", Constant: true},
			// A function and a method of the same name and arguments: both are listed.
			{Func: "os.Rename", Arg: 0, Family: "storage", What: "file path"},
			{Func: "os.Rename", Arg: 1, Family: "storage", What: "file path"},
			{Func: "(os.Root).Rename", Arg: 0, Family: "storage", What: "file path"},
			{Func: "(os.Root).Rename", Arg: 1, Family: "storage", What: "file path"},
		}},
		{Name: "BuilderSinks", Doc: "BuilderSinks are\nORM builders.", Rows: []builderSink{
			{Func: "(gorm.io/gorm.DB).Where", Family: "orm", Arg: 0, Chain: true},
			{Func: "(gorm.io/gorm.DB).Find", Family: "orm", Arg: 1},
		}},
		{Name: "Names", Doc: "Names are names.", Rows: map[string]bool{"b": true, "a": true}},
		{Name: "Generated", Doc: "Generated are generated methods.", Rows: []generated{
			{Import: "gorm.io/gorm", Suffix: "Query", Method: "Where", Cond: 0, Chain: true},
			{Import: "entgo.io/ent", Suffix: "Client", Method: "Get", Cond: -1},
		}},
		{Name: "Vars", Doc: "Vars are variable names.", Rows: []string{"Policy", "Interceptors"}},
	}
	checks := []*Check{{Name: "ormscope", Dir: "passes/ormscope", Catalog: []string{"BuilderSinks/orm"}}}
	ix, err := newCatalogIndex(tables, checks, vers)
	if err != nil {
		t.Fatal(err)
	}
	page := ix.page()
	for _, want := range []string{
		"| [KeySinks: cache](#keysinks-cache) | `github.com/redis/go-redis/v9` | v9.23.0 | 3 |",
		"| [KeySinks: stream](#keysinks-stream) | `github.com/redis/go-redis/v9` | v9.23.0 | 1 |",
		"| [BuilderSinks: orm](#buildersinks-orm) | `gorm.io/gorm` | v1.31.0 | 2 | [ormscope](checks/ormscope.md) |",
		"## BuilderSinks: orm\n\nBuilderSinks are ORM builders.\n\n2 rows; read by [ormscope](checks/ormscope.md).",
		"| `gorm.io/gorm` | v1.31.0 |  | `DB` | `Where` | Arg 0, Chain |",
		"|  |  |  | `DB` | `Find` | Arg 1 |",
		"|  |  |  | `cmdable` | `Rename` | 1; 2 (cache key) |",
		"| `github.com/redis/go-redis/v9` | v9.23.0 |  | `cmdable` | `Publish` | 1 (stream; constants too) |",
		"## Names\n\nNames are names.\n\n2 rows.\n\n`a`, `b`",
		"| Go standard library | go 1.26.0 | `os` |  | `Rename` | 0; 1 (file path) |",
		"| [Generated](#generated) | `gorm.io/gorm` | v1.31.0 | 1 |  |\n|  | `entgo.io/ent` | not pinned in contract/go.mod | 1 |  |",
		"| [Vars](#vars) | names |  | 2 |  |",
		"| Import | Suffix | Method | Cond | Chain | version checked |\n| --- | --- | --- | --- | --- | --- |\n" +
			"| `gorm.io/gorm` | `Query` | `Where` | 0 | yes | v1.31.0 |\n| `entgo.io/ent` | `Client` | `Get` |  |  | not pinned in contract/go.mod |",
		"## Vars\n\nVars are variable names.\n\n2 rows.\n\n`Policy`, `Interceptors`\n",
		"|  |  | `os` | `Root` | `Rename` | 0; 1 (file path) |",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the catalog page lacks %q:\n%s", want, page)
		}
	}
	if n, ok := ix.count("BuilderSinks/orm"); !ok || n != 2 {
		t.Errorf("count(BuilderSinks/orm) = %d, %v", n, ok)
	}
	if _, err := newCatalogIndex(tables, []*Check{{Name: "x", Dir: "passes/x", Catalog: []string{"KeySinks/orm"}}}, vers); err == nil {
		t.Error("a check reading a family no table has is not an error")
	}
}

func TestGodocText(t *testing.T) {
	md := "A **bold** [link](../config.md) and `code`:\n\n- one\n  more\n- two\n\n```go\nf()\n\n\tg()\n```\n\nAfter."
	want := "A bold link and `code`:\n\n  - one\n    more\n  - two\n\n\tf()\n\n\t\tg()\n\nAfter."
	if got := godocText(md); got != want {
		t.Errorf("godocText:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseGoMod(t *testing.T) {
	v, err := ParseGoMod([]byte("module m\n\ngo 1.26.0\n\nrequire a.com/x v1.0.0\n\nrequire (\n\ta.com/x/sub v0.2.0 // indirect\n\tb.org/y v2.0.0+incompatible\n)\n"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Go != "1.26.0" || v.Modules["a.com/x"] != "v1.0.0" || v.Modules["b.org/y"] != "v2.0.0+incompatible" || v.Direct["a.com/x/sub"] || !v.Direct["b.org/y"] {
		t.Errorf("ParseGoMod = %+v", v)
	}
	if m := v.Module("a.com/x/sub/pkg"); m != "a.com/x/sub" {
		t.Errorf("Module(a.com/x/sub/pkg) = %q, want the longest module", m)
	}
	if got := v.Under("a.com/x"); len(got) != 1 || got[0] != "a.com/x" {
		t.Errorf("Under(a.com/x) = %v, want the direct requirement only", got)
	}
}

// TestEveryRowHasAVersion: every function the catalog names is in the standard library, the
// reference runtime, or a module contract/go.mod pins, so docs/catalog.md gives every row the
// version it is checked against (and the contract test can compile it).
func TestEveryRowHasAVersion(t *testing.T) {
	_, _, err := Generate("../..") // the doc.yml files and contract/go.mod are valid
	if err != nil {
		t.Fatal(err)
	}
	vers, err := readVersions("../..")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := newCatalogIndex(catalog.Tables, nil, vers)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range ix.sections {
		for _, row := range s.rows {
			a := ix.apiOf(row)
			if a.kind != kindFunc {
				continue
			}
			n++
			if strings.HasPrefix(a.version, "not pinned") {
				t.Errorf("catalog.%s: %s is in %s, which contract/go.mod does not pin", s.table, rowName(row), a.lib)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d function rows in the catalog", n)
	}
}

// TestCatalogPageListsEveryRow: every function of every catalog row is on a line of its
// section's table, with its package and type.
func TestCatalogPageListsEveryRow(t *testing.T) {
	vers, err := readVersions("../..")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := newCatalogIndex(catalog.Tables, nil, vers)
	if err != nil {
		t.Fatal(err)
	}
	page := ix.page()
	for _, s := range ix.sections {
		_, body, _ := strings.Cut(page, "\n## "+s.heading+"\n")
		body, _, _ = strings.Cut(body, "\n## ")
		var cells [][]string
		for _, l := range strings.Split(body, "\n") {
			if c := strings.Split(l, " | "); len(c) == 6 {
				cells = append(cells, c)
			}
		}
		for _, row := range s.rows {
			a := ix.apiOf(row)
			switch a.kind {
			case kindPath:
				if !strings.Contains(body, "| `"+a.lib+"` |") {
					t.Errorf("%s: import path %s is not listed", s.heading, a.lib)
				}
				continue
			case kindName, kindRecord:
				if !strings.Contains(body, "`"+a.name+"`") {
					t.Errorf("%s: %s is not listed", s.heading, a.name)
				}
				continue
			}
			found := false
			for _, c := range cells {
				pkgOK := c[2] == "" && a.pkg == "" || c[2] == "`"+a.pkg+"`"
				typeOK := c[3] == "" && a.recv == "" || a.recv != "" && strings.Contains(", "+c[3]+",", " `"+a.recv+"`,")
				nameOK := strings.Contains(", "+c[4]+",", " `"+a.name+"`,")
				found = found || pkgOK && typeOK && nameOK
			}
			if !found {
				t.Errorf("%s: %s (package %q, type %q) is on no line", s.heading, rowName(row), a.pkg, a.recv)
			}
		}
	}
}
