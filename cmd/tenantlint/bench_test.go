package main

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/internal/benchgen"
)

// BenchmarkLint runs the whole command in process on generated modules of 10, 100 and 1000
// packages. The numbers (and scripts/bench.sh's wall time and peak memory of the binary) are
// recorded in docs/performance.md; run with
//
//	go test ./cmd/tenantlint -run '^$' -bench Lint -benchtime 1x -benchmem
func BenchmarkLint(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := benchgen.Generate(dir, n); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				code := lint(options{dir: dir}, []string{"./..."}, io.Discard, io.Discard)
				if code != 3 {
					b.Fatalf("exit %d, want 3", code)
				}
			}
		})
	}
}

// TestGeneratedModule checks the benchmark's module is what it claims: the expected findings,
// no more, so the benchmark measures a realistic run and not an error path.
func TestGeneratedModule(t *testing.T) {
	dir := t.TempDir()
	if err := benchgen.Generate(dir, 25); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIn(t, dir, tenantlint(t), "./...")
	if code != 3 {
		t.Fatalf("exit %d; stderr: %s", code, errOut)
	}
	// Unscoped queries in p0000, p0010, p0020; a constant tenant passed down in p0020.
	for _, want := range []string{
		"p0000/store.go:34:9: sqlscope: query on tenant table \"devices\" is not scoped",
		"p0010/store.go:34:9: sqlscope: query on tenant table \"devices\" is not scoped",
		"p0020/store.go:34:9: sqlscope: query on tenant table \"devices\" is not scoped",
		"p0020/service.go:20:2: sqlscope: Handle needs the active tenant in tid",
	} {
		if !contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if n := countLines(out, ": sqlscope: "); n != 4 {
		t.Errorf("got %d findings, want 4:\n%s", n, out)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func countLines(s, sub string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			n++
		}
	}
	return n
}
