package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tenantlint/tenantlint/internal/version"
)

// client speaks the protocol to a server running in process over pipes, as an editor would.
type client struct {
	t      testing.TB
	w      *writer
	msgs   chan *message
	next   int
	served chan error
	log    strings.Builder
}

func startServer(t testing.TB) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, w: &writer{w: inW}, msgs: make(chan *message, 1000), served: make(chan error, 1)}
	go func() {
		var log io.Writer = io.Discard
		if testing.Verbose() {
			log = os.Stderr
		}
		c.served <- Serve(context.Background(), inR, outW, Options{Log: log})
		outW.Close()
	}()
	go func() {
		r := newReader(outR)
		for {
			body, err := r.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON %q: %v", body, err)
				continue
			}
			c.msgs <- &m
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

// guard bounds every wait, so that a server that never answers fails the test with what it
// did send instead of hanging; it is not a measure of speed.
const guard = 5 * time.Minute

// next returns the next message from the server.
func (c *client) nextMessage(what string) *message {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatalf("server closed the stream while waiting for %s; got so far:\n%s", what, c.log.String())
		}
		fmt.Fprintf(&c.log, "%s %s %s\n", m.Method, m.ID, m.Params)
		return m
	case <-time.After(guard):
		c.t.Fatalf("no %s from the server; got so far:\n%s", what, c.log.String())
		return nil
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	data, _ := json.Marshal(params)
	if err := c.w.write(&message{Method: method, Params: data}); err != nil {
		c.t.Fatal(err)
	}
}

// call sends a request and returns its response; the notifications met on the way go to
// onNotify (the diagnostics of a run still in progress, say).
func (c *client) call(method string, params any, onNotify func(*message)) *message {
	c.t.Helper()
	c.next++
	id := json.RawMessage(fmt.Sprint(c.next))
	data, _ := json.Marshal(params)
	if err := c.w.write(&message{ID: id, Method: method, Params: data}); err != nil {
		c.t.Fatal(err)
	}
	for {
		m := c.nextMessage("a response to " + method)
		if m.Method == "" && string(m.ID) == string(id) {
			return m
		}
		if m.Method != "" && onNotify != nil {
			onNotify(m)
		}
	}
}

// diagnostics waits for the server to publish diagnostics for uri, passing every other
// notification to onOther.
func (c *client) diagnostics(uri string, onOther func(*message)) []Diagnostic {
	c.t.Helper()
	for {
		m := c.nextMessage("diagnostics for " + uri)
		if m.Method == "textDocument/publishDiagnostics" {
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri {
				return p.Diagnostics
			}
		}
		if onOther != nil {
			onOther(m)
		}
	}
}

// copyApp copies the app fixture module (testdata/mod/app) to a temporary directory.
func copyApp(t *testing.T) string {
	t.Helper()
	src, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", "app"))
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

func pos(line, char int) Position { return Position{Line: line, Character: char} }

func TestServer(t *testing.T) {
	dir := copyApp(t)
	outside := copyApp(t) // another copy, outside the workspace folder: never analysed
	storePath := filepath.Join(dir, "store", "store.go")
	store := pathToURI(storePath)
	c := startServer(t)

	if m := c.call("textDocument/codeAction", CodeActionParams{}, nil); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("a request before initialize: got %+v, want error %d", m.Error, codeServerNotInitialized)
	}

	m := c.call("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          pathToURI(dir),
		"workspaceFolders": []WorkspaceFolder{{URI: pathToURI(dir), Name: "app"}},
		"capabilities":     map[string]any{},
	}, nil)
	if m.Error != nil {
		t.Fatalf("initialize: %v", m.Error)
	}
	var init struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
			TextDocumentSync struct {
				OpenClose bool `json:"openClose"`
				Change    int  `json:"change"`
				Save      any  `json:"save"`
			} `json:"textDocumentSync"`
			CodeActionProvider any `json:"codeActionProvider"`
		} `json:"capabilities"`
		ServerInfo struct{ Name, Version string } `json:"serverInfo"`
	}
	if err := json.Unmarshal(m.Result, &init); err != nil {
		t.Fatal(err)
	}
	caps := init.Capabilities
	if caps.PositionEncoding != "utf-16" || !caps.TextDocumentSync.OpenClose || caps.TextDocumentSync.Save == nil ||
		caps.CodeActionProvider == nil || init.ServerInfo.Name != "tenantlint" ||
		init.ServerInfo.Version != version.String() {
		t.Errorf("initialize result: %s", m.Result)
	}
	c.notify("initialized", struct{}{})

	text, err := os.ReadFile(storePath)
	if err != nil {
		t.Fatal(err)
	}
	// The file outside the workspace is opened first: the server analyses packages in order, so
	// if it analysed that one, its diagnostics would come before store.go's.
	outsideURI := pathToURI(filepath.Join(outside, "store", "store.go"))
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: outsideURI, LanguageID: "go", Version: 1, Text: string(text)}})
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: store, LanguageID: "go", Version: 1, Text: string(text)}})
	diags := c.diagnostics(store, func(m *message) {
		if m.Method == "textDocument/publishDiagnostics" && strings.Contains(string(m.Params), outside) {
			t.Errorf("diagnostics for a file outside the workspace folders: %s", m.Params)
		}
	})

	// The three findings `tenantlint ./store` prints (cmd/tenantlint's TestTextOutputAndExitCodes),
	// at the same places, 0-based.
	if len(diags) != 3 {
		t.Fatalf("got %d diagnostics, want 3: %+v", len(diags), diags)
	}
	for _, d := range diags {
		if d.Source != "tenantlint" || d.CodeDescription == nil ||
			d.CodeDescription.Href != DocsURL+d.Code+".md" || d.Severity != SeverityWarning {
			t.Errorf("diagnostic %+v: want source tenantlint, severity warning and the check's page", d)
		}
	}
	unscoped, input, directive := diags[0], diags[1], diags[2]
	if unscoped.Code != "sqlscope" || unscoped.Range.Start != pos(17, 8) ||
		!strings.HasPrefix(unscoped.Message, `query on tenant table "devices" is not scoped to the active tenant`) {
		t.Errorf("unscoped query: %+v", unscoped)
	}
	if input.Code != "sqlscope" || input.Range.Start != pos(21, 1) ||
		!strings.HasPrefix(input.Message, "tenant id comes from request input") {
		t.Errorf("request input: %+v", input)
	}
	var related []string
	for _, r := range input.RelatedInformation {
		related = append(related, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(uriToPath(r.Location.URI)),
			r.Location.Range.Start.Line+1, r.Location.Range.Start.Character+1, r.Message))
	}
	wantRelated := []string{
		"store.go:22:21: r.FormValue returns request input",
		"store.go:22:2: calls Get with request input (r.FormValue) as tid",
		`store.go:14:9: query on tenant table "devices" binds $1 to parameter tid`,
	}
	if !slices.Equal(related, wantRelated) {
		t.Errorf("related information:\n%s\nwant:\n%s", strings.Join(related, "\n"), strings.Join(wantRelated, "\n"))
	}
	if directive.Code != "directive" || directive.Range.Start != pos(25, 1) ||
		!strings.Contains(directive.Message, "suppresses nothing") {
		t.Errorf("unused directive: %+v", directive)
	}

	// The quick fix for the unused directive, asked for at the cursor on it.
	var actions []CodeAction
	ca := func(r Range) []CodeAction {
		t.Helper()
		m := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: store}, Range: r}, nil)
		if m.Error != nil {
			t.Fatalf("codeAction: %v", m.Error)
		}
		var out []CodeAction
		if err := json.Unmarshal(m.Result, &out); err != nil || out == nil {
			t.Fatalf("codeAction result %s: %v (want a list)", m.Result, err)
		}
		return out
	}
	actions = ca(Range{Start: pos(25, 4), End: pos(25, 4)})
	if len(actions) != 1 || actions[0].Kind != "quickfix" || actions[0].Edit == nil ||
		len(actions[0].Diagnostics) != 1 || actions[0].Diagnostics[0].Code != "directive" {
		t.Fatalf("code actions at the directive: %+v", actions)
	}
	edits := actions[0].Edit.Changes[store]
	fixed := applyEdits(t, string(text), edits)
	if strings.Contains(fixed, "//nolint:tenantlint") || !strings.Contains(fixed, "\ts.DB.QueryContext(ctx, `SELECT * FROM users`)") {
		t.Errorf("the fix does not remove just the directive:\n%s", fixed)
	}
	if got := ca(Range{Start: pos(17, 0), End: pos(17, 0)}); len(got) != 0 {
		t.Errorf("code actions on the unscoped query (which has no fix): %+v", got)
	}

	// Edited but not saved: fixes computed on the disk content would land in the wrong place.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store},
		ContentChanges: []struct {
			Range *Range `json:"range,omitempty"`
			Text  string `json:"text"`
		}{{Text: "// edited\n" + string(text)}}})
	if got := ca(Range{Start: pos(25, 4), End: pos(25, 4)}); len(got) != 0 {
		t.Errorf("code actions offered for a buffer that differs from the analysed file: %+v", got)
	}

	// Save the fix and scope the query: only the request input is left.
	fixed = strings.Replace(fixed, "All(ctx context.Context)", "All(ctx context.Context, tid string)", 1)
	fixed = strings.Replace(fixed, "`SELECT name FROM devices`)", "`SELECT name FROM devices WHERE tenant_id = $1`, tid)", 1)
	if err := os.WriteFile(storePath, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store},
		ContentChanges: []struct {
			Range *Range `json:"range,omitempty"`
			Text  string `json:"text"`
		}{{Text: fixed}}})
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store}})
	diags = c.diagnostics(store, nil)
	if len(diags) != 1 || diags[0].Range.Start != pos(21, 1) || diags[0].Code != "sqlscope" {
		t.Errorf("after saving the fixes, got %+v, want the request-input finding alone", diags)
	}

	// An invalid configuration is a diagnostic on the file, at the line, and a message.
	configPath := filepath.Join(dir, ".tenantlint.yml")
	good, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(configPath, append(good, "tenant:\n  colums: [x]\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	configURI := pathToURI(configPath)
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: configURI}})
	var shown []string
	onShow := func(m *message) {
		if m.Method == "window/showMessage" {
			var p ShowMessageParams
			json.Unmarshal(m.Params, &p)
			shown = append(shown, p.Message)
		}
	}
	diags = c.diagnostics(configURI, onShow)
	lines := strings.Count(string(good), "\n")
	if len(diags) == 0 || diags[0].Severity != SeverityError || diags[0].Code != "config" ||
		!slices.ContainsFunc(diags, func(d Diagnostic) bool {
			return d.Range.Start.Line == lines+1 && strings.Contains(d.Message, "tenant.colums: unknown key")
		}) {
		t.Errorf("configuration diagnostics: %+v", diags)
	}
	// The message comes first: it is sent before the diagnostics.
	if len(shown) != 1 || !strings.Contains(shown[0], "tenant.colums: unknown key") {
		t.Errorf("messages shown: %q, want one naming the bad key", shown)
	}

	if err := os.WriteFile(configPath, good, 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: configURI}})
	if diags := c.diagnostics(configURI, nil); len(diags) != 0 {
		t.Errorf("configuration diagnostics after the fix: %+v", diags)
	}

	// A package that does not compile: a message, once, and its diagnostics withdrawn (their
	// positions may be stale); they come back when it compiles again.
	shown = nil
	if err := os.WriteFile(storePath, []byte(fixed+"\nfunc broken() { undefined() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store}})
	if diags := c.diagnostics(store, onShow); len(diags) != 0 {
		t.Errorf("diagnostics of a package that does not compile: %+v", diags)
	}
	// Saved again, still broken: the log says so, and nothing more is shown.
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store}})
	for {
		m := c.nextMessage("the log of the second failed run")
		onShow(m)
		if m.Method == "window/logMessage" && strings.Contains(string(m.Params), "has errors, not analysed") {
			break
		}
	}
	if len(shown) != 1 || !strings.Contains(shown[0], "has errors, not analysed") || !strings.Contains(shown[0], "undefined") {
		t.Errorf("messages for a package that does not compile, saved twice: %q, want one", shown)
	}
	if err := os.WriteFile(storePath, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store}})
	if diags := c.diagnostics(store, nil); len(diags) != 1 {
		t.Errorf("after the package compiles again: %+v, want the one finding", diags)
	}

	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: store}})
	if diags := c.diagnostics(store, nil); len(diags) != 0 {
		t.Errorf("diagnostics after didClose: %+v", diags)
	}

	if m := c.call("shutdown", nil, nil); m.Error != nil || string(m.Result) != "null" {
		t.Errorf("shutdown: result %s, error %v", m.Result, m.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		if err != nil {
			t.Errorf("Serve after shutdown and exit: %v", err)
		}
	case <-time.After(guard):
		t.Fatal("the server did not stop on exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t)
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	if m := c.call("no/such/method", nil, nil); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m.Error)
	}
	c.notify("exit", nil)
	if err := <-c.served; err == nil {
		t.Error("exit without shutdown: Serve returned nil, want an error")
	}
}

// applyEdits applies LSP text edits (UTF-16 positions) to text.
func applyEdits(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	if len(edits) == 0 {
		t.Fatal("no edits")
	}
	m := newMapper([]byte(text), true)
	offset := func(p Position) int {
		start := m.lines[p.Line]
		for off := start; off <= len(text); off++ {
			if m.width(start, off) == p.Character {
				return off
			}
		}
		t.Fatalf("position %+v not in the text", p)
		return 0
	}
	slices.SortFunc(edits, func(a, b TextEdit) int { return offset(b.Range.Start) - offset(a.Range.Start) })
	for _, e := range edits {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

func TestPositionEncoding(t *testing.T) {
	src := "a := \"é😀\" + x\nnext"
	col := strings.Index(src, "x") + 1 // token columns count bytes
	p := token.Position{Line: 1, Column: col}
	if got := newMapper([]byte(src), true).position(p); got != pos(0, 13) {
		t.Errorf("utf-16: %+v, want character 13 (é is one unit, 😀 two)", got)
	}
	if got := newMapper([]byte(src), false).position(p); got != pos(0, col-1) {
		t.Errorf("utf-8: %+v, want byte column %d", got, col-1)
	}
	if got := newMapper([]byte(src), true).position(token.Position{Line: 1, Column: 99}); got != pos(0, 14) {
		t.Errorf("past the end of the line: %+v, want it clamped to 14", got)
	}
}

func TestURIs(t *testing.T) {
	for _, path := range []string{"/tmp/a b/c.go", "/tmp/100%/ü.go"} {
		uri := pathToURI(path)
		if got := uriToPath(uri); got != path {
			t.Errorf("uriToPath(pathToURI(%q)) = %q (uri %s)", path, got, uri)
		}
	}
	if got := canonicalURI("file:///tmp/a%20b/c.go"); got != pathToURI("/tmp/a b/c.go") {
		t.Errorf("canonicalURI: %s", got)
	}
}
