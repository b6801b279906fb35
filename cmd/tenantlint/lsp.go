package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tenantlint/tenantlint/internal/driver"
	"github.com/tenantlint/tenantlint/internal/lsp"
)

// serveLSP is `tenantlint lsp`: a language server on stdin and stdout (see internal/lsp and
// docs/editors.md). It returns the exit status: 0 after the client's shutdown and exit.
func serveLSP(args []string, stdin io.Reader, stdout *os.File, stderr io.Writer) int {
	var configFile string
	fs := lspFlags(&configFile, stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 1
	}
	if configFile != "" {
		if err := driver.SetConfigFile(configFile); err != nil {
			fmt.Fprintf(stderr, "tenantlint lsp: -config: %v\n", err)
			return 1
		}
	}
	// The protocol owns stdout: anything else printed there (by a library) would corrupt it,
	// so it goes to stderr, the editor's log.
	os.Stdout = os.Stderr
	if err := lsp.Serve(context.Background(), stdin, stdout, lsp.Options{Log: stderr}); err != nil {
		fmt.Fprintf(stderr, "tenantlint lsp: %v\n", err)
		return 1
	}
	return 0
}

// lspFlags is the flag set of `tenantlint lsp`, bound to configFile.
func lspFlags(configFile *string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tenantlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(configFile, "config", "", "use this `file` instead of looking up .tenantlint.yml from each package's directory")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tenantlint lsp [-config file]\n\n"+
			"Serves the Language Server Protocol on stdin and stdout: diagnostics for the package of\n"+
			"each Go file opened or saved, and their fixes as code actions. See docs/editors.md.\n\nflags:\n")
		fs.PrintDefaults()
	}
	return fs
}
