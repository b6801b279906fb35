package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docCommand is a command line shown in a code block (fenced or indented) of the docs: the
// line itself, or a YAML `run:` step, optionally after a shell prompt.
var docCommand = regexp.MustCompile(`^(?:- )?(?:run: )?(?:\$ )?tenantlint (.*)$`)

// inlineCommand is a command line in a code span of prose.
var inlineCommand = regexp.MustCompile("`tenantlint ([^`]*)`")

type docLine struct {
	where string // file:line
	args  string // after "tenantlint "
}

// docCommands returns the tenantlint command lines in the code blocks of a Markdown file.
func docCommands(t *testing.T, path string) []docLine {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []docLine
	fenced := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(trimmed, "```") {
			fenced = !fenced
			continue
		}
		if !fenced && !strings.HasPrefix(l, "    ") && !strings.HasPrefix(l, "\t") {
			// Prose: its code spans show commands too (`tenantlint -format=sarif ./...`).
			for _, m := range inlineCommand.FindAllStringSubmatch(l, -1) {
				out = append(out, docLine{fmt.Sprintf("%s:%d", path, n), m[1]})
			}
			continue
		}
		if m := docCommand.FindStringSubmatch(trimmed); m != nil {
			out = append(out, docLine{fmt.Sprintf("%s:%d", path, n), m[1]})
		}
	}
	return out
}

// checkCommandLine parses the arguments of a documented command line as the command would,
// after dropping what the shell handles (comments, redirections, pipes, a second command) and
// the brackets of optional arguments in a synopsis.
func checkCommandLine(line string) error {
	var args []string
	for _, f := range strings.Fields(line) {
		if f == "#" || f == "|" || f == "||" || f == "&&" || f == ";" || strings.HasPrefix(f, ">") || strings.HasPrefix(f, "2>") {
			break
		}
		if f = strings.Trim(f, "[]"); f != "" {
			args = append(args, f)
		}
	}
	if len(args) == 0 {
		return fmt.Errorf("no arguments")
	}
	var errs bytes.Buffer
	switch args[0] {
	case "lsp":
		var configFile string
		fs := lspFlags(&configFile, &errs)
		if err := fs.Parse(args[1:]); err != nil {
			return fmt.Errorf("tenantlint lsp: %v", err)
		}
		if fs.NArg() > 0 {
			return fmt.Errorf("tenantlint lsp takes no arguments, got %q", fs.Args())
		}
	case "help":
		if len(args) > 2 {
			return fmt.Errorf("tenantlint help takes at most one check, got %q", args[1:])
		}
		if len(args) == 2 && args[1] != strings.ToUpper(args[1]) && check(args[1]) == nil {
			return fmt.Errorf("tenantlint help %s: no such check", args[1])
		}
	case "init":
		var write bool
		fs := initFlags(&write, &errs)
		if err := fs.Parse(args[1:]); err != nil {
			return fmt.Errorf("tenantlint init: %v", err)
		}
		if fs.NArg() > 1 {
			return fmt.Errorf("tenantlint init takes at most one directory, got %q", fs.Args())
		}
	case "version":
		if len(args) > 1 {
			return fmt.Errorf("tenantlint version takes no arguments, got %q", args[1:])
		}
	default:
		var o options
		fs := flags(&o, &errs)
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil
			}
			return err
		}
		if i := slices.IndexFunc(fs.Args(), func(a string) bool { return strings.HasPrefix(a, "-") }); i >= 0 {
			// The flag package stops at the first package: what follows is taken for one.
			return fmt.Errorf("%s after the packages is taken for a package: flags go first", fs.Arg(i))
		}
		if fs.NArg() == 0 && !o.version {
			return fmt.Errorf("no packages")
		}
	}
	return nil
}

// TestDocCommands: every tenantlint command line in README.md and docs/*.md parses with the
// command's flags, so the docs cannot show a flag that does not exist.
func TestDocCommands(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	var n int
	for _, f := range files {
		for _, c := range docCommands(t, f) {
			n++
			if err := checkCommandLine(c.args); err != nil {
				t.Errorf("%s: tenantlint %s: %v", c.where, c.args, err)
			}
		}
	}
	if n < 10 {
		t.Errorf("found %d tenantlint command lines in %d files; the extraction is broken", n, len(files))
	}
}

func TestCheckCommandLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{"./...", true},
		{"-format=sarif ./... > tl.sarif || test $? -eq 3", true},
		{"-config path/.tenantlint.yml ./...  # instead of the lookup", true},
		{"lsp [-config file]", true},
		{"help CHECK", true},
		{"help sqlscope", true},
		{"version", true},
		{"-version", true},
		{"-tenantlintconfig.config=FILE ./...", false},
		{"-fix ./...   /  -diff ./...", false},
		{"./... -json", false},
		{"-json", false},
		{"lsp -json", false},
		{"help rawsql", false},
		{"version now", false},
	} {
		if err := checkCommandLine(tc.line); (err == nil) != tc.ok {
			t.Errorf("checkCommandLine(%q) = %v, want ok %v", tc.line, err, tc.ok)
		}
	}
}
