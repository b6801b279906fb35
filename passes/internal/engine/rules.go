package engine

import (
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
)

// rules is the catalog merged with one configuration, indexed by catalog.Key.
type rules struct {
	sources      map[string]int // function -> result index that is the tenant id
	fieldSources map[string]bool
	untrusted    map[string]bool
	scopers      map[string]bool
	validators   map[string]int // function -> argument index (receiver excluded)
	sqlSinks     map[string]catalog.SQLSink
	copyFrom     map[string]bool
	crossTenant  map[string]bool
	keySinks     map[string][]catalog.KeySink
	// tenantWords: parts of parameter names that may hold the tenant (built in + tenant.names).
	tenantWords []string
}

var rulesCache sync.Map // *config.Config -> *rules

func rulesFor(cfg *config.Config) *rules {
	if r, ok := rulesCache.Load(cfg); ok {
		return r.(*rules)
	}
	r := &rules{
		sources:      map[string]int{},
		fieldSources: map[string]bool{},
		untrusted:    map[string]bool{},
		scopers:      map[string]bool{},
		validators:   map[string]int{},
		sqlSinks:     map[string]catalog.SQLSink{},
		copyFrom:     map[string]bool{},
		crossTenant:  map[string]bool{},
		keySinks:     map[string][]catalog.KeySink{},
		tenantWords:  wordsFor(cfg.Tenant.Names),
	}
	for _, k := range catalog.KeySinks {
		r.keySinks[k.Func] = append(r.keySinks[k.Func], k)
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
	for _, s := range catalog.SQLSinks {
		r.sqlSinks[s.Func] = s
	}
	for _, c := range catalog.CopyFrom {
		r.copyFrom[c] = true
	}
	for _, s := range cfg.Tenant.Sources {
		switch {
		case s.Func != nil:
			r.sources[key(*s.Func)] = s.Result
		case s.Field != nil:
			r.fieldSources[key(*s.Field)] = true
		}
	}
	for _, v := range cfg.Tenant.Validators {
		r.validators[key(v.Func)] = v.Arg
	}
	for _, s := range cfg.Scopers {
		r.scopers[key(s.Name)] = true
	}
	for _, c := range cfg.CrossTenant {
		r.crossTenant[key(c.Name)] = true
	}
	for _, s := range cfg.Sinks {
		if s.Kind == "sql" {
			r.sqlSinks[key(s.Func)] = catalog.SQLSink{Func: key(s.Func), Query: s.Arg, Args: s.Arg + 1}
			continue
		}
		k := key(s.Func)
		// A channel everyone listens on is a leak even when its name is a constant.
		r.keySinks[k] = append(r.keySinks[k], catalog.KeySink{Func: k, Arg: s.Arg, Family: s.Kind, What: whatOf[s.Kind], Constant: s.Kind == "channel"})
	}
	actual, _ := rulesCache.LoadOrStore(cfg, r)
	return actual.(*rules)
}

// whatOf names the argument of a configured sink, by family, for messages.
var whatOf = map[string]string{"cache": "cache key", "job": "job payload", "channel": "channel name", "storage": "storage path"}

// key spells a configured name the way catalog.Key spells a go/types object.
func key(f config.FuncName) string {
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
