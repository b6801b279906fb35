package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/tenantlint/tenantlint/catalog"
)

// Config is a loaded .tenantlint.yml. Analyzers share one *Config per
// file across packages and goroutines, so they must not modify it.
type Config struct {
	File    string // absolute path of the file loaded; "" when defaults are used; "tenantlint settings" for the -settings flag (and the golangci-lint plugin, which passes its settings through it)
	Dir     string // directory of File, the base of relative paths in it
	Version int    // always 1
	Dialect string // DialectPostgres (default) or DialectMySQL

	Tenant      Tenant
	Tables      Tables
	Scopers     []Func    // calls whose results are tenant-scoped whatever their inputs
	Sinks       []Sink    // extra places a tenant-scoped value must reach
	Requires    []Require // arguments that must be the active tenant (interface methods)
	CrossTenant []Func    // functions allowed to work across tenants
	Exclude     []string
	Checks      Checks
}

// Tenant says how tenants appear in code and in the database.
type Tenant struct {
	// Columns are the column names that hold a tenant id.
	Columns []string
	// Sources are calls and fields that yield the active tenant id.
	Sources []Source
	// Validators are calls that vouch for an untrusted tenant id, e.g.
	// one read from a request, by checking membership.
	Validators []Validator
	// Names are words that, in a parameter's name, say it holds the tenant
	// (beside the built-in ones: tenant, org, workspace, account, ...), for
	// code bases with their own word for it (Cortex's "user"). A word
	// written "-namespace" removes a built-in word that means something
	// else in the code base.
	Names []string
	// TrustedHeaders are request headers set by trusted infrastructure (an
	// authenticating gateway or middleware that overwrites them), not by the
	// caller: a value read from one is not request input. Compared without
	// regard to case, as HTTP header names are.
	TrustedHeaders []string
}

// Tables lists tables by how they relate to tenants.
type Tables struct {
	Scoped []string // tables whose rows belong to one tenant
	Global []string // tables shared by all tenants
	// Schema holds the schema globs as written in the file; SchemaFiles
	// the files they matched, as sorted absolute paths without duplicates.
	Schema      []string
	SchemaFiles []string
	// Tenant are the tables whose rows are the tenants themselves (workspaces), each with the
	// column that holds the tenant's id (its key). TenantSet says the file lists them (an empty
	// list turns the default off); otherwise they are named after the tenant columns
	// (workspace_id -> workspaces.id).
	Tenant    []TenantTable
	TenantSet bool
}

// TenantTable is a table whose rows are the tenants, and its key column.
type TenantTable struct {
	Name, Key string
	Line      int
}

// Func is a function or method named in the file.
type Func struct {
	Name FuncName
	Line int // line of the entry in the file; 0 for built-in defaults
}

// Source is a call or field whose value is the active tenant id. Exactly
// one of Func and Field is set.
type Source struct {
	Func   *FuncName
	Field  *FuncName // (pkg.Type).Field
	Result int       // for Func: index of the result holding the tenant id
	Line   int
}

// Validator is a call that vouches for the tenant id passed as argument
// Arg (0-based, receiver not counted).
type Validator struct {
	Func FuncName
	Arg  int
	Line int
}

// Sink is a call whose argument Arg (0-based, receiver not counted) must
// be tenant-scoped. Kind is the family of sink, one of the Kind constants.
type Sink struct {
	Func FuncName
	Arg  int
	Kind string
	Line int
}

// Require says that argument Arg (0-based, receiver not counted) of Func, or its field Field
// (a dotted path of field names) when set, must be the active tenant. The standalone command
// and the language server find these requirements of interface methods themselves, from the
// implementations; go vet, golangci-lint and nogo analyse one package at a time and see the
// interface a caller uses but not the implementation that main wires into it, so there they
// are declared.
type Require struct {
	Func  FuncName
	Arg   int
	Field []string
	Line  int
}

// Checks turns individual checks off.
type Checks struct {
	Disable []string // names of checks not to run
}

// settingsName is what errors and messages call a configuration that is not read from a file
// (the -settings flag, settings embedded in another tool's configuration).
const settingsName = "tenantlint settings"

// SQL dialects understood by the query checks.
const (
	DialectPostgres = "postgres"
	DialectMySQL    = "mysql"
)

var (
	dialects = []string{DialectPostgres, DialectMySQL}
	// kinds are the sink kinds: the family a sink belongs to, which decides the check and the
	// wording of its diagnostics.
	kinds = catalog.Families
	// fileNames are the names Find looks for, in order.
	fileNames = []string{".tenantlint.yml", ".tenantlint.yaml"}
)

// Default returns the configuration used when there is no file: version
// 1, the postgres dialect and the usual tenant column names.
func Default() *Config {
	return &Config{
		Version: 1,
		Dialect: DialectPostgres,
		Tenant: Tenant{
			Columns: []string{"tenant_id", "org_id", "organization_id", "workspace_id"},
		},
	}
}

// Error is one problem found in a configuration. Parse and Load report
// every problem they find, joined with errors.Join in file order.
type Error struct {
	File string // file name as passed to Parse or Load
	Line int    // 1-based; 0 when unknown
	Key  string // key path such as tenant.sources[1].func; "" for the file as a whole
	Msg  string
}

// Error formats e as file:line: key: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Parse decodes and validates a configuration. filename names the input
// in errors, and its directory is the base for relative schema globs; if
// it is "", errors say "tenantlint settings" and the base is the working
// directory (this is how settings embedded in another tool's config are
// read). JSON is accepted, being YAML.
func Parse(data []byte, filename string) (*Config, error) {
	c := Default()
	name := filename
	if filename == "" {
		name = settingsName
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		c.Dir = wd
	} else {
		abs, err := filepath.Abs(filename)
		if err != nil {
			return nil, err
		}
		c.File, c.Dir = abs, filepath.Dir(abs)
	}

	d := &decoder{file: name}
	if root := d.parse(data); root != nil {
		d.config(root, c)
	}
	if len(d.errs) > 0 {
		return nil, d.err()
	}
	return c, nil
}

// Load reads and parses the file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Find returns the absolute path of the nearest .tenantlint.yml or
// .tenantlint.yaml in dir or one of its parents, up to the filesystem
// root, or "" if there is none. Having both names in one directory is an
// error, since only one of them would silently win.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range fileNames {
			p := filepath.Join(dir, name)
			fi, err := os.Stat(p)
			switch {
			case err == nil:
				if fi.Mode().IsRegular() {
					found = append(found, p)
				}
			case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
			default:
				// E.g. permission denied: we cannot tell whether a
				// config is there, and ignoring it would change results.
				return "", err
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("both %s and %s exist; keep one", found[0], found[1])
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Excluded reports whether the package with import path pkgPath matches
// one of the exclude patterns: an exact import path, or "prefix/..."
// for prefix and every package below it. An external test package
// (path ending in _test) is excluded with the package it tests.
func (c *Config) Excluded(pkgPath string) bool {
	if c == nil {
		return false
	}
	tested, isTest := strings.CutSuffix(pkgPath, "_test")
	for _, pattern := range c.Exclude {
		if matchPattern(pattern, pkgPath) || isTest && matchPattern(pattern, tested) {
			return true
		}
	}
	return false
}

func matchPattern(pattern, pkgPath string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkgPath == prefix || strings.HasPrefix(pkgPath, prefix+"/")
	}
	return pkgPath == pattern
}

// CheckEnabled reports whether the check called name is not listed in
// checks.disable.
func (c *Config) CheckEnabled(name string) bool {
	return c == nil || !slices.Contains(c.Checks.Disable, name)
}
