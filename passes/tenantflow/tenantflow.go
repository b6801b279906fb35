package tenantflow

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Analyzer is the engine. It reports nothing itself; the checks read its Result.
var Analyzer = &analysis.Analyzer{
	Name:       "tenantflow",
	Doc:        doc,
	URL:        url,
	Run:        engine.Run,
	Requires:   []*analysis.Analyzer{config.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(facts.Summary)},
}

// The engine's results, as the checks and the drivers see them.
type (
	// Result is what the engine found in one package.
	Result = engine.Result
	// Finding is one diagnostic candidate.
	Finding = engine.Finding
	// Directive is a suppression or declaration comment.
	Directive = engine.Directive
	// Tables is the set of tenant tables for one configuration.
	Tables = engine.Tables
	// Table is one tenant table and the reason it is one.
	Table = engine.Table
)

// TenantTables resolves the tenant tables for a configuration (see engine.TenantTables).
func TenantTables(cfg *config.Config, pkgDir string) (*Tables, error) {
	return engine.TenantTables(cfg, pkgDir)
}

// Forget drops what the engine caches per configuration (see engine.Forget).
func Forget() { engine.Forget() }

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
