package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/internal/sqltext"
)

// tenantlint init: propose a .tenantlint.yml for a repository nobody has configured yet, from
// what the code shows: the tenant column (in CREATE TABLE statements and struct tags), the
// functions that return the tenant from a context, the schema files, and the functions that
// look cross-tenant by design. Every line says why it is there, so that a first useful run takes
// minutes of review instead of an afternoon of reading docs. It reads files only (no type
// checking), so it works on a module that does not build yet.

// candidateColumns are the tenant columns looked for, in preference order when counts tie.
var candidateColumns = []string{"tenant_id", "org_id", "organization_id", "workspace_id", "account_id",
	"team_id", "project_id", "customer_id", "company_id", "store_id"}

// sourceName matches the name of a function that returns the tenant from a context.
// (GetAccount returns an account, not its id: without "From..." the name must end in ID.)
var sourceName = regexp.MustCompile(`(?i)^(get|must)?(tenant|org|organization|workspace|account|team|project|customer|company)(id)?(from|of|in)(ctx|context|request|req)$|^(get|current)?(tenant|org|organization|workspace|account|team|project|customer|company)id$`)

// crossTenantName matches names of functions that usually work across tenants on purpose.
// ("cron" is not among them: a tenant's cron triggers are a common tenant-scoped API.)
var crossTenantName = regexp.MustCompile(`(?i)(migrat|backfill|nightly|alltenants|acrosstenants|foreachtenant|eachtenant|allorgs|allorganizations|allworkspaces|allaccounts|purgeexpired|reaper|janitor)`)

// maxCrossNamed caps the cross-tenant candidates listed: a long list is not reviewed.
const maxCrossNamed = 12

// initFlags is init's flag set, bound to write (the documentation test parses with it too).
func initFlags(write *bool, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tenantlint init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(write, "w", false, "write .tenantlint.yml into the directory instead of printing it (refused if one exists)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tenantlint init [-w] [dir]\n\n"+
			"Proposes a .tenantlint.yml for the module in dir (default .) from its code: the tenant\n"+
			"column, the functions that return the tenant from a context, the schema files, and the\n"+
			"functions that look cross-tenant by design, each with a comment saying why.\n\nflags:\n")
		fs.PrintDefaults()
	}
	return fs
}

func initCmd(args []string, stdout, stderr io.Writer) int {
	var write bool
	fs := initFlags(&write, stderr)
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	dir := "."
	if fs.NArg() > 1 {
		fs.Usage()
		return exitError
	}
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	out, err := propose(dir)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint init: %v\n", err)
		return exitError
	}
	// What init proposes must be a configuration tenantlint accepts as it is.
	if _, err := config.Parse(out, filepath.Join(dir, ".tenantlint.yml")); err != nil {
		fmt.Fprintf(stderr, "tenantlint init: internal error: the proposal does not parse (please report):\n%v\n%s", err, out)
		return exitError
	}
	if !write {
		stdout.Write(out)
		return exitClean
	}
	file := filepath.Join(dir, ".tenantlint.yml")
	if _, err := os.Stat(file); err == nil {
		fmt.Fprintf(stderr, "tenantlint init: %s exists; remove it first, or run without -w to see the proposal\n", file)
		return exitError
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		fmt.Fprintf(stderr, "tenantlint init: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "tenantlint init: wrote %s; review it, then run tenantlint ./...\n", file)
	return exitClean
}

// survey is what propose found in a module.
type survey struct {
	module     string
	columns    map[string]*columnUse // candidate column -> where it is used
	sqlDirs    map[string]int        // directory (slash, relative) -> CREATE TABLE statements with a candidate column
	sources    []found
	crossNamed []found
}

type columnUse struct {
	tables []string // "file:line table"
	tags   []string // "file:line Type.Field"
}

type found struct {
	name  string // the config spelling: pkg.Func or (*pkg.Type).Method
	where string // file:line
	why   string
}

func propose(dir string) ([]byte, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("%s is not a module root (no go.mod): %v", dir, err)
	}
	mod := modfile.ModulePath(data)
	if mod == "" {
		return nil, fmt.Errorf("%s: no module path", filepath.Join(dir, "go.mod"))
	}
	s := &survey{module: mod, columns: map[string]*columnUse{}, sqlDirs: map[string]int{}}
	for _, c := range candidateColumns {
		s.columns[c] = &columnUse{}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable parts are skipped, as the go command would
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			n := d.Name()
			if path != root && (n == "testdata" || n == "vendor" || n == "node_modules" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")) {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".sql"):
			s.readSQL(path, rel)
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			s.readGo(path, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.render(), nil
}

func (s *survey) readSQL(path, rel string) {
	src, err := os.ReadFile(path)
	if err != nil {
		return
	}
	for _, c := range candidateColumns {
		tables, _ := sqltext.SchemaTables(string(src), sqltext.Options{TenantColumns: []string{c}})
		for _, t := range tables {
			s.columns[c].tables = append(s.columns[c].tables, fmt.Sprintf("%s:%d %s", rel, t.Line, t.Name))
			s.sqlDirs[filepath.ToSlash(filepath.Dir(rel))]++
		}
	}
}

// tagColumn finds the column a struct tag names for the ORMs in the catalog.
var tagColumn = regexp.MustCompile(`(?:db|bun|json|xorm|pg):"([a-z_]+)|gorm:"[^"]*column:([a-z_]+)`)

func (s *survey) readGo(path, rel string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	pkgPath := s.module
	if d := filepath.ToSlash(filepath.Dir(rel)); d != "." {
		pkgPath += "/" + d
	}
	if f.Name.Name == "main" || ast.IsGenerated(f) || strings.Contains(strings.ToLower(rel), "mock") {
		// Functions of a main package are not called from elsewhere, and generated code is
		// not where a team declares its sources or its cross-tenant jobs; their struct tags
		// still say which columns exist.
		pkgPath = ""
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			st, ok := n.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fld := range st.Fields.List {
				if fld.Tag == nil || len(fld.Names) == 0 {
					continue
				}
				tag, _ := strconv.Unquote(fld.Tag.Value)
				for _, m := range tagColumn.FindAllStringSubmatch(tag, -1) {
					col := m[1] + m[2]
					if u := s.columns[col]; u != nil {
						u.tags = append(u.tags, fmt.Sprintf("%s:%d %s.%s", rel, fset.Position(fld.Pos()).Line, n.Name.Name, fld.Names[0].Name))
						break
					}
				}
			}
		case *ast.FuncDecl:
			if pkgPath == "" || n.Body == nil || !n.Name.IsExported() {
				return false
			}
			name := configName(pkgPath, n)
			if name == "" {
				return false
			}
			where := fmt.Sprintf("%s:%d", rel, fset.Position(n.Pos()).Line)
			if sourceName.MatchString(n.Name.Name) && takesContext(n.Type) && n.Type.Results != nil && len(n.Type.Results.List) > 0 {
				s.sources = append(s.sources, found{name, where, "takes a context and returns, by its name, the tenant"})
			}
			if crossTenantName.MatchString(n.Name.Name) {
				s.crossNamed = append(s.crossNamed, found{name, where, "its name says it works across tenants (a migration, a backfill, a scheduled job)"})
			}
			return false
		}
		return true
	})
}

// takesContext reports whether the function's first parameter is a context.Context or an
// *http.Request (where the tenant travels in a request's context).
func takesContext(ft *ast.FuncType) bool {
	if ft.Params == nil || len(ft.Params.List) == 0 {
		return false
	}
	t := ft.Params.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, _ := sel.X.(*ast.Ident)
	return x != nil && (x.Name == "context" && sel.Sel.Name == "Context" || x.Name == "http" && sel.Sel.Name == "Request")
}

// configName spells a function as the configuration names it; "" for a method of a receiver
// it cannot spell (a generic type).
func configName(pkgPath string, fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return pkgPath + "." + fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	star := ""
	if st, ok := t.(*ast.StarExpr); ok {
		t, star = st.X, "*"
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return ""
	}
	return fmt.Sprintf("(%s%s.%s).%s", star, pkgPath, id.Name, fn.Name.Name)
}

// render writes the proposal: a YAML file with a comment on each choice.
func (s *survey) render() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# .tenantlint.yml proposed by `tenantlint init` for %s from its code.\n", s.module)
	fmt.Fprintf(&b, "# Review every entry: they are guesses from names, tags and schema files (docs/config.md).\n")
	fmt.Fprintf(&b, "version: 1\n")

	type col struct {
		name  string
		score int
		use   *columnUse
	}
	var cols []col
	for i, c := range candidateColumns {
		u := s.columns[c]
		if n := len(u.tables) + len(u.tags); n > 0 {
			cols = append(cols, col{c, n*100 - i, u})
		}
	}
	sort.SliceStable(cols, func(i, j int) bool { return cols[i].score > cols[j].score })
	b.WriteString("tenant:\n")
	if len(cols) == 0 {
		b.WriteString("  # No tenant column found in CREATE TABLE statements or struct tags: name yours.\n")
		b.WriteString("  columns: [tenant_id]\n")
	} else {
		// The column used most is the tenant column; others used nearly as much are listed
		// below it, commented, for the reviewer to decide (org_id beside project_id is common).
		best := cols[0]
		fmt.Fprintf(&b, "  # %s: %s\n", best.name, usage(best.use))
		fmt.Fprintf(&b, "  columns: [%s]\n", best.name)
		for _, c := range cols[1:] {
			fmt.Fprintf(&b, "  # also seen, %s: %s (add it to columns if it holds the tenant too)\n", c.name, usage(c.use))
		}
	}
	if len(s.sources) > 0 {
		b.WriteString("  sources:\n")
		for _, f := range s.sources {
			fmt.Fprintf(&b, "    # %s: %s\n    - func: %q\n", f.where, f.why, f.name)
		}
	} else {
		b.WriteString("  # No function that returns the tenant from a context was found by name: add yours, e.g.\n")
		b.WriteString("  # sources:\n  #   - func: \"example.com/app/auth.TenantFromContext\"\n")
	}

	var dirs []string
	for d := range s.sqlDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	if len(dirs) > 0 {
		b.WriteString("tables:\n")
		b.WriteString("  # directories with CREATE TABLE statements that have a tenant column:\n")
		b.WriteString("  schema:\n")
		for _, d := range dirs {
			glob := d + "/*.sql"
			if d == "." {
				glob = "*.sql"
			}
			fmt.Fprintf(&b, "    - %q # %s\n", glob, plural(s.sqlDirs[d], "table"))
		}
		b.WriteString("  # global: [plans]   # tables shared by every tenant, if any\n")
	}
	if len(s.crossNamed) > 0 {
		b.WriteString("crosstenant:\n")
		for i, f := range s.crossNamed {
			if i == maxCrossNamed {
				fmt.Fprintf(&b, "  # ... and %d more whose names say the same; list the ones that reach tenant tables\n", len(s.crossNamed)-i)
				break
			}
			fmt.Fprintf(&b, "  # %s: %s; remove it if it does not\n  - func: %q\n", f.where, f.why, f.name)
		}
	}
	return b.Bytes()
}

// usage says where a column was seen, briefly.
func usage(u *columnUse) string {
	var parts []string
	if n := len(u.tables); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s)", plural(n, "CREATE TABLE"), firstOf(u.tables)))
	}
	if n := len(u.tags); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s)", plural(n, "struct tag"), firstOf(u.tags)))
	}
	return strings.Join(parts, " and ")
}

func firstOf(list []string) string {
	l := slices.Clone(list)
	sort.Strings(l)
	if len(l) > 2 {
		return strings.Join(l[:2], ", ") + ", ..."
	}
	return strings.Join(l, ", ")
}
