package main

// SARIF 2.1.0 output (-format=sarif), for GitHub code scanning and other SARIF viewers.
//
// What consumers do with it shaped the choices below:
//   - GitHub resolves a result's path against the root of the repository and ignores
//     originalUriBaseIds, so paths are relative to the version-control checkout holding the
//     module (the module root when there is none), under the uriBaseId %SRCROOT%.
//   - GitHub shows related locations only when the message links to them, so the explanation
//     path is both relatedLocations and numbered links ("[text](id)") in the message.
//   - Columns are counted in UTF-16 code units (run.columnKind), as SARIF requires one of
//     two character counts and Go positions count bytes.
//   - Suppressed findings are kept, with suppressions[].justification set to the directive's
//     reason, so tools can count and audit them; unsuppressed results carry an empty
//     suppressions array, which SARIF reads as "not suppressed" (absent means "unknown").

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/internal/version"
	"github.com/tenantlint/tenantlint/passes/tenantflow"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifBaseID  = "%SRCROOT%"
	projectURL   = "https://github.com/tenantlint/tenantlint"
	checkDocsURL = projectURL + "/blob/main/docs/checks/"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	HelpURI              string           `json:"helpUri"`
	Help                 sarifHelp        `json:"help"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        int                `json:"ruleIndex"`
	Level            string             `json:"level"`
	Message          sarifText          `json:"message"`
	Locations        []sarifLocation    `json:"locations"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix         `json:"fixes,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions"`
}

type sarifLocation struct {
	ID               int            `json:"id,omitempty"` // related locations count from 1
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// engineResult is the tenantflow result of one root package. The checks report only the
// unsuppressed findings; the suppressed ones are read from here.
type engineResult struct {
	fset *token.FileSet
	res  *tenantflow.Result
}

// sarifItem is one result before it is written: a diagnostic of a check, or a suppressed
// finding of the engine.
type sarifItem struct {
	check      string
	fset       *token.FileSet
	pos, end   token.Pos
	message    string
	related    []relatedStep
	fixes      []analysis.SuggestedFix
	suppressed *tenantflow.Directive
}

type relatedStep struct {
	pos token.Position // invalid when the step names no place in the loaded files
	msg string
}

// writeSARIF writes the findings (the checks' diagnostics) and the engine's suppressed
// findings as one SARIF run, with paths relative to root. errs are the problems of the run
// (packages that did not load or could not be analysed): notifications of the invocation,
// which then did not succeed.
func writeSARIF(w io.Writer, findings []finding, engine []engineResult, root string, errs ...string) error {
	rules, ruleIndex := sarifRules()
	conv := &sarifConverter{root: root, src: map[string]*sourceLines{}}
	var items []sarifItem
	var notes []sarifNotification
	for _, e := range errs {
		notes = append(notes, sarifNotification{Level: "error", Message: sarifText{Text: escapeSARIF(e)}})
	}
	for _, f := range findings {
		if f.diag.Category == "tenantflow" {
			// The engine failed on a package (it recovers into a diagnostic): that is about
			// the run, not the code, so it is a notification of the invocation.
			notes = append(notes, sarifNotification{
				Level:     "error",
				Message:   sarifText{Text: escapeSARIF(f.diag.Message)},
				Locations: []sarifLocation{{PhysicalLocation: conv.physical(f.fset.Position(f.diag.Pos), token.Position{})}},
			})
			continue
		}
		it := sarifItem{check: f.check, fset: f.fset, pos: f.diag.Pos, end: f.diag.End, message: f.diag.Message, fixes: f.diag.SuggestedFixes}
		for _, r := range f.diag.Related {
			step := relatedStep{msg: r.Message}
			if r.Pos.IsValid() {
				step.pos = f.fset.Position(r.Pos)
			}
			it.related = append(it.related, step)
		}
		items = append(items, it)
	}
	for _, e := range engine {
		if e.res == nil || e.res.Excluded {
			continue
		}
		for _, f := range e.res.Findings {
			if f.SuppressedBy == nil || !e.res.Config.CheckEnabled(f.Check) {
				continue
			}
			if _, ok := ruleIndex[f.Check]; !ok {
				continue
			}
			it := sarifItem{check: f.Check, fset: e.fset, pos: f.Pos, end: f.End, message: f.Message, fixes: f.Fixes, suppressed: f.SuppressedBy}
			for _, step := range f.Trail {
				it.related = append(it.related, parseTrailStep(step))
			}
			items = append(items, it)
		}
	}

	results := make([]sarifResult, 0, len(items))
	for _, it := range items {
		idx, ok := ruleIndex[it.check]
		if !ok {
			continue
		}
		results = append(results, conv.result(it, idx, rules[idx].DefaultConfiguration.Level))
	}
	results = sortResults(results)
	sort.SliceStable(notes, func(i, j int) bool {
		if len(notes[i].Locations) == 0 || len(notes[j].Locations) == 0 {
			return len(notes[i].Locations) < len(notes[j].Locations) // the run's own problems first, in their order
		}
		a, b := notes[i].Locations[0].PhysicalLocation, notes[j].Locations[0].PhysicalLocation
		if a.ArtifactLocation.URI != b.ArtifactLocation.URI {
			return a.ArtifactLocation.URI < b.ArtifactLocation.URI
		}
		return notes[i].Message.Text < notes[j].Message.Text
	})

	driver := sarifDriver{Name: "tenantlint", Version: version.String(), InformationURI: projectURL, Rules: rules}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{{ExecutionSuccessful: len(notes) == 0, ToolExecutionNotifications: notes}},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				sarifBaseID: {URI: fileURI(root) + "/"},
			},
			ColumnKind: "utf16CodeUnits",
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRules is one rule per check, in the order the command runs them.
func sarifRules() ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	for _, a := range analyzers {
		short, body := splitDoc(a.Name, a.Doc)
		full, _, _ := strings.Cut(body, "\n\n")
		if full == "" {
			full = short
		}
		page := checkDocsURL + a.Name + ".md"
		doc := short
		if body != "" {
			doc += "\n\n" + body
		}
		r := sarifRule{
			ID:                   a.Name,
			ShortDescription:     sarifText{Text: short},
			FullDescription:      sarifText{Text: strings.Join(strings.Fields(full), " ")},
			HelpURI:              page,
			Help:                 sarifHelp{Text: doc + "\n\n" + page, Markdown: doc + "\n\n[docs/checks/" + a.Name + ".md](" + page + ")"},
			DefaultConfiguration: sarifRuleConfig{Level: "error"},
			Properties:           &sarifProperties{Tags: []string{"security", "tenant-isolation"}},
		}
		if a.Name == "directive" {
			// A suppression without a reason, or one that suppresses nothing, is hygiene,
			// not a leak.
			r.DefaultConfiguration.Level = "warning"
			r.Properties = &sarifProperties{Tags: []string{"maintainability"}}
		}
		index[a.Name] = len(rules)
		rules = append(rules, r)
	}
	return rules, index
}

// splitDoc splits an analyzer's Doc into its title (the first line, without the "name: "
// prefix the analysis framework's convention allows) and the rest. Code scanning shows the
// title, the first paragraph of the rest (fullDescription) and the whole (help) with the alert,
// and does not show helpUri, so the page's address is in the help too.
func splitDoc(name, doc string) (short, full string) {
	doc = strings.TrimSpace(doc)
	short, full, _ = strings.Cut(doc, "\n")
	short = strings.TrimSpace(strings.TrimPrefix(short, name+":"))
	return short, strings.TrimSpace(full)
}

// parseTrailStep reads an engine trail step, "file:line:col: what happens there". A step
// that names no place is kept as a message only.
func parseTrailStep(step facts.Step) relatedStep {
	if p := step.Pos; p.Filename == "" || p.Line < 1 || p.Column < 1 {
		return relatedStep{msg: step.String()}
	}
	return relatedStep{pos: step.Pos, msg: step.Text}
}

type sarifConverter struct {
	root string
	src  map[string]*sourceLines
}

func (c *sarifConverter) result(it sarifItem, ruleIndex int, level string) sarifResult {
	r := sarifResult{
		RuleID:       it.check,
		RuleIndex:    ruleIndex,
		Level:        level,
		Suppressions: []sarifSuppression{},
	}
	pos := it.fset.Position(it.pos)
	var end token.Position
	if it.end.IsValid() {
		end = it.fset.Position(it.end)
	}
	r.Locations = []sarifLocation{{PhysicalLocation: c.physical(pos, end)}}

	var text strings.Builder
	text.WriteString(escapeSARIF(it.message))
	for i, step := range it.related {
		id := i + 1
		loc := sarifLocation{ID: id, Message: &sarifText{Text: escapeSARIF(step.msg)}}
		if step.pos.IsValid() {
			loc.PhysicalLocation = c.physical(step.pos, token.Position{})
			fmt.Fprintf(&text, "\n%d. [%s](%d)", id, escapeSARIF(step.msg), id)
		} else {
			fmt.Fprintf(&text, "\n%d. %s", id, escapeSARIF(step.msg))
		}
		r.RelatedLocations = append(r.RelatedLocations, loc)
	}
	r.Message = sarifText{Text: text.String()}

	for _, fix := range it.fixes {
		if sf, ok := c.fix(it.fset, fix); ok {
			r.Fixes = append(r.Fixes, sf)
		}
	}

	if d := it.suppressed; d != nil {
		s := sarifSuppression{Kind: "inSource", Justification: d.Reason}
		if d.Pos.IsValid() {
			s.Location = &sarifLocation{
				PhysicalLocation: c.physical(it.fset.Position(d.Pos), it.fset.Position(d.End)),
				Message:          &sarifText{Text: escapeSARIF(c.directiveText(it.fset, d))},
			}
		}
		r.Suppressions = append(r.Suppressions, s)
	}
	return r
}

// directiveText is the directive as written, or its kind when the file cannot be read.
func (c *sarifConverter) directiveText(fset *token.FileSet, d *tenantflow.Directive) string {
	start, end := fset.PositionFor(d.Pos, false), fset.PositionFor(d.End, false)
	if src := c.lines(start.Filename); src != nil && start.Offset < end.Offset && end.Offset <= len(src.data) {
		return string(src.data[start.Offset:end.Offset])
	}
	if d.Kind == "nolint" {
		return "//nolint"
	}
	return "//tenantlint:" + d.Kind
}

// physical is the location of pos (to end, when valid) in the file of pos.
func (c *sarifConverter) physical(pos, end token.Position) *sarifPhysical {
	p := &sarifPhysical{ArtifactLocation: c.artifact(pos.Filename)}
	if pos.Line > 0 {
		reg := &sarifRegion{StartLine: pos.Line, StartColumn: c.column(pos)}
		if end.IsValid() && end.Filename == pos.Filename && (end.Line != pos.Line || end.Column != pos.Column) {
			reg.EndLine, reg.EndColumn = end.Line, c.column(end)
		}
		p.Region = reg
	}
	return p
}

// fix turns a suggested fix into a SARIF fix: one artifact change per file, its replacements
// in offset order, each region given both as lines and columns and as bytes.
func (c *sarifConverter) fix(fset *token.FileSet, fix analysis.SuggestedFix) (sarifFix, bool) {
	byFile := map[string][]sarifReplacement{}
	var files []string
	for _, te := range fix.TextEdits {
		tf := fset.File(te.Pos)
		if tf == nil {
			return sarifFix{}, false
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		start, stop := fset.PositionFor(te.Pos, false), fset.PositionFor(end, false)
		off, n := start.Offset, stop.Offset-start.Offset
		rep := sarifReplacement{DeletedRegion: sarifRegion{
			StartLine: start.Line, StartColumn: c.column(start),
			EndLine: stop.Line, EndColumn: c.column(stop),
			ByteOffset: &off, ByteLength: &n,
		}}
		if len(te.NewText) > 0 {
			rep.InsertedContent = &sarifText{Text: string(te.NewText)}
		}
		if _, ok := byFile[start.Filename]; !ok {
			files = append(files, start.Filename)
		}
		byFile[start.Filename] = append(byFile[start.Filename], rep)
	}
	if len(files) == 0 {
		return sarifFix{}, false
	}
	sort.Strings(files)
	out := sarifFix{Description: sarifText{Text: escapeSARIF(fix.Message)}}
	for _, f := range files {
		reps := byFile[f]
		sort.SliceStable(reps, func(i, j int) bool { return *reps[i].DeletedRegion.ByteOffset < *reps[j].DeletedRegion.ByteOffset })
		out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: c.artifact(f), Replacements: reps})
	}
	return out, true
}

// artifact names a file relative to the root when it is below it, and by absolute file URI
// otherwise (a file of another module, or of the build cache).
func (c *sarifConverter) artifact(name string) sarifArtifactLocation {
	if rel, err := filepath.Rel(c.root, name); err == nil && filepath.IsLocal(rel) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: sarifBaseID}
	}
	return sarifArtifactLocation{URI: fileURI(name)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// column converts a position's byte column into UTF-16 code units; when the file cannot be
// read it stays in bytes, which is exact for ASCII lines.
func (c *sarifConverter) column(p token.Position) int {
	s := c.lines(p.Filename)
	if s == nil || p.Line < 1 || p.Line > len(s.starts) {
		return p.Column
	}
	start := s.starts[p.Line-1]
	stop := min(start+p.Column-1, len(s.data))
	n := 0
	for _, r := range string(s.data[start:stop]) {
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++
		}
	}
	return n + 1
}

// lines reads a file once; nil when it cannot be read.
func (c *sarifConverter) lines(name string) *sourceLines {
	s, ok := c.src[name]
	if !ok {
		s = readLines(name)
		c.src[name] = s
	}
	return s
}

type sourceLines struct {
	data   []byte
	starts []int
}

func readLines(name string) *sourceLines {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	s := &sourceLines{data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			s.starts = append(s.starts, i+1)
		}
	}
	return s
}

// escapeSARIF escapes the brackets of plain text, which SARIF messages otherwise read as
// embedded links.
func escapeSARIF(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace(s)
}

// sortResults orders results by place, check and message, unsuppressed before suppressed,
// and drops exact duplicates (a package and its test variant both report the same finding).
func sortResults(rs []sarifResult) []sarifResult {
	type keyed struct {
		key []string
		raw []byte
		r   sarifResult
	}
	ks := make([]keyed, 0, len(rs))
	for _, r := range rs {
		raw, _ := json.Marshal(r)
		loc := r.Locations[0].PhysicalLocation
		line, col := 0, 0
		if loc.Region != nil {
			line, col = loc.Region.StartLine, loc.Region.StartColumn
		}
		ks = append(ks, keyed{
			key: []string{loc.ArtifactLocation.URIBaseID, loc.ArtifactLocation.URI, fmt.Sprintf("%09d", line), fmt.Sprintf("%09d", col), r.RuleID, strconv.Itoa(len(r.Suppressions)), r.Message.Text},
			raw: raw, r: r,
		})
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if c := compareKeys(ks[i].key, ks[j].key); c != 0 {
			return c < 0
		}
		return bytes.Compare(ks[i].raw, ks[j].raw) < 0
	})
	out := make([]sarifResult, 0, len(ks))
	for i, k := range ks {
		if i > 0 && bytes.Equal(k.raw, ks[i-1].raw) {
			continue
		}
		out = append(out, k.r)
	}
	return out
}

func compareKeys(a, b []string) int {
	for i := range a {
		if c := strings.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

// sarifRoot is the directory SARIF paths are relative to: the version-control checkout that
// holds the main module (GitHub resolves paths against the repository's root, and the module
// may be in a subdirectory), else the main module's directory, else the working directory.
func sarifRoot(pkgs []*packages.Package, dir string) string {
	root := ""
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			root = p.Module.Dir
			break
		}
	}
	if root == "" {
		root = dir
		if root == "" {
			root, _ = os.Getwd()
		}
		abs, err := filepath.Abs(root)
		if err == nil {
			root = abs
		}
		return root
	}
	for d := root; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return root
		}
		d = parent
	}
}
