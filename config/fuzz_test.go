package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: a .tenantlint.yml is user input. Parse must not panic, must return either a
// configuration or an error (never both), and every error must name the file and a line.
func FuzzParse(f *testing.F) {
	f.Add([]byte(fullYAML))
	f.Add([]byte(""))
	f.Add([]byte("# only a comment\n"))
	f.Add([]byte("version: 1\n"))
	f.Add([]byte("version: 2\ndialect: oracle\n"))
	f.Add([]byte("version: 1\ntenant:\n  columns: [a,\n"))
	f.Add([]byte("version: 1\n---\nversion: 1\n"))
	f.Add([]byte("version: 1\ntenant:\n  sources:\n    - func: (*a.T.M\n      result: -1\n    - field: (a.T).F\n      func: a.F\n"))
	f.Add([]byte("version: 1\ntables:\n  scoped: [a]\n  global: [A]\n  schema: [\"*.sql\", \"[\"]\n"))
	f.Add([]byte("version: 1\nsinks:\n  - {func: a.B, arg: 1, kind: queue}\n"))
	f.Add([]byte("version: 1\nchecks:\n  disable: [rawsql, jobscope]\n"))
	f.Add([]byte("version: 1\nexclude: [./x, a/.../b, \"\"]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("version: 1\ntenant: &t\n  columns: [org_id]\ntables: *t\n"))
	f.Add([]byte("{\"version\": 1, \"tenant\": {\"names\": [\"-org\", \"user\"]}}"))
	f.Add([]byte("\tversion: 1\n"))
	f.Add([]byte("version: !!binary aGk=\n"))

	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte("create table t (tenant_id int);\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	name := filepath.Join(dir, ".tenantlint.yml")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, name)
		if (c == nil) == (err == nil) {
			t.Fatalf("Parse returned config %v and error %v: want exactly one", c, err)
		}
		if err == nil {
			return
		}
		for _, e := range leafErrors(err) {
			var ce *Error
			if !errors.As(e, &ce) {
				t.Fatalf("error %q (%T) is not a *config.Error", e, e)
			}
			if ce.File != name || ce.Line <= 0 {
				t.Fatalf("error %q names no position (file %q, line %d)", ce, ce.File, ce.Line)
			}
			if !strings.HasPrefix(ce.Error(), name+":") {
				t.Fatalf("error %q does not start with file:line", ce)
			}
		}
	})
}

// leafErrors flattens errors.Join.
func leafErrors(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leafErrors(e)...)
		}
		return out
	}
	return []error{err}
}
