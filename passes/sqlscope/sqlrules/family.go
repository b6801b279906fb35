// Package sqlrules is sqlscope's family of rules: SQL text run through database/sql, pgx, sqlx
// and sqlc's generated code (sql.go), the tenant tables it is judged against (tables.go), and
// the ORMs and query builders (builders.go: gorm, bun, xorm, squirrel, ent, pop).
package sqlrules

import (
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Family is the SQL family.
var Family engine.Family = family{}

var info = &engine.FamilyInfo{Name: catalog.FamilySQL, Check: "sqlscope", Noun: "query"}

type family struct{}

func (family) Info() *engine.FamilyInfo { return info }

func (family) Relevant(e *engine.Engine, cfg *config.Config, key string) bool {
	_, ok := sinksOf(e, cfg).sql[key]
	return ok
}

func (family) ForPackage(p *engine.Package) (engine.Rules, error) {
	cfg := p.Config()
	tables, err := TenantTables(p, cfg, p.Dir())
	if err != nil {
		return nil, err
	}
	return &rules{pkg: p, cfg: cfg, tables: tables, sinks: sinksOf(p, cfg)}, nil
}

// sinks are the SQL sinks of one configuration, by catalog.Key.
type sinks struct {
	sql      map[string]catalog.SQLSink
	copyFrom map[string]bool
}

type sinksKey struct{ cfg *config.Config }

// sinksOf is the SQL sinks of one configuration, built once (m is the engine or a package).
func sinksOf(m engine.Memoizer, cfg *config.Config) *sinks {
	return m.Memo(sinksKey{cfg}, func() any { return sinksFor(cfg) }).(*sinks)
}

func sinksFor(cfg *config.Config) *sinks {
	s := &sinks{sql: map[string]catalog.SQLSink{}, copyFrom: map[string]bool{}}
	for _, k := range catalog.SQLSinks {
		s.sql[k.Func] = k
	}
	for _, c := range catalog.CopyFrom {
		s.copyFrom[c] = true
	}
	for _, k := range cfg.Sinks {
		if k.Kind == info.Name {
			s.sql[engine.Key(k.Func)] = catalog.SQLSink{Func: engine.Key(k.Func), Query: k.Arg, Args: k.Arg + 1}
		}
	}
	return s
}

// rules are the SQL family's rules for one package.
type rules struct {
	engine.NoRules
	pkg    *engine.Package
	cfg    *config.Config
	tables *Tables
	sinks  *sinks
}

func (r *rules) CallValue(f *engine.Frame, c *engine.Call) (*engine.Value, bool) {
	return r.builderValue(f, c)
}

func (r *rules) ValueOf(f *engine.Frame, v ssa.Value) (*engine.Value, bool) {
	if mc, ok := v.(*ssa.MakeClosure); ok {
		// A scope that adds a tenant predicate (func(B) B); other closures are not the
		// family's business.
		if x := r.closureValue(f, mc); x.Kind.HasTenant() {
			return x, true
		}
		return nil, false
	}
	if a, ok := v.(*ssa.Alloc); ok {
		// A row loaded with a tenant predicate carries the tenant's scope.
		if x := r.loadedRowValue(f, a); x != nil {
			return x, true
		}
		return nil, false
	}
	if b := r.builderLoad(f, v); b != nil {
		return b, true
	}
	return nil, false
}

func (r *rules) CheckCall(f *engine.Frame, c *engine.Call) {
	if site, ok := r.sqlSite(f, c); ok {
		r.checkSQL(f, c, site)
	}
	if r.sinks.copyFrom[c.Key] {
		r.checkCopyFrom(f, c)
	}
	r.checkBuilder(f, c)
	if lib, ok := r.interfaceRun(f, c); ok {
		r.checkHandedRun(f, c, lib)
	}
}
