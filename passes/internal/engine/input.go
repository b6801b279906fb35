package engine

import (
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
)

// Request input that a call writes through a pointer instead of returning it: binders
// (catalog.Binders) fill a struct from the request, or one parameter.

// bindRequestInput models a binder call: what its target points to now holds request input.
// The fields of a bound struct are stored one by one, so that reading one (req.Tenant) or the
// whole (req passed on) sees it. A field the function sets itself (req.TenantID =
// auth.TenantID(ctx), typically after binding) keeps only what it sets: memory is
// flow-insensitive, and the explicit assignment is what the code means to use.
func (s *Frame) bindRequestInput(instr ssa.CallInstruction) {
	r := s.Pkg.rules
	if len(r.binders) == 0 {
		return
	}
	c := s.Pkg.Call(instr)
	b, ok := r.binders[c.Key]
	if !ok {
		return
	}
	target := c.Arg(b.Arg)
	if target == nil {
		return
	}
	v := &Value{Kind: facts.Untrusted, Origin: c.Start, What: s.Pkg.ExprText(instr.Pos(), c.Key)}
	if b.Decoder {
		from := c.Recv()
		if b.From >= 0 {
			from = c.Arg(b.From)
		}
		if from == nil || s.Eval(from).Kind != facts.Untrusted {
			return // a decoder of something else: a file, a row, a job payload
		}
	}
	target = StripConversions(target)
	ptr, ok := target.Type().Underlying().(*types.Pointer)
	if !ok {
		return
	}
	root, keys, _ := s.Address(target)
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		s.store(instr, root, keys, v)
		return
	}
	set := s.fieldsSetHere(root, keys)
	stored := false
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() || !r.boundField(st.Tag(i)) {
			continue
		}
		stored = true
		k := strconv.Itoa(i)
		if set[k] {
			continue
		}
		s.store(instr, root, append(slices.Clip(keys), k), v)
	}
	if !stored {
		// A struct with no field a binder fills by name (a time.Time, a uuid): a value.
		s.store(instr, root, keys, v)
	}
}

// fieldsSetHere lists the fields of the struct at root+keys that the function stores to
// itself (the first selector below keys of every Store).
func (s *Frame) fieldsSetHere(root ssa.Value, keys []string) map[string]bool {
	set := map[string]bool{}
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			r, ks, _ := s.Address(st.Addr)
			if r == root && len(ks) > len(keys) && slices.Equal(ks[:len(keys)], keys) {
				set[ks[len(keys)]] = true
			}
		}
	}
	return set
}

// boundField reports whether a binder fills a field with this tag: not when every binding tag
// it has says "-", nor when it is bound from a header the configuration trusts.
func (r *rules) boundField(tag string) bool {
	st := reflect.StructTag(tag)
	tagged, skipped := 0, 0
	for _, t := range catalog.BindingTags {
		name, ok := st.Lookup(t)
		if !ok {
			continue
		}
		tagged++
		name, _, _ = strings.Cut(name, ",")
		if name == "-" {
			skipped++
			continue
		}
		if slices.Contains(catalog.HeaderTags, t) && r.trustedHeaders[strings.ToLower(name)] {
			return false
		}
	}
	return tagged == 0 || skipped < tagged
}

// untrustedField applies catalog.UntrustedFields: reading a request's Body (or form, or
// headers) yields request input.
func (r *rules) untrustedField(t types.Type, f *types.Var) (string, bool) {
	tk := catalog.TypeKey(t)
	if tk == "" {
		return "", false
	}
	k := "(" + tk + ")." + f.Name()
	return k, r.untrustedFields[k]
}

// trustedHeaderRead reports whether a call reads a header by a constant name the
// configuration trusts (r.Header.Get("X-Tenant-ID") behind a gateway that sets it).
func (s *Frame) trustedHeaderRead(c *Call) bool {
	r := s.Pkg.rules
	if len(r.trustedHeaders) == 0 || !slices.Contains(catalog.HeaderGetters, c.Key) {
		return false
	}
	a := c.Arg(0)
	if a == nil {
		return false
	}
	k, ok := constKey(a)
	return ok && r.trustedHeaders[strings.ToLower(k)]
}
