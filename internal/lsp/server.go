// Package lsp is tenantlint's language server: it speaks the Language Server Protocol over a
// pair of streams (stdin and stdout in `tenantlint lsp`) and publishes the findings of the
// package of each Go file the editor opens or saves, with the explanation as related
// information and the suggested fixes as quick-fix code actions. It runs beside gopls, which has
// no way to host third-party analyzers (golang/go#59869).
//
// Analysis runs on the files on disk, with the same code path as the standalone command
// (internal/driver): on open and on save, never on unsaved edits.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tenantlint/tenantlint/internal/driver"
	"github.com/tenantlint/tenantlint/internal/version"
)

// DocsURL is where each check's page lives; a diagnostic's code links to DocsURL + check + ".md".
const DocsURL = "https://github.com/tenantlint/tenantlint/blob/main/docs/checks/"

// Options configure a server.
type Options struct {
	// Log receives a line per analysis and the server's own errors (stderr in the command).
	Log io.Writer
}

// Serve runs a server reading requests from in and writing to out until the client sends exit.
// It returns nil after a clean shutdown and exit, an error otherwise (exit without shutdown,
// the stream closed or unreadable).
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		out:    &writer{w: out},
		log:    opts.Log,
		ctx:    ctx,
		cancel: cancel,
		utf16:  true,
		docs:   map[string]*document{},
		pkgs:   map[string]*pkgResult{},
		config: map[string]map[string][]Diagnostic{},
		shown:  map[string]string{},
		wake:   make(chan struct{}, 1),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.work()
	}()
	defer func() { cancel(); <-done }()

	r := newReader(in)
	for {
		body, err := r.read()
		if err != nil {
			if err == io.EOF {
				return errors.New("the client closed the connection without exit")
			}
			return err
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			s.reply(nil, nil, &rpcError{codeParseError, err.Error()})
			continue
		}
		if m.Method == "exit" {
			if s.isShutdown() {
				return nil
			}
			return errors.New("exit before shutdown")
		}
		s.handle(&m)
	}
}

type server struct {
	out    *writer
	log    io.Writer
	ctx    context.Context
	cancel context.CancelFunc

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	utf16       bool                               // positions count UTF-16 code units (the default), else bytes
	folders     []string                           // workspace folders; only files inside them are analysed
	skip        []string                           // GOROOT and the module cache: never analysed
	docs        map[string]*document               // open documents by URI
	pkgs        map[string]*pkgResult              // last results by package directory
	config      map[string]map[string][]Diagnostic // package directory -> configuration file URI -> its errors
	shown       map[string]string                  // package directory -> last message shown for it
	pending     []string                           // package directories waiting for analysis
	wake        chan struct{}
}

// document is a file open in the editor.
type document struct {
	text  string
	known bool // text is the buffer's content (false after an edit the server could not follow)
}

// pkgResult is what the last analysis of a package published.
type pkgResult struct {
	diags    map[string][]entry // by URI, every file of the package (empty lists included)
	analysed map[string][]byte  // content of each file of the package as analysed
}

// entry is one published diagnostic with the quick fixes for it.
type entry struct {
	diag  Diagnostic
	fixes []CodeAction
}

func (s *server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

func (s *server) handle(m *message) {
	if m.Method == "" {
		return // a response: the server sends no requests
	}
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		if initialized {
			s.reply(m, nil, &rpcError{codeInvalidRequest, "initialize sent twice"})
			return
		}
	case !initialized:
		if m.isRequest() {
			s.reply(m, nil, &rpcError{codeServerNotInitialized, "initialize first"})
		}
		return
	case shutdown:
		if m.isRequest() {
			s.reply(m, nil, &rpcError{codeInvalidRequest, "the server is shut down"})
		}
		return
	}

	var err error
	var result any
	switch m.Method {
	case "initialize":
		result, err = s.initialize(m.Params)
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration",
		"workspace/didChangeWatchedFiles":
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.cancel() // stop an analysis in progress
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			s.didOpen(p)
		}
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			s.didChange(p)
		}
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			s.didSave(p)
		}
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			s.didClose(p)
		}
	case "textDocument/codeAction":
		var p CodeActionParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			result = s.codeAction(p)
		}
	case "workspace/didChangeWorkspaceFolders":
		var p DidChangeWorkspaceFoldersParams
		if err = json.Unmarshal(m.Params, &p); err == nil {
			s.didChangeFolders(p)
		}
	default:
		if m.isRequest() {
			s.reply(m, nil, &rpcError{codeMethodNotFound, "method not supported: " + m.Method})
		}
		return
	}
	if !m.isRequest() {
		if err != nil {
			fmt.Fprintf(s.log, "tenantlint lsp: %s: %v\n", m.Method, err)
		}
		return
	}
	if err != nil {
		var rerr *rpcError
		if !errors.As(err, &rerr) {
			rerr = &rpcError{codeInvalidParams, err.Error()}
		}
		s.reply(m, nil, rerr)
		return
	}
	s.reply(m, result, nil)
}

// reply answers a request (m nil: a parse error, with a null id).
func (s *server) reply(m *message, result any, rerr *rpcError) {
	resp := &message{ID: json.RawMessage("null"), Error: rerr}
	if m != nil {
		resp.ID = m.ID
	}
	if rerr == nil {
		data, err := json.Marshal(result)
		if err != nil {
			resp.Error = &rpcError{codeInternalError, err.Error()}
		} else {
			resp.Result = data
		}
	}
	s.send(resp)
}

func (s *server) notify(method string, params any) {
	data, err := json.Marshal(params)
	if err != nil {
		fmt.Fprintf(s.log, "tenantlint lsp: %s: %v\n", method, err)
		return
	}
	s.send(&message{Method: method, Params: data})
}

func (s *server) send(m *message) {
	if err := s.out.write(m); err != nil {
		fmt.Fprintf(s.log, "tenantlint lsp: writing to the client: %v\n", err)
	}
}

func (s *server) showMessage(typ int, msg string) {
	s.notify("window/showMessage", ShowMessageParams{Type: typ, Message: msg})
}

func (s *server) initialize(raw json.RawMessage) (any, error) {
	var p InitializeParams
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
	}
	encoding := "utf-16"
	if slices.Contains(p.Capabilities.General.PositionEncodings, "utf-8") {
		encoding = "utf-8"
	}
	var folders []string
	for _, f := range p.WorkspaceFolders {
		if path := uriToPath(f.URI); path != "" {
			folders = append(folders, path)
		}
	}
	if len(folders) == 0 && p.RootURI != "" {
		if path := uriToPath(p.RootURI); path != "" {
			folders = append(folders, path)
		}
	}
	s.mu.Lock()
	s.initialized = true
	s.utf16 = encoding == "utf-16"
	s.folders = folders
	s.skip = goDirs()
	s.mu.Unlock()

	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": encoding,
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // full: the text is kept only to know whether a buffer matches the disk
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
			"workspace": map[string]any{
				"workspaceFolders": map[string]any{"supported": true, "changeNotifications": true},
			},
		},
		"serverInfo": map[string]any{"name": "tenantlint", "version": version.String()},
	}, nil
}

// goDirs returns GOROOT and the module cache: files there (opened by jumping to a definition)
// belong to no workspace and are not analysed.
func goDirs() []string {
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		return nil
	}
	var dirs []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			dirs = append(dirs, filepath.Clean(l))
		}
	}
	return dirs
}

func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// wanted reports whether a Go file is one to analyse: inside a workspace folder (when the
// client named any) and outside GOROOT and the module cache. s.mu is held.
func (s *server) wanted(path string) bool {
	if path == "" || !strings.HasSuffix(path, ".go") {
		return false
	}
	for _, d := range s.skip {
		if within(path, d) {
			return false
		}
	}
	if len(s.folders) == 0 {
		return true
	}
	for _, d := range s.folders {
		if within(path, d) {
			return true
		}
	}
	return false
}

func (s *server) didChangeFolders(p DidChangeWorkspaceFoldersParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range p.Event.Removed {
		path := uriToPath(f.URI)
		s.folders = slices.DeleteFunc(s.folders, func(d string) bool { return d == path })
	}
	for _, f := range p.Event.Added {
		if path := uriToPath(f.URI); path != "" && !slices.Contains(s.folders, path) {
			s.folders = append(s.folders, path)
		}
	}
}

func (s *server) didOpen(p DidOpenTextDocumentParams) {
	uri := canonicalURI(p.TextDocument.URI)
	s.mu.Lock()
	s.docs[uri] = &document{text: p.TextDocument.Text, known: true}
	path := uriToPath(uri)
	want := s.wanted(path)
	s.mu.Unlock()
	if want {
		s.enqueue(filepath.Dir(path))
	}
}

func (s *server) didChange(p DidChangeTextDocumentParams) {
	uri := canonicalURI(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		if c.Range != nil {
			d.known = false // an incremental change, which the server did not ask for
			continue
		}
		d.text, d.known = c.Text, true
	}
}

func (s *server) didSave(p DidSaveTextDocumentParams) {
	uri := canonicalURI(p.TextDocument.URI)
	path := uriToPath(uri)
	s.mu.Lock()
	if d := s.docs[uri]; d != nil && p.Text != nil {
		d.text, d.known = *p.Text, true
	}
	var dirs []string
	switch base := filepath.Base(path); {
	case strings.HasSuffix(path, ".go"):
		if s.wanted(path) {
			dirs = append(dirs, filepath.Dir(path))
		}
	case base == ".tenantlint.yml" || base == ".tenantlint.yaml" || strings.HasSuffix(base, ".sql"):
		// The configuration or a schema changed: every open package may see it.
		for u := range s.docs {
			if p := uriToPath(u); s.wanted(p) {
				dirs = append(dirs, filepath.Dir(p))
			}
		}
		sort.Strings(dirs)
	}
	s.mu.Unlock()
	for _, d := range dirs {
		s.enqueue(d)
	}
}

func (s *server) didClose(p DidCloseTextDocumentParams) {
	uri := canonicalURI(p.TextDocument.URI)
	s.mu.Lock()
	delete(s.docs, uri)
	if r := s.pkgs[filepath.Dir(uriToPath(uri))]; r != nil {
		delete(r.diags, uri)
	}
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}

func (s *server) codeAction(p CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool {
		return k == "quickfix" || strings.HasPrefix("quickfix", k+".")
	}) {
		return actions
	}
	uri := canonicalURI(p.TextDocument.URI)
	path := uriToPath(uri)
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.pkgs[filepath.Dir(path)]
	if r == nil {
		return actions
	}
	// Fixes are edits of the file as analysed: if the buffer has changed since, they would
	// land in the wrong place, so none are offered until the next save.
	if d := s.docs[uri]; d != nil && (!d.known || d.text != string(r.analysed[uri])) {
		return actions
	}
	for _, e := range r.diags[uri] {
		if !overlaps(e.diag.Range, p.Range) {
			continue
		}
		actions = append(actions, e.fixes...)
	}
	return actions
}

func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether two ranges share a position (touching counts: a cursor at either end
// of a diagnostic is on it).
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func (s *server) enqueue(dir string) {
	s.mu.Lock()
	if !slices.Contains(s.pending, dir) {
		s.pending = append(s.pending, dir)
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// work analyses the queued packages one at a time, in order, until the server stops.
func (s *server) work() {
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-s.wake:
		}
		for s.ctx.Err() == nil {
			s.mu.Lock()
			if len(s.pending) == 0 {
				s.mu.Unlock()
				break
			}
			dir := s.pending[0]
			s.pending = s.pending[1:]
			s.mu.Unlock()
			s.analyse(dir)
		}
	}
}

// analyse runs the checks on the package in dir and publishes the results.
func (s *server) analyse(dir string) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.log, "tenantlint lsp: panic analysing %s: %v\n%s", dir, r, debug.Stack())
			s.showMessage(MessageError, fmt.Sprintf("tenantlint: internal error analysing %s: %v", dir, r))
		}
	}()
	// Files may have changed on disk since the last run: the configuration, the schema.
	driver.Forget()
	pkgs, err := driver.Load(driver.Options{Dir: dir, Context: s.ctx}, ".")
	if s.ctx.Err() != nil {
		return
	}
	if err != nil {
		s.fail(dir, MessageError, fmt.Sprintf("tenantlint: cannot load the package in %s: %v", dir, err))
		return
	}
	if errs := driver.LoadErrors(pkgs); len(errs) > 0 {
		msg := fmt.Sprintf("tenantlint: %s has errors, not analysed: %v", pkgs[0].PkgPath, errs[0])
		if len(errs) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(errs)-1)
		}
		s.fail(dir, MessageWarning, msg)
		return
	}
	loaded := time.Now()
	res, err := driver.Analyze(pkgs)
	if s.ctx.Err() != nil {
		return
	}
	if err != nil {
		s.fail(dir, MessageError, "tenantlint: "+err.Error())
		return
	}

	files := newFiles(s.useUTF16())
	published := map[string][]entry{}
	analysed := map[string][]byte{}
	for _, p := range pkgs {
		for _, name := range p.CompiledGoFiles {
			if m := files.get(name); m != nil && !strings.HasPrefix(filepath.Base(name), "_cgo_") {
				uri := pathToURI(name)
				published[uri] = []entry{}
				analysed[uri] = m.content
			}
		}
	}
	for _, f := range res.Findings {
		e, uri, ok := convert(files, f)
		if ok {
			published[uri] = append(published[uri], e)
		}
	}

	// Configuration errors are diagnostics on the file, at the line, and a message.
	configDiags := map[string][]Diagnostic{}
	var problems []string
	for _, ae := range res.Errors {
		if strings.HasPrefix(ae.Err.Error(), "failed prerequisites") {
			continue // the failure below it is reported
		}
		cerrs := driver.ConfigErrors(ae.Err)
		for _, ce := range cerrs {
			uri := pathToURI(ce.File)
			if abs, err := filepath.Abs(ce.File); err == nil {
				uri = pathToURI(abs)
			}
			pos := Position{Line: max(ce.Line-1, 0)}
			msg := ce.Msg
			if ce.Key != "" {
				msg = ce.Key + ": " + msg
			}
			configDiags[uri] = append(configDiags[uri], Diagnostic{
				Range: Range{Start: pos, End: pos}, Severity: SeverityError, Code: "config",
				CodeDescription: &CodeDescription{Href: "https://github.com/tenantlint/tenantlint/blob/main/docs/config.md"},
				Source:          "tenantlint", Message: msg,
			})
		}
		if len(cerrs) > 0 {
			problems = append(problems, "invalid configuration: "+ae.Err.Error())
		} else {
			problems = append(problems, ae.Error())
		}
	}

	s.mu.Lock()
	old := s.pkgs[dir]
	s.pkgs[dir] = &pkgResult{diags: published, analysed: analysed}
	oldConfig := s.config[dir]
	s.config[dir] = configDiags
	shownBefore := s.shown[dir]
	s.shown[dir] = strings.Join(problems, "\n")
	s.mu.Unlock()

	if msg := strings.Join(problems, "\n"); msg != "" && msg != shownBefore {
		s.showMessage(MessageError, "tenantlint: "+msg)
	}
	s.publish(old, published)
	for uri := range oldConfig {
		if _, ok := configDiags[uri]; !ok {
			s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
		}
	}
	for _, uri := range sortedKeys(configDiags) {
		s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: configDiags[uri]})
	}
	n := 0
	for _, es := range published {
		n += len(es)
	}
	line := fmt.Sprintf("tenantlint: analysed %s in %.2fs (loading %.2fs, checks %.2fs): %d findings",
		pkgs[0].PkgPath, time.Since(start).Seconds(), loaded.Sub(start).Seconds(), time.Since(loaded).Seconds(), n)
	fmt.Fprintln(s.log, line)
	s.notify("window/logMessage", ShowMessageParams{Type: MessageLog, Message: line})
}

// fail reports a package that could not be analysed and withdraws its diagnostics, whose
// positions may no longer be right. The same message is shown once, not on every save; the log
// has every run.
func (s *server) fail(dir string, typ int, msg string) {
	fmt.Fprintln(s.log, msg)
	s.notify("window/logMessage", ShowMessageParams{Type: MessageLog, Message: msg})
	s.mu.Lock()
	old := s.pkgs[dir]
	delete(s.pkgs, dir)
	shownBefore := s.shown[dir]
	s.shown[dir] = msg
	s.mu.Unlock()
	if msg != shownBefore {
		s.showMessage(typ, msg)
	}
	s.publish(old, nil)
}

// publish sends the diagnostics of every file in now, and empty lists for the files of old
// that are not in now.
func (s *server) publish(old *pkgResult, now map[string][]entry) {
	if old != nil {
		for _, uri := range sortedKeys(old.diags) {
			if _, ok := now[uri]; !ok {
				s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
			}
		}
	}
	for _, uri := range sortedKeys(now) {
		diags := make([]Diagnostic, len(now[uri]))
		for i, e := range now[uri] {
			diags[i] = e.diag
		}
		s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: diags})
	}
}

func (s *server) useUTF16() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.utf16
}

// convert turns a finding into a published diagnostic and its quick fixes.
func convert(files *files, f driver.Finding) (entry, string, bool) {
	d := f.Diag
	loc, ok := files.location(f.Fset, d.Pos, d.End)
	if !ok {
		return entry{}, "", false
	}
	// The check's page; not d.URL, which the checker resolves against the diagnostic's category
	// into an anchor that the generated page need not have.
	href := DocsURL + f.Check + ".md"
	diag := Diagnostic{
		Range:           loc.Range,
		Severity:        SeverityWarning,
		Code:            f.Check,
		CodeDescription: &CodeDescription{Href: href},
		Source:          "tenantlint",
		Message:         d.Message,
	}
	for _, r := range d.Related {
		rl, ok := files.location(f.Fset, r.Pos, r.End)
		if !ok {
			rl = loc // a step without a place: shown at the finding
		}
		diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{Location: rl, Message: r.Message})
	}
	e := entry{diag: diag}
	for _, fix := range d.SuggestedFixes {
		changes := map[string][]TextEdit{}
		for _, te := range fix.TextEdits {
			el, ok := files.location(f.Fset, te.Pos, te.End)
			if !ok {
				changes = nil
				break
			}
			changes[el.URI] = append(changes[el.URI], TextEdit{Range: el.Range, NewText: string(te.NewText)})
		}
		if len(changes) == 0 {
			continue
		}
		title := fix.Message
		if title == "" {
			title = "Apply tenantlint's fix"
		}
		e.fixes = append(e.fixes, CodeAction{
			Title:       title,
			Kind:        "quickfix",
			Diagnostics: []Diagnostic{diag},
			IsPreferred: true,
			Edit:        &WorkspaceEdit{Changes: changes},
		})
	}
	return e, loc.URI, true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
