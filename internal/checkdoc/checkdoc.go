// Package checkdoc is the one source of every check's documentation. Each check keeps its
// metadata in passes/<check>/doc.yml (title, rationale, what it reports, before/after, options,
// known limits); from it, and from package catalog and the versions pinned in contract/go.mod,
// Generate writes:
//
//   - docs/checks/<check>.md, the check's page (its URL, the help link of SARIF and editors);
//   - passes/<check>/doc.go, the package comment and the analyzer's Doc;
//   - docs/checks/README.md, the index of checks;
//   - docs/catalog.md, every library, version and API the catalog covers.
//
// The generated files are checked in; a test regenerates them in memory and fails when one
// differs, so documentation and code cannot drift. After editing a doc.yml or the catalog, run
//
//	go generate ./...
package checkdoc

//go:generate go run ./gen -root ../..

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// BaseURL is where the check pages are published: a check's URL is BaseURL + name + ".md".
// SARIF's helpUri and the editor integration link there, so the path must stay stable.
const BaseURL = "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/"

// URL is the documentation page of a check.
func URL(check string) string { return BaseURL + check + ".md" }

// Check is the metadata of one check, as written in passes/<check>/doc.yml. Text fields are
// Markdown; code fields are Go. Markdown fields may use {{version "module/path"}} (the version
// contract/go.mod pins) and {{rows "Table/family"}} (how many catalog rows a table or family
// has), so version tables in prose cannot drift either.
type Check struct {
	// Name is the check's name, as in findings and directives; it must be the directory's.
	Name string `yaml:"name"`
	// Synopsis completes "Package <name> ..." in the package comment.
	Synopsis string `yaml:"synopsis"`
	// Title is the one-line summary: the first line of the analyzer's Doc, lower case.
	Title string `yaml:"title"`
	// Rationale says why the check exists: the page's introduction and the body of Doc.
	Rationale string `yaml:"rationale"`
	// Reports is what the check reports and what it leaves quiet (page only).
	Reports string `yaml:"reports"`
	// Before and After are the canonical example, in Doc and on the page.
	Before string `yaml:"before"`
	After  string `yaml:"after"`
	// Examples are further examples, on the page after Before and After.
	Examples []Example `yaml:"examples"`
	// Sections are further page sections, after the examples.
	Sections []Section `yaml:"sections"`
	// Catalog names the catalog tables the check reads ("SQLSinks", or "KeySinks/cache" for
	// one family of a table); the page and Doc link to their rows in docs/catalog.md.
	Catalog []string `yaml:"catalog"`
	// Coverage explains the covered APIs (page only; the full list is generated).
	Coverage string `yaml:"coverage"`
	// Options are the settings that change what the check reports (page and Doc).
	Options string `yaml:"options"`
	// Limits are the known limits: what a quiet run does not prove (page only).
	Limits string `yaml:"limits"`
	// Bundle marks passes/all: its Doc and page list every other check.
	Bundle bool `yaml:"bundle"`
	// Page overrides the page's file name under docs/checks (the bundle's is README.md).
	Page string `yaml:"page"`
	// Godoc is extra package documentation for Go readers, after the analyzer section of
	// the package comment (the engine documents its internals there).
	Godoc string `yaml:"godoc"`

	// Dir is the package directory, relative to the module root (set by Load).
	Dir string `yaml:"-"`
}

// Example is one more example: text, then code.
type Example struct {
	Text string `yaml:"text"`
	Code string `yaml:"code"`
}

// Section is one more page section.
type Section struct {
	Title string `yaml:"title"`
	Body  string `yaml:"body"`
}

// PageName is the file name of the check's page under docs/checks.
func (c *Check) PageName() string {
	if c.Page != "" {
		return c.Page
	}
	return c.Name + ".md"
}

// URL is the check's page.
func (c *Check) URL() string { return BaseURL + c.PageName() }

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// Parse reads one doc.yml. Unknown keys are errors, so a misspelt field is not silently lost.
func Parse(data []byte, file string) (*Check, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Check
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"name", c.Name}, {"synopsis", c.Synopsis}, {"title", c.Title}, {"rationale", c.Rationale},
	} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if !c.Bundle {
		for _, f := range []struct{ name, v string }{{"reports", c.Reports}, {"before", c.Before}, {"after", c.After}} {
			if strings.TrimSpace(f.v) == "" {
				missing = append(missing, f.name)
			}
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: missing %s", file, strings.Join(missing, ", "))
	}
	if !nameRE.MatchString(c.Name) {
		return nil, fmt.Errorf("%s: name %q is not a lower-case word", file, c.Name)
	}
	if strings.Contains(c.Title, "\n") || strings.HasSuffix(c.Title, ".") {
		return nil, fmt.Errorf("%s: title must be one line without a final period", file)
	}
	for i, s := range c.Sections {
		if s.Title == "" || s.Body == "" {
			return nil, fmt.Errorf("%s: section %d needs a title and a body", file, i+1)
		}
	}
	return &c, nil
}

// Load reads every passes/*/doc.yml under root, sorted by name.
func Load(root string) ([]*Check, error) {
	files, err := filepath.Glob(filepath.Join(root, "passes", "*", "doc.yml"))
	if err != nil {
		return nil, err
	}
	var checks []*Check
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		c, err := Parse(data, filepath.ToSlash(rel))
		if err != nil {
			return nil, err
		}
		c.Dir = filepath.ToSlash(filepath.Dir(rel))
		if pkg := filepath.Base(c.Dir); pkg != c.Name {
			return nil, fmt.Errorf("%s: name %q is not the package's (%s)", rel, c.Name, pkg)
		}
		checks = append(checks, c)
	}
	if len(checks) == 0 {
		return nil, fmt.Errorf("no passes/*/doc.yml under %s", root)
	}
	sort.Slice(checks, func(i, j int) bool { return checks[i].Name < checks[j].Name })
	return checks, nil
}
