package engine

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
)

// callValue is the value of a call's result: a source, request input, a scoper, what the
// callee's summary says, or by default something derived from the arguments.
func (s *Frame) callValue(call *Call) *Value {
	c, pos := call.Common, call.Instr.Pos()
	n := c.Signature().Results().Len()
	wrap := func(results []*Value) *Value {
		if n == 1 {
			return results[0]
		}
		fields := map[string]*Value{}
		for i, r := range results {
			fields[strconv.Itoa(i)] = r
		}
		return &Value{Kind: facts.Unknown, Fields: fields}
	}
	fill := func(v *Value, at int) *Value {
		rs := make([]*Value, n)
		for i := range rs {
			rs[i] = UnknownValue
		}
		if at < n {
			rs[at] = v
		}
		return wrap(rs)
	}
	if n == 0 {
		return UnknownValue
	}
	args := call.Args
	k := call.Key
	if k != "" {
		r := s.Pkg.rules
		if ats, ok := r.sources[k]; ok {
			v := &Value{Kind: facts.TenantID, Origin: s.Pkg.CallStart(pos), What: s.Pkg.ExprText(pos, k)}
			if len(ats) == 1 {
				return fill(v, ats[0])
			}
			rs := make([]*Value, n)
			for i := range rs {
				rs[i] = UnknownValue
				if slices.Contains(ats, i) {
					rs[i] = v
				}
			}
			return wrap(rs)
		}
		if r.untrusted[k] && !s.trustedHeaderRead(call) {
			v := &Value{Kind: facts.Untrusted, Origin: s.Pkg.CallStart(pos), What: s.Pkg.ExprText(pos, k)}
			rs := make([]*Value, n)
			for i := range rs {
				rs[i] = v
			}
			return wrap(rs)
		}
		if r.scopers[k] {
			return fill(&Value{Kind: facts.Scoped, Origin: pos, What: k}, 0)
		}
	}
	if v, ok := s.textRead(call); ok {
		return v // what was written into a strings.Builder or bytes.Buffer (textbuf.go)
	}
	for _, r := range s.Pkg.families {
		if v, ok := r.CallValue(s, call); ok {
			return v // e.g. an ORM or query builder (sqlscope)
		}
	}
	if sum := s.Pkg.SummaryOf(c); sum != nil {
		rs := make([]*Value, n)
		for i := range rs {
			rs[i] = UnknownValue
			if i >= len(sum.Results) {
				continue
			}
			res := sum.Results[i]
			switch res.Kind {
			case facts.TenantID:
				rs[i] = &Value{Kind: facts.TenantID, Origin: pos, What: s.Pkg.ExprText(pos, k)}
			case facts.Scoped:
				rs[i] = &Value{Kind: facts.Scoped, Origin: pos}
			case facts.None:
				rs[i] = NoneValue
				if res.Target != "" {
					rs[i] = &Value{Kind: facts.None, Target: res.Target}
				}
			case facts.Untrusted:
				rs[i] = &Value{Kind: facts.Untrusted, Origin: pos, What: s.Pkg.ExprText(pos, k)}
			case facts.Param:
				var vs []*Value
				for _, ref := range res.Params {
					vs = append(vs, s.argAt(args, ref))
				}
				rs[i] = Derive(vs...)
				if !res.Derived && len(vs) == 1 && rs[i].Kind == facts.Param {
					// The callee returns a part of its parameter as it is (return r.Tenant): a
					// field of the result is a field of what the caller passed.
					d := *rs[i]
					d.Derived = vs[0].Derived
					rs[i] = &d
				}
				if res.Target != "" && rs[i].Target == "" {
					t := *rs[i]
					t.Target = res.Target // a helper that sets the table of the builder it is given
					rs[i] = &t
				}
				if rs[i].Kind == facts.None && !described(rs[i]) {
					rs[i] = UnknownValue
				}
			}
			if res.Built && !rs[i].Kind.HasTenant() {
				b := *rs[i]
				if b.Kind == facts.None {
					b.Kind = facts.Unknown
				}
				b.Built = true
				b.BuiltAt = cmp.Or(res.BuiltAt, b.BuiltAt) // where the callee assembled it
				rs[i] = &b
			}
		}
		return wrap(rs)
	}
	for _, r := range s.Pkg.families {
		if v, ok := r.DefaultValue(s, call); ok {
			return v // e.g. a key sink's keys do not flow into its result
		}
	}
	return s.DeriveCall(call, nil)
}

// DeriveCall is the value of a call the engine knows nothing of (an interface method, a function
// value, a package the engine skipped): its result incorporates whatever went in, except the
// arguments skip names (indices in c.Args). Contexts are left out: nearly every call takes one,
// and what comes out of it is decided by sources, not by the context itself. A receiver passes
// on request input or the tenant (r.URL.Query().Get, t.String()), but not its being a
// parameter: a method's result is not "the receiver" in any useful sense, and tracking it would
// put a fact on nearly every method.
func (s *Frame) DeriveCall(call *Call, skip map[int]bool) *Value {
	n := call.Common.Signature().Results().Len()
	var vs []*Value
	var parts []ssa.Value
	for i, a := range call.Args {
		if IsContext(a.Type()) || skip[i] {
			continue
		}
		parts = append(parts, a)
		if k, ok := a.(*ssa.Const); ok && !isStringish(k.Type()) {
			continue // a number or flag (ParseInt's base), not a part of what is built
		}
		v := s.Eval(a)
		if i == 0 && call.Method && v.Kind == facts.Param {
			continue
		}
		vs = append(vs, v)
	}
	d := s.builtHere(s.build(Derive(vs...), parts...), call.Start)
	if d.Kind == facts.None {
		d = UnknownValue
	}
	if n > 1 {
		fields := map[string]*Value{}
		for i := range n {
			fields[strconv.Itoa(i)] = d
		}
		return &Value{Kind: facts.Unknown, Fields: fields}
	}
	return d
}

// CallArgs lists a call's arguments with the receiver first, as SSA parameters are numbered.
func CallArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// CalleeKey names the called function in catalog terms, "" for dynamic calls.
func CalleeKey(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return catalog.Key(c.Method)
	}
	if fn := StaticCallee(c); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return catalog.Key(obj)
		}
	}
	return ""
}

// SummaryOf finds the callee's summary: computed in this package, or imported as a fact.
func (p *Package) SummaryOf(c *ssa.CallCommon) *facts.Summary {
	return p.SummaryOfFunc(StaticCallee(c))
}

// SummaryOfFunc finds a function's summary: computed in this package, or imported as a fact;
// nil when it has none.
func (p *Package) SummaryOfFunc(fn *ssa.Function) *facts.Summary {
	if fn == nil {
		return nil
	}
	if sum, ok := p.summaries[fn]; ok {
		return sum
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == p.pass.Pkg {
		return nil
	}
	sum := new(facts.Summary)
	if p.pass.ImportObjectFact(obj.Origin(), sum) {
		return sum
	}
	return nil
}

func (s *Frame) argAt(args []ssa.Value, ref facts.ParamRef) *Value {
	if ref.Index >= len(args) {
		return UnknownValue
	}
	if len(ref.Path) > 0 {
		if x := StripConversions(args[ref.Index]); isPointer(x.Type()) {
			// A field of what the argument points to is what this function stored there, if
			// it did: a row a constructor returned whose tenant is assigned afterwards (u :=
			// NewUser(...); u.AccountID = accountID), or a parameter's row whose tenant a
			// transaction callback assigns before saving it. The pointer's own value (the
			// constructor's result) knows nothing of those stores.
			root, keys, names := s.Address(x)
			return s.Load(root, append(keys, ref.Path...), append(names, refNames(ref)...))
		}
	}
	v := s.Eval(args[ref.Index])
	for i, k := range ref.Path {
		name := k
		if i < len(ref.Names) && ref.Names[i] != "" {
			name = ref.Names[i]
		}
		v = v.Field(k, name)
	}
	return v
}

// refNames are the field names of a requirement's path, for explanations.
func refNames(ref facts.ParamRef) []string {
	out := make([]string, len(ref.Path))
	for i, k := range ref.Path {
		out[i] = k
		if i < len(ref.Names) && ref.Names[i] != "" {
			out[i] = ref.Names[i]
		}
	}
	return out
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func IsContext(t types.Type) bool {
	return catalog.TypeKey(t) == "context.Context"
}

// ExprText is the source text of the call at pos ("r.FormValue"), for messages.
func (p *Package) ExprText(pos token.Pos, fallback string) string {
	if c, ok := p.calls[pos]; ok {
		return types.ExprString(c.Fun)
	}
	return fallback
}

// CallStart maps a call's Lparen (SSA's position for calls) to the start of the call
// expression, which is where a reader looks.
func (p *Package) CallStart(lparen token.Pos) token.Pos {
	if c, ok := p.calls[lparen]; ok {
		return c.Pos()
	}
	return lparen
}

// summary is what callers (in this package and others) need to know about the function.
func (s *Frame) summary() *facts.Summary {
	sum := &facts.Summary{Requires: s.requires, SQL: s.sqlForward}
	if len(s.ctxReads) > 0 && !s.crossTenant() { // (crossTenant marks its directive used)
		for _, r := range s.ctxReads {
			sum.CtxTenant = append(sum.CtxTenant, r.Param)
		}
		slices.Sort(sum.CtxTenant)
	}
	for i, r := range s.returns {
		v := Finalize(r)
		if v.Kind == facts.Untrusted {
			v = s.validatedResult(i, v)
		}
		res := facts.Result{Kind: v.Kind, Built: v.Built && !v.Kind.HasTenant(), Target: v.Target}
		if res.Built {
			res.BuiltAt = v.BuiltAt
		}
		if v.Kind == facts.Param {
			res.Params, res.Derived = v.Params, v.Derived
		}
		sum.Results = append(sum.Results, res)
	}
	if s.forcedSource && len(sum.Results) > 0 {
		sum.Results[0] = facts.Result{Kind: facts.TenantID}
	}
	for len(sum.Results) > 0 && sum.Results[len(sum.Results)-1].Kind == facts.Unknown && sum.Results[len(sum.Results)-1].Target == "" {
		sum.Results = sum.Results[:len(sum.Results)-1]
	}
	return sum
}

// validatedResult is result i, request input on some path (v), as the callers see it. A guard
// helper reads an id from the request, calls a validator on it and returns it (orgID :=
// chi.URLParam(r, "orgID"); if !checkAccess(w, r, orgID) { return "", false }; return orgID,
// true): the validation happened in the helper, and its callers use the id it vouched for as
// the tenant. So request input returned where a validator call on that same input dominates
// the return is the tenant; request input returned on a path the validator does not dominate,
// or other request input than the one validated, stays request input (a result is the meet of
// every path that returns something).
func (s *Frame) validatedResult(i int, v *Value) *Value {
	var out *Value
	for _, b := range s.Fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		rv, ok := s.returnValue(ret, i)
		if !ok {
			continue
		}
		if rv.Kind == facts.Untrusted {
			if !s.validated(rv, ret) {
				return v
			}
			rv = &Value{Kind: facts.TenantID, Origin: rv.Origin, What: rv.What}
		}
		out = Meet(out, rv)
	}
	return Finalize(out)
}

// check evaluates every sink and every call with obligations in the function, and in the
// function literals it creates. Findings are recorded only when report is set; requirements
// on parameters always are (they make the summary).
func (s *Frame) check(report bool) {
	s.report = report
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case ssa.CallInstruction:
				s.noteCtxReads(in)
				s.checkCall(in)
			case *ssa.MakeClosure:
				s.checkClosure(in.Fn.(*ssa.Function), in.Bindings)
			}
		}
	}
	// Function literals that capture nothing are plain function values.
	for _, anon := range s.Fn.AnonFuncs {
		if !s.closuresDone[anon] {
			s.checkClosure(anon, nil)
		}
	}
	for _, r := range s.Pkg.families {
		r.CheckFunc(s)
	}
}

func (s *Frame) checkClosure(fn *ssa.Function, bindings []ssa.Value) {
	if s.closuresDone == nil {
		s.closuresDone = map[*ssa.Function]bool{}
	}
	if s.closuresDone[fn] || fn.Blocks == nil {
		return
	}
	s.closuresDone[fn] = true
	cs := s.closure(fn, bindings)
	cs.solve()
	cs.check(s.report)
}

// closure is the frame of a function literal made in s: its free variables are bound to
// values of s, and its parameters come from callers unknown.
func (s *Frame) closure(fn *ssa.Function, bindings []ssa.Value) *Frame {
	cs := newFuncState(s.Pkg, fn)
	cs.parent = s
	cs.closureParams = true
	cs.env = map[*ssa.FreeVar]ssa.Value{}
	for i, fv := range fn.FreeVars {
		if i < len(bindings) {
			cs.env[fv] = bindings[i]
		}
	}
	return cs
}

// SolveClosure solves a function literal made in s (with its free variables bound to
// bindings, its parameters unknown) and returns what it returns, one value per result.
func (s *Frame) SolveClosure(fn *ssa.Function, bindings []ssa.Value) []*Value {
	cs := s.closure(fn, bindings)
	cs.solve()
	out := make([]*Value, len(cs.returns))
	for i, r := range cs.returns {
		out[i] = Finalize(r)
	}
	return out
}

func (s *Frame) Root() *Frame {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

// checkCall judges one call: the families judge their sinks, and the engine the requirements
// of the callee's summary.
func (s *Frame) checkCall(call ssa.CallInstruction) {
	cv := s.Pkg.Call(call)
	for _, r := range s.Pkg.families {
		r.CheckCall(s, cv)
	}
	c := cv.Common
	reqs := s.Pkg.requiresOf(c)
	if len(reqs) == 0 {
		return
	}
	args := CallArgs(c)
	name, sig := calleeSig(c)
	for _, req := range reqs {
		var vs []*Value
		var names []string
		for _, ref := range req.Params() {
			v := s.argAt(args, ref)
			if s.unsetInLiteral(call, args, ref) {
				v = &Value{Kind: facts.None, What: "a literal that leaves " + paramName(sig, ref) + " unset"}
			}
			if emptyVariadic(c, args, ref) {
				// f(ctx, id) for f(ctx, id, tenants ...string): passing nothing where the tenant
				// must be is passing no tenant, as f(ctx, id, "") would.
				v = &Value{Kind: facts.None, What: "no argument for it"}
			}
			vs = append(vs, v)
			names = append(names, paramName(sig, ref))
		}
		v := AnyOf(vs)
		if req.Targeted && v.Kind == facts.None && v.Target == "" {
			continue // e.g. a builder on a table that needs no tenant, or one the caller does not know
		}
		pname := strings.Join(names, " or ")
		here := s.Pkg.Step(cv.Start, "calls %s with %s as %s", name, s.Describe(v), pname)
		subject := fmt.Sprintf("%s needs the active tenant in %s (for %s)", name, pname, req.Sink)
		if info := s.Pkg.engine.byName[req.Family]; info != nil && info.Names {
			subject += ", but the value it gets" // "... is built without the active tenant"
		}
		s.Need(v, call, Needed{
			Family:   req.Family,
			Constant: req.Constant,
			Targeted: req.Targeted,
			Subject:  subject,
			Sink:     req.Sink,
			Trail:    append([]facts.Step{here}, req.Trail...),
		})
	}
}

// unsetInLiteral reports whether the part of an argument a requirement names is a field that a
// composite literal of this function leaves out: it is the zero value at the call, as it is at
// the sink, whatever the literal's other fields are built from. The literal may be a local
// variable whose other fields are assigned after it (m := T{...}; if ua != "" { m.UA = ua }), as
// long as nothing else can write to it (see writtenOnlyHere).
func (s *Frame) unsetInLiteral(call ssa.CallInstruction, args []ssa.Value, ref facts.ParamRef) bool {
	if len(ref.Path) == 0 || ref.Index >= len(args) {
		return false
	}
	x := StripConversions(args[ref.Index])
	base := x
	if u, ok := x.(*ssa.UnOp); ok && u.Op == token.MUL {
		base = u.X
	}
	root, keys, _ := s.Address(base)
	a, ok := root.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, k := range ref.Path {
		if _, err := strconv.Atoi(k); err != nil {
			return false
		}
	}
	return s.unsetIn(a, append(slices.Clip(keys), ref.Path...), call, 0)
}

// unsetIn reports whether no store of this function reaches the field at path of the literal
// or local variable a: none to the field or a struct around it, except the copy of another
// such literal that leaves it unset (m := T{...} is built in a literal, then copied into m).
func (s *Frame) unsetIn(a *ssa.Alloc, path []string, call ssa.CallInstruction, depth int) bool {
	if depth > 4 || a.Parent() != s.Fn || (a.Comment != "complit" && !writtenOnlyHere(a, call)) {
		return false
	}
	for i := len(path); i >= 1; i-- {
		if len(s.storedAt[a][strings.Join(path[:i], "\x1f")]) > 0 {
			return false
		}
	}
	for _, at := range s.storedAt[a][""] {
		st, ok := at.(*ssa.Store)
		if !ok {
			return false
		}
		load, ok := st.Val.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false
		}
		src, ok := load.X.(*ssa.Alloc)
		if !ok || !s.unsetIn(src, path, nil, depth+1) {
			return false
		}
	}
	return true
}

// writtenOnlyHere reports whether the local variable a is written only by this function's own
// stores into it: its address goes nowhere but to its fields' addresses, loads and stores, and
// the call at hand. A variable handed by address to anything else (json.Unmarshal(&m), a
// pointer method m.SetTenant(t)) may have any field set there.
func writtenOnlyHere(a *ssa.Alloc, call ssa.CallInstruction) bool {
	var ok func(v ssa.Value, depth int) bool
	ok = func(v ssa.Value, depth int) bool {
		if depth > 8 || v.Referrers() == nil {
			return false
		}
		for _, r := range *v.Referrers() {
			switch x := r.(type) {
			case *ssa.FieldAddr:
				if !ok(x, depth+1) {
					return false
				}
			case *ssa.IndexAddr:
				if _, arr := x.X.Type().Underlying().(*types.Pointer); !arr || !ok(x, depth+1) {
					return false
				}
			case *ssa.UnOp:
				if x.Op != token.MUL {
					return false
				}
			case *ssa.Store:
				if x.Val == v {
					return false // the address itself is stored somewhere
				}
			case *ssa.DebugRef:
			default:
				if r != ssa.Instruction(call) {
					return false
				}
			}
		}
		return true
	}
	return ok(a, 0)
}

// emptyVariadic reports whether ref is the variadic parameter of the callee and the call passes
// no argument for it (SSA passes a nil slice; so does an explicit nil..., which is no tenant
// either).
func emptyVariadic(c *ssa.CallCommon, args []ssa.Value, ref facts.ParamRef) bool {
	if !c.Signature().Variadic() || ref.Index != len(args)-1 {
		return false
	}
	k, ok := args[ref.Index].(*ssa.Const)
	return ok && k.IsNil()
}

// Needed describes a position that must carry the active tenant.
type Needed struct {
	Family string
	// Constant: a constant is a finding (a channel everyone listens on); otherwise a constant
	// key is taken for a deliberately global entry.
	Constant bool
	Subject  string // what needs it, for messages
	// Wrapper: the sink is called by a method of a type that implements the sink's own
	// interface (a bucket wrapper's Upload calling its parent's Upload): the names it builds
	// from its parameters are its callers' names.
	Wrapper bool
	Sink    string // the sink at the end, for requirements passed on
	// Targeted: the sink is judged only for values with a Target (see facts.Requirement).
	Targeted bool
	Trail    []facts.Step
}

// Need judges a value that must carry the active tenant at instruction at.
func (s *Frame) Need(v *Value, at ssa.Instruction, n Needed) {
	if info := s.Pkg.engine.byName[n.Family]; info != nil && info.Names {
		s.needName(v, at, n, info)
		return
	}
	switch v.Kind {
	case facts.TenantID, facts.Scoped, facts.Unknown, facts.Top:
		return
	case facts.Param:
		if s.validatedParam(v, at) {
			return
		}
		s.passUp(v, n)
	case facts.None:
		if v.IsNil() {
			return
		}
		got := "a constant or zero value"
		if v.What != "" {
			got = v.What // a query builder without a tenant predicate (builders.go)
		}
		s.AddFinding(at, n.Family, n.Subject+", but it gets "+got+", not the active tenant", n.Trail)
	case facts.Untrusted:
		if s.validated(v, at) {
			return
		}
		msg := fmt.Sprintf("tenant id comes from request input: %s reaches %s", v.What, n.Subject)
		trail := append([]facts.Step{s.Pkg.Step(v.Origin, "%s returns request input", v.What)}, n.Trail...)
		s.AddFinding(at, n.Family, msg, trail)
	}
}

// passUp makes a need the callers' business: v derives from parameters of the function, so
// its summary requires them to carry the tenant (a closure's parameters have no callers to ask).
func (s *Frame) passUp(v *Value, n Needed) {
	root := s.Root()
	if root.closureParams {
		return
	}
	trail := n.Trail
	if len(trail) > facts.MaxTrail {
		trail = trail[:facts.MaxTrail]
	}
	root.AddRequirement(facts.Requirement{Param: v.Params[0], Alt: v.Params[1:], Family: n.Family, Sink: n.Sink, Trail: trail, Built: v.Built, Constant: n.Constant, Targeted: n.Targeted})
}

// sameParams reports whether two requirements name the same parameters.
func sameParams(a, b []facts.ParamRef) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(p facts.ParamRef) bool {
		return !slices.ContainsFunc(b, p.Equal)
	})
}

// AnyOf is what a caller passes for a requirement any one of several parameters may meet: met
// if one argument carries the tenant (or might: an opaque value is never upgraded to a finding),
// otherwise the most telling of the rest (request input, then parameters to pass on, then
// values built without the tenant and constants).
func AnyOf(vs []*Value) *Value {
	best := vs[0]
	var params []facts.ParamRef
	built, builtAt := false, facts.Step{}
	for _, v := range vs {
		switch {
		case v.Kind.HasTenant() || v.Kind == facts.Top || (v.Kind == facts.Unknown && !v.Built):
			return v
		case v.Kind == facts.Param:
			params = unionParams(params, v.Params)
		}
		if v.Built && !built {
			built, builtAt = true, v.BuiltAt
		}
		if rank(v.Kind) > rank(best.Kind) || (v.Built && !best.Built && v.Kind == best.Kind) {
			best = v
		}
	}
	if best.Kind == facts.Param {
		c := *best
		c.Params = params
		c.Built, c.BuiltAt = c.Built || built, cmp.Or(c.BuiltAt, builtAt)
		return &c
	}
	return best
}

func (s *Frame) AddRequirement(r facts.Requirement) {
	if s.crossTenant() {
		return
	}
	for _, q := range s.requires {
		// One requirement per parameter and family: a second sink reached by the same
		// parameter adds nothing for the caller to fix.
		if q.Family == r.Family && sameParams(q.Params(), r.Params()) {
			return
		}
	}
	s.requires = append(s.requires, r)
}

// crossTenant reports whether the function (or the one a closure is in) is declared to work
// across tenants, and marks the declaration used.
func (s *Frame) crossTenant() bool {
	root := s.Root()
	if d := s.Pkg.dirs.crossTenantDirective(root.Fn); d != nil {
		d.used = true
		return true
	}
	if obj, ok := root.Fn.Object().(*types.Func); ok && s.Pkg.rules.crossTenant[catalog.Key(obj)] {
		return true
	}
	return root.entersAllTenants()
}

// entersAllTenants reports whether the function calls the runtime's explicit all-tenants scope
// (tenant.AllTenants), which declares it cross-tenant.
func (s *Frame) entersAllTenants() bool {
	if s.allTenants == nil {
		found := false
		forEachCall(s.Fn, func(c ssa.CallInstruction) {
			k := CalleeKey(c.Common())
			for _, scope := range catalog.CrossTenantScopes {
				if k == scope {
					found = true
				}
			}
		})
		s.allTenants = &found
	}
	return *s.allTenants
}

func (s *Frame) AddFinding(at ssa.Instruction, family, msg string, trail []facts.Step) {
	if !s.report || s.crossTenant() {
		return
	}
	pos, end := at.Pos(), token.NoPos
	if c, ok := s.Pkg.calls[pos]; ok {
		pos, end = c.Pos(), c.End()
	}
	if pos == token.NoPos {
		pos = s.Fn.Pos()
	}
	if strings.HasSuffix(s.Pkg.pass.Fset.File(pos).Name(), "_test.go") {
		// Tests pin tenants to constants on purpose; they are not where tenants leak.
		return
	}
	for _, f := range s.Pkg.findings {
		if f.Pos == pos && f.Message == msg {
			return
		}
	}
	f := &Finding{Check: s.Pkg.engine.checkFor(family), Pos: pos, End: end, Message: msg, Trail: trail}
	if explain, fn, ok := s.intentStep(); ok {
		f.Trail = append(slices.Clip(trail), explain)
		f.outOfReach = &fn
	}
	s.Pkg.findings = append(s.Pkg.findings, f)
}

// checkFor names the check that reports a sink family.
func (e *Engine) checkFor(family string) string {
	if info := e.byName[family]; info != nil {
		return info.Check
	}
	return family
}

// closureMaker is the instruction of fn that makes the function literal lit.
func closureMaker(fn, lit *ssa.Function) ssa.Instruction {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mk, ok := instr.(*ssa.MakeClosure); ok && mk.Fn == lit {
				return mk
			}
		}
	}
	return nil
}

// validatedParam reports whether the function checks a parameter v derives from with a
// configured validator before instruction at (a manager method that starts with the
// permission check, ValidateUserPermissions(ctx, accountID, userID, ...)): whatever tenant its
// callers pass is one the user may use there, so the need is not theirs.
func (s *Frame) validatedParam(v *Value, at ssa.Instruction) bool {
	if len(s.Pkg.rules.validators) == 0 || s.closureParams && s.parent == nil {
		return false
	}
	// In a function literal (a transaction callback), the parameters are its creator's: the
	// check must come before the literal is made.
	for s.parent != nil {
		mk := closureMaker(s.parent.Fn, s.Fn)
		if mk == nil {
			return false
		}
		s, at = s.parent, mk
	}
	return s.validatorBefore(at, func(checked *Value) bool {
		if checked.Kind != facts.Param {
			return false
		}
		for _, c := range checked.Params {
			for _, p := range v.Params {
				if p.Index == c.Index && slices.Equal(p.Path, c.Path) {
					return true
				}
			}
		}
		return false
	})
}

// validated reports whether a configured validator vouched for the untrusted value v on every
// path to at: a call to it with the same request input dominates at.
func (s *Frame) validated(v *Value, at ssa.Instruction) bool {
	if s.guardedHandler() {
		return true // its routes' middleware checks the tenant (routes.go)
	}
	return s.validatorBefore(at, func(checked *Value) bool {
		return checked.Kind == facts.Untrusted && checked.Origin == v.Origin
	})
}

// validatorBefore reports whether a call of this function to a configured validator, on every
// path to at, checks a value for which match holds.
func (s *Frame) validatorBefore(at ssa.Instruction, match func(checked *Value) bool) bool {
	if len(s.Pkg.rules.validators) == 0 {
		return false
	}
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := s.Pkg.Call(call)
			argIdx, ok := s.Pkg.rules.validators[c.Key]
			if !ok {
				continue
			}
			if a := c.Arg(argIdx); a != nil && dominates(instr, at) && match(s.Eval(a)) {
				return true
			}
		}
	}
	return false
}

func dominates(a, b ssa.Instruction) bool {
	if a.Parent() != b.Parent() {
		return false
	}
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, instr := range a.Block().Instrs {
		if instr == a {
			return true
		}
		if instr == b {
			return false
		}
	}
	return false
}

// build drops the built mark of a value put together from parts when one part is an opaque
// text (a string, or a struct, pointer or interface, from a call or field the engine cannot
// see into): db.Dir() + "/meta.json", a prefix read from a config. It may well carry the tenant
// (a tenant's directory), and an opaque value is never upgraded to a finding. Opaque numbers
// (an id scanned from a row) cannot carry a tenant's name and keep the mark.
func (s *Frame) build(v *Value, parts ...ssa.Value) *Value {
	if !v.Built || v.Kind != facts.Unknown {
		return v
	}
	for _, p := range parts {
		elems, ok := SliceElems(p) // filepath.Join(dir, "meta.json"): each element is a part
		if !ok || len(elems) == 0 {
			elems = []ssa.Value{p}
		}
		for _, e := range elems {
			if ev := s.Eval(e); ev.Kind == facts.Unknown && !ev.Built && mayHoldText(e) {
				return UnknownValue
			}
		}
	}
	return v
}

// mayHoldText reports whether a value's type (under an interface conversion) can hold a
// tenant's name: anything but numbers and booleans.
func mayHoldText(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if b, ok := v.Type().Underlying().(*types.Basic); ok {
		return b.Info()&(types.IsNumeric|types.IsBoolean) == 0
	}
	return true
}

// isStringish reports whether a constant of type t can be a part of a key: a string or bytes.
func isStringish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// builtHere records where a value built without the tenant was put together ("stats:" + id, a
// payload struct without its tenant field), so that a finding at a sink far away can point at it.
func (s *Frame) builtHere(v *Value, pos token.Pos) *Value {
	if !v.Built || v.BuiltAt != (facts.Step{}) || v.Kind.HasTenant() || v.Kind == facts.None || !pos.IsValid() {
		return v
	}
	c := *v
	c.BuiltAt = s.Pkg.Step(pos, "built here without the tenant")
	return &c
}

func (s *Frame) Describe(v *Value) string {
	if v.Built && !v.Kind.HasTenant() && v.Kind != facts.None {
		switch v.Kind {
		case facts.Param:
			return "built from " + strings.TrimPrefix(s.Describe(&Value{Kind: facts.Param, Params: v.Params}), "parameter ") + " and no tenant"
		case facts.Untrusted:
			return "built from request input (" + v.What + ") and no tenant"
		}
		return "built without the tenant"
	}
	switch v.Kind {
	case facts.TenantID:
		return "the tenant id"
	case facts.Scoped:
		return "a tenant-scoped value"
	case facts.Param:
		var ps []string
		for _, p := range v.Params {
			ps = append(ps, paramName(s.Root().Fn.Signature, p))
		}
		return "parameter " + strings.Join(ps, "|")
	case facts.Untrusted:
		return "request input (" + v.What + ")"
	case facts.None:
		return "a constant"
	}
	return "a value"
}

// paramName spells a parameter reference with the callee's own names: "arg.TenantID". The
// callee may be in another package (no SSA body), so names come from its signature.
func paramName(sig *types.Signature, ref facts.ParamRef) string {
	name := ref.String()
	i := ref.Index
	if sig.Recv() != nil {
		if i == 0 {
			name = sig.Recv().Name()
		}
		i--
	}
	if i >= 0 && i < sig.Params().Len() {
		name = sig.Params().At(i).Name()
	}
	if name == "" || name == "_" {
		name = ref.String()
	}
	if name != ref.String() {
		for j, k := range ref.Path {
			n := k
			if j < len(ref.Names) && ref.Names[j] != "" {
				n = ref.Names[j]
			}
			name += "." + n
		}
	}
	return name
}

// InClosure reports whether the frame is a function literal's (its parameters and free
// variables come from elsewhere).
func (s *Frame) InClosure() bool { return s.closureParams || s.parent != nil }

// SetSQLForward marks the function a SQL wrapper: its callers run the query it is given.
func (s *Frame) SetSQLForward(fwd *facts.SQLForward) { s.sqlForward = fwd }
