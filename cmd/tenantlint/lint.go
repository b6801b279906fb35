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

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

// finding is one diagnostic of a root package, with the check that produced it.
type finding struct {
	check string
	fset  *token.FileSet
	diag  analysis.Diagnostic
}

func lint(o options, patterns []string, stdout, stderr io.Writer) int {
	if o.configFile != "" {
		abs, err := filepath.Abs(o.configFile)
		if err == nil {
			err = config.Analyzer.Flags.Set("config", abs)
		}
		if err != nil {
			fmt.Fprintf(stderr, "tenantlint: -config: %v\n", err)
			return 1
		}
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: o.tests,
		Dir:   o.dir,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint: %v\n", err)
		return 1
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return 1
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "tenantlint: no packages match %s\n", strings.Join(patterns, " "))
		return 1
	}
	run := analyzers
	if o.format == "sarif" {
		// The checker keeps the results of root actions only: the engine's result, which
		// holds the suppressed findings the checks do not report, must be asked for.
		run = append(slices.Clone(analyzers), tenantflow.Analyzer)
	}
	graph, err := checker.Analyze(run, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "tenantlint: %v\n", err)
		return 1
	}

	var findings []finding
	var engine []engineResult
	failed := false
	seenErr := map[string]bool{}
	for act := range graph.All() {
		if act.Err != nil {
			msg := act.Err.Error()
			if !seenErr[msg] {
				seenErr[msg] = true
				fmt.Fprintf(stderr, "tenantlint: %s: %v\n", act.Package.PkgPath, act.Err)
			}
			failed = true
		}
		if act.IsRoot && act.Analyzer == tenantflow.Analyzer {
			if res, ok := act.Result.(*tenantflow.Result); ok {
				engine = append(engine, engineResult{fset: act.Package.Fset, res: res})
			}
			continue
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				findings = append(findings, finding{check: act.Analyzer.Name, fset: act.Package.Fset, diag: d})
			}
		}
	}
	if o.verbose {
		printTables(pkgs, stderr)
	}
	if failed {
		return 1
	}

	switch {
	case o.format == "sarif":
		if err := writeSARIF(stdout, findings, engine, sarifRoot(pkgs, o.dir)); err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return 1
		}
	case o.format == "json":
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return 1
		}
	case o.fix:
		if err := applyFixes(findings, o.diff, stdout); err != nil {
			fmt.Fprintf(stderr, "tenantlint: %v\n", err)
			return 1
		}
		if !o.diff {
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
	if len(findings) > 0 {
		return 3
	}
	return 0
}

// printText prints `file:line:col: check: message` and the explanation below it, in position
// order, with paths relative to the working directory where they are below it.
func printText(findings []finding, w io.Writer) {
	sortFindings(findings)
	wd, _ := os.Getwd()
	rel := func(p token.Position) string {
		if r, err := filepath.Rel(wd, p.Filename); err == nil && !strings.HasPrefix(r, "..") {
			p.Filename = r
		}
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

// printTables says, for each configuration in use, which tables are tenant tables and why.
func printTables(pkgs []*packages.Package, w io.Writer) {
	done := map[string]bool{}
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		dir := filepath.Dir(p.GoFiles[0])
		cfg := config.Default()
		path := config.Analyzer.Flags.Lookup("config").Value.String()
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
