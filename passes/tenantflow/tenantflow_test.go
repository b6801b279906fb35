package tenantflow_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"github.com/tenantlint/tenantlint/internal/fixtures"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/all"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

func testdata(t *testing.T) string {
	return fixtures.GOPATH(t, "testdata", filepath.Join("..", "sqlscope", "testdata"))
}

// TestSummaries asserts the facts the engine exports: sources, derived results,
// requirements on parameters and their parts, SQL wrappers, and their absence.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, testdata(t), tenantflow.Analyzer, "summaries")
}

// TestBuilderSummaries asserts the facts of helpers around query builders: a scope or a
// builder they return is scoped or not, a builder or tenant they take is required of callers.
func TestBuilderSummaries(t *testing.T) {
	analysistest.Run(t, testdata(t), tenantflow.Analyzer, "builderfacts")
}

// TestEmptyGuardSummaries: a conversion helper that returns a constant (NULL) only where its
// parameter is empty returns its parameter; a constant on a path a tenant can take stays one.
func TestEmptyGuardSummaries(t *testing.T) {
	analysistest.Run(t, testdata(t), tenantflow.Analyzer, "sqlcpgtype/conv")
}

// recorder collects what analysistest would report as test failures, so a test can assert
// on diagnostics that a `// want` comment cannot express.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestBadDirectives: a directive without a reason, with an unknown check or verb, or out of
// place is reported, and does not suppress anything.
func TestBadDirectives(t *testing.T) {
	rec := &recorder{}
	analysistest.Run(rec, testdata(t), all.Analyzer, "directivebad")
	got := strings.Join(rec.msgs, "\n")
	want := []string{
		"directivebad.go:11:2: unexpected diagnostic: directive: //nolint:tenantlint needs a reason",
		`directivebad.go:12:2: unexpected diagnostic: sqlscope: query on tenant table "devices" is not scoped`,
		"directivebad.go:13:2: unexpected diagnostic: directive: //tenantlint:ignore needs a check and a reason",
		`directivebad.go:14:2: unexpected diagnostic: sqlscope: query on tenant table "devices" is not scoped`,
		`directivebad.go:15:2: unexpected diagnostic: directive: //tenantlint:ignore names unknown check "nosuchcheck"`,
		`directivebad.go:16:2: unexpected diagnostic: sqlscope: query on tenant table "sessions" is not scoped`,
		"directivebad.go:17:2: unexpected diagnostic: directive: unknown directive //tenantlint:frobnicate",
		"directivebad.go:20:1: unexpected diagnostic: directive: //tenantlint:crosstenant needs a reason",
		`directivebad.go:22:2: unexpected diagnostic: sqlscope: query on tenant table "devices" is not scoped`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if len(rec.msgs) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(rec.msgs), len(want), got)
	}
}

// TestFactSize keeps facts small and gob-stable: a realistic summary round-trips and encodes
// to a few hundred bytes, and the trail is capped.
func TestFactSize(t *testing.T) {
	trail := make([]facts.Step, facts.MaxTrail)
	for i := range trail {
		trail[i] = facts.Step{
			Pos:  token.Position{Filename: "/home/user/src/example.com/app/internal/store/devices.go", Offset: 2000 + i*40, Line: 100 + i, Column: 14},
			Text: "calls GetDevice with parameter p2 as tid",
		}
	}
	sum := &facts.Summary{
		Results: []facts.Result{{Kind: facts.TenantID}, {Kind: facts.Param, Params: []facts.ParamRef{{Index: 1, Path: []string{"2"}, Names: []string{"TenantID"}}}}},
		Requires: []facts.Requirement{{
			Param: facts.ParamRef{Index: 2, Path: []string{"1"}, Names: []string{"TenantID"}}, Family: "sql",
			Sink: `tenant_id = $2 in the query on tenant table "devices"`, Trail: trail,
		}},
		SQL: &facts.SQLForward{Query: 2, Args: 3},
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(sum); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 2048 {
		t.Errorf("summary fact encodes to %d bytes, want <= 2048", buf.Len())
	}
	var back facts.Summary
	if err := gob.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if back.String() != sum.String() {
		t.Errorf("round trip: got %q, want %q", back.String(), sum.String())
	}
	if got := back.Requires[0].Trail; !slices.Equal(got, trail) {
		t.Errorf("round trip: trail %v, want %v", got, trail)
	}
	// Encoding is deterministic: the same fact gives the same bytes.
	var again bytes.Buffer
	gob.NewEncoder(&again).Encode(sum)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("gob encoding of a summary is not deterministic")
	}
}

// TestOutOfReach: functions with findings that nothing could give a tenant are listed in the
// engine's result, and their findings explain how to declare them; functions with a context,
// a request or a tenant parameter, and declared ones, are not.
func TestOutOfReach(t *testing.T) {
	// The engine analyzer reports nothing itself (sqlscope's TestIntent checks the findings):
	// the fixture's want comments are for that test.
	results := analysistest.Run(&recorder{}, testdata(t), tenantflow.Analyzer, "intent")
	res := results[0].Result.(*tenantflow.Result)
	if len(res.Findings) != 5 {
		t.Fatalf("%d findings, want 5", len(res.Findings))
	}
	var got []string
	for _, s := range res.OutOfReach {
		got = append(got, fmt.Sprintf("%d %s", s.Pos.Line, s.Text))
	}
	want := []string{"15 (intent.Maintenance).Lowercase", "21 intent.Migrate"}
	if !slices.Equal(got, want) {
		t.Errorf("OutOfReach = %q, want %q", got, want)
	}
	for _, f := range res.Findings {
		last := f.Trail[len(f.Trail)-1].Text
		declares := strings.Contains(last, "if it works across tenants on purpose, mark it //tenantlint:crosstenant")
		line := results[0].Pass.Fset.Position(f.Pos).Line
		if declares != (line == 16 || line == 22) {
			t.Errorf("line %d: last step %q", line, last)
		}
	}
}
