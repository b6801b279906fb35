package engine

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"golang.org/x/tools/go/ssa"
)

// rules is the engine's part of the catalog merged with one configuration, indexed by
// catalog.Key: where the tenant comes from, what vouches for it, what declares code
// cross-tenant. What a family's sinks are is the family's own (Family.ForPackage).
type rules struct {
	sources      map[string][]int // function -> the result indices that are the tenant id
	fieldSources map[string]bool
	untrusted    map[string]bool
	scopers      map[string]bool
	validators   map[string]int // function -> argument index (receiver excluded)
	crossTenant  map[string]bool
	requires     map[string][]config.Require // function -> its declared requirements (requires:)
	// tenantWords: parts of parameter names that may hold the tenant (built in + tenant.names).
	tenantWords []string
	// tenantNames: the words of tenantWords that name the tenant itself (with tenant.names).
	tenantNames []string
	// binders fill what an argument points to with request input; untrustedFields hold it
	// (a request's Body); trustedHeaders (lower case) are headers trusted infrastructure sets.
	binders         map[string]catalog.Binder
	untrustedFields map[string]bool
	trustedHeaders  map[string]bool
	routes          map[string]catalog.Route
}

// rulesKey caches the rules of one configuration.
type rulesKey struct{ cfg *config.Config }

func (e *Engine) rulesFor(cfg *config.Config) *rules {
	return e.Memo(rulesKey{cfg}, func() any { return newRules(cfg) }).(*rules)
}

func newRules(cfg *config.Config) *rules {
	r := &rules{
		sources:      map[string][]int{},
		fieldSources: map[string]bool{},
		untrusted:    map[string]bool{},
		scopers:      map[string]bool{},
		validators:   map[string]int{},
		crossTenant:  map[string]bool{},
		requires:     map[string][]config.Require{},
		tenantWords:  wordsFor(tenantWords, cfg.Tenant.Names),
		tenantNames:  wordsFor(tenantNames, cfg.Tenant.Names),

		binders:         map[string]catalog.Binder{},
		untrustedFields: map[string]bool{},
		trustedHeaders:  map[string]bool{},
	}
	for _, b := range catalog.Binders {
		r.binders[b.Func] = b
	}
	r.routes = map[string]catalog.Route{}
	for _, rt := range catalog.Routes {
		r.routes[rt.Func] = rt
	}
	for _, f := range catalog.UntrustedFields {
		r.untrustedFields[f] = true
	}
	for _, h := range cfg.Tenant.TrustedHeaders {
		r.trustedHeaders[strings.ToLower(h)] = true
	}
	for _, sc := range catalog.Scopers {
		r.scopers[sc] = true
	}
	for _, s := range catalog.Sources {
		r.addSource(s.Func, s.Result)
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
			r.addSource(Key(*s.Func), s.Result)
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

// addSource records that result i of function k is the tenant id. A function may have several
// such results (Claims() (orgID, tenantID string)): every entry counts.
func (r *rules) addSource(k string, i int) {
	if !slices.Contains(r.sources[k], i) {
		r.sources[k] = append(r.sources[k], i)
	}
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

// wordsFor is built-in tenant words with the configured ones added ("user") and removed
// ("-namespace").
func wordsFor(builtin, names []string) []string {
	words := slices.Clone(builtin)
	for _, n := range names {
		if w, ok := strings.CutPrefix(n, "-"); ok {
			words = slices.DeleteFunc(words, func(x string) bool { return x == w })
		} else if !slices.Contains(words, n) {
			words = append(words, n)
		}
	}
	return words
}

// promotedFieldSource reports whether field f, read from addrOrField, is a configured tenant
// field of a struct that embeds f's struct: a.ID on an Account embedding Base is (Account).ID
// as the user reads it, though go/types declares ID in Base. Only the types on the embedding
// path count: (Host).ID, promoted from the same Base, is not (Account).ID.
func (r *rules) promotedFieldSource(addrOrField ssa.Value, f *types.Var) (string, bool) {
	if len(r.fieldSources) == 0 {
		return "", false
	}
	x := addrOrField
	for {
		var outer ssa.Value
		var idx int
		switch a := x.(type) {
		case *ssa.FieldAddr:
			outer, idx = a.X, a.Field
		case *ssa.Field:
			outer, idx = a.X, a.Field
		default:
			return "", false
		}
		if x != addrOrField {
			// x selects an embedded field of outer: f is promoted to outer's type.
			if ef := FieldVar(outer.Type(), idx); ef == nil || !ef.Embedded() {
				return "", false
			}
			if what, ok := r.fieldSource(outer.Type(), f); ok {
				return what, true
			}
		}
		x = outer
		if u, ok := x.(*ssa.UnOp); ok && u.Op == token.MUL {
			x = u.X // (*a).Base.ID through a loaded pointer
		}
	}
}
