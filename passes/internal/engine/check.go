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
func (s *funcState) callValue(c *ssa.CallCommon, pos token.Pos) *value {
	n := c.Signature().Results().Len()
	wrap := func(results []*value) *value {
		if n == 1 {
			return results[0]
		}
		fields := map[string]*value{}
		for i, r := range results {
			fields[strconv.Itoa(i)] = r
		}
		return &value{kind: facts.Unknown, fields: fields}
	}
	fill := func(v *value, at int) *value {
		rs := make([]*value, n)
		for i := range rs {
			rs[i] = unknownValue
		}
		if at < n {
			rs[at] = v
		}
		return wrap(rs)
	}
	if n == 0 {
		return unknownValue
	}
	args := callArgs(c)
	k := calleeKey(c)
	if k != "" {
		r := s.pkg.rules
		if at, ok := r.sources[k]; ok {
			return fill(&value{kind: facts.TenantID, origin: s.pkg.callStart(pos), what: s.pkg.exprText(pos, k)}, at)
		}
		if r.untrusted[k] {
			v := &value{kind: facts.Untrusted, origin: s.pkg.callStart(pos), what: s.pkg.exprText(pos, k)}
			rs := make([]*value, n)
			for i := range rs {
				rs[i] = v
			}
			return wrap(rs)
		}
		if r.scopers[k] {
			return fill(&value{kind: facts.Scoped, origin: pos, what: k}, 0)
		}
	}
	if v, ok := s.builderValue(c); ok {
		return v // an ORM or query builder: see builders.go
	}
	if sum := s.pkg.summaryOf(c); sum != nil {
		rs := make([]*value, n)
		for i := range rs {
			rs[i] = unknownValue
			if i >= len(sum.Results) {
				continue
			}
			res := sum.Results[i]
			switch res.Kind {
			case facts.TenantID:
				rs[i] = &value{kind: facts.TenantID, origin: pos, what: s.pkg.exprText(pos, k)}
			case facts.Scoped:
				rs[i] = &value{kind: facts.Scoped, origin: pos}
			case facts.None:
				rs[i] = noneValue
			case facts.Untrusted:
				rs[i] = &value{kind: facts.Untrusted, origin: pos, what: s.pkg.exprText(pos, k)}
			case facts.Param:
				var vs []*value
				for _, ref := range res.Params {
					vs = append(vs, s.argAt(args, ref))
				}
				rs[i] = derive(vs...)
				if rs[i].kind == facts.None {
					rs[i] = unknownValue
				}
			}
			if res.Built && !rs[i].kind.HasTenant() {
				b := *rs[i]
				if b.kind == facts.None {
					b.kind = facts.Unknown
				}
				b.built = true
				b.builtAt = cmp.Or(res.BuiltAt, b.builtAt) // where the callee assembled it
				rs[i] = &b
			}
		}
		return wrap(rs)
	}
	// No summary (an interface method, a function value, a package the engine skipped): the
	// result incorporates whatever went in. Contexts are left out: nearly every call takes one,
	// and what comes out of it is decided by sources, not by the context itself.
	// A receiver passes on request input or the tenant (r.URL.Query().Get, t.String()), but
	// not its being a parameter: a method's result is not "the receiver" in any useful sense,
	// and tracking it would put a fact on nearly every method.
	// A handle's method that returns a handle of the same kind (objstore's
	// bkt.ReaderWithExpectedErrs(f), WithExpectedErrs) gives the same bucket, bound or not.
	if (c.IsInvoke() || c.Signature().Recv() != nil) && n == 1 && len(args) > 0 &&
		isBindable(args[0].Type()) && isBindable(c.Signature().Results().At(0).Type()) &&
		len(s.pkg.rules.keySinks[calleeKey(c)]) == 0 {
		return s.eval(args[0])
	}
	// The keys of a key sink do not flow into its result: after cmd.Key(tenantKey) the builder
	// is not bound to the tenant (its next Key may be anything), nor is the subscription of
	// rdb.Subscribe(ctx, tenantChannel). Opening a bindable handle on a tenant path is.
	keyArgs := map[int]bool{}
	if n == 1 && !isBindable(c.Signature().Results().At(0).Type()) {
		off := 0
		if c.IsInvoke() || c.Signature().Recv() != nil {
			off = 1
		}
		for _, k := range s.pkg.rules.keySinks[calleeKey(c)] {
			keyArgs[k.Arg+off] = true
		}
	}
	var vs []*value
	var parts []ssa.Value
	for i, a := range args {
		if isContext(a.Type()) || keyArgs[i] {
			continue
		}
		parts = append(parts, a)
		if k, ok := a.(*ssa.Const); ok && !isStringish(k.Type()) {
			continue // a number or flag (ParseInt's base), not a part of what is built
		}
		v := s.eval(a)
		if i == 0 && (c.IsInvoke() || c.Signature().Recv() != nil) && v.kind == facts.Param {
			continue
		}
		vs = append(vs, v)
	}
	d := s.builtHere(s.build(derive(vs...), parts...), s.pkg.callStart(pos))
	if d.kind == facts.None {
		d = unknownValue
	}
	if n > 1 {
		rs := make([]*value, n)
		for i := range rs {
			rs[i] = d
		}
		return wrap(rs)
	}
	return d
}

// callArgs lists a call's arguments with the receiver first, as SSA parameters are numbered.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// calleeKey names the called function in catalog terms, "" for dynamic calls.
func calleeKey(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return catalog.Key(c.Method)
	}
	if fn := staticCallee(c); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return catalog.Key(obj)
		}
	}
	return ""
}

// summaryOf finds the callee's summary: computed in this package, or imported as a fact.
func (p *pkgState) summaryOf(c *ssa.CallCommon) *facts.Summary {
	fn := staticCallee(c)
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

func (s *funcState) argAt(args []ssa.Value, ref facts.ParamRef) *value {
	if ref.Index >= len(args) {
		return unknownValue
	}
	v := s.eval(args[ref.Index])
	for i, k := range ref.Path {
		name := k
		if i < len(ref.Names) && ref.Names[i] != "" {
			name = ref.Names[i]
		}
		v = v.field(k, name)
	}
	return v
}

func isContext(t types.Type) bool {
	return catalog.TypeKey(t) == "context.Context"
}

// exprText is the source text of the call at pos ("r.FormValue"), for messages.
func (p *pkgState) exprText(pos token.Pos, fallback string) string {
	if c, ok := p.calls[pos]; ok {
		return types.ExprString(c.Fun)
	}
	return fallback
}

// callStart maps a call's Lparen (SSA's position for calls) to the start of the call
// expression, which is where a reader looks.
func (p *pkgState) callStart(lparen token.Pos) token.Pos {
	if c, ok := p.calls[lparen]; ok {
		return c.Pos()
	}
	return lparen
}

// summary is what callers (in this package and others) need to know about the function.
func (s *funcState) summary() *facts.Summary {
	sum := &facts.Summary{Requires: s.requires, SQL: s.sqlForward}
	if len(s.ctxReads) > 0 && !s.crossTenant() { // (crossTenant marks its directive used)
		for _, r := range s.ctxReads {
			sum.CtxTenant = append(sum.CtxTenant, r.param)
		}
		slices.Sort(sum.CtxTenant)
	}
	for _, r := range s.returns {
		v := finalize(r)
		res := facts.Result{Kind: v.kind, Built: v.built && !v.kind.HasTenant()}
		if res.Built {
			res.BuiltAt = v.builtAt
		}
		if v.kind == facts.Param {
			res.Params = v.params
		}
		sum.Results = append(sum.Results, res)
	}
	if s.forcedSource && len(sum.Results) > 0 {
		sum.Results[0] = facts.Result{Kind: facts.TenantID}
	}
	for len(sum.Results) > 0 && sum.Results[len(sum.Results)-1].Kind == facts.Unknown {
		sum.Results = sum.Results[:len(sum.Results)-1]
	}
	return sum
}

// check evaluates every sink and every call with obligations in the function, and in the
// function literals it creates. Findings are recorded only when report is set; requirements
// on parameters always are (they make the summary).
func (s *funcState) check(report bool) {
	s.report = report
	defer s.checkJobHandler()
	defer s.checkSubscribeHandler()
	for _, b := range s.fn.Blocks {
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
	for _, anon := range s.fn.AnonFuncs {
		if !s.closuresDone[anon] {
			s.checkClosure(anon, nil)
		}
	}
}

func (s *funcState) checkClosure(fn *ssa.Function, bindings []ssa.Value) {
	if s.closuresDone == nil {
		s.closuresDone = map[*ssa.Function]bool{}
	}
	if s.closuresDone[fn] || fn.Blocks == nil {
		return
	}
	s.closuresDone[fn] = true
	cs := newFuncState(s.pkg, fn)
	cs.parent = s
	cs.closureParams = true
	cs.env = map[*ssa.FreeVar]ssa.Value{}
	for i, fv := range fn.FreeVars {
		if i < len(bindings) {
			cs.env[fv] = bindings[i]
		}
	}
	cs.solve()
	cs.check(s.report)
}

func (s *funcState) root() *funcState {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

func (s *funcState) checkCall(call ssa.CallInstruction) {
	c := call.Common()
	if site, ok := s.sqlSite(c); ok {
		s.checkSQL(call, site)
	}
	if s.isCopyFrom(c) {
		s.checkCopyFrom(call)
	}
	if sinks := s.pkg.rules.keySinks[calleeKey(c)]; len(sinks) > 0 {
		s.checkKeySinks(call, sinks)
	}
	if slices.Contains(catalog.BroadcastAll, calleeKey(c)) {
		name := calleeName(c)
		s.addFinding(call, "channel", fmt.Sprintf("%s sends to every connected session, of every tenant: filter the sessions by tenant (BroadcastFilter)", name),
			[]string{fmt.Sprintf("%s: %s reaches all sessions", s.pkg.posString(s.pkg.callStart(call.Pos())), name)})
	}
	s.checkBuilder(call)
	sum := s.pkg.summaryOf(c)
	if sum == nil || len(sum.Requires) == 0 {
		return
	}
	args := callArgs(c)
	callee := staticCallee(c)
	name := callee.Name()
	for _, req := range sum.Requires {
		var vs []*value
		var names []string
		for _, ref := range req.Params() {
			vs = append(vs, s.argAt(args, ref))
			names = append(names, paramName(callee, ref))
		}
		v := anyOf(vs)
		pname := strings.Join(names, " or ")
		here := fmt.Sprintf("%s: calls %s with %s as %s", s.pkg.posString(s.pkg.callStart(call.Pos())), name, s.describe(v), pname)
		subject := fmt.Sprintf("%s needs the active tenant in %s (for %s)", name, pname, req.Sink)
		if req.Family != "sql" {
			subject += ", but the value it gets" // "... is built without the active tenant"
		}
		s.need(v, call, needed{
			family:   req.Family,
			constant: req.Constant,
			subject:  subject,
			sink:     req.Sink,
			trail:    append([]string{here}, req.Trail...),
		})
	}
}

// needed describes a position that must carry the active tenant.
type needed struct {
	family string
	// constant: a constant is a finding (a channel everyone listens on); otherwise a constant
	// key is taken for a deliberately global entry.
	constant bool
	subject  string // what needs it, for messages
	// wrapper: the sink is called by a method of a type that implements the sink's own
	// interface (a bucket wrapper's Upload calling its parent's Upload): the names it builds
	// from its parameters are its callers' names.
	wrapper bool
	sink    string // the sink at the end, for requirements passed on
	trail   []string
}

// need judges a value that must carry the active tenant at instruction at.
func (s *funcState) need(v *value, at ssa.Instruction, n needed) {
	if n.family != "sql" {
		s.needKey(v, at, n)
		return
	}
	switch v.kind {
	case facts.TenantID, facts.Scoped, facts.Unknown, facts.Top:
		return
	case facts.Param:
		root := s.root()
		if root.closureParams {
			return
		}
		trail := n.trail
		if len(trail) > facts.MaxTrail {
			trail = trail[:facts.MaxTrail]
		}
		root.addRequirement(facts.Requirement{Param: v.params[0], Alt: v.params[1:], Family: n.family, Sink: n.sink, Trail: trail, Built: v.built})
	case facts.None:
		if v.isNil() {
			return
		}
		got := "a constant or zero value"
		if v.what != "" {
			got = v.what // a query builder without a tenant predicate (builders.go)
		}
		s.addFinding(at, n.family, n.subject+", but it gets "+got+", not the active tenant", n.trail)
	case facts.Untrusted:
		if s.validated(v, at) {
			return
		}
		msg := fmt.Sprintf("tenant id comes from request input: %s reaches %s", v.what, n.subject)
		trail := append([]string{fmt.Sprintf("%s: %s returns request input", s.pkg.posString(v.origin), v.what)}, n.trail...)
		s.addFinding(at, n.family, msg, trail)
	}
}

// sameParams reports whether two requirements name the same parameters.
func sameParams(a, b []facts.ParamRef) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(p facts.ParamRef) bool {
		return !slices.ContainsFunc(b, p.Equal)
	})
}

// anyOf is what a caller passes for a requirement any one of several parameters may meet: met
// if one argument carries the tenant (or might: an opaque value is never upgraded to a finding),
// otherwise the most telling of the rest (request input, then parameters to pass on, then
// values built without the tenant and constants).
func anyOf(vs []*value) *value {
	best := vs[0]
	var params []facts.ParamRef
	built, builtAt := false, ""
	for _, v := range vs {
		switch {
		case v.kind.HasTenant() || v.kind == facts.Top || (v.kind == facts.Unknown && !v.built):
			return v
		case v.kind == facts.Param:
			params = unionParams(params, v.params)
		}
		if v.built && !built {
			built, builtAt = true, v.builtAt
		}
		if rank(v.kind) > rank(best.kind) || (v.built && !best.built && v.kind == best.kind) {
			best = v
		}
	}
	if best.kind == facts.Param {
		c := *best
		c.params = params
		c.built, c.builtAt = c.built || built, cmp.Or(c.builtAt, builtAt)
		return &c
	}
	return best
}

func (s *funcState) addRequirement(r facts.Requirement) {
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
func (s *funcState) crossTenant() bool {
	root := s.root()
	if d := s.pkg.dirs.crossTenantDirective(root.fn); d != nil {
		d.used = true
		return true
	}
	if obj, ok := root.fn.Object().(*types.Func); ok && s.pkg.rules.crossTenant[catalog.Key(obj)] {
		return true
	}
	return root.entersAllTenants()
}

// entersAllTenants reports whether the function calls the runtime's explicit all-tenants scope
// (tenant.AllTenants), which declares it cross-tenant.
func (s *funcState) entersAllTenants() bool {
	if s.allTenants == nil {
		found := false
		forEachCall(s.fn, func(c ssa.CallInstruction) {
			k := calleeKey(c.Common())
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

func (s *funcState) addFinding(at ssa.Instruction, family, msg string, trail []string) {
	if !s.report || s.crossTenant() {
		return
	}
	pos, end := at.Pos(), token.NoPos
	if c, ok := s.pkg.calls[pos]; ok {
		pos, end = c.Pos(), c.End()
	}
	if pos == token.NoPos {
		pos = s.fn.Pos()
	}
	if strings.HasSuffix(s.pkg.pass.Fset.File(pos).Name(), "_test.go") {
		// Tests pin tenants to constants on purpose; they are not where tenants leak.
		return
	}
	for _, f := range s.pkg.findings {
		if f.Pos == pos && f.Message == msg {
			return
		}
	}
	s.pkg.findings = append(s.pkg.findings, &Finding{
		Check: checkFor(family), Pos: pos, End: end, Message: msg, Trail: trail,
	})
}

// checkFor names the check that reports a sink family.
func checkFor(family string) string {
	switch family {
	case "sql":
		return "sqlscope"
	case "cache":
		return "cachekey"
	case "job":
		return "jobscope"
	case "channel":
		return "chanscope"
	case "storage":
		return "storagepath"
	}
	return family
}

// validated reports whether a configured validator vouched for the untrusted value v on every
// path to at: a call to it with the same request input dominates at.
func (s *funcState) validated(v *value, at ssa.Instruction) bool {
	if len(s.pkg.rules.validators) == 0 {
		return false
	}
	for _, b := range s.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := call.Common()
			k := calleeKey(c)
			argIdx, ok := s.pkg.rules.validators[k]
			if !ok {
				continue
			}
			args := callArgs(c)
			if c.IsInvoke() || c.Signature().Recv() != nil {
				argIdx++
			}
			if argIdx >= len(args) {
				continue
			}
			av := s.eval(args[argIdx])
			if av.kind == facts.Untrusted && av.origin == v.origin && dominates(instr, at) {
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

// isBindable reports whether t is (a pointer to) a handle type that can be bound to a tenant.
func isBindable(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return slices.Contains(catalog.Bindable, n.Obj().Pkg().Path()+"."+n.Obj().Name())
}

// build drops the built mark of a value put together from parts when one part is an opaque
// text (a string, or a struct, pointer or interface, from a call or field the engine cannot
// see into): db.Dir() + "/meta.json", a prefix read from a config. It may well carry the tenant
// (a tenant's directory), and an opaque value is never upgraded to a finding. Opaque numbers
// (an id scanned from a row) cannot carry a tenant's name and keep the mark.
func (s *funcState) build(v *value, parts ...ssa.Value) *value {
	if !v.built || v.kind != facts.Unknown {
		return v
	}
	for _, p := range parts {
		elems, ok := sliceElems(p) // filepath.Join(dir, "meta.json"): each element is a part
		if !ok || len(elems) == 0 {
			elems = []ssa.Value{p}
		}
		for _, e := range elems {
			if ev := s.eval(e); ev.kind == facts.Unknown && !ev.built && mayHoldText(e) {
				return unknownValue
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
func (s *funcState) builtHere(v *value, pos token.Pos) *value {
	if !v.built || v.builtAt != "" || v.kind.HasTenant() || v.kind == facts.None || !pos.IsValid() {
		return v
	}
	c := *v
	c.builtAt = s.pkg.posString(pos) + ": built here without the tenant"
	return &c
}

func (s *funcState) describe(v *value) string {
	if v.built && !v.kind.HasTenant() && v.kind != facts.None {
		switch v.kind {
		case facts.Param:
			return "built from " + strings.TrimPrefix(s.describe(&value{kind: facts.Param, params: v.params}), "parameter ") + " and no tenant"
		case facts.Untrusted:
			return "built from request input (" + v.what + ") and no tenant"
		}
		return "built without the tenant"
	}
	switch v.kind {
	case facts.TenantID:
		return "the tenant id"
	case facts.Scoped:
		return "a tenant-scoped value"
	case facts.Param:
		var ps []string
		for _, p := range v.params {
			ps = append(ps, paramName(s.root().fn, p))
		}
		return "parameter " + strings.Join(ps, "|")
	case facts.Untrusted:
		return "request input (" + v.what + ")"
	case facts.None:
		return "a constant"
	}
	return "a value"
}

// paramName spells a parameter reference with the callee's own names: "arg.TenantID". The
// callee may be in another package (no SSA body), so names come from its signature.
func paramName(fn *ssa.Function, ref facts.ParamRef) string {
	name := ref.String()
	sig := fn.Signature
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
