package sqlscope_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/passes/sqlscope"
)

// TestTenantTable: the tenant table's own key is the tenant id (tenants.id for tenant_id).
func TestTenantTable(t *testing.T) {
	analysistest.Run(t, testdata(t), sqlscope.Analyzer, "tenanttable")
}
