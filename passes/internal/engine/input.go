package engine

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
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
	jobPayload := false
	if b.Decoder {
		from := c.Recv()
		if b.From >= 0 {
			from = c.Arg(b.From)
		}
		fv := Value{}
		if from != nil {
			fv = *s.Eval(from)
		}
		if fv.Kind != facts.Untrusted {
			return // a decoder of something else: a file, a row
		}
		if strings.HasPrefix(fv.What, jobPayloadWhat) {
			// A message's payload decoded: its tenant-named fields are the payload's tenant.
			v = &Value{Kind: facts.Untrusted, Origin: fv.Origin, What: fv.What}
			jobPayload = true
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
		if !f.Exported() || !r.boundField(st.Tag(i)) || (jobPayload && !r.namesTenant(f.Name())) {
			continue
		}
		stored = true
		k := strconv.Itoa(i)
		if set[k] {
			continue
		}
		s.store(instr, root, append(slices.Clip(keys), k), v)
	}
	if !stored && !jobPayload {
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

// requestField is the value of field f of struct type t read at addrOrField, whose memory
// holds v, when the field is request input wherever it is read: a field of
// catalog.UntrustedFields (a request's Body), or a field some binder fills by its address
// (facts.BoundField) read from a value the function did not fill itself (a parameter, or what
// a call returned). All fields read from one root (the request parameter) share its origin, so
// that a validator called on one read vouches for the next.
func (s *Frame) requestField(addrOrField ssa.Value, t types.Type, f *types.Var, v *Value) (*Value, bool) {
	tk := catalog.TypeKey(t)
	if tk == "" {
		return nil, false
	}
	if k := "(" + tk + ")." + f.Name(); s.Pkg.rules.untrustedFields[k] {
		return &Value{Kind: facts.Untrusted, Origin: addrOrField.Pos(), What: k}, true
	}
	if v.Kind == facts.Param {
		if x := s.jobPayloadField(addrOrField, t, f); x != nil {
			return x, true
		}
	}
	if (v.Kind != facts.Param && v.Kind != facts.Unknown) || !s.Pkg.isBoundField(f) {
		return nil, false
	}
	origin := addrOrField.Pos()
	if r := selectorRoot(addrOrField); r.Pos().IsValid() {
		origin = r.Pos()
	}
	name := tk[strings.LastIndex(tk, "/")+1:]
	return &Value{Kind: facts.Untrusted, Origin: origin, What: name + "." + f.Name()}, true
}

// selectorRoot is the value a chain of field selections and loads starts from.
func selectorRoot(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			v = x.X
		default:
			return v
		}
	}
}

// packageInput is what the package's own code binds.
type packageInput struct {
	bound map[*types.Var]bool // fields of the package's named types filled by a binder
	// guards: functions judged as middleware (routes.go); guarded: handlers every
	// registration guards, by handlerKey.
	guards  map[*ssa.Function]bool
	guarded map[any]bool
	// jobs: registered job handlers by handlerKey; jobTypes: types whose exported methods all
	// are (jobinput.go).
	jobs     map[any]bool
	jobTypes map[string]bool
}

// isBoundField reports whether a binder fills field f by its address: in this package, or in
// the package declaring f (a fact).
func (p *Package) isBoundField(f *types.Var) bool {
	if f.Pkg() == nil {
		return false
	}
	if f.Pkg() == p.pass.Pkg {
		return p.ownInput().bound[f]
	}
	return p.pass.ImportObjectFact(f, new(facts.BoundField))
}

// ownInput finds the fields the package's binders fill by address (&params.Tenant), once: a
// scan of the calls, so that functions reading them see them whatever order they are solved in.
func (p *Package) ownInput() *packageInput {
	if p.input != nil {
		return p.input
	}
	in := &packageInput{bound: map[*types.Var]bool{}, guards: map[*ssa.Function]bool{}}
	p.input = in
	if len(p.rules.binders) == 0 {
		return in
	}
	for _, fn := range p.srcFuncs() {
		forEachCall(fn, func(instr ssa.CallInstruction) {
			c := p.Call(instr)
			b, ok := p.rules.binders[c.Key]
			if !ok || b.Decoder {
				return
			}
			fa, ok := StripConversions(c.Arg(b.Arg)).(*ssa.FieldAddr)
			if !ok || !isPackageType(fa.X.Type(), p.pass.Pkg) {
				return
			}
			if f := FieldVar(fa.X.Type(), fa.Field); f != nil {
				in.bound[f] = true
			}
		})
	}
	return in
}

// isPackageType reports whether t is (a pointer to) a named type declared at package level
// in pkg: only its fields can carry facts.
func isPackageType(t types.Type, pkg *types.Package) bool {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == pkg && n.Obj().Parent() == pkg.Scope()
}

// exportBoundFields exports the package's bound fields for the packages that read them.
func (p *Package) exportBoundFields() {
	var fs []*types.Var
	for f := range p.ownInput().bound {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	for _, f := range fs {
		p.pass.ExportObjectFact(f, &facts.BoundField{})
	}
}

// usesBoundField reports whether the package reads a field another package's binders fill.
func usesBoundField(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		if f, ok := obj.(*types.Var); ok && f.IsField() && f.Pkg() != nil && f.Pkg() != pass.Pkg &&
			pass.ImportObjectFact(f, new(facts.BoundField)) {
			return true
		}
	}
	return false
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
