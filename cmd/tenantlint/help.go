package main

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/internal/checkdoc"
	"github.com/tenantlint/tenantlint/internal/version"
)

// printVersion is `tenantlint version` and `tenantlint -version`.
func printVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "usage: tenantlint version\n")
		return exitError
	}
	fmt.Fprintf(stdout, "tenantlint %s\n", version.String())
	return exitClean
}

// help is `tenantlint help`, the checks with their titles, and `tenantlint help CHECK`, the
// check's documentation (its analyzer's Doc, generated from its doc.yml) and its page: what
// staticcheck's -explain prints.
func help(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprintf(stdout, "usage: tenantlint [flags] packages (tenantlint -h for the flags)\n\nchecks:\n")
		printChecks(stdout)
		fmt.Fprintf(stdout, "\ntenantlint help CHECK prints a check's documentation.\n")
		return exitClean
	case 1:
		a := check(args[0])
		if a == nil {
			fmt.Fprintf(stderr, "tenantlint help: no check %q; the checks are %s\n", args[0], strings.Join(checkNames(), ", "))
			return exitError
		}
		fmt.Fprintf(stdout, "%s: %s\n", a.Name, strings.TrimRight(a.Doc, "\n"))
		fmt.Fprintf(stdout, "\nDocumentation: %s\n", checkURL(a))
		return exitClean
	default:
		fmt.Fprintf(stderr, "usage: tenantlint help [check]\n")
		return exitError
	}
}

// printChecks lists the checks with the first line of their Doc.
func printChecks(w io.Writer) {
	for _, a := range analyzers {
		synopsis, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-12s %s\n", a.Name, synopsis)
	}
}

func check(name string) *analysis.Analyzer {
	for _, a := range analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func checkNames() []string {
	names := make([]string, len(analyzers))
	for i, a := range analyzers {
		names[i] = a.Name
	}
	return names
}

func checkURL(a *analysis.Analyzer) string {
	if a.URL != "" {
		return a.URL
	}
	return checkdoc.URL(a.Name)
}
