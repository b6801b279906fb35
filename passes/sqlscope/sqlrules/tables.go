package sqlrules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/internal/sqltext"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Tables is the set of tenant tables for one configuration: which tables hold rows of one
// tenant, and why tenantlint believes so (for -v and for explanations).
type Tables struct {
	tenant  map[string]string // lower-cased table -> reason
	column  map[string]string // lower-cased table -> its tenant column, when a schema says
	columns []string
	global  map[string]bool // lower-cased tables declared global (tables.global)
	// own are the tables whose rows are the tenants (workspaces for workspace_id): their key
	// (in column) is the tenant id. Only SQL text is judged against them, and only where it
	// picks rows by that key: listing or creating tenants is not one tenant's business.
	own map[string]string // lower-cased table -> reason
}

func (t *Tables) isOwn(name string) bool {
	_, ok := t.own[strings.ToLower(name)]
	return ok
}

func (t *Tables) columnOf(name string) string { return t.column[strings.ToLower(name)] }

// Table is one tenant table and the reason it is treated as one.
type Table struct {
	Name, Why string
}

func (t *Tables) isTenant(name string) bool {
	_, ok := t.tenant[strings.ToLower(name)]
	return ok
}

// isGlobal: the table is declared shared by all tenants, however its name was found (a model's
// TableName, an ORM's naming convention, ent's Table constant).
func (t *Tables) isGlobal(name string) bool { return t.global[strings.ToLower(name)] }

func (t *Tables) why(name string) string {
	if r, ok := t.tenant[strings.ToLower(name)]; ok {
		return fmt.Sprintf("%q is a tenant table (%s)", name, r)
	}
	if r, ok := t.own[strings.ToLower(name)]; ok {
		return fmt.Sprintf("%q holds the tenants: its %s is the tenant id (%s)", name, t.columnOf(name), r)
	}
	return ""
}

// List returns the tenant tables sorted by name.
func (t *Tables) List() []Table {
	out := make([]Table, 0, len(t.tenant))
	for n, w := range t.tenant {
		out = append(out, Table{n, w})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// OwnTable is a table whose rows are the tenants, with its key column (the tenant id).
type OwnTable struct {
	Name, Key, Why string
}

// TenantRows returns the tables whose rows are the tenants, sorted by name.
func (t *Tables) TenantRows() []OwnTable {
	out := make([]OwnTable, 0, len(t.own))
	for n, w := range t.own {
		out = append(out, OwnTable{n, t.column[n], w})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

type tablesKey struct {
	cfg  *config.Config
	root string
}

type tablesOnce struct {
	tables *Tables
	err    error
}

// TenantTables resolves the tenant tables for a configuration: the configured list, the
// CREATE TABLE statements of the configured schema files, and when neither is configured, the
// CREATE TABLE statements with a tenant column in the module's *.sql files (outside testdata,
// vendor and hidden directories). Tables declared global are never tenant tables.
func TenantTables(m engine.Memoizer, cfg *config.Config, pkgDir string) (*Tables, error) {
	root := ""
	inferred := len(cfg.Tables.Scoped) == 0 && len(cfg.Tables.SchemaFiles) == 0
	if inferred {
		root = moduleRoot(pkgDir)
	}
	o := m.Memo(tablesKey{cfg, root}, func() any {
		t, err := loadTables(cfg, root, inferred)
		return tablesOnce{t, err}
	}).(tablesOnce)
	return o.tables, o.err
}

func loadTables(cfg *config.Config, root string, inferred bool) (*Tables, error) {
	t := &Tables{tenant: map[string]string{}, column: map[string]string{}, columns: cfg.Tenant.Columns, global: map[string]bool{}}
	opts := sqltext.Options{Dialect: sqltext.Dialect(cfg.Dialect), TenantColumns: cfg.Tenant.Columns}
	for _, name := range cfg.Tables.Scoped {
		t.tenant[strings.ToLower(name)] = "tables.scoped in " + cfg.File
	}
	addSchema := func(path string) error {
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		found, err := sqltext.SchemaTables(string(src), opts)
		if err != nil {
			if inferred {
				return nil // an unparsable file found by inference is not the user's config error
			}
			return fmt.Errorf("%s: %v", path, err)
		}
		for _, st := range found {
			name := strings.ToLower(st.Name)
			if _, ok := t.tenant[name]; !ok {
				t.column[name] = strings.ToLower(st.Column)
				t.tenant[name] = fmt.Sprintf("column %s in CREATE TABLE at %s:%d", st.Column, path, st.Line)
			}
		}
		return nil
	}
	for _, f := range cfg.Tables.SchemaFiles {
		if err := addSchema(f); err != nil {
			return nil, err
		}
	}
	if inferred && root != "" {
		var files []string
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				n := d.Name()
				if path != root && (n == "testdata" || n == "vendor" || n == "node_modules" || strings.HasPrefix(n, ".")) {
					return filepath.SkipDir
				}
				if path != root {
					if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
						return filepath.SkipDir // another module
					}
				}
				return nil
			}
			if strings.HasSuffix(path, ".sql") {
				files = append(files, path)
			}
			return nil
		})
		sort.Strings(files)
		for _, f := range files {
			if err := addSchema(f); err != nil {
				return nil, err
			}
		}
	}
	for _, g := range cfg.Tables.Global {
		delete(t.tenant, strings.ToLower(g))
		t.global[strings.ToLower(g)] = true
	}
	t.addOwn(cfg)
	return t, nil
}

// addOwn adds the tables whose rows are the tenants: as tables.tenant lists them, else the one
// each tenant column names (workspace_id: workspaces, keyed by id), unless that table is a
// tenant table or global already.
func (t *Tables) addOwn(cfg *config.Config) {
	t.own = map[string]string{}
	if cfg.Tables.TenantSet {
		for _, tt := range cfg.Tables.Tenant {
			name := strings.ToLower(tt.Name)
			t.own[name] = fmt.Sprintf("tables.tenant in %s", cfg.File)
			t.column[name] = strings.ToLower(tt.Key)
		}
		return
	}
	for _, col := range cfg.Tenant.Columns {
		stem, ok := strings.CutSuffix(strings.ToLower(col), "_id")
		if !ok || stem == "" {
			continue
		}
		name := plural(stem)
		if _, ok := t.tenant[name]; ok || t.isGlobal(name) {
			continue
		}
		t.own[name] = fmt.Sprintf("named after the tenant column %s; tables.tenant names another", col)
		t.column[name] = "id"
	}
}

// moduleRoot is the nearest directory upward holding go.mod; the package directory itself when
// there is none (GOPATH-style test data).
func moduleRoot(dir string) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}
