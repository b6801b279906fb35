package main

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
)

// sarifDoc is the part of a SARIF log the tests look at.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					HelpURI         string `json:"helpUri"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResDoc `json:"results"`
	} `json:"runs"`
}

type sarifLocDoc struct {
	ID               int `json:"id"`
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int  `json:"startLine"`
			StartColumn int  `json:"startColumn"`
			EndLine     int  `json:"endLine"`
			EndColumn   int  `json:"endColumn"`
			ByteOffset  *int `json:"byteOffset"`
			ByteLength  *int `json:"byteLength"`
		} `json:"region"`
	} `json:"physicalLocation"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

type sarifResDoc struct {
	RuleID    string `json:"ruleId"`
	RuleIndex int    `json:"ruleIndex"`
	Level     string `json:"level"`
	Message   struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations        []sarifLocDoc `json:"locations"`
	RelatedLocations []sarifLocDoc `json:"relatedLocations"`
	Fixes            []struct {
		Description struct {
			Text string `json:"text"`
		} `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Replacements []struct {
				DeletedRegion struct {
					StartLine   int `json:"startLine"`
					StartColumn int `json:"startColumn"`
					EndLine     int `json:"endLine"`
					EndColumn   int `json:"endColumn"`
					ByteOffset  int `json:"byteOffset"`
					ByteLength  int `json:"byteLength"`
				} `json:"deletedRegion"`
				InsertedContent *struct {
					Text string `json:"text"`
				} `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
	Suppressions *[]struct {
		Kind          string       `json:"kind"`
		Justification string       `json:"justification"`
		Location      *sarifLocDoc `json:"location"`
	} `json:"suppressions"`
}

// TestSARIF runs -format=sarif on a module in a subdirectory of a checkout, as GitHub code
// scanning sees it: one rule per check, results with the explanation path as related
// locations, suppressed findings kept with their reasons, UTF-16 columns, byte-exact fixes,
// and the same bytes on every run.
func TestSARIF(t *testing.T) {
	bin := tenantlint(t)
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "services", "app")
	copyModuleTo(t, "sarifapp", dir)

	out, errOut, code := runIn(t, dir, bin, "-format=sarif", "./store")
	if code != 3 {
		t.Fatalf("exit %d, want 3 (unsuppressed findings); stderr:\n%s", code, errOut)
	}
	again, _, _ := runIn(t, dir, bin, "-format=sarif", "./store")
	if again != out {
		t.Errorf("two runs differ:\n%s\n---\n%s", out, again)
	}
	var doc sarifDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Version != "2.1.0" || !strings.HasSuffix(doc.Schema, "/sarif-schema-2.1.0.json") || len(doc.Runs) != 1 {
		t.Fatalf("not one SARIF 2.1.0 run: version %q, $schema %q, %d runs", doc.Version, doc.Schema, len(doc.Runs))
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Name != "tenantlint" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver %q, columnKind %q", run.Tool.Driver.Name, run.ColumnKind)
	}
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") || strings.Contains(base, "services") {
		t.Errorf("%%SRCROOT%% is %q, want the checkout's root as a file URI ending in /", base)
	}

	// One rule per check, in the command's order, each pointing at its page.
	rules := run.Tool.Driver.Rules
	if len(rules) != len(analyzers) {
		t.Fatalf("%d rules, want %d (one per check)", len(rules), len(analyzers))
	}
	for i, a := range analyzers {
		r := rules[i]
		want := "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/" + a.Name + ".md"
		if r.ID != a.Name || r.HelpURI != want || r.ShortDescription.Text == "" || !strings.Contains(a.Doc, r.ShortDescription.Text) {
			t.Errorf("rule %d = %+v, want id %s, helpUri %s and the check's Doc title", i, r, a.Name, want)
		}
		if r.FullDescription.Text == "" || !strings.HasPrefix(r.Help.Text, r.ShortDescription.Text) || !strings.HasSuffix(r.Help.Text, want) ||
			!strings.HasSuffix(r.Help.Markdown, "]("+want+")") {
			t.Errorf("rule %s: fullDescription %q, help %+v; want the Doc and a link to %s", a.Name, r.FullDescription.Text, r.Help, want)
		}
		if _, err := os.Stat(filepath.Join("..", "..", "docs", "checks", a.Name+".md")); err != nil {
			t.Errorf("rule %s: helpUri names a page the repository lacks: %v", a.Name, err)
		}
	}

	const file = "services/app/store/store.go"
	src, err := os.ReadFile(filepath.Join(dir, "store", "store.go"))
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int]sarifResDoc{}
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != file || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result at %q (base %q), want %q under %%SRCROOT%%", loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, file)
		}
		if rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d is %s, not %s", r.RuleIndex, rules[r.RuleIndex].ID, r.RuleID)
		}
		if r.Suppressions == nil {
			t.Errorf("line %d: no suppressions array (SARIF reads that as unknown)", loc.Region.StartLine)
		}
		byLine[loc.Region.StartLine] = r
	}
	if len(run.Results) != 6 || len(byLine) != 6 {
		t.Fatalf("%d results on %d lines, want 6:\n%s", len(run.Results), len(byLine), out)
	}
	suppressions := func(line int) []string {
		r, ok := byLine[line]
		if !ok || r.Suppressions == nil {
			t.Fatalf("no result on line %d", line)
		}
		var out []string
		for _, s := range *r.Suppressions {
			out = append(out, s.Kind+": "+s.Justification)
		}
		return out
	}

	// An unscoped query: an error, not suppressed, with its end.
	if r := byLine[18]; r.RuleID != "sqlscope" || r.Level != "error" || len(suppressions(18)) != 0 ||
		r.Locations[0].PhysicalLocation.Region.StartColumn != 9 || r.Locations[0].PhysicalLocation.Region.EndLine != 18 {
		t.Errorf("line 18: %+v", r)
	}

	// The explanation path: related locations, linked from the message.
	r := byLine[22]
	var steps []string
	for _, rl := range r.RelatedLocations {
		reg := rl.PhysicalLocation.Region
		steps = append(steps, rl.PhysicalLocation.ArtifactLocation.URI+":"+itoa(reg.StartLine)+":"+itoa(reg.StartColumn)+": "+rl.Message.Text)
	}
	wantSteps := []string{
		file + ":22:21: r.FormValue returns request input",
		file + ":22:2: calls Get with request input (r.FormValue) as tid",
		file + ":14:9: query on tenant table \"devices\" binds $1 to parameter tid",
	}
	if strings.Join(steps, "\n") != strings.Join(wantSteps, "\n") {
		t.Errorf("line 22 related locations:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(wantSteps, "\n"))
	}
	if !strings.HasPrefix(r.Message.Text, "tenant id comes from request input: r.FormValue reaches Get") ||
		!strings.Contains(r.Message.Text, "\n1. [r.FormValue returns request input](1)\n2. [calls Get") {
		t.Errorf("line 22 message does not link its path: %q", r.Message.Text)
	}
	for i, rl := range r.RelatedLocations {
		if rl.ID != i+1 {
			t.Errorf("related location %d has id %d", i, rl.ID)
		}
	}

	// Suppressed findings are kept, with the directive's reason and place.
	if got := suppressions(27); len(got) != 1 || got[0] != "inSource: the nightly report counts devices across tenants" {
		t.Errorf("line 27 (//tenantlint:ignore sqlscope): suppressions %q", got)
	} else if l := (*byLine[27].Suppressions)[0].Location; l == nil || l.PhysicalLocation.Region.StartLine != 26 || l.Message.Text != "//tenantlint:ignore sqlscope the nightly report counts devices across tenants" {
		t.Errorf("line 27: suppression location %+v, want the directive on line 26", l)
	}
	if got := suppressions(32); len(got) != 1 || got[0] != "inSource: the migration runs before any tenant exists" {
		t.Errorf("line 32 (//nolint:tenantlint // reason): suppressions %q", got)
	}

	// The stale directive: a warning with its fix, the whole line deleted, in bytes and lines.
	r = byLine[36]
	stale := []byte("\t//nolint:tenantlint // users is not a tenant table\n")
	off := bytes.Index(src, stale)
	if r.RuleID != "directive" || r.Level != "warning" || len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("line 36: %+v", r)
	}
	ch := r.Fixes[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != file || len(ch.Replacements) != 1 {
		t.Fatalf("line 36 fix: %+v", ch)
	}
	del := ch.Replacements[0].DeletedRegion
	if del.ByteOffset != off || del.ByteLength != len(stale) || del.StartLine != 36 || del.StartColumn != 1 || del.EndLine != 37 || del.EndColumn != 1 || ch.Replacements[0].InsertedContent != nil {
		t.Errorf("line 36 fix deletes %+v, want bytes %d+%d (lines 36:1-37:1)", del, off, len(stale))
	}

	// Columns count UTF-16 code units: the query on line 40 follows "Grüße".
	line40 := strings.Split(string(src), "\n")[39]
	at := strings.Index(line40, "s.DB.")
	wantCol := len(utf16.Encode([]rune(line40[:at]))) + 1
	if got := byLine[40].Locations[0].PhysicalLocation.Region.StartColumn; got != wantCol || wantCol == at+1 {
		t.Errorf("line 40: startColumn %d, want %d (UTF-16; the byte column is %d)", got, wantCol, at+1)
	}

	// Only suppressed findings: exit 0, and the finding is still in the log.
	dir = copyModule(t, "sarifapp")
	out, errOut, code = runIn(t, dir, bin, "-format=sarif", "./quiet")
	if code != 0 {
		t.Fatalf("./quiet: exit %d, want 0 (its one finding is suppressed); stderr:\n%s", code, errOut)
	}
	doc = sarifDoc{}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.Runs[0].Results
	if len(res) != 1 || res[0].Suppressions == nil || len(*res[0].Suppressions) != 1 ||
		(*res[0].Suppressions)[0].Justification != "retention purges every tenant's rows" ||
		res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "quiet/quiet.go" {
		t.Errorf("./quiet: want its suppressed finding at quiet/quiet.go (no checkout: paths from the module root):\n%s", out)
	}
}

func TestFormatFlags(t *testing.T) {
	var stderr bytes.Buffer
	for _, args := range [][]string{
		{"-format=xml", "./..."},
		{"-json", "-format=sarif", "./..."},
		{"-fix", "-format=sarif", "./..."},
	} {
		stderr.Reset()
		if code := run(args, &bytes.Buffer{}, &stderr); code != 1 || stderr.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q; want 1 and a reason", args, code, stderr.String())
		}
	}
}

// TestSplitDoc: a Doc in the analysis framework's long form ("name: title", then paragraphs)
// gives the rule its title and body.
func TestSplitDoc(t *testing.T) {
	short, body := splitDoc("sqlscope", "sqlscope: SQL must be scoped\n\nA tenant table may only be read\nwith the tenant.\n\nBefore:\n\n\tdb.Query(q)\n")
	if short != "SQL must be scoped" || !strings.HasPrefix(body, "A tenant table may only be read\nwith the tenant.\n\nBefore:") {
		t.Errorf("splitDoc: %q, %q", short, body)
	}
	short, body = splitDoc("directive", "suppressions need a reason")
	if short != "suppressions need a reason" || body != "" {
		t.Errorf("splitDoc one line: %q, %q", short, body)
	}
}

// TestSARIFEngineFailure: an engine failure (recovered into a "tenantflow" diagnostic) is about
// the run, so it is a notification of a failed invocation, not a result of some rule.
func TestSARIFEngineFailure(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	src := "package a\n\nfunc F() {}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	findings := []finding{
		{check: "directive", fset: fset, diag: analysis.Diagnostic{Pos: tf.Pos(0), Category: "tenantflow", Message: "internal error analysing a (please report): boom"}},
		{check: "sqlscope", fset: fset, diag: analysis.Diagnostic{Pos: tf.Pos(11), Category: "sqlscope", Message: "query [x] is not scoped"}},
	}
	var buf bytes.Buffer
	if err := writeSARIF(&buf, findings, nil, dir); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []sarifResDoc `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	inv := doc.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Level != "error" ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "boom") {
		t.Errorf("invocation: %+v", inv)
	}
	res := doc.Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "sqlscope" || res[0].Message.Text != `query \[x\] is not scoped` ||
		res[0].Locations[0].PhysicalLocation.Region.StartLine != 3 || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "a.go" {
		t.Errorf("results: %s", buf.String())
	}
}
