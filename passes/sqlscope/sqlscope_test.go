package sqlscope_test

import (
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"github.com/tenantlint/tenantlint/passes/sqlscope"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	return fixtures.GOPATH(t, "testdata")
}

func TestDatabaseSQL(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "sqlbasic")
}

func TestSQLC(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "sqlcpgx/db", "sqlcpgx/app", "sqlcstd/db")
}

func TestThreePackageChain(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "chain/handler", "chain/service", "chain/store")
}

func TestSQLX(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "sqlxapp")
}

func TestRuntime(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "runtimeapp")
}

func TestMySQL(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "mysqlapp")
}

func TestGorm(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "gormapp/repo", "gormapp")
}

func TestSquirrel(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "sqapp")
}

func TestBun(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "bunapp")
}

func TestXorm(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "xormapp", "xormforkapp")
}

func TestPop(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "popapp")
}

func TestEnt(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "entapp/ent", "entapp/app")
}

// TestDeclaredRequires: requirements of interface methods declared in requires:, for the
// drivers that analyse one package at a time (the standalone driver finds them itself).
func TestDeclaredRequires(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "ifacerequires/store", "ifacerequires/service")
}

// TestIntent: findings with and without a tenant in reach (the explanation and the -v list
// are tenantflow's TestOutOfReach).
func TestIntent(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "intent")
}

func TestFragments(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "fragapp")
}

func TestCamelCaseColumns(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "camelapp")
}

func TestModels(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "modelapp")
}

// Builders handed off through helpers, struct fields, interfaces and options.
func TestHandoff(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "handoff/sqhandoff", "handoff/bunhandoff/store", "handoff/bunhandoff", "handoff/gormhandoff", "handoff/modelhandoff")
}

// sqlc with pgx/v5's pgtype parameters built by conversion helpers in another package.
func TestSQLCPgtype(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "sqlcpgtype/db", "sqlcpgtype/app")
}
