package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestDeterministic: the same tree gives byte-identical output in every format, run after run,
// whatever the scheduling (the second run of each pair has one P, the first all of them), and
// text findings come in position order.
func TestDeterministic(t *testing.T) {
	bin := tenantlint(t)
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil { // the SARIF root
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "app")
	copyModuleTo(t, "sarifapp", dir)
	run := func(procs string, args ...string) []byte {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Fatalf("tenantlint %s: %v, want exit 3 (findings); stderr:\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return stdout.Bytes()
	}
	for _, format := range [][]string{{}, {"-json"}, {"-format=sarif"}} {
		args := append(format, "./...")
		first := run("2", args...)
		second := run("1", args...)
		if len(first) == 0 {
			t.Errorf("tenantlint %s: no output", strings.Join(args, " "))
		}
		if !bytes.Equal(first, second) {
			t.Errorf("tenantlint %s: two runs differ:\n%s\n---\n%s", strings.Join(args, " "), first, second)
		}
		if len(format) == 0 {
			checkSorted(t, string(first))
		}
	}
}

// checkSorted checks that the findings of text output (the lines not indented) are in file,
// line, column order.
func checkSorted(t *testing.T, out string) {
	t.Helper()
	type pos struct {
		file      string
		line, col int
	}
	var ps []pos
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, "\t") {
			continue
		}
		f := strings.SplitN(l, ":", 4)
		if len(f) < 4 {
			t.Fatalf("not file:line:col: %q", l)
		}
		line, err1 := strconv.Atoi(f[1])
		col, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("not file:line:col: %q", l)
		}
		ps = append(ps, pos{f[0], line, col})
	}
	if len(ps) < 2 {
		t.Fatalf("want several findings to compare, got %d:\n%s", len(ps), out)
	}
	if !sort.SliceIsSorted(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	}) {
		t.Errorf("findings not in position order:\n%s", out)
	}
}
