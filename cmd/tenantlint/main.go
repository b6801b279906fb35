// Command tenantlint finds multi-tenant isolation bugs in Go code: SQL, cache keys, jobs,
// channels and storage paths used without the active tenant's scope, and tenants taken from
// request input.
//
// Usage:
//
//	tenantlint [flags] packages
//	tenantlint -format=sarif ./... > tenantlint.sarif
//	go vet -vettool=$(command -v tenantlint) packages
//	tenantlint lsp [-config file]    (a language server on stdin/stdout; see docs/editors.md)
//	tenantlint help [CHECK]          (the checks, or one check's documentation)
//	tenantlint version               (the module version from the binary's build information)
//
// Exit status: 0 when clean, 3 when there are findings, 1 on errors (bad config, packages that
// do not load).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/all"
)

// analyzers are the checks the command runs, in report order.
var analyzers = all.Checks

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		dir, _ := os.Getwd()
		if err := printVetToolID(os.Stdout, dir); err != nil {
			fmt.Fprintf(os.Stderr, "tenantlint: %v\n", err)
			os.Exit(exitError)
		}
		os.Exit(exitClean)
	}
	if vetMode(os.Args[1:]) {
		// go vet runs the tool once per package with a JSON config file; unitchecker speaks
		// that protocol (and -V=full, -flags) and carries facts between the runs.
		unitchecker.Main(append([]*analysis.Analyzer{config.Analyzer}, analyzers...)...)
	}
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "lsp":
			os.Exit(serveLSP(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
		case "help":
			os.Exit(help(os.Args[2:], os.Stdout, os.Stderr))
		case "init":
			os.Exit(initCmd(os.Args[2:], os.Stdout, os.Stderr))
		case "version":
			os.Exit(printVersion(os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// vetMode reports whether go vet is driving the tool.
func vetMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if slices.Contains(args, "-V=full") || slices.Contains(args, "-flags") {
		return true
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

type options struct {
	json, fix, diff, verbose, tests, version bool
	format, configFile, dir, checks          string
	// debugTiming: -debug=timing, print where the time went.
	debugTiming bool
}

// Exit statuses of a run, as listed in -h.
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

// flags is the command's flag set, bound to o. The documentation test parses the command lines
// of README.md and docs/*.md with it, so the docs cannot name a flag that does not exist.
func flags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tenantlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json (the format of golang.org/x/tools/go/analysis drivers) or sarif (SARIF 2.1.0, with suppressed findings kept)")
	fs.BoolVar(&o.json, "json", false, "same as -format=json")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes that are certain")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&o.verbose, "v", false, "say which tables are treated as tenant tables and why, and list the functions with findings and no tenant in reach (cross-tenant by design, or bugs)")
	fs.BoolVar(&o.tests, "test", false, "also load test files (findings in _test.go files are never reported)")
	fs.StringVar(&o.configFile, "config", "", "use this `file` instead of looking up .tenantlint.yml from each package's directory")
	fs.StringVar(&o.dir, "C", "", "run in `dir` (a module of its own, such as an example)")
	fs.StringVar(&o.checks, "checks", "all", "the `checks` to run, as staticcheck spells them: all, names, and -name to leave one out (all,-jobscope); checks.disable in .tenantlint.yml turns checks off on top of this")
	fs.Func("debug", "print debugging output to stderr: `timing` (load and analysis time, each analyzer's total, the slowest packages with their SSA and solving time)", func(v string) error {
		for _, w := range strings.Split(v, ",") {
			switch strings.TrimSpace(w) {
			case "timing":
				o.debugTiming = true
			default:
				return fmt.Errorf("unknown debug output %q (known: timing)", w)
			}
		}
		return nil
	})
	fs.BoolVar(&o.version, "version", false, "print the version and exit (same as tenantlint version)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tenantlint [flags] packages\n"+
			"       go vet -vettool=$(command -v tenantlint) packages\n"+
			"       tenantlint lsp [-config file]\n"+
			"       tenantlint help [check]\n"+
			"       tenantlint init [-w] [dir]    propose a .tenantlint.yml from the code\n"+
			"       tenantlint version\n\nflags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nchecks (tenantlint help CHECK for one's documentation):\n")
		printChecks(stderr)
		fmt.Fprintf(stderr, "\nexit status:\n"+
			"  %d  no findings\n"+
			"  %d  findings reported\n"+
			"  %d  errors: bad flags or configuration, packages that do not load, analysis failures\n"+
			"     (the findings of the packages that were analysed are printed all the same)\n",
			exitClean, exitFindings, exitError)
	}
	return fs
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flags(&o, stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitError
	}
	if o.version {
		return printVersion(nil, stdout, stderr) // like go -version: the packages do not matter
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}
	if o.diff {
		o.fix = true
	}
	if o.json {
		if o.format != "text" && o.format != "json" {
			fmt.Fprintf(stderr, "tenantlint: -json and -format=%s disagree\n", o.format)
			return exitError
		}
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "tenantlint: -format=%s: want text, json or sarif\n", o.format)
		return exitError
	}
	if o.fix && o.format != "text" {
		fmt.Fprintf(stderr, "tenantlint: -fix and -diff print text; drop -format=%s\n", o.format)
		return exitError
	}
	return lint(o, fs.Args(), stdout, stderr)
}
