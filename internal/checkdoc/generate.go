package checkdoc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tenantlint/tenantlint/catalog"
)

// Docs are the Doc and URL of every check, by name, as the generated doc.go files set them.
type Docs map[string]struct{ Doc, URL string }

// Generate returns every generated file, by path relative to the module root (slash-separated),
// from the doc.yml files under root, package catalog and root/contract/go.mod. It writes nothing.
func Generate(root string) (map[string][]byte, Docs, error) {
	files, docs, _, err := generate(root)
	return files, docs, err
}

// generate is Generate, also saying which source each file is generated from.
func generate(root string) (files map[string][]byte, docs Docs, sources map[string]string, err error) {
	checks, err := Load(root)
	if err != nil {
		return nil, nil, nil, err
	}
	vers, err := readVersions(root)
	if err != nil {
		return nil, nil, nil, err
	}
	cat, err := newCatalogIndex(catalog.Tables, checks, vers)
	if err != nil {
		return nil, nil, nil, err
	}
	e := &expander{vers: vers, cat: cat}
	for _, c := range checks {
		if err := e.expandAll(c); err != nil {
			return nil, nil, nil, err
		}
	}
	files = map[string][]byte{"docs/catalog.md": []byte(cat.page())}
	sources = map[string]string{"docs/catalog.md": "package catalog and contract/go.mod"}
	docs = Docs{}
	for _, c := range checks {
		files["docs/checks/"+c.PageName()] = []byte(c.page(cat, checks))
		doc := c.doc(cat, checks)
		src, err := c.goFile(doc)
		if err != nil {
			return nil, nil, nil, err
		}
		files[c.Dir+"/doc.go"] = src
		sources["docs/checks/"+c.PageName()] = c.Dir + "/doc.yml"
		sources[c.Dir+"/doc.go"] = c.Dir + "/doc.yml"
		docs[c.Name] = struct{ Doc, URL string }{doc, c.URL()}
	}
	return files, docs, sources, nil
}

// Stale compares the generated files with those under root: one message per file that differs,
// is missing, or is a check page no doc.yml generates. None means the docs are up to date.
func Stale(root string) ([]string, error) {
	files, _, sources, err := generate(root)
	if err != nil {
		return nil, err
	}
	var msgs []string
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		switch {
		case err != nil:
			msgs = append(msgs, fmt.Sprintf("%s is missing: run go generate ./...", p))
		case !bytes.Equal(got, files[p]):
			msgs = append(msgs, fmt.Sprintf("%s is not what %s generates (%s): edit %s, not the generated file, then run go generate ./...",
				p, sources[p], firstDiff(got, files[p]), sources[p]))
		}
	}
	pages, _ := filepath.Glob(filepath.Join(root, "docs", "checks", "*.md"))
	for _, page := range pages {
		rel := "docs/checks/" + filepath.Base(page)
		if _, ok := files[rel]; !ok {
			msgs = append(msgs, fmt.Sprintf("%s is not generated from any passes/*/doc.yml: write its content in the check's doc.yml and run go generate ./...", rel))
		}
	}
	return msgs, nil
}

// firstDiff says where two versions of a file part: the first line that differs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d is %q, want %q", i+1, clip(gl), clip(wl))
		}
	}
	return "it differs"
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// readVersions reads root/contract/go.mod.
func readVersions(root string) (*Versions, error) {
	mod, err := os.ReadFile(filepath.Join(root, "contract", "go.mod"))
	if err != nil {
		return nil, err
	}
	v, err := ParseGoMod(mod)
	if err != nil {
		return nil, fmt.Errorf("contract/%v", err)
	}
	return v, nil
}
