package tenantflow

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/cachekey/cacherules"
	"github.com/tenantlint/tenantlint/passes/chanscope/chanrules"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
	"github.com/tenantlint/tenantlint/passes/jobscope/jobrules"
	"github.com/tenantlint/tenantlint/passes/sqlscope/sqlrules"
	"github.com/tenantlint/tenantlint/passes/storagepath/storagerules"
)

// Engine is the engine with every family, in the order their rules are asked. Adding a family
// is a folder under passes/ and one line here.
var Engine = engine.New(
	sqlrules.Family,
	cacherules.Family,
	cacherules.Registry,
	jobrules.Family,
	chanrules.Family,
	storagerules.Family,
)

// Analyzer is the engine. It reports nothing itself; the checks read its Result.
var Analyzer = &analysis.Analyzer{
	Name:       "tenantflow",
	Doc:        doc,
	URL:        url,
	Run:        Engine.Run,
	Requires:   []*analysis.Analyzer{config.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(facts.Summary), new(facts.BoundField), new(facts.TenantGuard), new(facts.ConstantVar)},
}

// The engine's results, as the checks and the drivers see them.
type (
	// Result is what the engine found in one package.
	Result = engine.Result
	// Finding is one diagnostic candidate.
	Finding = engine.Finding
	// Directive is a suppression or declaration comment.
	Directive = engine.Directive
	// Timing is where the engine's time in one package went (tenantlint -debug=timing).
	Timing = engine.Timing
	// Tables is the set of tenant tables for one configuration.
	Tables = sqlrules.Tables
	// Table is one tenant table and the reason it is one.
	Table = sqlrules.Table
)

// TenantTables resolves the tenant tables for a configuration (see sqlrules.TenantTables).
func TenantTables(cfg *config.Config, pkgDir string) (*Tables, error) {
	return sqlrules.TenantTables(Engine, cfg, pkgDir)
}

// Forget drops everything the engine caches (see engine.Engine.Forget).
func Forget() { Engine.Forget() }

// InterfaceRequires finds the requirements of interface methods from their implementations'
// summaries, for drivers that see the whole program (see engine.InterfaceRequires).
var InterfaceRequires = engine.InterfaceRequires

// Report reports the engine's unsuppressed findings of one check on pass. Every check's Run is
// this one call, so suppression, exclusion and explanation work the same for all of them.
func Report(pass *analysis.Pass, check string) { report(pass, check, "") }

// ReportPrefixed is Report with each message prefixed by its check ("sqlscope: ..."), for
// drivers that show all checks under one linter name.
func ReportPrefixed(pass *analysis.Pass, check string) { report(pass, check, check+": ") }

func report(pass *analysis.Pass, check, prefix string) {
	res, _ := pass.ResultOf[Analyzer].(*Result)
	engine.Report(pass, res, check, prefix)
}

// Check is the analyzer of one check: it reports the engine's findings of that check (and of
// the others named in also), so suppression, exclusion and explanation work the same for all.
func Check(name, doc, url string, also ...string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      doc,
		URL:      url,
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, c := range append([]string{name}, also...) {
				Report(pass, c)
			}
			return nil, nil
		},
	}
}
