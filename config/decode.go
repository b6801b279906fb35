package config

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// The file is decoded by walking yaml.Node trees rather than unmarshaling
// into structs: nodes carry line numbers, so every error can point at the
// offending line and name the key, and we see unknown and duplicate keys
// that yaml.v3's KnownFields would report tersely or not at all.

// decoder collects errors while walking the tree, so that one run reports
// every problem in the file.
type decoder struct {
	file string
	errs []*Error
}

func (d *decoder) errorf(n *yaml.Node, key, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// err returns the collected errors in file order. The sort is stable, so
// errors on one line keep the order they were found in and the result is
// the same on every run.
func (d *decoder) err() error {
	sort.SliceStable(d.errs, func(i, j int) bool { return d.errs[i].Line < d.errs[j].Line })
	if len(d.errs) == 1 {
		return d.errs[0]
	}
	errs := make([]error, len(d.errs))
	for i, e := range d.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// yamlLine pulls the line out of yaml.v3's "yaml: line N: msg" errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse returns the top-level node of the single document in data; an
// empty input is an empty mapping.
func (d *decoder) parse(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}
	} else if err != nil {
		d.syntaxError(err)
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		d.errorf(&next, "", "more than one YAML document; a config file holds one")
		return nil
	} else if err != io.EOF {
		d.syntaxError(err)
		return nil
	}
	if len(doc.Content) == 0 { // a document holding only comments
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}
	}
	return resolve(doc.Content[0])
}

func (d *decoder) syntaxError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	// yaml.v3 leaves the line out when its marks are on the first line (they are 0-based, and
	// 0 reads as unknown), and for problems of the document as a whole (excessive aliasing):
	// line 1 is the position in both cases, and an error always names one.
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Msg: "invalid YAML: " + msg})
}

// resolve follows an alias (*anchor) to the node it stands for.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe names what a node is, for "must be X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return fmt.Sprintf("string %q", n.Value)
	case "!!int":
		return "integer " + n.Value
	case "!!float":
		return "number " + n.Value
	case "!!bool":
		return "boolean " + n.Value
	case "!!null":
		return "null"
	}
	return n.ShortTag() + " " + n.Value
}

// fields holds the values of the keys of a mapping.
type fields struct {
	node   *yaml.Node // the mapping
	path   string
	values map[string]*yaml.Node // by key; a key with a null value is absent
	// clean is false when a key was unknown or repeated: a misspelt key
	// is then likely the one that looks missing, so missing keys are not
	// reported and the user gets one error, not two.
	clean bool
}

// mapping checks that n is a mapping with only the given keys, each at
// most once, and returns its fields; nil if n is not a mapping. A key
// with a null value ("key:" with nothing after it) counts as absent.
func (d *decoder) mapping(n *yaml.Node, path string, keys ...string) *fields {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "must be a mapping, got %s", describe(n))
		return nil
	}
	m := &fields{node: n, path: path, values: make(map[string]*yaml.Node), clean: true}
	firstLine := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		key := join(path, k.Value)
		if !slices.Contains(keys, k.Value) {
			d.errorf(k, key, "unknown key (valid keys: %s)", strings.Join(keys, ", "))
			m.clean = false
			continue
		}
		if line, dup := firstLine[k.Value]; dup {
			d.errorf(k, key, "duplicate key (first at line %d)", line)
			m.clean = false
			continue
		}
		firstLine[k.Value] = k.Line
		if v.ShortTag() != "!!null" {
			m.values[k.Value] = v
		}
	}
	return m
}

// list returns the items of a list.
func (d *decoder) list(n *yaml.Node, path string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "must be a list, got %s", describe(n))
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, item := range n.Content {
		items[i] = resolve(item)
	}
	return items
}

// str returns a non-empty string.
func (d *decoder) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		d.errorf(n, path, "must be a string, got %s", describe(n))
		return "", false
	}
	if n.Value == "" {
		d.errorf(n, path, "must not be empty")
		return "", false
	}
	return n.Value, true
}

// word returns a string with no white space: a column, table or check name.
func (d *decoder) word(n *yaml.Node, path string) (string, bool) {
	s, ok := d.str(n, path)
	if ok && strings.ContainsFunc(s, unicode.IsSpace) {
		d.errorf(n, path, "%q contains white space", s)
		return "", false
	}
	return s, ok
}

func (d *decoder) int(n *yaml.Node, path string) (int, bool) {
	var i int
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
		d.errorf(n, path, "must be an integer, got %s", describe(n))
		return 0, false
	}
	return i, true
}

// index returns an argument or result index, which cannot be negative.
func (d *decoder) index(n *yaml.Node, path string) (int, bool) {
	i, ok := d.int(n, path)
	if ok && i < 0 {
		d.errorf(n, path, "must not be negative, got %d", i)
		return 0, false
	}
	return i, ok
}

// oneOf returns a string that must be one of choices.
func (d *decoder) oneOf(n *yaml.Node, path string, choices []string) (string, bool) {
	s, ok := d.str(n, path)
	if ok && !slices.Contains(choices, s) {
		d.errorf(n, path, "%q is not one of %s", s, strings.Join(choices, ", "))
		return "", false
	}
	return s, ok
}

func (d *decoder) funcName(n *yaml.Node, path string) (FuncName, bool) {
	s, ok := d.str(n, path)
	if !ok {
		return FuncName{}, false
	}
	f, err := ParseFuncName(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return FuncName{}, false
	}
	return f, true
}

// dups reports entries that repeat an earlier one. Keys are compared as
// given, so callers normalize them (case for SQL names, the receiver's
// pointer for methods, which match the same way either way).
type dups struct {
	d    *decoder
	what string
	seen map[string]int // key → line of its first entry
}

func (d *decoder) dups(what string) *dups {
	return &dups{d: d, what: what, seen: make(map[string]int)}
}

// add records key and reports whether it is new.
func (u *dups) add(key string, n *yaml.Node, path string) bool {
	if line, dup := u.seen[key]; dup {
		u.d.errorf(n, path, "duplicate %s (first at line %d)", u.what, line)
		return false
	}
	u.seen[key] = n.Line
	return true
}

// funcKey identifies what a name matches: the receiver's pointer does
// not matter (see FuncName.Matches).
func funcKey(f FuncName) string {
	f.Pointer = false
	return f.String()
}

// entry is a string from the file with the line it is on.
type entry struct {
	s     string
	line  int
	index int // in the list
}

// words decodes a list of distinct names. SQL names are compared without
// regard to case, as unquoted identifiers are.
func (d *decoder) words(n *yaml.Node, path, what string) []entry {
	seen := d.dups(what)
	var out []entry
	for i, item := range d.list(n, path) {
		p := fmt.Sprintf("%s[%d]", path, i)
		if s, ok := d.word(item, p); ok && seen.add(strings.ToLower(s), item, p) {
			out = append(out, entry{s, item.Line, i})
		}
	}
	return out
}

func strs(ls []entry) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.s
	}
	return out
}

// config decodes the top level into c, which holds the defaults.
func (d *decoder) config(root *yaml.Node, c *Config) {
	top := d.mapping(root, "", "version", "dialect", "tenant", "tables", "scopers", "sinks", "requires", "crosstenant", "exclude", "checks")
	if top == nil {
		return
	}
	if n, ok := top.values["version"]; !ok {
		if top.clean {
			d.errorf(root, "version", "missing; add \"version: 1\"")
		}
	} else if v, ok := d.int(n, "version"); ok && v != 1 {
		d.errorf(n, "version", "unsupported version %d (want 1)", v)
	}
	if n, ok := top.values["dialect"]; ok {
		if s, ok := d.oneOf(n, "dialect", dialects); ok {
			c.Dialect = s
		}
	}
	if n, ok := top.values["tenant"]; ok {
		d.tenant(n, &c.Tenant)
	}
	if n, ok := top.values["tables"]; ok {
		d.tables(n, c.Dir, &c.Tables)
	}
	if n, ok := top.values["scopers"]; ok {
		c.Scopers = d.funcs(n, "scopers")
	}
	if n, ok := top.values["sinks"]; ok {
		c.Sinks = d.sinks(n)
	}
	if n, ok := top.values["requires"]; ok {
		c.Requires = d.requires(n)
	}
	if n, ok := top.values["crosstenant"]; ok {
		c.CrossTenant = d.funcs(n, "crosstenant")
	}
	if n, ok := top.values["exclude"]; ok {
		c.Exclude = d.exclude(n)
	}
	if n, ok := top.values["checks"]; ok {
		if m := d.mapping(n, "checks", "disable"); m != nil && m.values["disable"] != nil {
			names := d.words(m.values["disable"], "checks.disable", "check")
			for _, e := range names {
				if !slices.Contains(CheckNames, e.s) {
					// A misspelt or retired name would silently leave the check on.
					d.errs = append(d.errs, &Error{File: d.file, Line: e.line, Key: fmt.Sprintf("checks.disable[%d]", e.index),
						Msg: fmt.Sprintf("no check %q (the checks are %s)", e.s, strings.Join(CheckNames, ", "))})
				}
			}
			c.Checks.Disable = strs(names)
		}
	}
}

func (d *decoder) tenant(n *yaml.Node, t *Tenant) {
	m := d.mapping(n, "tenant", "columns", "sources", "validators", "names", "trusted_headers")
	if m == nil {
		return
	}
	if cols, ok := m.values["columns"]; ok {
		t.Columns = strs(d.words(cols, "tenant.columns", "column"))
		if cols.Kind == yaml.SequenceNode && len(cols.Content) == 0 {
			// An empty list would turn every SQL check off; leaving the
			// key out gives the defaults.
			d.errorf(cols, "tenant.columns", "must not be empty (omit it for the defaults)")
		}
	}
	if n, ok := m.values["sources"]; ok {
		t.Sources = d.sources(n)
	}
	if n, ok := m.values["validators"]; ok {
		t.Validators = d.validators(n)
	}
	if n, ok := m.values["names"]; ok {
		t.Names = strs(d.words(n, "tenant.names", "name"))
		for i, w := range t.Names {
			t.Names[i] = strings.ToLower(w)
			if strings.TrimPrefix(w, "-") == "" {
				d.errorf(n.Content[i], fmt.Sprintf("tenant.names[%d]", i), "%q is not a word", w)
			}
		}
	}
	if n, ok := m.values["trusted_headers"]; ok {
		t.TrustedHeaders = d.headerNames(n)
	}
}

// headerNames reads tenant.trusted_headers: HTTP header names (RFC 9110 tokens), without
// duplicates.
func (d *decoder) headerNames(n *yaml.Node) []string {
	var out []string
	seen := map[string]bool{}
	for i, item := range d.list(n, "tenant.trusted_headers") {
		path := fmt.Sprintf("tenant.trusted_headers[%d]", i)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.errorf(item, path, "must be a header name")
			continue
		}
		h := item.Value
		if h == "" || strings.IndexFunc(h, func(r rune) bool { return !isTokenChar(r) }) >= 0 {
			d.errorf(item, path, "%q is not a header name (letters, digits and !#$%%&'*+-.^_`|~ only)", h)
			continue
		}
		if seen[strings.ToLower(h)] {
			d.errorf(item, path, "header %q is listed twice", h)
			continue
		}
		seen[strings.ToLower(h)] = true
		out = append(out, h)
	}
	return out
}

// isTokenChar reports whether r may appear in an HTTP header name (an RFC 9110 token).
func isTokenChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}

func (d *decoder) sources(n *yaml.Node) []Source {
	var out []Source
	seen := d.dups("source")
	for i, item := range d.list(n, "tenant.sources") {
		path := fmt.Sprintf("tenant.sources[%d]", i)
		m := d.mapping(item, path, "func", "field", "result")
		if m == nil {
			continue
		}
		fn, isFunc := m.values["func"]
		field, isField := m.values["field"]
		src := Source{Line: item.Line}
		var key string
		switch {
		case isFunc && isField:
			d.errorf(item, path, "has both func and field; a source is one or the other")
			continue
		case isFunc:
			f, ok := d.funcName(fn, path+".func")
			if !ok {
				continue
			}
			src.Func, key = &f, "func "+funcKey(f)
		case isField:
			f, ok := d.funcName(field, path+".field")
			if !ok {
				continue
			}
			if f.Recv == "" {
				d.errorf(field, path+".field", "%q is not a field: write (pkg/path.Type).Field", f)
				continue
			}
			src.Field, key = &f, "field "+funcKey(f)
		default:
			if m.clean {
				d.errorf(item, path, "needs func or field")
			}
			continue
		}
		if r, ok := m.values["result"]; ok {
			if isField {
				d.errorf(r, path+".result", "only applies to a func source")
				continue
			}
			if src.Result, ok = d.index(r, path+".result"); !ok {
				continue
			}
		}
		if seen.add(fmt.Sprintf("%s result %d", key, src.Result), item, path) {
			out = append(out, src)
		}
	}
	return out
}

func (d *decoder) validators(n *yaml.Node) []Validator {
	var out []Validator
	seen := d.dups("validator")
	for i, item := range d.list(n, "tenant.validators") {
		path := fmt.Sprintf("tenant.validators[%d]", i)
		m := d.mapping(item, path, "func", "arg")
		if m == nil {
			continue
		}
		f, okFunc := required(d, m, "func", d.funcName)
		arg, okArg := required(d, m, "arg", d.index)
		if okFunc && okArg && seen.add(fmt.Sprintf("%s arg %d", funcKey(f), arg), item, path) {
			out = append(out, Validator{Func: f, Arg: arg, Line: item.Line})
		}
	}
	return out
}

func (d *decoder) sinks(n *yaml.Node) []Sink {
	var out []Sink
	seen := d.dups("sink")
	for i, item := range d.list(n, "sinks") {
		path := fmt.Sprintf("sinks[%d]", i)
		m := d.mapping(item, path, "func", "arg", "kind")
		if m == nil {
			continue
		}
		f, okFunc := required(d, m, "func", d.funcName)
		arg, okArg := required(d, m, "arg", d.index)
		kind, okKind := required(d, m, "kind", func(n *yaml.Node, p string) (string, bool) {
			return d.oneOf(n, p, kinds)
		})
		if okFunc && okArg && okKind && seen.add(fmt.Sprintf("%s arg %d", funcKey(f), arg), item, path) {
			out = append(out, Sink{Func: f, Arg: arg, Kind: kind, Line: item.Line})
		}
	}
	return out
}

func (d *decoder) requires(n *yaml.Node) []Require {
	var out []Require
	seen := d.dups("requirement")
	for i, item := range d.list(n, "requires") {
		path := fmt.Sprintf("requires[%d]", i)
		m := d.mapping(item, path, "func", "arg", "field")
		if m == nil {
			continue
		}
		f, okFunc := required(d, m, "func", d.funcName)
		arg, okArg := required(d, m, "arg", d.index)
		var field []string
		if fn, ok := m.values["field"]; ok {
			s, ok := d.str(fn, path+".field")
			if !ok {
				continue
			}
			field = strings.Split(s, ".")
			if slices.ContainsFunc(field, func(p string) bool { return !token.IsIdentifier(p) }) {
				d.errorf(fn, path+".field", "%q is not a field path (Name or Name.Inner)", s)
				continue
			}
		}
		if okFunc && okArg && seen.add(fmt.Sprintf("%s arg %d %s", funcKey(f), arg, strings.Join(field, ".")), item, path) {
			out = append(out, Require{Func: f, Arg: arg, Field: field, Line: item.Line})
		}
	}
	return out
}

// required decodes the value of key with decode; it must be present.
// The argument index of validators and sinks is required rather than
// defaulting to 0: a forgotten arg would silently watch the wrong
// argument (often the context).
func required[T any](d *decoder, m *fields, key string, decode func(*yaml.Node, string) (T, bool)) (T, bool) {
	n, ok := m.values[key]
	if !ok {
		if m.clean {
			d.errorf(m.node, m.path, "missing %s", key)
		}
		var zero T
		return zero, false
	}
	return decode(n, m.path+"."+key)
}

// funcs decodes a list of {func: name} entries (scopers, crosstenant).
func (d *decoder) funcs(n *yaml.Node, path string) []Func {
	var out []Func
	seen := d.dups("function")
	for i, item := range d.list(n, path) {
		p := fmt.Sprintf("%s[%d]", path, i)
		m := d.mapping(item, p, "func")
		if m == nil {
			continue
		}
		if f, ok := required(d, m, "func", d.funcName); ok && seen.add(funcKey(f), item, p) {
			out = append(out, Func{Name: f, Line: item.Line})
		}
	}
	return out
}

func (d *decoder) tables(n *yaml.Node, dir string, t *Tables) {
	m := d.mapping(n, "tables", "scoped", "global", "schema", "tenant")
	if m == nil {
		return
	}
	var scoped, global []entry
	if n, ok := m.values["scoped"]; ok {
		scoped = d.words(n, "tables.scoped", "table")
		t.Scoped = strs(scoped)
	}
	if n, ok := m.values["global"]; ok {
		global = d.words(n, "tables.global", "table")
		t.Global = strs(global)
		scopedAt := make(map[string]int)
		for _, s := range scoped {
			scopedAt[strings.ToLower(s.s)] = s.line
		}
		for i, g := range global {
			if line, ok := scopedAt[strings.ToLower(g.s)]; ok {
				d.errs = append(d.errs, &Error{File: d.file, Line: g.line, Key: fmt.Sprintf("tables.global[%d]", i),
					Msg: fmt.Sprintf("table %q is also in tables.scoped (line %d); a table is one or the other", g.s, line)})
			}
		}
	}
	if n, ok := m.values["schema"]; ok {
		t.Schema, t.SchemaFiles = d.schema(n, dir)
	}
	if n, ok := m.values["tenant"]; ok {
		t.TenantSet = true
		t.Tenant = d.tenantTables(n, scoped, global)
	}
}

// tenantTables decodes tables.tenant: "table" or "table.column" (the key, id by default). A
// tenant table holds the tenants, so it is neither one tenant's rows nor shared.
func (d *decoder) tenantTables(n *yaml.Node, scoped, global []entry) []TenantTable {
	listed := func(list []entry, name string) int {
		for _, e := range list {
			if strings.EqualFold(e.s, name) {
				return e.line
			}
		}
		return 0
	}
	var out []TenantTable
	for _, e := range d.words(n, "tables.tenant", "table") {
		path := fmt.Sprintf("tables.tenant[%d]", e.index)
		fail := func(format string, args ...any) {
			d.errs = append(d.errs, &Error{File: d.file, Line: e.line, Key: path, Msg: fmt.Sprintf(format, args...)})
		}
		name, key, hasKey := strings.Cut(e.s, ".")
		if !isIdent(name) || (hasKey && !isIdent(key)) {
			fail("%q is not a table name or table.column (e.g. workspaces or workspaces.id)", e.s)
			continue
		}
		if !hasKey {
			key = "id"
		}
		if line := listed(scoped, name); line > 0 {
			fail("table %q is also in tables.scoped (line %d); a tenant table holds the tenants, not one tenant's rows", name, line)
			continue
		}
		if line := listed(global, name); line > 0 {
			fail("table %q is also in tables.global (line %d); a tenant table is not shared by all tenants", name, line)
			continue
		}
		out = append(out, TenantTable{Name: name, Key: key, Line: e.line})
	}
	return out
}

// isIdent: an unquoted SQL identifier (letters, digits, _ and $, not starting with a digit).
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || r == '$'))) {
			return false
		}
	}
	return true
}

// schema expands the schema globs relative to dir. A glob that matches
// nothing is an error: it is almost always a wrong path, and the checks
// would otherwise run without the schema and say nothing about it.
func (d *decoder) schema(n *yaml.Node, dir string) (globs, files []string) {
	seen := d.dups("glob")
	for i, item := range d.list(n, "tables.schema") {
		path := fmt.Sprintf("tables.schema[%d]", i)
		glob, ok := d.str(item, path)
		if !ok || !seen.add(glob, item, path) {
			continue
		}
		globs = append(globs, glob)
		pattern := filepath.FromSlash(glob)
		if !filepath.IsAbs(pattern) {
			pattern = filepath.Join(dir, pattern)
		}
		matches, err := filepath.Glob(pattern)
		if err != nil {
			d.errorf(item, path, "malformed glob %q: %v", glob, err)
			continue
		}
		n := 0
		for _, f := range matches {
			if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
				files = append(files, f)
				n++
			}
		}
		if n == 0 {
			d.errorf(item, path, "%q matches no file (relative to %s)", glob, dir)
		}
	}
	slices.Sort(files)
	return globs, slices.Compact(files)
}

// exclude decodes package patterns: import paths, optionally ending in
// "/..." as with the go command. Other wildcards and relative paths are
// rejected because Excluded compares with import paths only.
func (d *decoder) exclude(n *yaml.Node) []string {
	var out []string
	seen := d.dups("pattern")
	for i, item := range d.list(n, "exclude") {
		path := fmt.Sprintf("exclude[%d]", i)
		p, ok := d.word(item, path)
		if !ok {
			continue
		}
		base := strings.TrimSuffix(p, "/...")
		switch {
		case strings.HasPrefix(p, ".") || filepath.IsAbs(p):
			d.errorf(item, path, "%q is a file path; write an import path such as example.com/app/internal/...", p)
		case strings.Contains(base, "..."):
			d.errorf(item, path, "%q: \"...\" is only supported at the end, as in example.com/app/...", p)
		case seen.add(p, item, path):
			out = append(out, p)
		}
	}
	return out
}
