// Package golangci tests tenantlint as a golangci-lint module plugin with a real golangci-lint:
// TestMain builds cmd/golangci-lint (golangci-lint v2 with the plugin blank-imported, as
// `golangci-lint custom` builds it) into the repository's .cache/golangci/, and each test runs
// `golangci-lint run` on a copy of a fixture module in testdata/.
//
// The build is `go build`, which rebuilds only what changed and leaves an up-to-date binary
// alone, so a warm run costs seconds (see docs/performance.md).
package golangci

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/mod/modfile"
	"gopkg.in/yaml.v3"
)

// binary is the golangci-lint built by TestMain.
var binary string

// lintCache is golangci-lint's cache for the whole test run: shared between tests (its keys
// include the binary and the configuration) but not with the user's.
var lintCache string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs("../..")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	binary = filepath.Join(root, ".cache", "golangci", "golangci-lint")
	build := exec.Command("go", "build", "-o", binary, "./cmd/golangci-lint")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building golangci-lint with the plugin: %v\n", err)
		return 1
	}
	if lintCache, err = os.MkdirTemp("", "golangci-lint-cache-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(lintCache)
	return m.Run()
}

// fixture copies testdata/name to a new directory and returns it.
func fixture(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("testdata", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// golangciLint runs the built golangci-lint in dir and returns its exit status and output.
func golangciLint(t *testing.T, dir string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	if len(args) > 0 && args[0] == "run" {
		// golangci-lint refuses to run beside another golangci-lint on the machine (a lock in
		// the temporary directory), which on a shared CI machine is not for the tests to decide.
		args = append([]string{"run", "--allow-parallel-runners"}, args[1:]...)
	}
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+lintCache, "GOWORK=off")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatalf("running golangci-lint: %v", err)
	}
	return status, out.String(), errOut.String()
}

// issue is the part of golangci-lint's JSON output the tests look at.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d: %s (%s)", i.Pos.Filename, i.Pos.Line, i.Text, i.FromLinter)
}

// lint runs golangci-lint run with JSON output and returns the issues, one line each, sorted.
func lint(t *testing.T, dir string, args ...string) (status int, issues []string) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	args = append([]string{"run", "--output.json.path=" + report, "--output.text.path=stderr", "--show-stats=false"}, args...)
	status, _, stderr := golangciLint(t, dir, append(args, "./...")...)
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("golangci-lint wrote no report (exit %d): %v\n%s", status, err, stderr)
	}
	var out struct{ Issues []issue }
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("golangci-lint's JSON report: %v\n%s", err, data)
	}
	for _, i := range out.Issues {
		issues = append(issues, i.String())
	}
	slices.Sort(issues)
	return status, issues
}

// appIssues are the issues golangci-lint reports on testdata/app, with tenantlint's
// settings in .golangci.yml or in a .tenantlint.yml.
var appIssues = []string{
	// //nolint:tenantlint on a scoped query: golangci-lint's nolintlint reports it unused,
	// which it can only do because tenantlint left the directive to golangci-lint.
	"store/store.go:35: directive `//nolint:tenantlint // left from an older query` is unused for linter \"tenantlint\" (nolintlint)",
	// The unscoped query in All. Count's identical query is suppressed by
	// //nolint:tenantlint, Names's by //tenantlint:ignore, Report's by //tenantlint:crosstenant.
	`store/store.go:19: sqlscope: query on tenant table "devices" is not scoped to the active tenant: no WHERE clause (tenantlint)`,
	// //tenantlint:ignore on a scoped query.
	`store/store.go:42: directive: //tenantlint:ignore suppresses nothing: remove it (tenantlint)`,
	// In another package, through the store's facts.
	`web/web.go:14: sqlscope: tenant id comes from request input: r.FormValue reaches Get needs the active tenant in tid (for tenant_id = $1 in the query on tenant table "devices") (tenantlint)`,
}

func sorted(list []string) []string {
	s := slices.Clone(list)
	slices.Sort(s)
	return s
}

func TestFindings(t *testing.T) {
	dir := fixture(t, "app")
	status, issues := lint(t, dir)
	if status != 1 {
		t.Errorf("exit status %d, want 1 (issues found)", status)
	}
	if want := sorted(appIssues); !slices.Equal(issues, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(issues, "\n"), strings.Join(want, "\n"))
	}
}

// TestTenantlintFile: with no settings in .golangci.yml, each package uses its nearest
// .tenantlint.yml, as the standalone command does. Without either, devices is no tenant
// table (the fixture has no schema to infer it from).
func TestTenantlintFile(t *testing.T) {
	dir := fixture(t, "app")
	golangciYML := filepath.Join(dir, ".golangci.yml")
	data, err := os.ReadFile(golangciYML)
	if err != nil {
		t.Fatal(err)
	}
	settings := "        settings:\n          version: 1\n          tables:\n            scoped: [devices]\n"
	if !bytes.Contains(data, []byte(settings)) {
		t.Fatalf("testdata/app/.golangci.yml has no settings block:\n%s", data)
	}
	if err := os.WriteFile(golangciYML, bytes.Replace(data, []byte(settings), nil, 1), 0o644); err != nil {
		t.Fatal(err)
	}

	_, issues := lint(t, dir)
	for _, i := range issues {
		if strings.Contains(i, "sqlscope:") {
			t.Errorf("with no settings and no .tenantlint.yml, devices is not a tenant table, but: %s", i)
		}
	}

	tenantlintYML := "version: 1\ntables:\n  scoped: [devices]\n"
	if err := os.WriteFile(filepath.Join(dir, ".tenantlint.yml"), []byte(tenantlintYML), 0o644); err != nil {
		t.Fatal(err)
	}
	// golangci-lint's cache keys on the Go files and .golangci.yml, not on the files a linter
	// reads besides: after editing .tenantlint.yml (or a schema file) its results are stale
	// until the cache is cleaned (docs/golangci-lint.md says so).
	if status, _, stderr := golangciLint(t, dir, "cache", "clean"); status != 0 {
		t.Fatalf("golangci-lint cache clean: exit %d\n%s", status, stderr)
	}
	if _, issues := lint(t, dir); !slices.Equal(issues, sorted(appIssues)) {
		t.Errorf("with .tenantlint.yml, issues:\n%s\nwant:\n%s", strings.Join(issues, "\n"), strings.Join(sorted(appIssues), "\n"))
	}
}

// TestNolintSuppresses: the same package without its //nolint:tenantlint comments has one
// more sqlscope finding (Count's), and no nolintlint finding.
func TestNolintSuppresses(t *testing.T) {
	dir := fixture(t, "app")
	storeGo := filepath.Join(dir, "store", "store.go")
	src, err := os.ReadFile(storeGo)
	if err != nil {
		t.Fatal(err)
	}
	stripped := strings.ReplaceAll(string(src), " //nolint:tenantlint // billing counts every tenant", "")
	stripped = strings.ReplaceAll(stripped, "//nolint:tenantlint // left from an older query", "// (no directive)")
	if stripped == string(src) || strings.Contains(stripped, "//nolint:tenantlint") {
		t.Fatal("store.go's //nolint comments not found")
	}
	if err := os.WriteFile(storeGo, []byte(stripped), 0o644); err != nil {
		t.Fatal(err)
	}
	_, issues := lint(t, dir)
	var want []string
	for _, i := range appIssues {
		if !strings.HasSuffix(i, "(nolintlint)") {
			want = append(want, i)
		}
	}
	want = append(want, `store/store.go:24: sqlscope: query on tenant table "devices" is not scoped to the active tenant: no WHERE clause (tenantlint)`)
	slices.Sort(want)
	if !slices.Equal(issues, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(issues, "\n"), strings.Join(want, "\n"))
	}
}

// sarif is the part of SARIF 2.1.0 the test checks.
type sarif struct {
	Version string `json:"version"`
	Schema  string `json:"$schema"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name string `json:"name"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIF(t *testing.T) {
	dir := fixture(t, "app")
	out := filepath.Join(t.TempDir(), "tenantlint.sarif")
	status, _, stderr := golangciLint(t, dir, "run", "--output.sarif.path="+out, "--output.text.path=stderr", "./...")
	if status != 1 {
		t.Fatalf("exit status %d, want 1\n%s", status, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF report is not JSON: %v\n%s", err, data)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, data)
	}
	var s sarif
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("SARIF does not parse: %v\n%s", err, data)
	}
	if s.Version != "2.1.0" || len(s.Runs) != 1 || s.Runs[0].Tool.Driver.Name != "golangci-lint" {
		t.Fatalf("want one golangci-lint run of SARIF 2.1.0, got version %q, %d runs", s.Version, len(s.Runs))
	}
	var got []string
	for _, r := range s.Runs[0].Results {
		if len(r.Locations) != 1 {
			t.Errorf("result %q has %d locations, want 1", r.Message.Text, len(r.Locations))
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.Region.StartColumn < 1 || r.Level == "" {
			t.Errorf("result %q: column %d, level %q", r.Message.Text, loc.Region.StartColumn, r.Level)
		}
		got = append(got, fmt.Sprintf("%s:%d: %s (%s)", loc.ArtifactLocation.URI, loc.Region.StartLine, r.Message.Text, r.RuleID))
	}
	slices.Sort(got)
	if want := sorted(appIssues); !slices.Equal(got, want) {
		t.Errorf("SARIF results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The SARIF 2.1.0 schema (OASIS errata01), as sarifschema/ validates tenantlint's own SARIF
// with it: not committed, taken from a module on the proxy that ships it, pinned by SHA-256.
const (
	schemaModule = "github.com/securego/gosec/v2@v2.30.0"
	schemaPath   = "report/sarif/testdata/sarif-schema-2.1.0.json"
	schemaSHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
	schemaID     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", schemaModule)
	cmd.Dir = t.TempDir() // outside any module: nothing to update
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v\n%s", schemaModule, err, out)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download %s: %v\n%s", schemaModule, err, out)
	}
	data, err := os.ReadFile(filepath.Join(mod.Dir, filepath.FromSlash(schemaPath)))
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != schemaSHA256 {
		t.Fatalf("%s in %s has SHA-256 %x, want %s", schemaPath, schemaModule, sum, schemaSHA256)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(schemaID)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// TestFix: --fix applies tenantlint's suggested fix, removing the unused //tenantlint:ignore
// with its line, and nothing else.
func TestFix(t *testing.T) {
	dir := fixture(t, "app")
	storeGo := filepath.Join(dir, "store", "store.go")
	before, err := os.ReadFile(storeGo)
	if err != nil {
		t.Fatal(err)
	}
	// Only tenantlint, so that nolintlint's own fix (it removes the unused //nolint) stays out.
	status, issues := lint(t, dir, "--enable-only=tenantlint", "--fix")
	if status != 1 {
		t.Errorf("exit status %d, want 1 (the unfixable findings remain)", status)
	}
	after, err := os.ReadFile(storeGo)
	if err != nil {
		t.Fatal(err)
	}
	const stale = "\t//tenantlint:ignore sqlscope left from an older query\n"
	want := strings.Replace(string(before), stale, "", 1)
	if want == string(before) {
		t.Fatal("the fixture has no unused //tenantlint:ignore")
	}
	if string(after) != want {
		t.Errorf("store.go after --fix:\n%s\nwant:\n%s", after, want)
	}
	for _, i := range issues {
		if strings.Contains(i, "suppresses nothing") {
			t.Errorf("fixed issue still reported: %s", i)
		}
	}
	if len(issues) != 2 {
		t.Errorf("after --fix, issues:\n%s\nwant the two sqlscope findings", strings.Join(issues, "\n"))
	}
}

// TestUnknownSetting: the settings are validated as .tenantlint.yml is, and a misspelt key
// stops golangci-lint with the key named.
func TestUnknownSetting(t *testing.T) {
	dir := fixture(t, "app")
	golangciYML := filepath.Join(dir, ".golangci.yml")
	data, err := os.ReadFile(golangciYML)
	if err != nil {
		t.Fatal(err)
	}
	const scoped = "            scoped: [devices]\n"
	bad := bytes.Replace(data, []byte(scoped), []byte(scoped+"          tenant:\n            colums: [org_id]\n"), 1)
	if bytes.Equal(bad, data) {
		t.Fatal("testdata/app/.golangci.yml has no tables.scoped setting")
	}
	if err := os.WriteFile(golangciYML, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := golangciLint(t, dir, "run", "./...")
	if status != 3 {
		t.Errorf("exit status %d, want 3 (failure)", status)
	}
	const want = "linters.settings.custom.tenantlint.settings): tenant.colums: unknown key (valid keys: columns, "
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to contain %q", stderr, want)
	}
}

// TestExampleConfig: .golangci.example.yml, copied as .golangci.yml, is a valid golangci-lint
// v2 configuration that runs tenantlint (with the standard linters, which have nothing to say
// about the fixture) and infers the tenant tables from the module's schema.
func TestExampleConfig(t *testing.T) {
	dir := fixture(t, "app")
	example, err := os.ReadFile(filepath.Join("..", "..", ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), example, 0o644); err != nil {
		t.Fatal(err)
	}
	schema := "CREATE TABLE devices (id bigint PRIMARY KEY, tenant_id text NOT NULL, name text);\n"
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(schema), 0o644); err != nil {
		t.Fatal(err)
	}
	status, issues := lint(t, dir)
	if status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	if want := sorted(appIssues); !slices.Equal(issues, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(issues, "\n"), strings.Join(want, "\n"))
	}

	// The example has no settings: the module's .tenantlint.yml is what configures tenantlint
	// (here it turns the directive check off, which hides store.go:42).
	tl := "version: 1\ntables:\n  scoped: [devices]\nchecks:\n  disable: [directive]\n"
	if err := os.WriteFile(filepath.Join(dir, ".tenantlint.yml"), []byte(tl), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "schema.sql")); err != nil {
		t.Fatal(err)
	}
	// golangci-lint's cache is keyed on Go files, not on .tenantlint.yml (docs/golangci-lint.md).
	if status, _, errOut := golangciLint(t, dir, "cache", "clean"); status != 0 {
		t.Fatalf("golangci-lint cache clean: exit %d\n%s", status, errOut)
	}
	status, issues = lint(t, dir)
	want := slices.DeleteFunc(sorted(appIssues), func(s string) bool { return strings.Contains(s, "directive: //tenantlint:ignore") })
	if status != 1 || !slices.Equal(issues, want) {
		t.Errorf("with the module's .tenantlint.yml: status %d, issues:\n%s\nwant:\n%s", status, strings.Join(issues, "\n"), strings.Join(want, "\n"))
	}
}

// TestCustomGCL: the root's .custom-gcl.yml, for users' `golangci-lint custom`, builds what
// cmd/golangci-lint is built from here: the same golangci-lint version and plugin import.
func TestCustomGCL(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var custom struct {
		Version string
		Plugins []struct{ Module, Import, Version, Path string }
	}
	if err := yaml.Unmarshal(data, &custom); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax("go.mod", gomod, nil)
	if err != nil {
		t.Fatal(err)
	}
	var golangciVersion string
	for _, r := range mf.Require {
		if r.Mod.Path == "github.com/golangci/golangci-lint/v2" {
			golangciVersion = r.Mod.Version
		}
	}
	if custom.Version != golangciVersion {
		t.Errorf(".custom-gcl.yml builds golangci-lint %s, the tests %s", custom.Version, golangciVersion)
	}
	plugins, err := os.ReadFile(filepath.Join("cmd", "golangci-lint", "plugins.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(custom.Plugins) != 1 {
		t.Fatalf(".custom-gcl.yml has %d plugins, want tenantlint's", len(custom.Plugins))
	}
	p := custom.Plugins[0]
	if p.Module != "github.com/tenantlint/tenantlint" || (p.Version == "") == (p.Path == "") {
		t.Errorf(".custom-gcl.yml's plugin: %+v", p)
	}
	if !strings.Contains(string(plugins), `_ "`+p.Import+`"`) {
		t.Errorf("cmd/golangci-lint/plugins.go does not import %q, the plugin .custom-gcl.yml names", p.Import)
	}
}
