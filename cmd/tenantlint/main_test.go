package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// tenantlint builds the command once per test binary.
func tenantlint(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tenantlint-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "tenantlint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// copyModule copies a fixture module to a temp dir, so -fix can write to it.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	copyModuleTo(t, name, dst)
	return dst
}

func copyModuleTo(t *testing.T, name, dst string) {
	t.Helper()
	src, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", name))
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func runIn(t *testing.T, dir string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

func TestTextOutputAndExitCodes(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "app")
	out, errOut, code := runIn(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3 (findings); stderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	for _, want := range []string{
		"store/store.go:18:9: sqlscope: query on tenant table \"devices\" is not scoped to the active tenant: no WHERE clause\n",
		"store/store.go:22:2: sqlscope: tenant id comes from request input: r.FormValue reaches Get needs the active tenant in tid",
		// The explanation: where the request input comes from, the call, and the query.
		"\tstore/store.go:22:21: r.FormValue returns request input\n",
		"\tstore/store.go:22:2: calls Get with request input (r.FormValue) as tid\n",
		"\tstore/store.go:14:9: query on tenant table \"devices\" binds $1 to parameter tid\n",
		"store/store.go:26:2: directive: //nolint:tenantlint suppresses nothing: remove it\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q; got:\n%s", want, out)
		}
	}

	_, _, code = runIn(t, dir, bin, "./clean")
	if code != 0 {
		t.Errorf("clean package: exit %d, want 0", code)
	}

	// -checks selects checks as staticcheck does.
	out, _, code = runIn(t, dir, bin, "-checks=all,-sqlscope", "./...")
	if code != 3 || strings.Contains(out, "sqlscope:") || !strings.Contains(out, "directive: //nolint:tenantlint suppresses nothing") {
		t.Errorf("-checks=all,-sqlscope: exit %d, output:\n%s", code, out)
	}
	out, _, code = runIn(t, dir, bin, "-checks=directive,-directive,sqlscope", "./...")
	if code != 3 || strings.Contains(out, "directive:") || !strings.Contains(out, "sqlscope:") {
		t.Errorf("-checks=directive,-directive,sqlscope: exit %d, output:\n%s", code, out)
	}
	_, errOut, code = runIn(t, dir, bin, "-checks=all,-rawsql", "./...")
	if code != 1 || !strings.Contains(errOut, `tenantlint: -checks: no check "-rawsql" (the checks are all, sqlscope, cachekey,`) {
		t.Errorf("-checks with an unknown check: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestJSON(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "app")
	out, errOut, code := runIn(t, dir, bin, "-json", "./store")
	if code != 3 {
		t.Fatalf("exit %d, want 3; stderr: %s", code, errOut)
	}
	// The x/tools analysis JSON format: package ID -> analyzer -> list of diagnostics.
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
		Related []struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	diags := tree["example.com/app/store"]["sqlscope"]
	if len(diags) != 2 {
		t.Fatalf("got %d sqlscope diagnostics, want 2: %s", len(diags), out)
	}
	if !strings.HasSuffix(diags[0].Posn, "store/store.go:18:9") || len(diags[1].Related) == 0 {
		t.Errorf("unexpected diagnostics: %+v", diags)
	}
	if len(tree["example.com/app/store"]["directive"]) != 1 {
		t.Errorf("want one directive diagnostic: %s", out)
	}
}

func TestFixAndDiff(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "app")
	out, errOut, _ := runIn(t, dir, bin, "-diff", "./store")
	if !strings.Contains(out, "-\t//nolint:tenantlint // users is not a tenant table\n") {
		t.Errorf("-diff does not remove the unused directive:\n%s", out)
	}
	if errOut != "tenantlint: would fix store/store.go (1 edit)\n" {
		t.Errorf("-diff stderr %q, want the file it would change", errOut)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "store", "store.go"))
	if !bytes.Contains(before, []byte("//nolint:tenantlint")) {
		t.Fatal("-diff changed the file")
	}
	out, errOut, code := runIn(t, dir, bin, "-fix", "./store")
	if code != 3 {
		t.Errorf("-fix: exit %d, want 3 (the unfixable findings remain)", code)
	}
	if errOut != "tenantlint: fixed store/store.go (1 edit)\n" {
		t.Errorf("-fix stderr %q, want the file it changed", errOut)
	}
	if !strings.Contains(out, "store/store.go:18:9: sqlscope: ") || strings.Contains(out, "directive:") {
		t.Errorf("-fix prints the findings left, not the fixed one:\n%s", out)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "store", "store.go"))
	if bytes.Contains(after, []byte("//nolint:tenantlint")) {
		t.Errorf("-fix did not remove the directive:\n%s", after)
	}
	out, _, _ = runIn(t, dir, bin, "./store")
	if strings.Contains(out, "directive:") {
		t.Errorf("after -fix the directive is still reported:\n%s", out)
	}

	// Nothing left to fix: -diff and -fix say so and print the findings a plain run prints.
	for _, flag := range []string{"-diff", "-fix"} {
		got, errOut, code := runIn(t, dir, bin, flag, "./store")
		if code != 3 || got != out || errOut != "tenantlint: nothing to fix: no finding has a certain fix\n" {
			t.Errorf("%s with nothing to fix: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", flag, code, errOut, got, out)
		}
	}
	after2, _ := os.ReadFile(filepath.Join(dir, "store", "store.go"))
	if !bytes.Equal(after, after2) {
		t.Errorf("-fix with nothing to fix changed the file")
	}
}

func TestBadConfig(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "badconfig")
	_, errOut, code := runIn(t, dir, bin, "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, ".tenantlint.yml:3: tenant.colums: unknown key") {
		t.Errorf("error does not name the file, line and key:\n%s", errOut)
	}
	// One message, nothing else: not one line per package and check that needed the config.
	if n := strings.Count(strings.TrimSpace(errOut), "\n"); n != 0 || strings.Contains(errOut, "prerequisites") {
		t.Errorf("a bad configuration printed %d more lines:\n%s", n, errOut)
	}
	_, errOut, code = runIn(t, dir, bin, "-config", ".tenantlint.yml", "./...")
	if code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "tenant.colums: unknown key") {
		t.Errorf("-config with a bad file: exit %d, output:\n%s", code, errOut)
	}
}

// TestPartialResults: a package that does not load (an import no module provides) is named
// with its error once, and so is its importer that could not be analysed, while the packages
// that loaded are analysed and their findings printed; the run exits 1. SARIF carries the
// errors as notifications of an invocation that did not succeed.
func TestPartialResults(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "partial")
	out, errOut, code := runIn(t, dir, bin, "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "store/store.go:10:9: sqlscope: query on tenant table \"devices\" is not scoped") {
		t.Errorf("the finding of the package that loaded is missing:\n%s", out)
	}
	if n := strings.Count(errOut, "example.com/missing/lib"); n != 2 || !strings.Contains(errOut, "no required module provides package example.com/missing/lib; to add it:\n\tgo get example.com/missing/lib\n") {
		t.Errorf("the load error is printed %d times, want once:\n%s", n, errOut)
	}
	if !strings.Contains(errOut, "2 packages not analysed (errors above): example.com/partial/broken, example.com/partial/uses") {
		t.Errorf("the packages not analysed are not named:\n%s", errOut)
	}
	if strings.Contains(errOut, "prerequisites") {
		t.Errorf("consequential errors printed:\n%s", errOut)
	}

	// -v lists the functions with findings that nothing could give a tenant (store.All has a
	// context: it is not listed).
	_, errOut, _ = runIn(t, dir, bin, "-v", "./store", "./maint")
	if !strings.Contains(errOut, "tenantlint: 1 function with findings and no tenant in reach") ||
		!strings.Contains(errOut, "  maint/maint.go:6:6: example.com/partial/maint.Sweep\n") || strings.Contains(errOut, "store.All") {
		t.Errorf("-v does not list the function out of reach:\n%s", errOut)
	}

	out, _, code = runIn(t, dir, bin, "-format=sarif", "./...")
	if code != 1 {
		t.Errorf("sarif: exit %d, want 1", code)
	}
	var log struct {
		Runs []struct {
			Results     []json.RawMessage
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("sarif: %v\n%s", err, out)
	}
	inv := log.Runs[0].Invocations[0]
	if len(log.Runs[0].Results) != 2 || inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "example.com/missing/lib") {
		t.Errorf("sarif: %d results, invocation %+v", len(log.Runs[0].Results), inv)
	}
}

// TestGoVet drives the command as go vet's -vettool: exactly the unsuppressed findings, with
// their explanation, and go vet's exit status 1; suppressions honoured (exit 0 when all of a
// package's findings are suppressed); and go vet -json carrying the explanation and the fixes.
func TestGoVet(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "sarifapp")
	_, errOut, code := runIn(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code != 1 {
		t.Fatalf("go vet exit %d, want 1 (findings); stderr:\n%s", code, errOut)
	}
	var findings, explanation []string
	for _, l := range strings.Split(strings.TrimSpace(errOut), "\n") {
		switch {
		case strings.HasPrefix(l, "#"):
		case strings.Contains(l, ": \t"):
			explanation = append(explanation, l)
		default:
			findings = append(findings, l)
		}
	}
	sort.Strings(findings)
	want := []string{
		`store/store.go:18:9: query on tenant table "devices" is not scoped to the active tenant: no WHERE clause`,
		`store/store.go:22:2: tenant id comes from request input: r.FormValue reaches Get needs the active tenant in tid (for tenant_id = $1 in the query on tenant table "devices")`,
		`store/store.go:36:2: //nolint:tenantlint suppresses nothing: remove it`,
		`store/store.go:40:48: query on tenant table "devices" is not scoped to the active tenant: no WHERE clause`,
	}
	// Not reported: store.go:27 (//tenantlint:ignore sqlscope), store.go:32 (//nolint:tenantlint)
	// and quiet/quiet.go (an ignore directive at the end of the line).
	if strings.Join(findings, "\n") != strings.Join(want, "\n") {
		t.Errorf("go vet findings:\n%s\nwant:\n%s", strings.Join(findings, "\n"), strings.Join(want, "\n"))
	}
	for _, step := range []string{
		"store/store.go:22:21: \tr.FormValue returns request input",
		"store/store.go:22:2: \tcalls Get with request input (r.FormValue) as tid",
		"store/store.go:14:9: \tquery on tenant table \"devices\" binds $1 to parameter tid",
	} {
		if !slices.Contains(explanation, step) {
			t.Errorf("go vet output lacks the explanation step %q:\n%s", step, errOut)
		}
	}

	out, errOut, code := runIn(t, dir, "go", "vet", "-vettool="+bin, "./quiet")
	if code != 0 || strings.TrimSpace(out+errOut) != "" {
		t.Errorf("go vet on a package whose only finding is suppressed: exit %d, output:\n%s%s", code, out, errOut)
	}

	// -tenantlintconfig.settings carries the configuration itself, as a driver that reads no
	// files (nogo) passes it: it replaces the module's .tenantlint.yml, here by excluding the
	// package, and a bad value is one error naming the key.
	out, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, `-tenantlintconfig.settings={"version": 1, "exclude": ["example.com/sarifapp/store"]}`, "./store")
	if code != 0 || strings.TrimSpace(out+errOut) != "" {
		t.Errorf("go vet -tenantlintconfig.settings excluding the package: exit %d, output:\n%s%s", code, out, errOut)
	}
	_, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, `-tenantlintconfig.settings={"version": 1, "dialect": "oracle"}`, "./store")
	if code == 0 || !strings.Contains(errOut, `tenantlint settings:1: dialect: "oracle" is not one of postgres, mysql`) {
		t.Errorf("go vet with bad settings: exit %d, stderr:\n%s", code, errOut)
	}

	// -json: go vet exits 0 and prints the analysis JSON tree.
	out, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, "-json", "./store")
	if code != 0 {
		t.Fatalf("go vet -json: exit %d, want 0\n%s", code, errOut)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Related []struct {
			Posn string `json:"posn"`
		} `json:"related"`
		SuggestedFixes []struct {
			Message string `json:"message"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("go vet -json: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	sql, dirs := tree["example.com/sarifapp/store"]["sqlscope"], tree["example.com/sarifapp/store"]["directive"]
	if len(sql) != 3 || len(sql[1].Related) != 3 || !strings.HasSuffix(sql[1].Related[2].Posn, "store/store.go:14:9") {
		t.Errorf("go vet -json sqlscope: %+v", sql)
	}
	if len(dirs) != 1 || len(dirs[0].SuggestedFixes) != 1 || dirs[0].SuggestedFixes[0].Message != "Remove the directive" {
		t.Errorf("go vet -json directive: %+v", dirs)
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// TestExamples is the README's main command: the correct example is clean, and every bug of the
// broken twin (one per sink family, each marked BUG(tenantlint)) is reported: by a finding or by
// the explanation of one pointing at the marked line, where the key or query is put together.
func TestExamples(t *testing.T) {
	bin := tenantlint(t)
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	out, errOut, code := runIn(t, root, bin, "./examples/...")
	if code != 3 {
		t.Fatalf("exit %d, want 3; stderr:\n%s", code, errOut)
	}
	if strings.Contains(out, "examples/notes/") {
		t.Errorf("findings in the correct example:\n%s", out)
	}
	src, err := os.ReadFile(filepath.Join(root, "examples", "notes-broken", "notes.go"))
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]string{ // marker family -> the check that must report it
		"cache": "cachekey", "job": "jobscope", "pubsub": "chanscope", "sql": "sqlscope",
		"storage": "storagepath", "tenant-source": "sqlscope",
	}
	found := map[string]bool{}
	for i, l := range strings.Split(string(src), "\n") {
		_, marker, ok := strings.Cut(l, "BUG(tenantlint): ")
		if !ok {
			continue
		}
		family, _, _ := strings.Cut(marker, ":")
		check, ok := checks[family]
		if !ok {
			t.Errorf("line %d: unknown family in marker %q", i+1, marker)
			continue
		}
		found[family] = true
		line := i + 1
		if family == "tenant-source" {
			line++ // reported where the request input is used, the line below
		}
		if !reportedAt(out, check, "examples/notes-broken/notes.go:"+itoa(line)+":") {
			t.Errorf("line %d (%s): no %s finding there or explaining it in:\n%s", i+1, family, check, out)
		}
	}
	if len(found) != len(checks) {
		t.Errorf("markers for %v, want one for each of %v", found, checks)
	}
}

// reportedAt reports whether a finding of check is at loc, or has an explanation line at loc.
func reportedAt(out, check, loc string) bool {
	var inCheck bool
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "\t") {
			inCheck = strings.Contains(l, ": "+check+": ")
			if inCheck && strings.HasPrefix(l, loc) {
				return true
			}
			continue
		}
		if inCheck && strings.HasPrefix(strings.TrimSpace(l), loc) {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestOddCode: a cgo package (its files are rewritten into the build cache or the go command's
// work directory), a file behind a build tag, and generics, under both drivers.
func TestOddCode(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "odd")
	out, errOut, code := runIn(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3; stderr:\n%s", code, errOut)
	}
	for _, want := range []string{
		"c/c.go:14:2: sqlscope: query on tenant table \"devices\" is not scoped",
		"g/g.go:16:2: sqlscope: Get needs the active tenant in tid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	_, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 || !strings.Contains(errOut, "c/c.go:14:2: query on tenant table \"devices\" is not scoped") {
		t.Errorf("go vet: exit %d\n%s", code, errOut)
	}
}

// TestInterfaceDrivers: what each driver sees of a requirement behind an interface
// (testdata/mod/ifaces, services that call their repositories only through interfaces). The
// standalone command sees the whole program and reports the callers; go vet analyses one
// package at a time and cannot, until the requirement is declared in requires:, and then it
// reports the callers of the declared method.
func TestInterfaceDrivers(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "ifaces")
	lines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "\t") && !strings.Contains(l, ": \t") {
				out = append(out, l[:strings.Index(l, ": ")])
			}
		}
		sort.Strings(out)
		return out
	}
	out, errOut, code := runIn(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("tenantlint: exit %d, want 3 (findings)\n%s%s", code, out, errOut)
	}
	// flow.go:57 twice: two hooks' fields through flow.Hook, whose parameter is an interface.
	want := []string{"flow/flow.go:57:9", "flow/flow.go:57:9", "service/service.go:20:9", "service/service.go:24:9", "service/service.go:32:9", "service/service.go:53:9"}
	if got := lines(out); !slices.Equal(got, want) {
		t.Errorf("tenantlint findings at %v, want %v\n%s", got, want, out)
	}
	// -v names the runs: the first, then one that knows the store interfaces' methods and one
	// more for the service interface's methods that call them (two hops need two extra runs).
	_, errOut, _ = runIn(t, dir, bin, "-v", "./...")
	if !strings.Contains(errOut, "tenantlint: analysis: ") ||
		strings.Count(errOut, "tenantlint: analysis again, with the requirements of ") < 2 {
		t.Errorf("tenantlint -v does not name the first run and two interface runs:\n%s", errOut)
	}

	_, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code != 0 {
		t.Errorf("go vet without requires: exit %d, want 0 (it cannot see the implementations)\n%s", code, errOut)
	}

	cfg := filepath.Join(dir, ".tenantlint.yml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	decl := "requires:\n  - func: \"(example.com/ifaces/store.Store).ProjectName\"\n    arg: 1\n"
	if err := os.WriteFile(cfg, append(data, decl...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runIn(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code != 1 {
		t.Fatalf("go vet with requires: exit %d, want 1\n%s", code, errOut)
	}
	// store.Namer is not declared, so its caller (line 32) stays unreported under go vet.
	want = []string{"service/service.go:20:9", "service/service.go:24:9", "service/service.go:53:9"}
	if got := lines(errOut); !slices.Equal(got, want) {
		t.Errorf("go vet findings at %v, want %v\n%s", got, want, errOut)
	}
}

// TestDebugTiming: -debug=timing says where the time went, on stderr, without changing the
// findings on stdout or the exit status: the load, the run, every analyzer that ran, how many
// root packages the engine analysed, and the slowest packages (the engine's SSA and solving
// time for the root packages it analysed). The durations themselves are not asserted.
func TestDebugTiming(t *testing.T) {
	bin := tenantlint(t)
	dir := copyModule(t, "sarifapp")
	plainOut, _, plainCode := runIn(t, dir, bin, "./...")
	out, errOut, code := runIn(t, dir, bin, "-debug=timing", "./...")
	if out != plainOut || code != plainCode {
		t.Errorf("-debug=timing changed the run: exit %d (want %d), stdout:\n%s\nwant:\n%s", code, plainCode, out, plainOut)
	}
	for _, re := range []string{
		`(?m)^tenantlint: timing: load \d+\.\ds \(2 root packages\)$`,
		`(?m)^tenantlint: timing: analysis \d+\.\ds$`,
		`(?m)^tenantlint: timing: tenantflow +\d+\.\d\ds in \d+ packages$`,
		`(?m)^tenantlint: timing: sqlscope +\d+\.\d\ds in 2 packages$`,
		`(?m)^tenantlint: timing: engine on the root packages: 2 analysed, 0 skipped \(nothing relevant\); SSA \d+\.\d\ds, solve \d+\.\d\ds$`,
		`(?m)^tenantlint: timing: slow: +\d+\.\d\ds example\.com/sarifapp/store \(SSA \d+\.\d\ds, solve \d+\.\d\ds\)$`,
	} {
		if !regexp.MustCompile(re).MatchString(errOut) {
			t.Errorf("-debug=timing output lacks %s:\n%s", re, errOut)
		}
	}
	if n := strings.Count(errOut, "timing: slow:"); n == 0 || n > 10 {
		t.Errorf("%d slow packages listed, want 1 to 10", n)
	}
	_, errOut, code = runIn(t, dir, bin, "-debug=timng", "./...")
	if code != exitError || !strings.Contains(errOut, `unknown debug output "timng" (known: timing)`) {
		t.Errorf("-debug=timng: exit %d, stderr:\n%s", code, errOut)
	}
}
