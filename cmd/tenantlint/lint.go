package main

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/internal/driver"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// finding is one diagnostic of a root package, with the check that produced it.
type finding struct {
	check string
	fset  *token.FileSet
	diag  analysis.Diagnostic
}

func lint(o options, patterns []string, stdout, stderr io.Writer) int {
	checks, err := driver.SelectChecks(o.checks)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint: -checks: %v\n", err)
		return exitError
	}
	if o.configFile != "" {
		if err := driver.SetConfigFile(o.configFile); err != nil {
			fmt.Fprintf(stderr, "tenantlint: -config: %v\n", err)
			return exitError
		}
	}
	// A bad configuration is one message, before the (slow) load: every package would fail
	// on it the same way.
	if err := checkConfig(o); err != nil {
		fmt.Fprintf(stderr, "tenantlint: %v\n", err)
		return exitError
	}
	loadStart := time.Now()
	pkgs, err := driver.Load(driver.Options{Dir: o.dir, Tests: o.tests}, patterns...)
	loadTime := time.Since(loadStart)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint: %v\n", err)
		return exitError
	}
	// Packages that do not load are named with their errors; the others are analysed and
	// reported all the same, and the run exits 1.
	loadErrs := driver.LoadFailures(pkgs)
	for _, e := range loadErrs {
		fmt.Fprintln(stderr, e)
	}
	var extra []*analysis.Analyzer
	if o.format == "sarif" || o.verbose || o.debugTiming {
		// The checker keeps the results of root actions only: the engine's result, which
		// holds the suppressed findings the checks do not report, must be asked for.
		extra = append(extra, tenantflow.Analyzer)
	}
	res, err := driver.AnalyzeChecks(pkgs, checks, extra...)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint: %v\n", err)
		return exitError
	}
	graph := res.Graph
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "tenantlint: %v\n", e)
	}
	if len(res.NotAnalysed) > 0 {
		fmt.Fprintf(stderr, "tenantlint: %s not analysed (errors above): %s\n",
			plural(len(res.NotAnalysed), "package"), strings.Join(res.NotAnalysed, ", "))
	}
	failed := len(res.Errors) > 0 || len(loadErrs) > 0 || len(res.NotAnalysed) > 0
	findings := make([]finding, len(res.Findings))
	for i, f := range res.Findings {
		findings[i] = finding{check: f.Check, fset: f.Fset, diag: f.Diag}
	}
	var engine []engineResult
	for act := range graph.All() {
		if act.IsRoot && act.Analyzer == tenantflow.Analyzer {
			if r, ok := act.Result.(*tenantflow.Result); ok {
				engine = append(engine, engineResult{fset: act.Package.Fset, res: selected(r, checks)})
			}
		}
	}
	if o.debugTiming {
		printTiming(loadTime, res, stderr)
	}
	if o.verbose {
		printRuns(res.Runs, stderr)
		printTables(pkgs, stderr)
		printOutOfReach(engine, stderr)
	}

	switch {
	case o.format == "sarif":
		var errs []string
		for _, e := range loadErrs {
			errs = append(errs, e.String())
		}
		for _, e := range res.Errors {
			errs = append(errs, e.Error())
		}
		if len(res.NotAnalysed) > 0 {
			errs = append(errs, "not analysed: "+strings.Join(res.NotAnalysed, ", "))
		}
		if err := writeSARIF(stdout, findings, engine, sarifRoot(pkgs, o.dir), errs...); err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return exitError
		}
	case o.format == "json":
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return exitError
		}
	case o.fix:
		fixed, err := applyFixes(findings, o.diff, stdout)
		for _, f := range fixed {
			verb := "fixed"
			if o.diff {
				verb = "would fix"
			}
			fmt.Fprintf(stderr, "tenantlint: %s %s (%s)\n", verb, relPath(f.name), plural(f.edits, "edit"))
		}
		if err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return exitError
		}
		switch {
		case len(fixed) == 0:
			// Nothing to apply or show: say so, and show the findings a plain run would.
			fmt.Fprintf(stderr, "tenantlint: nothing to fix: no finding has a certain fix\n")
			printText(findings, stdout)
		case !o.diff:
			// What was fixed is no longer a finding; print the rest.
			var rest []finding
			for _, f := range findings {
				if len(f.diag.SuggestedFixes) == 0 {
					rest = append(rest, f)
				}
			}
			findings = rest
			printText(findings, stdout)
		}
	default:
		printText(findings, stdout)
	}
	if failed {
		return exitError
	}
	if len(findings) > 0 {
		return exitFindings
	}
	return exitClean
}

// selected is the engine's result with only the findings of the checks that run (-checks).
func selected(r *tenantflow.Result, checks []*analysis.Analyzer) *tenantflow.Result {
	c := *r
	c.Findings = slices.DeleteFunc(slices.Clone(r.Findings), func(f *tenantflow.Finding) bool {
		return !slices.ContainsFunc(checks, func(a *analysis.Analyzer) bool { return a.Name == f.Check })
	})
	return &c
}

// checkConfig loads the configuration the run will use (-config, or the one found from the
// working directory), so that its errors are reported once before anything else.
func checkConfig(o options) error {
	file := o.configFile
	if file == "" {
		dir := o.dir
		if dir == "" {
			dir = "."
		}
		f, err := config.Find(dir)
		if err != nil || f == "" {
			return err
		}
		file = f
	}
	_, err := config.Load(file)
	return err
}

// printText prints `file:line:col: check: message` and the explanation below it, in position
// order, with paths relative to the working directory where they are below it.
func printText(findings []finding, w io.Writer) {
	sortFindings(findings)
	rel := func(p token.Position) string {
		p.Filename = relPath(p.Filename)
		return p.String()
	}
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s: %s\n", rel(f.fset.Position(f.diag.Pos)), f.check, f.diag.Message)
		for _, r := range f.diag.Related {
			if r.Pos.IsValid() {
				fmt.Fprintf(w, "\t%s: %s\n", rel(f.fset.Position(r.Pos)), r.Message)
			} else {
				fmt.Fprintf(w, "\t%s\n", r.Message)
			}
		}
	}
}

// relPath is name relative to the working directory when it is below it.
func relPath(name string) string {
	wd, _ := os.Getwd()
	if r, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return name
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func sortFindings(fs []finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].fset.Position(fs[i].diag.Pos), fs[j].fset.Position(fs[j].diag.Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return fs[i].diag.Message < fs[j].diag.Message
	})
}

// printRuns says, for -v, how long each analysis run took: the first, and those made again
// with the requirements found behind interface methods (their cost is the whole-program step's).
func printRuns(runs []driver.Run, w io.Writer) {
	for i, r := range runs {
		if i == 0 {
			fmt.Fprintf(w, "tenantlint: analysis: %.1fs\n", r.Duration.Seconds())
			continue
		}
		fmt.Fprintf(w, "tenantlint: analysis again, with the requirements of %s: %.1fs\n",
			plural(r.InterfaceMethods, "interface method"), r.Duration.Seconds())
	}
}

// printTiming says, for -debug=timing, where the time went: the load, each analysis run, each
// analyzer's time summed over the packages of the last run (the packages run in parallel, so
// the sums exceed the wall time), how many root packages the engine analysed or skipped as
// irrelevant, and the slowest packages with the engine's SSA and solving time.
func printTiming(load time.Duration, res *driver.Result, w io.Writer) {
	fmt.Fprintf(w, "tenantlint: timing: load %.1fs (%s)\n", load.Seconds(), plural(len(res.Packages), "root package"))
	for i, r := range res.Runs {
		what := "analysis"
		if i > 0 {
			what = fmt.Sprintf("analysis again (%s)", plural(r.InterfaceMethods, "interface method"))
		}
		fmt.Fprintf(w, "tenantlint: timing: %s %.1fs\n", what, r.Duration.Seconds())
	}
	type total struct {
		name string
		d    time.Duration
		n    int
	}
	totals := map[string]*total{}
	type slow struct {
		pkg    string
		d      time.Duration
		timing tenantflow.Timing
	}
	var slowest []slow
	analysed, skipped := 0, 0
	var ssaTime, solveTime time.Duration
	for act := range res.Graph.All() {
		t := totals[act.Analyzer.Name]
		if t == nil {
			t = &total{name: act.Analyzer.Name}
			totals[act.Analyzer.Name] = t
		}
		t.d += act.Duration
		t.n++
		if act.Analyzer != tenantflow.Analyzer {
			continue
		}
		s := slow{pkg: act.Package.PkgPath, d: act.Duration}
		if r, ok := act.Result.(*tenantflow.Result); ok && act.IsRoot {
			s.timing = r.Timing
			ssaTime += r.Timing.SSA
			solveTime += r.Timing.Solve
			if r.Timing.Analysed {
				analysed++
			} else {
				skipped++
			}
		}
		slowest = append(slowest, s)
	}
	var ts []*total
	for _, t := range totals {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].d != ts[j].d {
			return ts[i].d > ts[j].d
		}
		return ts[i].name < ts[j].name
	})
	for _, t := range ts {
		fmt.Fprintf(w, "tenantlint: timing: %-16s %7.2fs in %s\n", t.name, t.d.Seconds(), plural(t.n, "package"))
	}
	fmt.Fprintf(w, "tenantlint: timing: engine on the root packages: %d analysed, %d skipped (nothing relevant); SSA %.2fs, solve %.2fs\n",
		analysed, skipped, ssaTime.Seconds(), solveTime.Seconds())
	sort.Slice(slowest, func(i, j int) bool {
		if slowest[i].d != slowest[j].d {
			return slowest[i].d > slowest[j].d
		}
		return slowest[i].pkg < slowest[j].pkg
	})
	if len(slowest) > 10 {
		slowest = slowest[:10]
	}
	for _, s := range slowest {
		detail := ""
		if s.timing.Analysed {
			detail = fmt.Sprintf(" (SSA %.2fs, solve %.2fs)", s.timing.SSA.Seconds(), s.timing.Solve.Seconds())
		}
		fmt.Fprintf(w, "tenantlint: timing: slow: %7.2fs %s%s\n", s.d.Seconds(), s.pkg, detail)
	}
}

// printOutOfReach lists, for -v, the functions with findings that nothing could give a tenant:
// each is cross-tenant by design (declare it) or a bug, and a team decides in one place.
func printOutOfReach(engine []engineResult, w io.Writer) {
	type fn struct {
		pos  token.Position
		name string
	}
	var fns []fn
	for _, e := range engine {
		if e.res == nil || e.res.Excluded {
			continue
		}
		for _, s := range e.res.OutOfReach {
			s.Pos.Filename = relPath(s.Pos.Filename)
			fns = append(fns, fn{s.Pos, s.Text})
		}
	}
	if len(fns) == 0 {
		return
	}
	sort.Slice(fns, func(i, j int) bool {
		if fns[i].pos.Filename != fns[j].pos.Filename {
			return fns[i].pos.Filename < fns[j].pos.Filename
		}
		return fns[i].pos.Line < fns[j].pos.Line
	})
	fmt.Fprintf(w, "tenantlint: %s with findings and no tenant in reach (no context, request or tenant parameter, no tenant source):\n"+
		"  cross-tenant by design (list them under crosstenant: or mark them //tenantlint:crosstenant) or bugs\n", plural(len(fns), "function"))
	for _, f := range fns {
		fmt.Fprintf(w, "  %s: %s\n", f.pos, f.name)
	}
}

// printTables says, for each configuration in use, which tables are tenant tables and why.
func printTables(pkgs []*packages.Package, w io.Writer) {
	done := map[string]bool{}
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		dir := filepath.Dir(p.GoFiles[0])
		cfg := config.Default()
		path := config.File()
		if path == "" {
			path, _ = config.Find(dir)
		}
		if path != "" {
			c, err := config.Load(path)
			if err != nil {
				continue // already reported by the analysis
			}
			cfg = c
		}
		tables, err := tenantflow.TenantTables(cfg, dir)
		if err != nil {
			continue
		}
		list := tables.List()
		key := path
		if key == "" {
			key = fmt.Sprint(list)
		}
		if done[key] {
			continue
		}
		done[key] = true
		src := "no .tenantlint.yml; inferred from the module's *.sql files"
		if path != "" {
			src = path
		}
		fmt.Fprintf(w, "tenantlint: %d tenant tables (%s):\n", len(list), src)
		for _, t := range list {
			fmt.Fprintf(w, "  %s: %s\n", t.Name, t.Why)
		}
	}
}
