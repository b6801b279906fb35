package checkdoc_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/internal/checkdoc"
	"github.com/tenantlint/tenantlint/passes/all"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

const root = "../.."

// TestGeneratedFilesUpToDate is the drift check: docs/checks/*.md, docs/catalog.md and
// passes/*/doc.go are what the doc.yml files, package catalog and contract/go.mod generate.
func TestGeneratedFilesUpToDate(t *testing.T) {
	msgs, err := checkdoc.Stale(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		t.Error(m)
	}
}

// TestAnalyzersUseMetadata: every analyzer's Doc and URL are the generated ones, and every
// check has metadata.
func TestAnalyzersUseMetadata(t *testing.T) {
	_, docs, err := checkdoc.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	analyzers := map[string]*analysis.Analyzer{"tenantflow": tenantflow.Analyzer, "all": all.Analyzer}
	for _, a := range all.Checks {
		analyzers[a.Name] = a
	}
	for name, a := range analyzers {
		d, ok := docs[name]
		if !ok {
			t.Errorf("analyzer %s: no passes/%s/doc.yml", a.Name, name)
			continue
		}
		if a.Doc != d.Doc {
			t.Errorf("analyzer %s: Doc is not the one generated from its doc.yml (build it with the generated doc constant)", a.Name)
		}
		if a.URL != d.URL {
			t.Errorf("analyzer %s: URL is %s, want %s", a.Name, a.URL, d.URL)
		}
		if name != "all" && a.URL != checkdoc.URL(name) {
			t.Errorf("analyzer %s: URL is %s, want the stable %s", a.Name, a.URL, checkdoc.URL(name))
		}
		if first, _, _ := strings.Cut(a.Doc, "\n"); first == "" || strings.HasSuffix(first, ".") {
			t.Errorf("analyzer %s: Doc's first line %q is not a title", a.Name, first)
		}
	}
	for name := range docs {
		if analyzers[name] == nil {
			t.Errorf("passes/%s/doc.yml documents no analyzer of all.Checks", name)
		}
	}
}

// TestDocIsPackageComment: the analyzer section of each generated package comment is the Doc,
// as x/tools' analyzers extract it from doc.go ("# Analyzer name", then "name: title").
func TestDocIsPackageComment(t *testing.T) {
	files, docs, err := checkdoc.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range docs {
		src := files["passes/"+name+"/doc.go"]
		f, err := parser.ParseFile(token.NewFileSet(), name+"/doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		analyzer := name
		if name == "all" {
			analyzer = "tenantlint"
		}
		_, section, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+analyzer+"\n")
		if !ok {
			t.Errorf("%s/doc.go: no analyzer section", name)
			continue
		}
		section, ok = strings.CutPrefix(strings.TrimSpace(section), analyzer+": ")
		if !ok || strings.TrimSpace(section) != strings.TrimSpace(d.Doc) {
			t.Errorf("%s/doc.go: the analyzer section is not the Doc:\n%s\n---\n%s", name, section, d.Doc)
		}
	}
}

// TestPagesKeepContent: what the check pages held before they were generated is still there.
func TestPagesKeepContent(t *testing.T) {
	files, _, err := checkdoc.Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"docs/checks/cachekey.md":    {"## Known limits", "rueidiscompat/rueidisaside", "| `github.com/redis/go-redis/v9` | v9."},
		"docs/checks/chanscope.md":   {"**melody's `Broadcast(msg)`**", "tenantpubsub.Pattern", "## Before and after"},
		"docs/checks/jobscope.md":    {"**The worker side covers asynq and river handlers**", "| asynq (v0."},
		"docs/checks/storagepath.md": {"**Path traversal inside the tenant's path.**", "With gocloud, bind the bucket once"},
		"docs/checks/sqlscope.md":    {"## Request input from web frameworks", "## Intentional cross-tenant queries", "## Where the tenant comes from", "auth.RequireMember"},
		"docs/checks/directive.md":   {"A bare `//nolint`"},
		"docs/checks/tenantflow.md":  {"internal error analysing"},
		"docs/checks/README.md":      {"| [sqlscope](sqlscope.md) |", "| [tenantflow](tenantflow.md) |"},
		"docs/catalog.md":            {"## KeySinks: cache", "`github.com/redis/go-redis/v9` | v9.", "## SQLSinks", "## Untrusted"},
	}
	for file, subs := range want {
		for _, s := range subs {
			if !strings.Contains(string(files[file]), s) {
				t.Errorf("%s lacks %q", file, s)
			}
		}
	}
}

// TestStaleReportsDrift: in a module of one check, an edited page, a missing doc.go and a page
// without metadata are each reported with the command that fixes them.
func TestStaleReportsDrift(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("contract/go.mod", "module m\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.1.0\n\tgolang.org/x/sys v0.1.0 // indirect\n)\n")
	write("passes/keycheck/doc.yml", `name: keycheck
synopsis: reports keys
title: keys must carry the tenant
rationale: |
  Keys leak. Checked against go-redis {{version "github.com/redis/go-redis/v9"}}.
reports: |
  - a key without the tenant.
before: |
  rdb.Get(ctx, "k")
after: |
  rdb.Get(ctx, tid+":k")
catalog: [KeySinks/cache]
limits: |
  - none known.
`)
	files, docs, err := checkdoc.Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs["keycheck"].Doc, "Checked against go-redis v9.1.0.") {
		t.Errorf("the version was not expanded in Doc:\n%s", docs["keycheck"].Doc)
	}
	for p, b := range files {
		write(p, string(b))
	}
	if msgs, err := checkdoc.Stale(dir); err != nil || len(msgs) != 0 {
		t.Fatalf("freshly generated files are stale: %v %v", msgs, err)
	}
	write("docs/checks/keycheck.md", strings.Replace(string(files["docs/checks/keycheck.md"]), "Keys leak.", "Keys leak a lot.", 1))
	os.Remove(filepath.Join(dir, "passes", "keycheck", "doc.go"))
	write("docs/checks/handwritten.md", "# handwritten\n")
	msgs, err := checkdoc.Stale(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		`docs/checks/keycheck.md is not what passes/keycheck/doc.yml generates (line 7 is "Keys leak a lot. Checked against go-redis v9.1.0.", want "Keys leak. Checked against go-redis v9.1.0."): edit passes/keycheck/doc.yml, not the generated file, then run go generate ./...`,
		"passes/keycheck/doc.go is missing: run go generate ./...",
		"docs/checks/handwritten.md is not generated from any passes/*/doc.yml",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Stale did not say %q; it said:\n%s", want, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ yml, want string }{
		{"name: x\nsynopsis: s\ntitle: t\nrationale: r\nreports: r\nbefore: b\nafter: a\nlimts: typo\n", "field limts not found"},
		{"name: x\nsynopsis: s\ntitle: t\nrationale: r\n", "missing reports, before, after"},
		{"name: x\nsynopsis: s\ntitle: Ends with a period.\nrationale: r\nreports: r\nbefore: b\nafter: a\n", "title must be one line without a final period"},
		{"name: X-y\nsynopsis: s\ntitle: t\nrationale: r\nreports: r\nbefore: b\nafter: a\n", `name "X-y" is not a lower-case word`},
	} {
		_, err := checkdoc.Parse([]byte(tc.yml), "passes/x/doc.yml")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "passes/x/doc.yml") {
			t.Errorf("Parse(%q) = %v, want an error with %q", tc.yml, err, tc.want)
		}
	}
}

func TestUnpinnedVersionIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "contract"), 0o755)
	os.MkdirAll(filepath.Join(dir, "passes", "x"), 0o755)
	os.WriteFile(filepath.Join(dir, "contract", "go.mod"), []byte("module m\n\ngo 1.26.0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "passes", "x", "doc.yml"), []byte("name: x\nsynopsis: s\ntitle: t\nrationale: |\n  Checked against {{version \"example.com/lib\"}}.\nreports: r\nbefore: b\nafter: a\n"), 0o644)
	_, _, err := checkdoc.Generate(dir)
	if err == nil || !strings.Contains(err.Error(), "module example.com/lib is not required by contract/go.mod") {
		t.Errorf("Generate = %v, want an error naming the unpinned module", err)
	}
}
