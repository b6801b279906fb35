package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type edit struct {
	start, end int
	text       string
}

// fixedFile is a file applyFixes changed (or, with -diff, would change).
type fixedFile struct {
	name  string
	edits int
}

// applyFixes applies every suggested fix (tenantlint only suggests fixes that are certain),
// or prints them as a unified diff, and returns the files changed, in name order. Overlapping
// edits in a file are an error: nothing is written for that file.
func applyFixes(findings []finding, diffOnly bool, w io.Writer) ([]fixedFile, error) {
	byFile := map[string][]edit{}
	for _, f := range findings {
		for _, fix := range f.diag.SuggestedFixes {
			for _, te := range fix.TextEdits {
				file := f.fset.File(te.Pos)
				if file == nil {
					continue
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				byFile[file.Name()] = append(byFile[file.Name()], edit{
					start: file.Offset(te.Pos), end: file.Offset(end), text: string(te.NewText),
				})
			}
		}
	}
	names := make([]string, 0, len(byFile))
	for n := range byFile {
		names = append(names, n)
	}
	sort.Strings(names)
	var fixed []fixedFile
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return fixed, err
		}
		out, err := apply(src, byFile[name])
		if err != nil {
			return fixed, fmt.Errorf("%s: %v", name, err)
		}
		if bytes.Equal(src, out) {
			continue
		}
		if diffOnly {
			io.WriteString(w, unifiedDiff(name, string(src), string(out)))
		} else if err := os.WriteFile(name, out, 0o666); err != nil {
			return fixed, err
		}
		fixed = append(fixed, fixedFile{name, len(byFile[name])})
	}
	return fixed, nil
}

func apply(src []byte, edits []edit) ([]byte, error) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var buf bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue // the same fix suggested twice
		}
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("overlapping or invalid edits; fix by hand")
		}
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}

// unifiedDiff renders the change as one hunk spanning the first to the last changed line,
// with three lines of context: the fixes are few and local, so this stays readable and is a
// valid patch.
func unifiedDiff(name, a, b string) string {
	al, bl := splitLines(a), splitLines(b)
	pre := 0
	for pre < len(al) && pre < len(bl) && al[pre] == bl[pre] {
		pre++
	}
	suf := 0
	for suf < len(al)-pre && suf < len(bl)-pre && al[len(al)-1-suf] == bl[len(bl)-1-suf] {
		suf++
	}
	if pre == len(al) && pre == len(bl) {
		return ""
	}
	ctx := 3
	start := max(pre-ctx, 0)
	aEnd := min(len(al)-suf+ctx, len(al))
	bEnd := min(len(bl)-suf+ctx, len(bl))
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", name, name)
	fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", start+1, aEnd-start, start+1, bEnd-start)
	for _, l := range al[start:pre] {
		sb.WriteString(" " + l)
	}
	for _, l := range al[pre : len(al)-suf] {
		sb.WriteString("-" + l)
	}
	for _, l := range bl[pre : len(bl)-suf] {
		sb.WriteString("+" + l)
	}
	for _, l := range al[len(al)-suf : aEnd] {
		sb.WriteString(" " + l)
	}
	return sb.String()
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if !strings.HasSuffix(l, "\n") {
			lines[i] = l + "\n\\ No newline at end of file\n"
		}
	}
	return lines
}
