package notes_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/examples/notes"
)

// TestResolutionWithoutDatabase checks the requests the service answers
// before any lookup: the public health check, and refusals of missing or
// malformed tenants. The database tests are in tenant/internal/exampletest,
// next to the PostgreSQL test server.
func TestResolutionWithoutDatabase(t *testing.T) {
	h := notes.New(nil, t.TempDir(), "notes.test").Handler()
	for _, c := range []struct {
		path, tenant string
		code         int
		body         string
	}{
		{"/healthz", "", 200, "ok"},
		{"/notes", "", 400, "tenant required"},
		{"/notes?tenant=acme", "", 400, "tenant required"},
		{"/notes", "../acme", 400, "invalid tenant id"},
		{"/notes", "acme:globex", 400, "invalid tenant id"},
	} {
		r := httptest.NewRequest("GET", c.path, nil)
		if c.tenant != "" {
			r.Header.Set("X-Tenant", c.tenant)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.code || !strings.Contains(w.Body.String(), c.body) {
			t.Errorf("GET %s as %q: %d %q, want %d containing %q", c.path, c.tenant, w.Code, w.Body, c.code, c.body)
		}
	}
}
