// Package driver loads packages and runs tenantlint's checks on them, the one code path shared by
// the standalone command (cmd/tenantlint) and the language server (internal/lsp), so that an
// editor shows exactly what `tenantlint ./...` prints.
package driver

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/all"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// Checks are the analyzers the drivers run, in report order.
var Checks = all.Checks

// Options say what to load.
type Options struct {
	Dir     string          // directory the patterns are relative to (a module of its own); "" is the working directory
	Tests   bool            // also load test files (findings in _test.go files are never reported)
	Context context.Context // cancels loading (the go command); nil for none
}

// Finding is one diagnostic of a root package, with the check that produced it.
type Finding struct {
	Check string
	Fset  *token.FileSet
	Diag  analysis.Diagnostic
}

// Result is what one run produced.
type Result struct {
	Packages []*packages.Package
	Graph    *checker.Graph
	Findings []Finding
	// Errors are the analyses that failed (an invalid configuration, an engine error), one per
	// distinct message, in the order the checker met them. Failures that only follow from
	// another (a package whose dependency failed, one skipped for its load errors, which
	// LoadErrors lists) are left out: they would repeat one cause once per package. A run with
	// errors still has the findings of the packages that were analysed.
	Errors []ActionError
	// NotAnalysed are the root packages some check could not run on, sorted.
	NotAnalysed []string
	// Runs are the analysis runs made: the first, then one per round of requirements found
	// through interfaces, so that what the interface step costs is visible (-v prints them).
	Runs []Run
}

// Run is one analysis of every package.
type Run struct {
	Duration time.Duration
	// InterfaceMethods is how many interface methods had requirements known in this run.
	InterfaceMethods int
}

// ActionError is an analysis that failed on a package.
type ActionError struct {
	Analyzer string
	PkgPath  string
	Err      error
}

func (e ActionError) Error() string { return fmt.Sprintf("%s: %v", e.PkgPath, e.Err) }

// SetConfigFile makes every package use the configuration file at path (the -config flag)
// instead of looking up .tenantlint.yml from its directory. A relative path is taken from the
// working directory.
func SetConfigFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	return config.Analyzer.Flags.Set("config", abs)
}

// Load loads the packages matching patterns with everything the checker needs: syntax and
// types for every package, dependencies included, since facts flow up from them.
func Load(o Options, patterns ...string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:    packages.LoadAllSyntax | packages.NeedModule,
		Tests:   o.Tests,
		Dir:     o.Dir,
		Context: o.Context,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// LoadErrors returns the errors of the packages and their dependencies (those
// packages.PrintErrors prints), sorted and without duplicates.
func LoadErrors(pkgs []*packages.Package) []packages.Error {
	var errs []packages.Error
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if k := e.Error(); !seen[k] {
				seen[k] = true
				errs = append(errs, e)
			}
		}
	})
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pos < errs[j].Pos })
	return errs
}

// SelectChecks reads a -checks list as staticcheck does: comma-separated names, "all" for
// every check, and "-name" to take one away, applied left to right ("all,-jobscope"). The
// result keeps the report order of Checks.
func SelectChecks(spec string) ([]*analysis.Analyzer, error) {
	on := map[string]bool{}
	var names []string
	for _, a := range Checks {
		names = append(names, a.Name)
	}
	for _, w := range strings.Split(spec, ",") {
		w = strings.TrimSpace(w)
		name, off := strings.CutPrefix(w, "-")
		switch {
		case name == "all":
			for _, n := range names {
				on[n] = !off
			}
		case slices.Contains(names, name):
			on[name] = !off
		default:
			return nil, fmt.Errorf("no check %q (the checks are all, %s)", w, strings.Join(names, ", "))
		}
	}
	var out []*analysis.Analyzer
	for _, a := range Checks {
		if on[a.Name] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q selects no check", spec)
	}
	return out, nil
}

// LoadFailure is a package that did not load: the first of its errors (the go command's before
// the parser's before the type checker's, which usually only repeats the cause) and how many
// more it has.
type LoadFailure struct {
	PkgPath string
	Err     packages.Error
	More    int
}

func (f LoadFailure) String() string {
	s := f.Err.Error()
	if f.More > 0 {
		s += fmt.Sprintf(" (and %d more in %s)", f.More, f.PkgPath)
	}
	return s
}

// LoadFailures lists the packages (roots and dependencies) that have errors, one entry each,
// in package path order. A package whose only errors are the type checker's and that imports a
// package that failed is left out: its errors repeat its import's ("could not import").
func LoadFailures(pkgs []*packages.Package) []LoadFailure {
	var out []LoadFailure
	failed := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 {
			return
		}
		failed[p] = true
		onlyTypes := !slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.TypeError })
		if onlyTypes {
			for _, imp := range p.Imports {
				if failed[imp] {
					return
				}
			}
		}
		errs := slices.Clone(p.Errors)
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Kind < errs[j].Kind })
		out = append(out, LoadFailure{PkgPath: p.PkgPath, Err: errs[0], More: len(errs) - 1})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].PkgPath < out[j].PkgPath })
	return out
}

// Analyze runs the checks on loaded packages and collects their findings on the root packages.
// Extra analyzers run too, for their results (Result.Graph has them), not their diagnostics.
//
// A call through an interface is judged against the requirements of the interface's
// implementations, which the caller's package cannot see (only main imports both): when the
// first run finds an implementation with requirements behind an interface method that the code
// calls, the checks run a second time with those requirements known (tenantflow.InterfaceRequires).
func Analyze(pkgs []*packages.Package, extra ...*analysis.Analyzer) (*Result, error) {
	return AnalyzeChecks(pkgs, Checks, extra...)
}

// AnalyzeChecks is Analyze with only some of the checks (SelectChecks).
func AnalyzeChecks(pkgs []*packages.Package, checks []*analysis.Analyzer, extra ...*analysis.Analyzer) (*Result, error) {
	analyzers := append(slices.Clone(checks), extra...)
	start := time.Now()
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	runs := []Run{{Duration: time.Since(start)}}
	// Each run can add requirements: an implementation that calls another interface passes that
	// interface's requirements on to its own callers (two hops). Runs stop when nothing new is
	// found, or after maxInterfaceRuns (a longer chain of interfaces is reported up to there).
	var known map[string][]facts.Requirement
	for range maxInterfaceRuns {
		ifaces := interfaceRequires(graph, pkgs)
		if sameRequires(ifaces, known) {
			break
		}
		known = ifaces
		tenantflow.Engine.SetInterfaceRequires(ifaces)
		defer tenantflow.Engine.SetInterfaceRequires(nil)
		start := time.Now()
		if graph, err = checker.Analyze(analyzers, pkgs, nil); err != nil {
			return nil, err
		}
		runs = append(runs, Run{Duration: time.Since(start), InterfaceMethods: len(ifaces)})
	}
	res := &Result{Packages: pkgs, Graph: graph, Runs: runs}
	seenErr := map[string]bool{}
	notAnalysed := map[string]bool{}
	for act := range graph.All() {
		if act.Err != nil {
			if act.IsRoot {
				notAnalysed[act.Package.PkgPath] = true
			}
			if msg := act.Err.Error(); !seenErr[msg] && !consequential(msg) {
				seenErr[msg] = true
				res.Errors = append(res.Errors, ActionError{act.Analyzer.Name, act.Package.PkgPath, act.Err})
			}
		}
		if act.IsRoot && slices.Contains(checks, act.Analyzer) {
			for _, d := range act.Diagnostics {
				res.Findings = append(res.Findings, Finding{Check: act.Analyzer.Name, Fset: act.Package.Fset, Diag: d})
			}
		}
	}
	for p := range notAnalysed {
		res.NotAnalysed = append(res.NotAnalysed, p)
	}
	sort.Strings(res.NotAnalysed)
	return res, nil
}

// consequential reports whether an analysis error only follows from another one: the
// checker's messages for a dependency that failed and for a package with load errors.
func consequential(msg string) bool {
	return strings.HasPrefix(msg, "failed prerequisites: ") || msg == "analysis skipped due to errors in package"
}

// maxInterfaceRuns bounds the extra runs for requirements through interfaces.
const maxInterfaceRuns = 3

func sameRequires(a, b map[string][]facts.Requirement) bool {
	if len(a) != len(b) {
		return false
	}
	for k, rs := range a {
		if len(b[k]) != len(rs) {
			return false
		}
	}
	return true
}

// interfaceRequires finds the requirements of interface methods of the loaded modules that
// some implementation imposes (from the summaries of the first run), keeping only those of
// methods the code calls: nil when a second run would change nothing.
func interfaceRequires(graph *checker.Graph, roots []*packages.Package) map[string][]facts.Requirement {
	methods := map[*types.Func]*facts.Summary{}
	for act := range graph.All() {
		if act.Analyzer != tenantflow.Analyzer || act.Err != nil {
			continue
		}
		for _, f := range act.AllObjectFacts() {
			if sum, ok := f.Fact.(*facts.Summary); ok && len(sum.Requires) > 0 {
				if fn, ok := f.Object.(*types.Func); ok {
					methods[fn] = sum
				}
			}
		}
	}
	if len(methods) == 0 {
		return nil
	}
	modules := map[string]bool{}
	for _, p := range roots {
		if p.Module != nil {
			modules[p.Module.Path] = true
		}
	}
	var own []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Module != nil && modules[p.Module.Path] && p.Types != nil {
			own = append(own, p)
		}
	})
	var ifacePkgs []*types.Package
	for _, p := range own {
		ifacePkgs = append(ifacePkgs, p.Types)
	}
	found := tenantflow.InterfaceRequires(ifacePkgs, methods)
	called := map[string][]facts.Requirement{}
	for _, p := range own {
		if p.TypesInfo == nil {
			continue
		}
		for _, obj := range p.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok {
				if k := catalog.Key(fn); found[k] != nil {
					called[k] = found[k]
				}
			}
		}
	}
	return called
}

// Forget drops what the checks keep between runs in one process (loaded configuration files,
// tenant tables inferred from *.sql files, parsed queries), so that a long-running driver such
// as the language server sees edits to .tenantlint.yml and the schema. Call it between runs,
// never during one.
func Forget() {
	config.Forget()
	tenantflow.Forget()
}

// SortFindings orders findings by position, then message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].Fset.Position(fs[i].Diag.Pos), fs[j].Fset.Position(fs[j].Diag.Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return fs[i].Diag.Message < fs[j].Diag.Message
	})
}

// ConfigErrors returns the problems of an invalid configuration file found in err, an
// analysis error, each with its file and line; nil if err is not about a configuration.
func ConfigErrors(err error) []*config.Error {
	var out []*config.Error
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case *config.Error:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// ConfigFile returns the configuration file that applies to packages in dir: the -config file if
// one is set, else the nearest .tenantlint.yml; "" when the defaults apply.
func ConfigFile(dir string) (string, error) {
	if path := config.File(); path != "" {
		return path, nil
	}
	return config.Find(dir)
}
