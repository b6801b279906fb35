package engine

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
)

// Result is what the engine found in one package: every finding of every family, each marked
// with the directive that suppresses it (if any), and the directives themselves.
type Result struct {
	Findings   []*Finding
	Directives []*Directive
	// Excluded is set when the configuration excludes the package: checks report nothing.
	Excluded bool
	// OutOfReach are the functions with findings that nothing could give a tenant (no context,
	// request or tenant parameter, no tenant source): cross-tenant by design, or a bug; each
	// waits for a decision (intent.go). The step's text is the function's configuration name.
	OutOfReach []facts.Step
	Config     *config.Config
	// Timing is where the engine's time in this package went (tenantlint -debug=timing).
	Timing Timing
}

// Timing is where the engine's time in one package went.
type Timing struct {
	// Analysed: the package could matter (it names a catalog or configured function, or one
	// with a summary) and was analysed; otherwise the engine returned at once, with no SSA.
	Analysed bool
	// SSA is the time spent building the package's SSA form, Solve the time of the fixpoint
	// and the families' rules over its functions.
	SSA, Solve time.Duration
}

// Finding is one diagnostic candidate.
type Finding struct {
	Check   string // sqlscope, directive, ...
	Pos     token.Pos
	End     token.Pos
	Message string
	// Trail explains the finding, outermost first.
	Trail []facts.Step
	// SuppressedBy is the directive that silences this finding, nil if none.
	SuppressedBy *Directive
	Fixes        []analysis.SuggestedFix
	outOfReach   *facts.Step // the function, when nothing in it can reach a tenant (intent.go)
}

// Engine is the analysis with its families: one per analyzer, shared by the packages a driver
// analyses (in parallel), and owner of every cache that outlives a package, which Forget clears.
type Engine struct {
	families []Family
	byName   map[string]*FamilyInfo
	memo     sync.Map // memoKey -> *memoEntry
	// ifaces: requirements of interface methods found by a driver that sees the whole program
	// (SetInterfaceRequires); nil in drivers that analyse one package at a time.
	ifaces atomic.Pointer[map[string][]facts.Requirement]
}

// New makes the engine for the families, in the order their rules are asked.
func New(families ...Family) *Engine {
	e := &Engine{families: families, byName: map[string]*FamilyInfo{}}
	for _, f := range families {
		e.byName[f.Info().Name] = f.Info()
	}
	return e
}

// Families lists the engine's families.
func (e *Engine) Families() []Family { return e.families }

// Checks lists the checks that report the families' findings, in the families' order.
func (e *Engine) Checks() []string {
	var out []string
	for _, f := range e.families {
		out = append(out, f.Info().Check)
	}
	return out
}

// Package is the engine's state for the package under analysis.
type Package struct {
	engine    *Engine
	pass      *analysis.Pass
	cfg       *config.Config
	rules     *rules
	families  []Rules // the families' rules for this package, in the engine's order
	ssaPkg    *ssa.Package
	summaries map[*ssa.Function]*facts.Summary
	calls     map[token.Pos]*ast.CallExpr
	callViews map[ssa.CallInstruction]*Call
	dirs      *directiveSet
	findings  []*Finding
	// callers: in-package static callers, to re-analyze when a callee's summary changes.
	callers map[*ssa.Function][]*ssa.Function
	files   map[string]*token.File // for turning trail positions back into token.Pos
	// constVars: the package variables that hold a constant (constvars.go).
	constVars map[*types.Var]bool
	input     *packageInput // request input the package's own code binds (input.go)
}

// Run analyses one package: the engine analyzer's Run (passes/tenantflow). The pass must
// require config.Analyzer and export facts.Summary facts.
func (e *Engine) Run(pass *analysis.Pass) (res any, err error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	result := &Result{Config: cfg, Excluded: cfg.Excluded(pass.Pkg.Path())}
	defer func() {
		// A bug in the engine must not take the user's whole run down: it becomes a finding
		// at a valid position (position 0 would be dropped silently by the drivers).
		if r := recover(); r != nil {
			pos := token.NoPos
			if len(pass.Files) > 0 {
				pos = pass.Files[0].Package
			}
			result.Findings = append(result.Findings, &Finding{
				Check: "tenantflow", Pos: pos,
				Message: fmt.Sprintf("internal error analysing %s (please report): %v\n%s", pass.Pkg.Path(), r, debug.Stack()),
			})
			res, err = result, nil
		}
	}()

	if catalog.IsLibrary(pass.Pkg.Path()) || isStd(pass) {
		return result, nil
	}
	// A package that matters to nothing else can still declare a constant its importers pass
	// as the tenant (uuid.Nil): its exported ones are looked for all the same.
	relevant := e.relevant(pass, cfg)
	constVars := constantVars(pass, !relevant)
	exportConstantVars(pass, constVars)
	if !relevant {
		return result, nil
	}

	p := &Package{
		engine:    e,
		pass:      pass,
		cfg:       cfg,
		rules:     e.rulesFor(cfg),
		summaries: map[*ssa.Function]*facts.Summary{},
		calls:     map[token.Pos]*ast.CallExpr{},
		callViews: map[ssa.CallInstruction]*Call{},
		callers:   map[*ssa.Function][]*ssa.Function{},
		constVars: constVars,
	}
	for _, f := range e.families {
		r, err := f.ForPackage(p)
		if err != nil {
			return nil, err
		}
		p.families = append(p.families, r)
	}
	p.dirs = parseDirectives(pass, e.Checks())
	result.Timing.Analysed = true
	t0 := time.Now()
	p.buildSSA()
	result.Timing.SSA = time.Since(t0)
	t0 = time.Now()
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				p.calls[c.Lparen] = c
			}
			return true
		})
	}
	p.analyze()
	result.Timing.Solve = time.Since(t0)
	p.exportBoundFields()
	p.exportGuards()

	sort.SliceStable(p.findings, func(i, j int) bool { return p.findings[i].Pos < p.findings[j].Pos })
	p.dirs.apply(p, p.findings)
	result.Findings = append(p.findings, p.dirs.problems(p)...)
	result.Directives = p.dirs.list
	for _, f := range result.Findings {
		if f.SuppressedBy == nil && f.outOfReach != nil && !slices.Contains(result.OutOfReach, *f.outOfReach) {
			result.OutOfReach = append(result.OutOfReach, *f.outOfReach)
		}
	}
	return result, nil
}

// isStd reports whether the package is in the standard library (its files are under GOROOT):
// its own code is never where tenants leak, and calls into it are modelled by the catalog and
// by derivation from the arguments. (The import path cannot tell: GOPATH-style packages have no
// dot in their first element either.)
func isStd(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(name, root)
}

// relevant reports whether the package can matter: it names a catalog or configured function,
// or imports a package that does. Everything else (most of the standard library and of a
// large dependency graph) is skipped, which is what keeps big modules fast.
func (e *Engine) relevant(pass *analysis.Pass, cfg *config.Config) bool {
	for _, imp := range pass.Pkg.Imports() {
		if catalog.IsLibrary(imp.Path()) {
			return true
		}
	}
	r := e.rulesFor(cfg)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		// A function of another package with something to say (a result that is the tenant,
		// a requirement, a SQL wrapper): calling it can produce a finding or a summary here.
		// Importing a relevant package is not enough: most packages that import one call
		// nothing of it that matters.
		if fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
			if o := fn.Origin(); pass.ImportObjectFact(o, new(facts.Summary)) {
				return true
			}
		}
		k := catalog.Key(fn)
		if _, ok := r.binders[k]; ok {
			return true // request input bound into a struct (input.go)
		}
		if _, ok := r.sources[k]; ok || r.untrusted[k] || r.scopers[k] || len(r.requires[k]) > 0 || len(e.interfaceRequires(k)) > 0 {
			return true
		}
		for _, f := range e.families {
			if f.Relevant(e, cfg, k) {
				return true
			}
		}
	}
	if len(r.fieldSources) > 0 || usesBoundField(pass) {
		return true
	}
	for _, f := range e.families {
		if pr, ok := f.(PackageRelevance); ok && pr.RelevantPackage(pass) {
			return true
		}
	}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			if strings.Contains(cg.Text(), "tenantlint:") || strings.Contains(cg.Text(), "nolint") {
				return true
			}
		}
	}
	return false
}

// buildSSA builds the package's SSA form. Only the direct imports get SSA packages: code names
// the package-level functions and variables of direct imports only, and go/ssa makes the
// methods of types from other packages on demand. Creating the whole import closure, as
// buildssa does, made each package pay for the members of every package below it (about 90%
// of the engine's time on the generated benchmark modules).
func (p *Package) buildSSA() {
	prog := ssa.NewProgram(p.pass.Fset, 0)
	for _, imp := range p.pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	p.ssaPkg = prog.CreatePackage(p.pass.Pkg, p.pass.Files, p.pass.TypesInfo, false)
	p.ssaPkg.Build()
}

// Funcs lists the package's declared functions and methods in source order (not the function
// literals inside them: see ssa.Function.AnonFuncs).
func (p *Package) Funcs() []*ssa.Function { return p.srcFuncs() }

// srcFuncs lists the package's declared functions and methods in source order.
func (p *Package) srcFuncs() []*ssa.Function {
	var out []*ssa.Function
	for _, f := range p.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := p.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if fn := p.ssaPkg.Prog.FuncValue(obj); fn != nil && fn.Blocks != nil {
				out = append(out, fn)
			}
		}
	}
	return out
}

// analyze computes summaries to a fixpoint over the package's call graph (callees first, and
// callers again whenever a callee's summary changes), then checks every function once with
// the final summaries and exports the facts.
func (p *Package) analyze() {
	funcs := p.srcFuncs()
	inPkg := map[*ssa.Function]bool{}
	for _, fn := range funcs {
		inPkg[fn] = true
	}
	order := postorder(funcs, inPkg, p.callers)

	dirty := map[*ssa.Function]bool{}
	for _, fn := range order {
		dirty[fn] = true
	}
	for round := 0; round < 8 && len(dirty) > 0; round++ {
		for _, fn := range order {
			if !dirty[fn] {
				continue
			}
			delete(dirty, fn)
			s := p.analyzeFunc(fn, false)
			if p.setSummary(fn, s.summary()) {
				for _, c := range p.callers[fn] {
					dirty[c] = true
				}
			}
		}
	}
	for _, fn := range order {
		s := p.analyzeFunc(fn, true)
		sum := s.summary()
		p.summaries[fn] = sum
		if obj, ok := fn.Object().(*types.Func); ok && !sum.Empty() && obj.Pkg() == p.pass.Pkg {
			p.pass.ExportObjectFact(obj, sum)
		}
	}
}

func (p *Package) setSummary(fn *ssa.Function, s *facts.Summary) bool {
	old := p.summaries[fn]
	p.summaries[fn] = s
	return old == nil || old.String() != s.String()
}

// postorder orders functions callees first, recording in-package callers on the way.
func postorder(funcs []*ssa.Function, inPkg map[*ssa.Function]bool, callers map[*ssa.Function][]*ssa.Function) []*ssa.Function {
	var order []*ssa.Function
	seen := map[*ssa.Function]bool{}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		forEachCall(fn, func(c ssa.CallInstruction) {
			if callee := StaticCallee(c.Common()); callee != nil && inPkg[callee] {
				callers[callee] = append(callers[callee], fn)
				visit(callee)
			}
		})
		order = append(order, fn)
	}
	for _, fn := range funcs {
		visit(fn)
	}
	return order
}

// forEachCall visits the calls of fn and of the function literals inside it.
func forEachCall(fn *ssa.Function, f func(ssa.CallInstruction)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				f(c)
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		forEachCall(anon, f)
	}
}

func StaticCallee(c *ssa.CallCommon) *ssa.Function {
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// analyzeFunc solves fn and, when check is set, evaluates its sinks and obligations (which
// reports findings). Without check it only computes the summary (results, requirements).
func (p *Package) analyzeFunc(fn *ssa.Function, check bool) *Frame {
	s := newFuncState(p, fn)
	if src := p.dirs.sourceFunc(fn); src {
		// A //tenantlint:source function is trusted as it is: its first result is the tenant.
		s.forcedSource = true
	}
	s.solve()
	s.check(check)
	return s
}

// PosString renders a position for facts and messages.
func (p *Package) PosString(pos token.Pos) string {
	return p.pass.Fset.Position(pos).String()
}

// Step is one step of an explanation at pos: what happens there, formatted.
func (p *Package) Step(pos token.Pos, format string, args ...any) facts.Step {
	return facts.Step{Pos: p.pass.Fset.Position(pos), Text: fmt.Sprintf(format, args...)}
}

// Pass is the analysis pass of the package.
func (p *Package) Pass() *analysis.Pass { return p.pass }

// Types is the package's type information.
func (p *Package) Types() *types.Package { return p.pass.Pkg }

// Config is the package's configuration.
func (p *Package) Config() *config.Config { return p.cfg }

// Dir is the directory of the package's source files ("" when it has none).
func (p *Package) Dir() string { return config.PackageDir(p.pass.Fset, p.pass.Files) }

// Prog is the SSA program the package was built in: functions of other packages have no
// bodies in it.
func (p *Package) Prog() *ssa.Program { return p.ssaPkg.Prog }
