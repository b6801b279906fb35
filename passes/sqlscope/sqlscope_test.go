package sqlscope_test

import (
	"github.com/tenantlint/tenantlint/passes/sqlscope"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func TestDatabaseSQL(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "sqlbasic")
}

func TestSQLC(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "sqlcpgx/db", "sqlcpgx/app", "sqlcstd/db")
}

func TestThreePackageChain(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "chain/handler", "chain/service", "chain/store")
}

func TestSQLX(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "sqlxapp")
}

func TestRuntime(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "runtimeapp")
}

func TestMySQL(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "mysqlapp")
}

func TestGorm(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "gormapp/repo", "gormapp")
}

func TestSquirrel(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "sqapp")
}

func TestBun(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "bunapp")
}

func TestXorm(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "xormapp", "xormforkapp")
}

func TestPop(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "popapp")
}

func TestEnt(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "entapp/ent", "entapp/app")
}

// TestDeclaredRequires: requirements of interface methods declared in requires:, for the
// drivers that analyse one package at a time (the standalone driver finds them itself).
func TestDeclaredRequires(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "ifacerequires/store", "ifacerequires/service")
}

// TestIntent: findings with and without a tenant in reach (the explanation and the -v list
// are tenantflow's TestOutOfReach).
func TestIntent(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "intent")
}

func TestFragments(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "fragapp")
}

func TestCamelCaseColumns(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "camelapp")
}

func TestModels(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "modelapp")
}

// Builders handed off through helpers, struct fields, interfaces and options.
func TestHandoff(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "handoff/sqhandoff", "handoff/bunhandoff/store", "handoff/bunhandoff", "handoff/gormhandoff", "handoff/modelhandoff")
}

// sqlc with pgx/v5's pgtype parameters built by conversion helpers in another package.
func TestSQLCPgtype(t *testing.T) {
	analysistest.Run(t, testdata(), sqlscope.Analyzer, "sqlcpgtype/db", "sqlcpgtype/app")
}
