// Package sarifschema holds one test: tenantlint's SARIF output is valid SARIF 2.1.0 and says
// what GitHub code scanning needs (rules with help pages, the explanation path, suppressions
// with their reasons).
//
// The schema is OASIS's sarif-schema-2.1.0.json (errata01). It is not committed: the test takes
// it from a Go module that ships it, fetched through the module proxy and checked against the
// checksum database like any other module, and pins the file's SHA-256 so a different schema
// cannot slip in with a version bump. gosec ships it as test data of its SARIF printer.
package sarifschema

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const (
	schemaModule = "github.com/securego/gosec/v2@v2.30.0"
	schemaPath   = "report/sarif/testdata/sarif-schema-2.1.0.json"
	schemaSHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
	schemaID     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

func TestSARIFMatchesSchema(t *testing.T) {
	schema := compileSchema(t)
	bin := buildTenantlint(t)
	dir := copyFixture(t)

	cmd := exec.Command(bin, "-format=sarif", "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		t.Fatalf("tenantlint -format=sarif: %v, want exit 3 (findings); stderr:\n%s", err, stderr.String())
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %#v\n%s", err, stdout.String())
	}

	// The validator does reject what the schema forbids, so the pass above means something.
	var broken map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &broken); err != nil {
		t.Fatal(err)
	}
	res := broken["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	res["level"] = "fatal"
	if err := schema.Validate(roundTrip(t, broken)); err == nil {
		t.Error("the schema accepts a result with level \"fatal\"")
	}

	assertContent(t, stdout.Bytes())
}

// assertContent checks what code scanning shows: rules with their help pages, the explanation
// path, and both kinds of suppression with the directive's reason.
func assertContent(t *testing.T, out []byte) {
	t.Helper()
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						HelpURI          string `json:"helpUri"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []struct {
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
				Suppressions []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.HelpURI != "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/"+r.ID+".md" || r.ShortDescription.Text == "" {
			t.Errorf("rule %s: helpUri %q, shortDescription %q", r.ID, r.HelpURI, r.ShortDescription.Text)
		}
	}
	if got := strings.Join(ids, " "); got != "sqlscope cachekey jobscope chanscope storagepath directive" {
		t.Errorf("rules %s, want one per check", got)
	}

	var justifications, path []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		for _, s := range r.Suppressions {
			justifications = append(justifications, loc.ArtifactLocation.URI+": "+s.Kind+": "+s.Justification)
		}
		if loc.ArtifactLocation.URI == "store/store.go" && loc.Region.StartLine == 22 {
			for _, rl := range r.RelatedLocations {
				path = append(path, rl.Message.Text)
			}
		}
	}
	want := []string{
		"quiet/quiet.go: inSource: retention purges every tenant's rows",
		"store/store.go: inSource: the nightly report counts devices across tenants", // //tenantlint:ignore sqlscope
		"store/store.go: inSource: the migration runs before any tenant exists",      // //nolint:tenantlint // reason
	}
	if strings.Join(justifications, "\n") != strings.Join(want, "\n") {
		t.Errorf("suppressions:\n%s\nwant:\n%s", strings.Join(justifications, "\n"), strings.Join(want, "\n"))
	}
	if got := strings.Join(path, " | "); got != `r.FormValue returns request input | calls Get with request input (r.FormValue) as tid | query on tenant table "devices" binds $1 to parameter tid` {
		t.Errorf("the request-input finding's related locations: %s", got)
	}
}

// compileSchema fetches the module that ships the schema and compiles it, asserting formats
// (URIs, dates) too.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", schemaModule)
	cmd.Dir = t.TempDir() // outside any module: nothing to update
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v\n%s", schemaModule, err, out)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download %s: %v %s\n%s", schemaModule, err, mod.Error, out)
	}
	data, err := os.ReadFile(filepath.Join(mod.Dir, filepath.FromSlash(schemaPath)))
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != schemaSHA256 {
		t.Fatalf("%s in %s has SHA-256 %x, want %s (the OASIS errata01 schema)", schemaPath, schemaModule, sum, schemaSHA256)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if id := doc.(map[string]any)["id"]; id != schemaID {
		t.Fatalf("schema id %v, want %s", id, schemaID)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(schemaID)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

func buildTenantlint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tenantlint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/tenantlint")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// copyFixture copies the SARIF fixture module out of the repository, so its paths are relative
// to the module's root (no checkout around it).
func copyFixture(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "testdata", "mod", "sarifapp")
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func roundTrip(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}
