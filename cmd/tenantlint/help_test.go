package main

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/internal/checkdoc"
)

// builtVersion is the main module's version the go command stamped into bin, as `go version -m`
// prints it: what `tenantlint version` must print.
func builtVersion(t *testing.T, bin string) string {
	t.Helper()
	out, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\tmod\t\S+\t(\S+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no mod line in go version -m:\n%s", out)
	}
	return m[1]
}

func TestVersion(t *testing.T) {
	bin := tenantlint(t)
	want := "tenantlint " + builtVersion(t, bin) + "\n"
	for _, args := range [][]string{{"version"}, {"-version"}, {"-version", "./..."}} {
		out, errOut, code := runIn(t, ".", bin, args...)
		if code != 0 || out != want || errOut != "" {
			t.Errorf("tenantlint %s: exit %d, stdout %q (want %q), stderr %q", strings.Join(args, " "), code, out, want, errOut)
		}
	}
	if _, _, code := runIn(t, ".", bin, "version", "extra"); code != 1 {
		t.Errorf("tenantlint version extra: exit %d, want 1", code)
	}

	// SARIF's tool.driver.version is the same version.
	dir := copyModule(t, "sarifapp")
	out, errOut, _ := runIn(t, dir, bin, "-format=sarif", "./store")
	var doc sarifDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("SARIF: %v\n%s%s", err, out, errOut)
	}
	if got := doc.Runs[0].Tool.Driver.Version; "tenantlint "+got+"\n" != want {
		t.Errorf("SARIF tool.driver.version %q, want the version of %q", got, want)
	}
}

func TestHelp(t *testing.T) {
	bin := tenantlint(t)
	out, _, code := runIn(t, ".", bin, "help")
	if code != 0 {
		t.Errorf("tenantlint help: exit %d", code)
	}
	for _, a := range analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		if !strings.Contains(out, "  "+a.Name+" ") || !strings.Contains(out, title) {
			t.Errorf("tenantlint help does not list %s (%s):\n%s", a.Name, title, out)
		}
	}
	for _, name := range []string{"sqlscope", "cachekey", "jobscope", "chanscope", "storagepath", "directive"} {
		a := check(name)
		if a == nil {
			t.Errorf("no check %s", name)
			continue
		}
		out, errOut, code := runIn(t, ".", bin, "help", name)
		want := name + ": " + strings.TrimRight(a.Doc, "\n") + "\n\nDocumentation: " + checkdoc.URL(name) + "\n"
		if code != 0 || out != want {
			t.Errorf("tenantlint help %s: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", name, code, errOut, out, want)
		}
	}
	_, errOut, code := runIn(t, ".", bin, "help", "rawsql")
	if code != 1 || !strings.Contains(errOut, `no check "rawsql"`) || !strings.Contains(errOut, "sqlscope, cachekey") {
		t.Errorf("tenantlint help rawsql: exit %d, stderr %q", code, errOut)
	}
}

// TestUsage: -h lists the flags, the checks and the exit statuses, and exits 0.
func TestUsage(t *testing.T) {
	bin := tenantlint(t)
	_, errOut, code := runIn(t, ".", bin, "-h")
	if code != 0 {
		t.Errorf("-h: exit %d", code)
	}
	for _, want := range []string{
		"  -format format\n", "  -version\n", "tenantlint help [check]\n", "  jobscope     jobs must carry",
		"exit status:\n  0  no findings\n  3  findings reported\n  1  errors:",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("-h lacks %q:\n%s", want, errOut)
		}
	}
	if _, _, code := runIn(t, ".", bin, "-nosuchflag", "./..."); code != 1 {
		t.Errorf("unknown flag: exit %d, want 1", code)
	}
}

// TestCheckNames: the names checks.disable accepts are the checks the command runs.
func TestCheckNames(t *testing.T) {
	if got := strings.Join(checkNames(), " "); got != strings.Join(config.CheckNames, " ") {
		t.Errorf("the command runs %s; config.CheckNames is %s", got, strings.Join(config.CheckNames, " "))
	}
}
