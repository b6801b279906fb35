package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

// TestTablesUpToDate: catalog/tables_gen.go lists every exported variable of package catalog,
// so that docs/catalog.md documents every table.
func TestTablesUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "catalog")
	want, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, Output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("catalog/%s is out of date with the catalog's exported variables: run go generate ./...", Output)
	}
	// The compiled list is the one on disk: every table has rows.
	for _, tb := range catalog.Tables {
		if tb.Rows == nil || tb.Doc == "" {
			t.Errorf("table %s: no rows or no doc comment", tb.Name)
		}
	}
}

// TestGenerateFindsNewTables: a new exported variable, in a new file, is listed with its doc
// comment; unexported variables, functions and constants are not.
func TestGenerateFindsNewTables(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package catalog\n\n// Sources are sources.\nvar Sources = []string{\"x.F\"}\n\nvar hidden = 1\n\nconst Runtime = \"r\"\n")
	write("orm.go", "package catalog\n\nvar (\n\t// ORMSinks are builder sinks.\n\tORMSinks = []int{1}\n\tother = 2\n)\n")
	write("a_test.go", "package catalog\n\nvar Fixture = 1\n")
	src, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, want := range []string{`{Name: "Sources", Doc: "Sources are sources.", Rows: Sources}`, `{Name: "ORMSinks", Doc: "ORMSinks are builder sinks.", Rows: ORMSinks}`} {
		if !strings.Contains(s, want) {
			t.Errorf("generated source lacks %s:\n%s", want, s)
		}
	}
	for _, not := range []string{"hidden", "Runtime", "Fixture", "other"} {
		if strings.Contains(s, not) {
			t.Errorf("generated source lists %s:\n%s", not, s)
		}
	}
	if strings.Index(s, "Sources") > strings.Index(s, "ORMSinks") {
		t.Errorf("tables are not in file order:\n%s", s)
	}
}
