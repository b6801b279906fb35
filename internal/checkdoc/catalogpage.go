package checkdoc

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"

	"github.com/tenantlint/tenantlint/catalog"
)

// thisModule is the main module: the reference runtime's rows are its own.
const thisModule = "github.com/tenantlint/tenantlint"

// catSection is one section of docs/catalog.md: a catalog table, or one family of a table whose
// rows have a Family field (KeySinks).
type catSection struct {
	sel     string // "SQLSinks", "KeySinks/cache"
	heading string // "SQLSinks", "KeySinks: cache"
	table   string
	doc     string
	rows    []reflect.Value
	names   []string // the rows of a set of names (a map), sorted
}

// catalogIndex is the catalog, cut into sections, with the checks that read each.
type catalogIndex struct {
	sections []*catSection
	bySel    map[string]*catSection
	tables   map[string]int // rows per table
	readers  map[string][]*Check
	vers     *Versions
}

func newCatalogIndex(tables []catalog.Table, checks []*Check, vers *Versions) (*catalogIndex, error) {
	ix := &catalogIndex{bySel: map[string]*catSection{}, tables: map[string]int{}, readers: map[string][]*Check{}, vers: vers}
	for _, t := range tables {
		v := reflect.ValueOf(t.Rows)
		switch v.Kind() {
		case reflect.Slice:
			ix.tables[t.Name] = v.Len()
			byFamily := map[string]*catSection{}
			whole := &catSection{sel: t.Name, heading: t.Name, table: t.Name, doc: t.Doc}
			for i := 0; i < v.Len(); i++ {
				row := v.Index(i)
				fam := familyOf(row)
				if fam == "" {
					whole.rows = append(whole.rows, row)
					continue
				}
				s := byFamily[fam]
				if s == nil {
					s = &catSection{sel: t.Name + "/" + fam, heading: t.Name + ": " + fam, table: t.Name, doc: t.Doc}
					byFamily[fam] = s
					ix.sections = append(ix.sections, s)
				}
				s.rows = append(s.rows, row)
			}
			if len(byFamily) == 0 || len(whole.rows) > 0 {
				ix.sections = append(ix.sections, whole)
			}
		case reflect.Map:
			s := &catSection{sel: t.Name, heading: t.Name, table: t.Name, doc: t.Doc}
			for _, k := range v.MapKeys() {
				s.names = append(s.names, fmt.Sprint(k.Interface()))
			}
			sort.Strings(s.names)
			ix.tables[t.Name] = len(s.names)
			ix.sections = append(ix.sections, s)
		default:
			return nil, fmt.Errorf("catalog.%s: a %s, not a table (a slice or a map)", t.Name, v.Kind())
		}
	}
	for _, s := range ix.sections {
		ix.bySel[s.sel] = s
	}
	for _, c := range checks {
		for _, sel := range c.Catalog {
			if _, ok := ix.count(sel); !ok {
				return nil, fmt.Errorf("%s/doc.yml: catalog: no table or family %q in package catalog", c.Dir, sel)
			}
			ix.readers[sel] = append(ix.readers[sel], c)
		}
	}
	return ix, nil
}

// familyOf is the row's Family field, "" if it has none.
func familyOf(row reflect.Value) string {
	if row.Kind() != reflect.Struct {
		return ""
	}
	if f := row.FieldByName("Family"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// count is the number of rows of a table ("KeySinks") or a family ("KeySinks/cache").
func (ix *catalogIndex) count(sel string) (int, bool) {
	if s, ok := ix.bySel[sel]; ok {
		return len(s.rows) + len(s.names), true
	}
	n, ok := ix.tables[sel]
	return n, ok
}

// anchor is GitHub's anchor for a heading.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (ix *catalogIndex) heading(sel string) string {
	if s, ok := ix.bySel[sel]; ok {
		return s.heading
	}
	return sel // a table cut into families: its first family's section follows its name
}

// links are Markdown links to the sections of sels in the catalog page at page.
func (ix *catalogIndex) links(sels []string, page string) string {
	var l []string
	for _, sel := range sels {
		n, _ := ix.count(sel)
		h := ix.heading(sel)
		l = append(l, fmt.Sprintf("[%s](%s#%s) (%d %s)", h, page, anchor(h), n, plural(n, "row")))
	}
	return strings.Join(l, ", ")
}

// names are the sections of sels, for text: "KeySinks (family cache)".
func (ix *catalogIndex) names(sels []string) string {
	var l []string
	for _, sel := range sels {
		t, fam, ok := strings.Cut(sel, "/")
		if ok {
			l = append(l, t+" (family "+fam+")")
		} else {
			l = append(l, t)
		}
	}
	return strings.Join(l, ", ")
}

// api is one row, taken apart.
type api struct {
	lib, version string // the module (or "Go standard library") and the version checked
	pkg          string // the package, relative to the module ("" for the module's root)
	recv, name   string // the receiver type ("" for a function) and the function or method
	spec         string // which argument or result, and what it is
	kind         rowKind
}

// rowKind is what a row is: most name a function; some tables list import paths (Libraries),
// plain names, or records that name no function (a generated method of every type of a kind).
type rowKind int

const (
	kindFunc rowKind = iota
	kindPath
	kindName
	kindRecord
)

// looksLikePath tells an import path ("database/sql", "gocloud.dev") from a plain name.
func looksLikePath(s string) bool { return strings.ContainsAny(s, "./") }

// rowName is the function a row names: the row itself for a string, else its Func field (or,
// for rows without one, its first string field, such as a FieldSource's Field).
func rowName(row reflect.Value) string {
	if row.Kind() == reflect.String {
		return row.String()
	}
	if row.Kind() != reflect.Struct {
		return fmt.Sprint(row.Interface())
	}
	if f := row.FieldByName("Func"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	for i := 0; i < row.NumField(); i++ {
		if row.Field(i).Kind() == reflect.String {
			return row.Field(i).String()
		}
	}
	return fmt.Sprint(row.Interface())
}

// isFunc tells a catalog function name ("pkg.Func", "(pkg.Type).Method") from an import path:
// the part after the last slash of a function's name has a dot before an exported name.
func isFunc(name string) bool {
	if strings.HasPrefix(name, "(") {
		return true
	}
	last := name[strings.LastIndex(name, "/")+1:]
	i := strings.LastIndex(last, ".")
	return i >= 0 && i+1 < len(last) && unicode.IsUpper(rune(last[i+1]))
}

func (ix *catalogIndex) library(pkg string) (lib, version, rel string) {
	if pkg == thisModule || strings.HasPrefix(pkg, thisModule+"/") {
		return "tenantlint's reference runtime", "this module", strings.TrimPrefix(strings.TrimPrefix(pkg, thisModule), "/")
	}
	if m := ix.vers.Module(pkg); m != "" {
		return m, ix.vers.Modules[m], strings.TrimPrefix(strings.TrimPrefix(pkg, m), "/")
	}
	if first, _, _ := strings.Cut(pkg, "/"); !strings.Contains(first, ".") {
		return "Go standard library", "go " + ix.vers.Go, pkg
	}
	return pkg, "not pinned in contract/go.mod", ""
}

func (ix *catalogIndex) apiOf(row reflect.Value) api {
	name := rowName(row)
	switch {
	case row.Kind() == reflect.Struct && !isFunc(name):
		a := api{kind: kindRecord, name: name}
		if looksLikePath(name) {
			a.lib, a.version, _ = ix.library(name)
		}
		return a
	case !isFunc(name) && !looksLikePath(name):
		return api{kind: kindName, name: name}
	case !isFunc(name):
		var vs []string
		for _, m := range ix.vers.Under(name) {
			vs = append(vs, "`"+m+"` "+ix.vers.Modules[m])
		}
		v := strings.Join(vs, ", ")
		if v == "" {
			if lib, ver, _ := ix.library(name); lib != name {
				v = ver
			} else {
				v = "not pinned in contract/go.mod"
			}
		}
		return api{lib: name, version: v, kind: kindPath}
	}
	var pkg, recv, fn string
	if strings.HasPrefix(name, "(") {
		r, m, _ := strings.Cut(name[1:], ").")
		i := strings.LastIndex(r, ".")
		pkg, recv, fn = r[:i], r[i+1:], m
	} else {
		i := strings.LastIndex(name, ".")
		pkg, fn = name[:i], name[i+1:]
	}
	a := api{pkg: pkg, recv: recv, name: fn, spec: spec(row)}
	a.lib, a.version, a.pkg = ix.library(pkg)
	return a
}

// spec says which argument of a row's call matters, for the row types the catalog has; rows of
// a new type are described field by field.
func spec(row reflect.Value) string {
	if row.Kind() != reflect.Struct {
		return ""
	}
	switch r := row.Interface().(type) {
	case catalog.KeySink:
		s := fmt.Sprint(r.Arg)
		switch {
		case r.Variadic && r.Stride > 1:
			s += fmt.Sprintf(", every %s element from the first", ordinal(r.Stride))
		case r.Variadic:
			s += ", every element"
		}
		if r.Field != "" {
			s += ", field `" + r.Field + "`"
		}
		what := r.What
		if r.Constant {
			what += "; constants too"
		}
		if what != "" {
			s += " (" + what + ")"
		}
		return s
	case catalog.SQLSink:
		var l []string
		switch {
		case r.Stmt:
			l = append(l, "SQL: the statement's")
		case r.Query >= 0:
			l = append(l, fmt.Sprintf("SQL: %d", r.Query))
		}
		switch {
		case r.Args >= 0 && r.Named:
			l = append(l, fmt.Sprintf("args: %d, by name", r.Args))
		case r.Args >= 0:
			l = append(l, fmt.Sprintf("args: %d…", r.Args))
		}
		if r.Prepare {
			l = append(l, "returns the statement")
		}
		return strings.Join(l, "; ")
	case catalog.Source:
		return fmt.Sprintf("result %d", r.Result)
	}
	// A row type this page does not know yet: every field but the name and family.
	var l []string
	name := rowName(row)
	for i := 0; i < row.NumField(); i++ {
		f, v := row.Type().Field(i), row.Field(i)
		if !f.IsExported() || f.Name == "Family" || (v.Kind() == reflect.String && v.String() == name) || v.IsZero() && v.Kind() != reflect.Int ||
			v.CanInt() && v.Int() < 0 { // -1: absent, by the catalog's convention
			continue
		}
		if v.Kind() == reflect.Bool {
			l = append(l, f.Name)
		} else {
			l = append(l, fmt.Sprintf("%s %v", f.Name, v.Interface()))
		}
	}
	return strings.Join(l, ", ")
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprintf("%dth", n)
}

// catalogPage renders docs/catalog.md.
func (ix *catalogIndex) page() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Code generated by %s from package catalog and contract/go.mod; DO NOT EDIT. -->\n\n", Generator)
	b.WriteString(`# Catalog: the libraries and APIs tenantlint knows

Everything tenantlint knows about libraries is data in package [catalog](../catalog): where the
active tenant comes from, which calls return request input, and which calls are sinks whose
argument must carry the tenant. The contract module ([contract/](../contract)) compiles every row
against the real library at the version listed here (pinned in ` + "`contract/go.mod`" + `), so a
signature change upstream fails a test instead of silently missing sinks.

Functions are named as ` + "`go/types`" + ` prints them: a method by the type that declares it (go-redis's
commands are methods of the unexported ` + "`cmdable`" + ` that ` + "`Client`" + `, ` + "`ClusterClient`" + `, ` + "`Tx`" + ` and the
pipelines embed, and of the interface that declares them), so a call through any of those types
is covered. Argument positions count from 0, the receiver excluded (` + "`Get(ctx, key)`" + `'s key is 1).
Configured ` + "`sinks:`" + `, ` + "`tenant.sources`" + ` and ` + "`scopers`" + ` add to these (see [config.md](config.md)).

`)
	// The coverage table.
	b.WriteString("## Coverage\n\n| table | library | version checked | rows | checked by |\n| --- | --- | --- | --- | --- |\n")
	for _, s := range ix.sections {
		if len(s.names) > 0 {
			fmt.Fprintf(&b, "| [%s](#%s) | — | — | %d | %s |\n", s.heading, anchor(s.heading), len(s.names), ix.checkLinks(s, ""))
			continue
		}
		type libRows struct {
			lib, version string
			n            int
		}
		var libs []*libRows
		seen := map[string]*libRows{}
		others := map[rowKind]int{}
		for _, row := range s.rows {
			a := ix.apiOf(row)
			if a.kind == kindPath || a.kind == kindName || a.lib == "" {
				others[a.kind]++
				continue
			}
			l := seen[a.lib]
			if l == nil {
				l = &libRows{lib: a.lib, version: a.version}
				seen[a.lib] = l
				libs = append(libs, l)
			}
			l.n++
		}
		if len(s.rows) == 0 {
			libs = append(libs, &libRows{lib: "(none)"})
		}
		for _, k := range []rowKind{kindPath, kindName, kindRecord} {
			if n := others[k]; n > 0 {
				libs = append(libs, &libRows{lib: map[rowKind]string{kindPath: "import paths", kindName: "names", kindRecord: "—"}[k], n: n})
			}
		}
		for i, l := range libs {
			h := ""
			if i == 0 {
				h = fmt.Sprintf("[%s](#%s)", s.heading, anchor(s.heading))
			}
			checks := ""
			if i == 0 {
				checks = ix.checkLinks(s, "")
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", h, code(l.lib), l.version, l.n, checks)
		}
	}
	b.WriteString("\n")
	for _, s := range ix.sections {
		fmt.Fprintf(&b, "## %s\n\n", s.heading)
		fmt.Fprintf(&b, "%s\n\n", paragraphs(s.doc))
		n := len(s.rows) + len(s.names)
		fmt.Fprintf(&b, "%d %s", n, plural(n, "row"))
		if l := ix.checkLinks(s, ""); l != "" {
			fmt.Fprintf(&b, "; read by %s", l)
		}
		b.WriteString(".\n\n")
		switch {
		case len(s.names) > 0:
			var l []string
			for _, n := range s.names {
				l = append(l, "`"+n+"`")
			}
			fmt.Fprintf(&b, "%s\n\n", strings.Join(l, ", "))
		case n == 0:
		default:
			ix.rowsTable(&b, s)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func code(s string) string {
	if strings.Contains(s, "/") || strings.Contains(s, ".") {
		return "`" + s + "`"
	}
	return s
}

// paragraphs joins the lines of a doc comment's paragraphs.
func paragraphs(doc string) string {
	var out []string
	for _, p := range strings.Split(doc, "\n\n") {
		out = append(out, strings.Join(strings.Fields(p), " "))
	}
	return strings.Join(out, "\n\n")
}

func (ix *catalogIndex) checkLinks(s *catSection, dir string) string {
	var l []string
	seen := map[string]bool{}
	for _, sel := range []string{s.sel, s.table} {
		for _, c := range ix.readers[sel] {
			if !seen[c.Name] {
				seen[c.Name] = true
				l = append(l, fmt.Sprintf("[%s](%schecks/%s)", c.Name, dir, c.PageName()))
			}
		}
	}
	return strings.Join(l, ", ")
}

// rowsTable lists a section's rows by library. Rows that take the same argument are grouped
// by receiver (one line per type, listing its methods) or, where that is shorter, by method
// (one line per method, listing the types that have it: rueidis's builder steps).
func (ix *catalogIndex) rowsTable(b *strings.Builder, s *catSection) {
	// Rows that name no function (import paths, names, records) are listed as they are; a
	// function is one API, with every argument its rows name (Rename: source and destination).
	var apis []api
	var paths, names []string
	var records []reflect.Value
	byFunc := map[[4]string]int{}
	for _, row := range s.rows {
		a := ix.apiOf(row)
		switch a.kind {
		case kindPath:
			paths = append(paths, fmt.Sprintf("| `%s` | %s |\n", a.lib, a.version))
		case kindName:
			names = append(names, "`"+a.name+"`")
		case kindRecord:
			records = append(records, row)
		case kindFunc:
			k := [4]string{a.lib, a.pkg, a.recv, a.name}
			if i, ok := byFunc[k]; ok {
				apis[i].spec = joinSpecs(apis[i].spec, a.spec)
				continue
			}
			byFunc[k] = len(apis)
			apis = append(apis, a)
		}
	}
	if len(paths) > 0 {
		b.WriteString("| import path | modules checked |\n| --- | --- |\n" + strings.Join(paths, "") + "\n")
	}
	if len(names) > 0 {
		b.WriteString(strings.Join(names, ", ") + "\n\n")
	}
	if len(records) > 0 {
		ix.recordsTable(b, records)
	}
	if len(apis) == 0 {
		return
	}
	b.WriteString("| library | version | package | type | API | argument |\n| --- | --- | --- | --- | --- | --- |\n")
	// Libraries, and within each the (package, argument) groups, in catalog order.
	type group struct {
		pkg, spec string
		apis      []api
	}
	type lib struct {
		name, version string
		groups        []*group
	}
	var libs []*lib
	byLib := map[string]*lib{}
	byGroup := map[[3]string]*group{}
	for _, a := range apis {
		l := byLib[a.lib]
		if l == nil {
			l = &lib{name: a.lib, version: a.version}
			byLib[a.lib] = l
			libs = append(libs, l)
		}
		k := [3]string{a.lib, a.pkg, a.spec}
		g := byGroup[k]
		if g == nil {
			g = &group{pkg: a.pkg, spec: a.spec}
			byGroup[k] = g
			l.groups = append(l.groups, g)
		}
		g.apis = append(g.apis, a)
	}
	for _, l := range libs {
		first := true
		for _, g := range l.groups {
			for _, line := range lines(g.apis) {
				name, ver := "", ""
				if first {
					name, ver, first = code(l.name), l.version, false
				}
				pkg := ""
				if g.pkg != "" {
					pkg = "`" + g.pkg + "`"
				}
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", name, ver, pkg, line[0], line[1], g.spec)
			}
		}
	}
	b.WriteString("\n")
}

// lines groups apis into table lines [type cell, API cell]: by receiver, or by method where that
// makes fewer lines.
func lines(apis []api) [][2]string {
	var recvs, methods []string
	byRecv := map[string][]string{}
	byMethod := map[string][]string{}
	for _, a := range apis {
		if _, ok := byRecv[a.recv]; !ok {
			recvs = append(recvs, a.recv)
		}
		if _, ok := byMethod[a.name]; !ok {
			methods = append(methods, a.name)
		}
		byRecv[a.recv] = appendNew(byRecv[a.recv], a.name)
		byMethod[a.name] = appendNew(byMethod[a.name], a.recv)
	}
	var out [][2]string
	_, funcs := byRecv[""] // package-level functions have no type to list
	if len(methods) < len(recvs) && !funcs {
		// Methods of the same types share a line (gocache's Get, Set and Delete).
		var keys []string
		same := map[string][]string{}
		for _, m := range methods {
			k := list(byMethod[m])
			if _, ok := same[k]; !ok {
				keys = append(keys, k)
			}
			same[k] = append(same[k], m)
		}
		for _, k := range keys {
			out = append(out, [2]string{k, list(same[k])})
		}
		return out
	}
	// Receivers with the same methods share a line (database/sql's DB and Tx).
	var keys []string
	same := map[string][]string{}
	for _, r := range recvs {
		k := list(byRecv[r])
		if r == "" {
			k += "\x00" // functions share no line with methods
		}
		if _, ok := same[k]; !ok {
			keys = append(keys, k)
		}
		same[k] = append(same[k], r)
	}
	for _, k := range keys {
		out = append(out, [2]string{list(same[k]), strings.TrimSuffix(k, "\x00")})
	}
	return out
}

func appendNew(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

func list(names []string) string {
	var l []string
	for _, n := range names {
		if n != "" {
			l = append(l, "`"+n+"`")
		}
	}
	return strings.Join(l, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// joinSpecs adds spec b to a, saying a shared "(what)" once: "1; 2 (cache key)".
func joinSpecs(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	if i := strings.LastIndex(a, " ("); i >= 0 && strings.HasSuffix(b, a[i:]) {
		return a[:i] + "; " + b
	}
	return a + "; " + b
}

// recordsTable lists rows that name no function, one column per field, and the version of the
// module their first field names when it is a pinned one.
func (ix *catalogIndex) recordsTable(b *strings.Builder, rows []reflect.Value) {
	t := rows[0].Type()
	var cols []int
	var head []string
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).IsExported() && t.Field(i).Name != "Family" {
			cols = append(cols, i)
			head = append(head, t.Field(i).Name)
		}
	}
	head = append(head, "version checked")
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|" + strings.Repeat(" --- |", len(head)) + "\n")
	for _, row := range rows {
		var cells []string
		for _, i := range cols {
			v := row.Field(i)
			switch {
			case v.Kind() == reflect.String && v.String() != "":
				cells = append(cells, "`"+v.String()+"`")
			case v.Kind() == reflect.Bool && v.Bool():
				cells = append(cells, "yes")
			case v.Kind() == reflect.Bool, v.Kind() == reflect.String, v.CanInt() && v.Int() < 0:
				cells = append(cells, "")
			default:
				cells = append(cells, fmt.Sprint(v.Interface()))
			}
		}
		a := ix.apiOf(row)
		cells = append(cells, a.version)
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n")
}
