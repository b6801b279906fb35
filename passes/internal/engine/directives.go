package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/config"
)

// Directive is a suppression or declaration comment:
//
//	//nolint:tenantlint // reason          golangci-lint's syntax, honoured by every driver
//	//tenantlint:ignore sqlscope reason    one check (or several, comma-separated)
//	//tenantlint:crosstenant reason        on a function: its body works across tenants on purpose
//	//tenantlint:source                    on a function: its first result is the active tenant
type Directive struct {
	Kind   string   // "nolint", "ignore", "crosstenant", "source"
	Checks []string // checks it names; empty means all of tenantlint's
	Reason string
	Pos    token.Pos
	End    token.Pos
	// Lines covered, inclusive, in the file of Pos.
	FromLine, ToLine int
	// explicit: a nolint that names tenantlint or one of its checks (a bare //nolint is
	// for every linter; whether it is used is golangci-lint's business, not ours).
	explicit bool
	used     bool
	fn       *types.Func // crosstenant and source: the function it is on
	bad      string      // why the directive is malformed, if it is
}

// Used reports whether the directive suppressed or exempted anything.
func (d *Directive) Used() bool { return d.used }

type directiveSet struct {
	list []*Directive
	// checks are the names a directive may use for tenantlint's checks: the families' checks,
	// directive and tenantflow.
	checks map[string]bool
}

func parseDirectives(pass *analysis.Pass, checks []string) *directiveSet {
	ds := &directiveSet{checks: map[string]bool{"directive": true, "tenantflow": true}}
	for _, c := range checks {
		ds.checks[c] = true
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		// Doc comments of functions, for the function-level directives.
		funcOf := map[*ast.Comment]*types.Func{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					for _, c := range fd.Doc.List {
						funcOf[c] = obj
					}
				}
			}
		}
		starts := nodeLines(pass.Fset, f)
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := ds.parse(c.Text)
				if d == nil || d.Kind == "nolint" && config.NolintByDriver() {
					continue
				}
				d.Pos, d.End = c.Pos(), c.End()
				line := tf.Line(c.Pos())
				col := pass.Fset.Position(c.Pos()).Column
				d.FromLine, d.ToLine = line, line
				if st, ok := starts[line]; !ok || st.col > col {
					// Alone on its line: it covers the statement or declaration below.
					d.ToLine = line + 1
					if below, ok := starts[line+1]; ok && below.end > d.ToLine {
						d.ToLine = below.end
					}
				}
				if d.Kind == "crosstenant" || d.Kind == "source" {
					d.fn = funcOf[c]
					if d.fn == nil && d.bad == "" {
						d.bad = fmt.Sprintf("//tenantlint:%s belongs in a function's doc comment", d.Kind)
					}
				}
				ds.list = append(ds.list, d)
			}
		}
	}
	return ds
}

type lineInfo struct{ col, end int }

// nodeLines maps each line to the first column where a node starts on it and the last line
// of the outermost node starting there.
func nodeLines(fset *token.FileSet, f *ast.File) map[int]lineInfo {
	m := map[int]lineInfo{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.File, *ast.CommentGroup, *ast.Comment:
			return true
		}
		p, e := fset.Position(n.Pos()), fset.Position(n.End())
		li, ok := m[p.Line]
		if !ok || p.Column < li.col {
			li.col = p.Column
		}
		if e.Line > li.end {
			li.end = e.Line
		}
		m[p.Line] = li
		return true
	})
	return m
}

// parseDirective recognizes one comment; nil if it is not a tenantlint directive.
func (ds *directiveSet) parse(text string) *Directive {
	switch {
	case strings.HasPrefix(text, "//nolint"):
		rest := strings.TrimPrefix(text, "//nolint")
		d := &Directive{Kind: "nolint"}
		list, reason, hasReason := strings.Cut(rest, "//")
		list = strings.TrimSpace(list)
		if strings.HasPrefix(list, ":") {
			for _, n := range strings.Split(list[1:], ",") {
				n = strings.TrimSpace(n)
				switch {
				case n == "tenantlint" || n == "all":
					d.explicit = n == "tenantlint"
				case ds.checks[n]:
					d.explicit = true
					d.Checks = append(d.Checks, n)
				}
			}
			if !d.explicit && !strings.Contains(list, "all") {
				return nil // another linter's directive
			}
		} else if list != "" {
			return nil // "//nolintfoo"
		}
		if hasReason {
			d.Reason = strings.TrimSpace(reason)
		}
		if d.Reason == "" && d.explicit {
			d.bad = "//nolint:tenantlint needs a reason: //nolint:tenantlint // why this is safe"
		}
		return d
	case strings.HasPrefix(text, "//tenantlint:"):
		body := strings.TrimPrefix(text, "//tenantlint:")
		verb, rest, _ := strings.Cut(body, " ")
		rest = strings.TrimSpace(rest)
		d := &Directive{Kind: verb, explicit: true}
		switch verb {
		case "ignore":
			checks, reason, _ := strings.Cut(rest, " ")
			for _, n := range strings.Split(checks, ",") {
				if n == "" {
					continue
				}
				if !ds.checks[n] && n != "all" {
					d.bad = fmt.Sprintf("//tenantlint:ignore names unknown check %q", n)
				}
				if n != "all" {
					d.Checks = append(d.Checks, n)
				}
			}
			d.Reason = strings.TrimSpace(reason)
			if checks == "" || d.Reason == "" {
				d.bad = "//tenantlint:ignore needs a check and a reason: //tenantlint:ignore sqlscope why this is safe"
			}
		case "crosstenant":
			d.Reason = rest
			if rest == "" {
				d.bad = "//tenantlint:crosstenant needs a reason: //tenantlint:crosstenant why this works across tenants"
			}
		case "source":
		default:
			d.bad = fmt.Sprintf("unknown directive //tenantlint:%s (want ignore, crosstenant or source)", verb)
		}
		return d
	}
	return nil
}

func (ds *directiveSet) sourceFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	for _, d := range ds.list {
		if d.Kind == "source" && d.fn == obj {
			d.used = true
			return true
		}
	}
	return false
}

func (ds *directiveSet) crossTenantDirective(fn *ssa.Function) *Directive {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	for _, d := range ds.list {
		if d.Kind == "crosstenant" && d.bad == "" && d.fn == obj {
			return d
		}
	}
	return nil
}

// apply marks each finding with the directive that suppresses it.
func (ds *directiveSet) apply(p *Package, findings []*Finding) {
	for _, f := range findings {
		pos := p.pass.Fset.Position(f.Pos)
		for _, d := range ds.list {
			if (d.Kind != "nolint" && d.Kind != "ignore") || d.bad != "" {
				continue
			}
			dp := p.pass.Fset.Position(d.Pos)
			if dp.Filename != pos.Filename || pos.Line < d.FromLine || pos.Line > d.ToLine {
				continue
			}
			if len(d.Checks) > 0 && !contains(d.Checks, f.Check) {
				continue
			}
			f.SuppressedBy = d
			d.used = true
			break
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// problems reports malformed directives and those that suppress nothing; removing an unused
// one is a certain fix.
func (ds *directiveSet) problems(p *Package) []*Finding {
	var out []*Finding
	for _, d := range ds.list {
		file := p.pass.Fset.File(d.Pos)
		if strings.HasSuffix(file.Name(), "_test.go") {
			continue
		}
		switch {
		case d.bad != "":
			out = append(out, &Finding{Check: "directive", Pos: d.Pos, End: d.End, Message: d.bad})
		case !d.used && d.explicit && d.Kind != "source":
			what := "//nolint:tenantlint"
			if d.Kind != "nolint" {
				what = "//tenantlint:" + d.Kind
			}
			msg := fmt.Sprintf("%s suppresses nothing: remove it", what)
			if d.Kind == "crosstenant" {
				msg = "//tenantlint:crosstenant exempts nothing: the function has no tenant sink; remove it"
			}
			out = append(out, &Finding{
				Check: "directive", Pos: d.Pos, End: d.End, Message: msg,
				Fixes: []analysis.SuggestedFix{{
					Message:   "Remove the directive",
					TextEdits: []analysis.TextEdit{removal(file, d)},
				}},
			})
		}
	}
	return out
}

// removal deletes a directive comment, with its line when it stands alone.
func removal(file *token.File, d *Directive) analysis.TextEdit {
	line := file.Line(d.Pos)
	if d.ToLine > d.FromLine && line < file.LineCount() {
		// Alone on its line: delete the line.
		return analysis.TextEdit{Pos: file.LineStart(line), End: file.LineStart(line + 1)}
	}
	return analysis.TextEdit{Pos: d.Pos, End: d.End}
}
