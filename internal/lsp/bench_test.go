//go:build unix

package lsp

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tenantlint/tenantlint/internal/benchgen"
)

// BenchmarkSaveToDiagnostics measures the time from a didSave to the diagnostics of the saved
// file, the wait an editor user sees, and reports the first analysis (didOpen, build cache and
// file cache warm) as open-s/op, and the processor time of a save (this process and the go
// command it runs) as cpu-s/op, which depends less than wall time on what else the machine runs. By default the file is the last package of a generated module
// of 100 packages (internal/benchgen: its dependency chain runs through all of them); set
// TENANTLINT_LSP_BENCH_FILE to a Go file of a real module to measure that instead. The numbers
// are in docs/performance.md; run with
//
//	go test ./internal/lsp -run '^$' -bench SaveToDiagnostics -benchtime 5x
func BenchmarkSaveToDiagnostics(b *testing.B) {
	file := os.Getenv("TENANTLINT_LSP_BENCH_FILE")
	if file == "" {
		dir := b.TempDir()
		if err := benchgen.Generate(dir, 100); err != nil {
			b.Fatal(err)
		}
		file = filepath.Join(dir, "p0099", "service.go")
	}
	file, _ = filepath.Abs(file)
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	uri := pathToURI(file)
	c := startServer(b)
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	c.notify("initialized", struct{}{})

	start := time.Now()
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: uri, LanguageID: "go", Version: 1, Text: string(text)}})
	c.diagnostics(uri, nil)
	open := time.Since(start)

	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
		c.diagnostics(uri, nil)
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(open.Seconds(), "open-s/op")
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	if err := <-c.served; err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the user and system time of this process and of its waited-for children.
func cpuTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}
