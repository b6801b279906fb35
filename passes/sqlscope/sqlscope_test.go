package sqlscope_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/all"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

func TestDatabaseSQL(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "sqlbasic")
}

func TestSQLC(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "sqlcpgx/db", "sqlcpgx/app", "sqlcstd/db")
}

func TestThreePackageChain(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "chain/handler", "chain/service", "chain/store")
}

func TestSQLX(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "sqlxapp")
}

func TestRuntime(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "runtimeapp")
}

func TestMySQL(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "mysqlapp")
}

func TestGorm(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "gormapp/repo", "gormapp")
}

func TestSquirrel(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "sqapp")
}

func TestBun(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "bunapp")
}

func TestXorm(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "xormapp")
}

func TestPop(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "popapp")
}

func TestEnt(t *testing.T) {
	analysistest.Run(t, testdata(), all.Analyzer, "entapp/ent", "entapp/app")
}
