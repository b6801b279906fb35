package sqlrules

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// ORMs and query builders (catalog.Builders, catalog.EntBuilders).
//
// A builder is one abstract value through its chain, in the engine's ordinary lattice:
//
//   - None, with what set, when it was opened on a database handle (or read from a struct field
//     or a global, which is where handles live) and no tenant predicate was added since;
//   - Scoped once a predicate on a tenant column is ANDed to it (Where("tenant_id = ?", tid),
//     sq.Eq{"tenant_id": tid}, a map or struct condition, ent's user.TenantID(tid), a functional
//     option that adds one); the value bound to the predicate is judged at that call, like a SQL
//     placeholder;
//   - Param when it is a parameter: the caller decides, through a requirement;
//   - Unknown when the engine cannot tell (an interface call returned it, a condition built at
//     run time): never a finding.
//
// Chain methods return their receiver's value, φ-nodes meet (a predicate added on one branch
// only does not scope the builder), summaries carry builders out of helpers and across
// packages, and a function literal of the shape func(B) B is Scoped when its body scopes the
// builder it is given (gorm's Scopes(TenantScope(ctx))). The query runs at a BuilderRun row: if
// it touches a tenant table (from the model's type, a Table name, an ent entity) and its
// builder is None, that is a finding.

var (
	builderIndex = sync.OnceValue(func() map[string]catalog.Builder {
		m := map[string]catalog.Builder{}
		for _, b := range catalog.Builders {
			m[b.Func] = b
		}
		return m
	})
	// builderTypeKeys are the types whose methods are builder rows: values of them are builders.
	builderTypeKeys = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, h := range catalog.BuilderHandles {
			m[h] = true
		}
		for _, b := range catalog.Builders {
			if strings.HasPrefix(b.Func, "(") {
				recv, _, _ := strings.Cut(b.Func[1:], ").")
				m[recv] = true
			}
		}
		return m
	})
)

// entInfo describes the entity of an ent-generated builder.
type entInfo struct {
	entity string
	table  string         // the Table constant of the entity package, else the entity lower-cased
	pkg    *types.Package // ent/<entity>, nil if not found
	// tenantPred: the name of the entity's tenant-column predicate (TenantID), "" if none.
	tenantPred, tenantCol string
	policy                bool // the schema has a privacy policy or interceptors
}

// entSuffixes are the generated builder types, longest first.
var entSuffixes = []string{"UpdateOne", "DeleteOne", "Update", "Delete", "Create", "Client", "Query"}

// entType recognizes a type of ent-generated code: <Entity><Suffix> in a package importing ent.
func (r *rules) entType(t types.Type) (suffix string, info *entInfo, ok bool) {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return "", nil, false
	}
	pkg := n.Obj().Pkg()
	if !r.importsGenerator(pkg) {
		return "", nil, false
	}
	name := n.Obj().Name()
	for _, s := range entSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			suffix = s
			break
		}
	}
	if suffix == "" {
		return "", nil, false
	}
	info = &entInfo{entity: strings.TrimSuffix(name, suffix)}
	want := pkg.Path() + "/" + strings.ToLower(info.entity)
	for _, imp := range pkg.Imports() {
		if imp.Path() == want {
			info.pkg = imp
		}
	}
	info.table = strings.ToLower(info.entity)
	if info.pkg != nil {
		if c, ok := info.pkg.Scope().Lookup("Table").(*types.Const); ok && c.Val().Kind() == constant.String {
			info.table = constant.StringVal(c.Val())
		}
		for _, col := range r.tables.columns {
			if fn, ok := info.pkg.Scope().Lookup(catalog.EntFieldName(col)).(*types.Func); ok && fn != nil {
				info.tenantPred, info.tenantCol = fn.Name(), col
				break
			}
		}
		for _, v := range catalog.EntPolicyVars {
			if _, ok := info.pkg.Scope().Lookup(v).(*types.Var); ok {
				info.policy = true
			}
		}
	}
	return suffix, info, true
}

type generatedKey struct{ pkg *types.Package }

// importsGenerator reports whether pkg imports a code generator's package (ent), cached: it is
// asked for every value of a named type.
func (r *rules) importsGenerator(pkg *types.Package) bool {
	return r.pkg.Memo(generatedKey{pkg}, func() any {
		for _, imp := range pkg.Imports() {
			for _, g := range catalog.EntBuilders {
				if imp.Path() == g.Import {
					return true
				}
			}
		}
		return false
	}).(bool)
}

// builderRow finds the catalog row of a call: a Builders row by key, or an EntBuilders row by
// the shape of the generated receiver.
func (r *rules) builderRow(s *engine.Frame, c *engine.Call) (catalog.Builder, *entInfo, bool) {
	k := c.Key
	if k == "" {
		return catalog.Builder{}, nil, false
	}
	if b, ok := builderIndex()[k]; ok {
		return b, nil, true
	}
	sig := c.Common.Signature()
	if c.Common.IsInvoke() || sig.Recv() == nil {
		return catalog.Builder{}, nil, false
	}
	suffix, info, ok := r.entType(sig.Recv().Type())
	if !ok {
		return catalog.Builder{}, nil, false
	}
	name := engine.StaticCallee(c.Common).Name()
	for _, g := range catalog.EntBuilders {
		if g.Suffix != suffix {
			continue
		}
		match := g.Method == name
		if strings.HasSuffix(g.Method, "*") {
			match = info.tenantPred != "" && name == strings.TrimSuffix(g.Method, "*")+info.tenantPred
		}
		if match {
			return catalog.Builder{Func: k, Op: g.Op, Library: g.Library, Cond: g.Cond, Model: -1, Table: -1}, info, true
		}
	}
	return catalog.Builder{}, nil, false
}

// isBuilderType reports whether values of t are builders.
func (r *rules) isBuilderType(t types.Type) bool {
	if builderTypeKeys()[catalog.TypeKey(t)] {
		return true
	}
	suffix, _, ok := r.entType(t)
	return ok && suffix != "Client"
}

// baseBuilder is a builder with no tenant predicate.
func baseBuilder(why string) *engine.Value {
	return &engine.Value{Kind: facts.None, What: why}
}

const (
	noPredicate = "a query builder without a tenant predicate"
	orPredicate = "a query builder whose tenant predicate an Or condition undoes"
)

// receiverState is the builder a method is called on; a package-level function opens one.
func (r *rules) receiverState(s *engine.Frame, c *engine.Call) *engine.Value {
	if recv := c.Recv(); recv != nil {
		if slices.Contains(catalog.BuilderHandles, catalog.TypeKey(recv.Type())) {
			return baseBuilder(noPredicate)
		}
		if suffix, info, ok := r.entType(recv.Type()); ok && suffix == "Client" {
			// An ent client is a handle; its entity's privacy policy scopes it.
			if info.policy {
				return &engine.Value{Kind: facts.Scoped, What: "the privacy policy of " + info.entity}
			}
			return baseBuilder(noPredicate)
		}
		return s.Eval(recv)
	}
	return baseBuilder(noPredicate)
}

// builderValue is the value of a builder method's result (hooked into callValue).
func (r *rules) builderValue(s *engine.Frame, c *engine.Call) (*engine.Value, bool) {
	res := c.Common.Signature().Results()
	if res.Len() == 0 || !r.isBuilderType(res.At(0).Type()) {
		return nil, false
	}
	row, ent, ok := r.builderRow(s, c)
	var v *engine.Value
	switch {
	case !ok:
		// A method not in the catalog that returns its receiver's type (gorm's Clauses, ent's
		// SetName, squirrel's Suffix) keeps the receiver's predicates.
		sig := c.Common.Signature()
		if c.Common.IsInvoke() || sig.Recv() == nil || !types.Identical(sig.Recv().Type(), res.At(0).Type()) {
			return nil, false
		}
		v = r.receiverState(s, c)
	case row.Op == catalog.BuilderOpen:
		v = baseBuilder(noPredicate)
		if ent != nil && ent.policy {
			v = &engine.Value{Kind: facts.Scoped, What: "the privacy policy of " + ent.entity}
		}
	case row.Op == catalog.BuilderWhere:
		recv := r.receiverState(s, c)
		switch cd := r.condAt(s, c, row, ent); {
		case cd.tenant:
			v = &engine.Value{Kind: facts.Scoped, What: "a tenant predicate"}
		case cd.unknown && !recv.Kind.HasTenant() && recv.Kind != facts.Top:
			v = engine.UnknownValue
		default:
			v = recv
		}
	case row.Op == catalog.BuilderOr:
		v = r.receiverState(s, c)
		if v.Kind != facts.Unknown && v.Kind != facts.Top {
			v = baseBuilder(orPredicate)
		}
	case row.Op == catalog.BuilderScopes:
		v = r.receiverState(s, c)
		if r.scopesAdd(s, c, row) {
			v = &engine.Value{Kind: facts.Scoped, What: "a scope that adds a tenant predicate"}
		} else if o := r.passedScopes(s, c, row, v); o != nil {
			v = o
		}
	default:
		v = r.receiverState(s, c)
	}
	v = r.targeted(s, c, row, ok, v)
	if res.Len() > 1 {
		fields := map[string]*engine.Value{"0": v}
		for i := 1; i < res.Len(); i++ {
			fields[strconv.Itoa(i)] = engine.UnknownValue
		}
		return &engine.Value{Kind: facts.Unknown, Fields: fields}, true
	}
	return v, true
}

// builderLoad is the value of a builder read from a struct field or a global: a database handle,
// with no tenant predicate (hooked into compute). Local variables are read from memory as usual.
func (r *rules) builderLoad(s *engine.Frame, v ssa.Value) *engine.Value {
	if !r.isBuilderType(v.Type()) {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Field:
		return r.fieldBuilder(s, v.X.Type(), v.Field)
	case *ssa.UnOp:
		a := v.X
		for {
			switch x := a.(type) {
			case *ssa.FieldAddr:
				if h := r.heldForOptions(s, x); h != nil {
					return h
				}
				return r.fieldBuilder(s, x.X.Type(), x.Field)
			case *ssa.Global:
				return baseBuilder(noPredicate)
			case *ssa.IndexAddr:
				a = x.X
				continue
			}
			return nil
		}
	}
	return nil
}

// isScopeFunc: func(B) B for a builder type B, the shape of gorm's and pop's scopes.
func (r *rules) isScopeFunc(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		r.isBuilderType(sig.Params().At(0).Type()) &&
		types.Identical(sig.Params().At(0).Type(), sig.Results().At(0).Type())
}

// closureValue is the value of a function literal (hooked into compute): Scoped when it is a
// scope that adds a tenant predicate to whatever builder it is given.
func (r *rules) closureValue(s *engine.Frame, mc *ssa.MakeClosure) *engine.Value {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || !r.isScopeFunc(fn.Signature) {
		return engine.UnknownValue
	}
	if r.scopeResult(s, fn, mc.Bindings) {
		return &engine.Value{Kind: facts.Scoped, What: "a scope that adds a tenant predicate"}
	}
	return engine.UnknownValue
}

// scopeResult solves a scope's body with an unknown builder as its parameter: it scopes when
// what it returns is scoped on every path.
func (r *rules) scopeResult(s *engine.Frame, fn *ssa.Function, bindings []ssa.Value) bool {
	if fn.Blocks == nil {
		return false
	}
	rs := s.SolveClosure(fn, bindings)
	return len(rs) == 1 && rs[0].Kind.HasTenant()
}

// scopesAdd reports whether one of the scopes passed to a Scopes row adds a tenant predicate.
func (r *rules) scopesAdd(s *engine.Frame, c *engine.Call, row catalog.Builder) bool {
	args := c.Args
	i := row.Cond + 1
	if i >= len(args) {
		return false
	}
	fns := []ssa.Value{args[i]}
	if _, ok := args[i].Type().Underlying().(*types.Slice); ok {
		fns, _ = engine.SliceElems(args[i])
	}
	for _, f := range fns {
		f = engine.StripConversions(f)
		switch f := f.(type) {
		case *ssa.Function:
			if f.Parent() != nil {
				if r.scopeResult(s, f, nil) {
					return true
				}
				continue
			}
			if sum := s.Pkg.SummaryOfFunc(f); sum != nil && len(sum.Results) > 0 && sum.Results[0].Kind.HasTenant() {
				return true
			}
		default:
			if s.Eval(f).Kind.HasTenant() {
				return true
			}
		}
	}
	return false
}

// cond is what a condition argument says about the tenant.
type cond struct {
	tenant  bool          // a predicate on a tenant column
	unknown bool          // the condition cannot be read (built at run time)
	col     string        // the tenant column
	val     *engine.Value // the value compared to it, nil when not known
}

// condAt reads the condition of a Where, Or or Run row.
func (r *rules) condAt(s *engine.Frame, c *engine.Call, row catalog.Builder, ent *entInfo) cond {
	if row.Cond < 0 {
		return cond{}
	}
	args := c.Args
	i := c.ArgIndex(row.Cond)
	if i >= len(args) {
		return cond{}
	}
	if ent != nil {
		return r.entPredicates(s, args[i], ent)
	}
	var q ssa.Value
	var binds []ssa.Value
	if row.CondVariadic {
		els, ok := engine.SliceElems(args[i])
		if !ok {
			return cond{unknown: true}
		}
		if len(els) == 0 {
			return cond{}
		}
		q, binds = els[0], els[1:]
	} else {
		q = args[i]
		if i+1 < len(args) {
			if els, ok := engine.SliceElems(args[i+1]); ok {
				binds = els
			}
		}
	}
	return r.condOf(s, q, binds)
}

// condOf reads one condition: a SQL fragment with its bind values, a map literal, a struct
// literal with its tenant field set.
func (r *rules) condOf(s *engine.Frame, q ssa.Value, binds []ssa.Value) cond {
	x := engine.StripConversions(q)
	cols := r.tables.columns
	if c, ok := x.(*ssa.Const); ok {
		if c.Value == nil || c.Value.Kind() != constant.String {
			return cond{} // a primary key
		}
		return r.fragmentCond(s, constant.StringVal(c.Value), binds)
	}
	t := x.Type()
	if engine.IsString(t) {
		return cond{unknown: true}
	}
	if m, ok := t.Underlying().(*types.Map); ok && engine.IsString(m.Key()) {
		v := s.Eval(x)
		if v.Fields == nil {
			return cond{unknown: true}
		}
		if col, f, ok := mapColumn(v.Fields, cols); ok {
			return cond{tenant: true, col: col, val: f}
		}
		return cond{}
	}
	if st := engine.StructOf(t); st != nil {
		path, col := tenantFieldPath(t, cols)
		if path == nil {
			return cond{}
		}
		if !s.FieldStored(x, path) {
			return cond{} // a zero field is no condition (gorm and xorm skip it)
		}
		v := s.Eval(x)
		for _, i := range path {
			v = v.Field(strconv.Itoa(i), engine.FieldName(t, i))
		}
		return cond{tenant: true, col: col, val: v}
	}
	if _, ok := t.Underlying().(*types.Basic); ok {
		return cond{} // a primary key
	}
	return cond{unknown: true}
}

// entPredicates reads ent's variadic predicates: a call of the entity's tenant predicate
// (user.TenantID(v), or its EQ form) among them scopes the query.
func (r *rules) entPredicates(s *engine.Frame, arg ssa.Value, ent *entInfo) cond {
	els, ok := engine.SliceElems(arg)
	if !ok {
		return cond{unknown: true}
	}
	for _, e := range els {
		call, ok := engine.StripConversions(e).(*ssa.Call)
		if !ok {
			continue
		}
		fn := engine.StaticCallee(call.Common())
		if fn == nil || fn.Pkg == nil || ent.pkg == nil || fn.Pkg.Pkg.Path() != ent.pkg.Path() {
			continue
		}
		if ent.tenantPred != "" && (fn.Name() == ent.tenantPred || fn.Name() == ent.tenantPred+"EQ") && len(call.Call.Args) == 1 {
			return cond{tenant: true, col: ent.tenantCol, val: s.Eval(call.Call.Args[0])}
		}
	}
	return cond{}
}

// checkBuilder judges a builder call (hooked into checkCall): the value bound to a tenant
// predicate, the scope of a query where it runs, the tenant field of what an insert writes.
func (r *rules) checkBuilder(s *engine.Frame, c *engine.Call) {
	call := c.Instr
	row, ent, ok := r.builderRow(s, c)
	if !ok {
		return
	}
	if ent != nil && r.isGeneratedHere(s, c) {
		return // ent's generated code implements the builders (Get is Query().Where(ID(id)))
	}
	pos := c.Start
	bindNeed := func(cd cond) {
		if cd.val == nil {
			return
		}
		subject := fmt.Sprintf("%s = ? in the %s condition", cd.col, row.Library)
		s.Need(cd.val, call, engine.Needed{Family: info.Name, Subject: subject, Sink: subject,
			Trail: []facts.Step{s.Pkg.Step(pos, "the %s condition binds %s to %s", row.Library, cd.col, s.Describe(cd.val))}})
	}
	switch row.Op {
	case catalog.BuilderWhere:
		if cd := r.condAt(s, c, row, ent); cd.tenant {
			bindNeed(cd)
		}
	case catalog.BuilderRun:
		if cd := r.condAt(s, c, row, ent); cd.tenant {
			bindNeed(cd)
			return
		}
		if row.ModelIsCond && !r.modelCondOff(s, c) {
			for _, m := range r.modelArgs(s, c, row) {
				if cd := r.condOf(s, m, nil); cd.tenant {
					bindNeed(cd)
					return
				}
			}
		}
		if cd := r.pkCond(s, c, row); cd.tenant {
			bindNeed(cd)
			return
		}
		table, ok := r.builderTable(s, c, row, ent)
		if !ok {
			if ent == nil {
				r.checkHandedRun(s, c, row.Library)
			}
			return
		}
		v := r.receiverState(s, c)
		if v.Kind == facts.None {
			if o := r.appliedOptions(s, c.Recv()); o != nil {
				v = o // the options the callers pass decide
			}
		}
		if (v.Kind == facts.Param || v.Kind == facts.Unknown) && r.onBareSession(s, c.Recv()) {
			v = baseBuilder(sessionNoPredicate)
		}
		where := fmt.Sprintf("%s query on tenant table %q", row.Library, table)
		switch v.Kind {
		case facts.Param:
			subject := "the " + where
			s.Need(v, call, engine.Needed{Family: info.Name, Subject: subject, Sink: subject,
				Trail: []facts.Step{s.Pkg.Step(pos, "the %s runs the builder it is given", where)}})
		case facts.None:
			if r.onLoadedRow(s, c, row) {
				return
			}
			// With the tenant at hand the function could have scoped the write itself; without
			// it, which row it writes is its callers' business.
			if m, ok := r.rowFromCaller(s, c, row); ok && s.TenantAtHand() == nil {
				subject := fmt.Sprintf("the %s by the primary key of the row it is given", where)
				s.Need(m, call, engine.Needed{Family: info.Name, Subject: subject, Sink: subject,
					Trail: []facts.Step{s.Pkg.Step(pos, "the %s goes by the primary key of a row from the caller", where)}})
				return
			}
			why := v.What
			if why == "" {
				why = noPredicate
			}
			s.AddFinding(call, info.Name, fmt.Sprintf("%s is not scoped to the active tenant: it runs %s", where, why),
				[]facts.Step{s.Pkg.Step(pos, "%s", r.tableWhy(s, table))})
		}
	case catalog.BuilderInsert:
		if ent != nil && ent.policy {
			return
		}
		r.checkInsert(s, c, row, ent, pos)
	}
}

// isGeneratedHere: the call is to a method of a type of this package (the generated package
// calling itself).
func (r *rules) isGeneratedHere(s *engine.Frame, c *engine.Call) bool {
	recv := c.Common.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == s.Pkg.Types()
}

func (r *rules) tableWhy(s *engine.Frame, table string) string {
	if w := r.tables.why(table); w != "" {
		return w
	}
	return fmt.Sprintf("%q has a tenant column", table)
}

// modelArgs are the values at a row's Model argument (each element when it is variadic).
func (r *rules) modelArgs(s *engine.Frame, c *engine.Call, row catalog.Builder) []ssa.Value {
	if row.Model < 0 {
		return nil
	}
	args := c.Args
	i := c.ArgIndex(row.Model)
	if i >= len(args) {
		return nil
	}
	sig := c.Common.Signature()
	if sig.Variadic() && row.Model == sig.Params().Len()-1 {
		els, _ := engine.SliceElems(args[i])
		return els
	}
	return []ssa.Value{args[i]}
}

// chainLink is one builder call found walking a chain back from where it runs.
type chainLink struct {
	call *engine.Call
	row  catalog.Builder
	ent  *entInfo
}

// chain lists the builder calls that made v, in this function (through φ-nodes, both ways).
func (r *rules) chain(s *engine.Frame, v ssa.Value) []chainLink {
	var out []chainLink
	walkCalls(v, func(x *ssa.Call) ssa.Value {
		c := s.Pkg.Call(x)
		row, ent, ok := r.builderRow(s, c)
		if ok {
			out = append(out, chainLink{c, row, ent})
		} else if !r.isBuilderType(x.Type()) {
			return nil
		}
		return c.Recv()
	})
	return out
}

// walkCalls walks back from v, through φ-nodes, tuple extracts and type changes, to the calls
// that made it, and from each call on to the value visit returns (its receiver, or nil to stop
// there). It visits a value once, and at most 64 values.
func walkCalls(v ssa.Value, visit func(*ssa.Call) ssa.Value) {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if v == nil || seen[v] || len(seen) > 64 {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e)
			}
		case *ssa.Extract:
			walk(x.Tuple)
		case *ssa.ChangeType:
			walk(x.X)
		case *ssa.Call:
			walk(visit(x))
		}
	}
	walk(v)
}

// builderTable finds the tenant table a query touches: from its ent entity, the model types
// and Table names along its chain and at the call itself.
func (r *rules) builderTable(s *engine.Frame, c *engine.Call, row catalog.Builder, ent *entInfo) (string, bool) {
	if ent != nil {
		if ent.tenantPred == "" || r.tables.isGlobal(ent.table) {
			return "", false
		}
		return ent.table, true
	}
	links := []chainLink{{c, row, nil}}
	links = append(links, r.chain(s, c.Recv())...)
	for _, l := range links {
		if t, ok := r.linkTable(s, l); ok {
			return t, true
		}
	}
	if t := r.receiverState(s, c).Target; t != "" {
		return t, true // named before the builder went through a helper or a field
	}
	return "", false
}

// linkTable: the tenant table named by one call's Model or Table argument.
func (r *rules) linkTable(s *engine.Frame, l chainLink) (string, bool) {
	args := l.call.Args
	if i := l.call.ArgIndex(l.row.Table); l.row.Table >= 0 && i < len(args) {
		a := args[i]
		if els, ok := engine.SliceElems(a); ok && len(els) > 0 {
			a = els[0] // Table(tables ...string)
		}
		a = engine.StripConversions(a)
		if c, ok := a.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			name := constant.StringVal(c.Value)
			if f := strings.Fields(name); len(f) > 0 {
				name = strings.Trim(f[0], `"`+"`")
			}
			if i := strings.LastIndex(name, "."); i >= 0 {
				name = name[i+1:]
			}
			if r.tables.isTenant(name) {
				return name, true
			}
		}
	}
	for _, m := range r.modelArgs(s, l.call, l.row) {
		if t, ok := r.modelTable(s, engine.StripConversions(m).Type(), l.row.Library); ok {
			return t, true
		}
	}
	return "", false
}

// modelTable: the table of a model type (a struct, pointer, slice or array of them), when it is
// a tenant table or the model has a tenant field.
func (r *rules) modelTable(s *engine.Frame, t types.Type, lib string) (string, bool) {
	for range 4 {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || engine.StructOf(t) == nil {
		return "", false
	}
	table := r.modelTableName(s, n, lib)
	if r.tables.isGlobal(table) {
		return "", false
	}
	if r.tables.isTenant(table) {
		return table, true
	}
	if path, _ := tenantFieldPath(t, r.tables.columns); path != nil {
		return table, true
	}
	return "", false
}

// modelTableName: the model's TableName() constant when this package defines it, bun's table
// tag, else the library's naming convention (snake case, plural for gorm, bun and pop).
func (r *rules) modelTableName(s *engine.Frame, n *types.Named, lib string) string {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), "TableName")
	if fn, ok := obj.(*types.Func); ok {
		if f := s.Pkg.Prog().FuncValue(fn); f != nil {
			for _, b := range f.Blocks {
				for _, in := range b.Instrs {
					if r, ok := in.(*ssa.Return); ok && len(r.Results) == 1 {
						if text, _, ok := queryText(r.Results[0], 0); ok {
							return text
						}
					}
				}
			}
		}
	}
	if st := engine.StructOf(n); st != nil {
		for i := 0; i < st.NumFields(); i++ {
			tag := reflect.StructTag(st.Tag(i)).Get("bun")
			if name, ok := strings.CutPrefix(tag, "table:"); ok {
				name, _, _ = strings.Cut(name, ",")
				return name
			}
		}
		if e := bunExtends(st); e != nil {
			return r.modelTableName(s, e, lib)
		}
	}
	name := snake(n.Obj().Name())
	switch catalog.Naming[lib] {
	case "inflection":
		name = catalog.Plural(name)
	case "plural":
		name = plural(name)
	}
	return name
}

// checkInsert: what an insert writes must carry the active tenant in its tenant column.
func (r *rules) checkInsert(s *engine.Frame, c *engine.Call, row catalog.Builder, ent *entInfo, pos token.Pos) {
	call := c.Instr
	cols := r.tables.columns
	judge := func(v *engine.Value, col, what string) {
		subject := fmt.Sprintf("%s in the %s %s", col, row.Library, what)
		s.Need(v, call, engine.Needed{Family: info.Name, Subject: subject, Sink: subject,
			Trail: []facts.Step{s.Pkg.Step(pos, "the %s %s sets %s to %s", row.Library, what, col, s.Describe(v))}})
	}
	missing := func(what, table string) {
		s.AddFinding(call, info.Name, fmt.Sprintf("%s %s into tenant table %q does not set its tenant column (%s)", row.Library, what, table, strings.Join(cols, ", ")),
			[]facts.Step{s.Pkg.Step(pos, "%s", r.tableWhy(s, table))})
	}
	models := r.modelArgs(s, c, row)
	links := r.chain(s, c.Recv())
	if row.Model < 0 {
		for _, l := range links {
			models = append(models, r.modelArgs(s, l.call, l.row)...)
		}
	}
	judged := false
	for _, m := range models {
		x := engine.StripConversions(m)
		table, ok := r.modelTable(s, x.Type(), row.Library)
		if !ok {
			continue
		}
		judged = true
		if elem, ok := batchElem(x.Type()); ok {
			r.checkBatch(s, c, row, x, elem, table, pos)
			continue
		}
		path, col := tenantFieldPath(x.Type(), cols)
		if path == nil {
			missing("insert", table)
			continue
		}
		if !s.FieldStored(x, path) {
			if r.isLoadedRow(s, m) {
				continue // its tenant field holds the tenant it was loaded for
			}
			s.AddFinding(call, info.Name, fmt.Sprintf("%s insert into tenant table %q does not set the model's tenant field (%s)", row.Library, table, col),
				[]facts.Step{s.Pkg.Step(pos, "%s", r.tableWhy(s, table))})
			continue
		}
		judge(s.FieldAt(x, path, call), col, "insert")
	}
	if row.Model >= 0 || judged {
		return
	}
	// Column by column: ent's Set<Column>, squirrel's SetMap or Columns(...).Values(...).
	table := ""
	if ent != nil {
		if ent.tenantPred == "" || r.tables.isGlobal(ent.table) {
			return
		}
		table = ent.table
	}
	var columns []string
	var values []ssa.Value
	for _, l := range links {
		if t, ok := r.linkTable(s, l); ok {
			table = t
		}
		args := l.call.Args
		i := l.row.Cond + 1
		if l.row.Cond < 0 || i >= len(args) {
			continue
		}
		switch l.row.Op {
		case catalog.BuilderSet:
			if l.ent != nil {
				judge(s.Eval(args[i]), l.ent.tenantCol, "create")
				return
			}
			v := s.Eval(engine.StripConversions(args[i]))
			if col, f, ok := mapColumn(v.Fields, cols); ok {
				judge(f, col, "insert")
				return
			}
		case catalog.BuilderColumns:
			// squirrel appends the names of every Columns call and joins them with commas, so
			// one string may name several columns ("name, payload, tenant_id").
			if cs, ok := engine.ConstStrings(args[i]); ok {
				for _, c := range cs {
					for _, name := range strings.Split(c, ",") {
						columns = append(columns, strings.Trim(strings.TrimSpace(name), "\"`"))
					}
				}
			}
		case catalog.BuilderValues:
			values, _ = engine.SliceElems(args[i])
		}
	}
	for k, name := range columns {
		for _, col := range cols {
			if strings.EqualFold(name, col) {
				if k < len(values) {
					judge(s.Eval(values[k]), col, "insert")
				}
				return
			}
		}
	}
	if table != "" && (ent != nil || r.tables.isTenant(table)) {
		missing("insert", table)
	}
}

// tenantFieldPath finds the field of a model struct that holds a tenant column (by its gorm
// column, bun, db or xorm tag, or the snake-cased field name), also in an embedded struct.
func tenantFieldPath(t types.Type, cols []string) ([]int, string) {
	st := engine.StructOf(t)
	if st == nil {
		if sl, ok := t.Underlying().(*types.Slice); ok {
			st = engine.StructOf(sl.Elem())
		}
	}
	if st == nil {
		return nil, ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		for _, name := range columnNames(f, st.Tag(i)) {
			for _, c := range cols {
				if name == c {
					return []int{i}, c
				}
			}
		}
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Anonymous() && !notColumn(reflect.StructTag(st.Tag(i))) {
			if _, isPtr := f.Type().Underlying().(*types.Pointer); isPtr {
				continue
			}
			if p, c := tenantFieldPath(f.Type(), cols); p != nil && len(p) == 1 {
				return []int{i, p[0]}, c
			}
		}
	}
	return nil, ""
}

// columnNames are the columns a struct field may be mapped to; none when a tag says it is not
// a column.
func columnNames(f *types.Var, tag string) []string {
	st := reflect.StructTag(tag)
	if notColumn(st) {
		return nil
	}
	out := []string{snake(f.Name())}
	for _, part := range strings.Split(st.Get("gorm"), ";") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(part), "column:"); ok {
			out = append(out, name)
		}
	}
	for _, key := range []string{"bun", "db", "json"} {
		if v, _, _ := strings.Cut(st.Get(key), ","); v != "" && v != "-" {
			out = append(out, v)
		}
	}
	for _, tok := range strings.Fields(st.Get("xorm")) {
		if len(tok) > 2 && tok[0] == '\'' && tok[len(tok)-1] == '\'' {
			out = append(out, tok[1:len(tok)-1])
		}
	}
	return out
}

// notColumn: the field's tag tells its ORM to leave it out of the table (gorm:"-" or "-:all",
// bun:"-", xorm:"-", db:"-" for sqlx and pop); gorm's "-:migration" only keeps it out of
// migrations.
func notColumn(st reflect.StructTag) bool {
	for _, part := range strings.Split(st.Get("gorm"), ";") {
		if p := strings.TrimSpace(part); p == "-" || p == "-:all" {
			return true
		}
	}
	for _, key := range []string{"bun", "db"} {
		if v, _, _ := strings.Cut(st.Get(key), ","); v == "-" {
			return true
		}
	}
	return slices.Contains(strings.Fields(st.Get("xorm")), "-")
}

// snake converts a Go name to gorm's column and table spelling: TenantID -> tenant_id.
func snake(name string) string {
	var b strings.Builder
	r := []rune(name)
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || (i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1]))) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// plural is the English plural of a snake-cased table name, as pop's flect spells the common
// cases (gorm and bun use catalog.Plural, inflection's rules).
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}
