package lsp

import (
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// pathToURI returns the file: URI of an absolute path.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows volume: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// uriToPath returns the path of a file: URI, or "" if it is not one.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // /C:/x on Windows
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// canonicalURI spells a client's URI as the server does, so that the same file has one key
// whatever the client percent-encodes.
func canonicalURI(uri string) string {
	if p := uriToPath(uri); p != "" {
		return pathToURI(p)
	}
	return uri
}

// mapper turns go/token positions (1-based line, 1-based byte column) into LSP positions
// (0-based line, 0-based character in the negotiated encoding) for one file's content.
type mapper struct {
	content []byte
	lines   []int // offset of the start of each line
	utf16   bool
}

func newMapper(content []byte, utf16 bool) *mapper {
	m := &mapper{content: content, lines: []int{0}, utf16: utf16}
	for i, b := range content {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// position converts a token position; columns past the end of the line are clamped to it.
func (m *mapper) position(p token.Position) Position {
	line := max(p.Line-1, 0)
	if line >= len(m.lines) {
		line = len(m.lines) - 1
		return Position{Line: line, Character: m.width(m.lines[line], len(m.content))}
	}
	start := m.lines[line]
	end := len(m.content)
	if line+1 < len(m.lines) {
		end = m.lines[line+1] - 1 // the newline
	}
	off := min(start+max(p.Column-1, 0), end)
	return Position{Line: line, Character: m.width(start, off)}
}

// width is the length of content[from:to] in the position encoding's units.
func (m *mapper) width(from, to int) int {
	if !m.utf16 {
		return to - from
	}
	n := 0
	for s := m.content[from:to]; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// files reads and maps the files a run's positions point into, each once.
type files struct {
	utf16 bool
	m     map[string]*mapper
}

func newFiles(utf16 bool) *files { return &files{utf16: utf16, m: map[string]*mapper{}} }

// get returns the mapper of a file, or nil if it cannot be read.
func (f *files) get(name string) *mapper {
	if m, ok := f.m[name]; ok {
		return m
	}
	var m *mapper
	if data, err := os.ReadFile(name); err == nil {
		m = newMapper(data, f.utf16)
	}
	f.m[name] = m
	return m
}

// location converts a span (end may be invalid: an empty span at pos) of a file set.
func (f *files) location(fset *token.FileSet, pos, end token.Pos) (Location, bool) {
	p := fset.Position(pos)
	if !p.IsValid() || p.Filename == "" {
		return Location{}, false
	}
	m := f.get(p.Filename)
	if m == nil {
		return Location{}, false
	}
	r := Range{Start: m.position(p)}
	r.End = r.Start
	if e := fset.Position(end); end.IsValid() && e.Filename == p.Filename {
		r.End = m.position(e)
	}
	return Location{URI: pathToURI(p.Filename), Range: r}, true
}
