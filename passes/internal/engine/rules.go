package engine

import (
	"go/types"
	"slices"
	"strings"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
)

// rules is the engine's part of the catalog merged with one configuration, indexed by
// catalog.Key: where the tenant comes from, what vouches for it, what declares code
// cross-tenant. What a family's sinks are is the family's own (Family.ForPackage).
type rules struct {
	sources      map[string]int // function -> result index that is the tenant id
	fieldSources map[string]bool
	untrusted    map[string]bool
	scopers      map[string]bool
	validators   map[string]int // function -> argument index (receiver excluded)
	crossTenant  map[string]bool
	requires     map[string][]config.Require // function -> its declared requirements (requires:)
	// tenantWords: parts of parameter names that may hold the tenant (built in + tenant.names).
	tenantWords []string
}

// rulesKey caches the rules of one configuration.
type rulesKey struct{ cfg *config.Config }

func (e *Engine) rulesFor(cfg *config.Config) *rules {
	return e.Memo(rulesKey{cfg}, func() any { return newRules(cfg) }).(*rules)
}

func newRules(cfg *config.Config) *rules {
	r := &rules{
		sources:      map[string]int{},
		fieldSources: map[string]bool{},
		untrusted:    map[string]bool{},
		scopers:      map[string]bool{},
		validators:   map[string]int{},
		crossTenant:  map[string]bool{},
		requires:     map[string][]config.Require{},
		tenantWords:  wordsFor(cfg.Tenant.Names),
	}
	for _, sc := range catalog.Scopers {
		r.scopers[sc] = true
	}
	for _, s := range catalog.Sources {
		r.sources[s.Func] = s.Result
	}
	for _, f := range catalog.FieldSources {
		r.fieldSources[f.Field] = true
	}
	for _, u := range catalog.Untrusted {
		r.untrusted[u] = true
	}
	for _, s := range cfg.Tenant.Sources {
		switch {
		case s.Func != nil:
			r.sources[Key(*s.Func)] = s.Result
		case s.Field != nil:
			r.fieldSources[Key(*s.Field)] = true
		}
	}
	for _, v := range cfg.Tenant.Validators {
		r.validators[Key(v.Func)] = v.Arg
	}
	for _, s := range cfg.Scopers {
		r.scopers[Key(s.Name)] = true
	}
	for _, c := range cfg.CrossTenant {
		r.crossTenant[Key(c.Name)] = true
	}
	for _, q := range cfg.Requires {
		r.requires[Key(q.Func)] = append(r.requires[Key(q.Func)], q)
	}
	return r
}

// Key spells a configured name the way catalog.Key spells a go/types object.
func Key(f config.FuncName) string {
	if f.Recv == "" {
		return f.Pkg + "." + f.Name
	}
	return "(" + f.Pkg + "." + f.Recv + ")." + f.Name
}

// fieldSource reports whether field f of struct type t is a configured tenant field.
func (r *rules) fieldSource(t types.Type, f *types.Var) (string, bool) {
	if len(r.fieldSources) == 0 {
		return "", false
	}
	tk := catalog.TypeKey(t)
	if tk == "" {
		return "", false
	}
	k := "(" + tk + ")." + f.Name()
	return k, r.fieldSources[k]
}

// wordsFor is the built-in tenant words with the configured ones added ("user") and removed
// ("-namespace").
func wordsFor(names []string) []string {
	words := slices.Clone(tenantWords)
	for _, n := range names {
		if w, ok := strings.CutPrefix(n, "-"); ok {
			words = slices.DeleteFunc(words, func(x string) bool { return x == w })
		} else if !slices.Contains(words, n) {
			words = append(words, n)
		}
	}
	return words
}
