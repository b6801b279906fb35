package engine

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/facts"
)

// funcState is the intra-procedural analysis of one function: the abstract value of every SSA
// value, the contents of the memory it addresses, and what it returns. It is a forward
// dataflow iterated to a fixpoint; memory is flow-insensitive (every store to an address is
// merged), which is sound enough for the shapes that matter: composite literals, variadic
// argument arrays, captured variables.
type funcState struct {
	pkg    *pkgState
	fn     *ssa.Function
	vals   map[ssa.Value]*value
	mem    map[ssa.Value]map[string]*value
	parent *funcState // enclosing function, for closures
	// env binds a closure's free variables to values of the enclosing function.
	env     map[*ssa.FreeVar]ssa.Value
	returns []*value
	changed bool
	// closureParams: parameters of a function literal come from unknown callers.
	closureParams bool
	// forcedSource: a //tenantlint:source function; its first result is the tenant id.
	forcedSource bool

	// Filled by check.
	report       bool
	closuresDone map[*ssa.Function]bool
	requires     []facts.Requirement
	sqlForward   *facts.SQLForward
	allTenants   *bool // cached entersAllTenants
	nilReturns   bool  // some return statement returned nil
	ctxReads     []ctxRead

	// cur is the instruction being computed; storedAt the stores to each memory cell, to tell
	// a field set on every path from one set on some.
	cur      ssa.Instruction
	storedAt map[ssa.Value]map[string][]ssa.Instruction
	settled  bool // second phase of solve: memory never stored is Unknown
	elements map[ssa.Value]map[string]bool
}

func newFuncState(p *pkgState, fn *ssa.Function) *funcState {
	return &funcState{
		pkg:     p,
		fn:      fn,
		vals:    map[ssa.Value]*value{},
		mem:     map[ssa.Value]map[string]*value{},
		returns: make([]*value, fn.Signature.Results().Len()),
	}
}

// solve iterates the function's instructions until no value changes. Memory nothing was stored
// to reads as Top in the first phase (its stores may simply not have been seen yet); once that
// has settled, such memory is what a call we cannot see filled in (Scan, Unmarshal): Unknown,
// and the values built from it are recomputed.
func (s *funcState) solve() {
	blocks := s.fn.DomPreorder()
	for phase := 0; phase < 2; phase++ {
		s.settled = phase == 1
		for range 30 {
			s.changed = false
			for _, b := range blocks {
				for _, instr := range b.Instrs {
					s.step(instr)
				}
			}
			if !s.changed {
				break
			}
		}
	}
}

func (s *funcState) set(v ssa.Value, x *value) {
	if old, ok := s.vals[v]; ok && old.equal(x) {
		return
	}
	s.vals[v] = x
	s.changed = true
}

func (s *funcState) step(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Store:
		root, keys, _ := s.address(in.Addr)
		if _, ok := in.Addr.(*ssa.FieldAddr); !ok && len(keys) > 0 {
			// An array or slice element (often filled in a loop, as uuid.Parse fills its
			// bytes): the zero value of unassigned paths is not tracked for elements.
			s.markElement(root, keys)
		}
		s.store(in, root, keys, s.eval(in.Val))
	case *ssa.MapUpdate:
		if k, ok := constKey(in.Key); ok {
			s.store(in, in.Map, []string{k}, s.eval(in.Value))
		} else {
			s.store(in, in.Map, []string{"*"}, s.eval(in.Value))
		}
	case *ssa.Return:
		for i, r := range in.Results {
			v := s.eval(r)
			if v.isNil() || isZeroConst(r) {
				// `return nil, err` and `return "", false` say nothing about what the
				// function returns when it succeeds: a not-found or error path's zero value
				// does not make the result a constant. (A result that is zero on every path
				// is Unknown, see summary.)
				s.nilReturns = true
				continue
			}
			s.returns[i] = meet(s.returns[i], v)
		}
	}
	if v, ok := instr.(ssa.Value); ok {
		// Only a read of memory happens at a point; an address (an Alloc, a FieldAddr) stands
		// for its content wherever it is used, which is after its stores.
		if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL {
			s.cur = instr
		}
		s.set(v, s.compute(v))
		s.cur = nil
	}
}

func (s *funcState) store(at ssa.Instruction, root ssa.Value, keys []string, x *value) {
	m := s.mem[root]
	if m == nil {
		m = map[string]*value{}
		s.mem[root] = m
	}
	k := strings.Join(keys, "\x1f")
	if s.storedAt == nil {
		s.storedAt = map[ssa.Value]map[string][]ssa.Instruction{}
	}
	if s.storedAt[root] == nil {
		s.storedAt[root] = map[string][]ssa.Instruction{}
	}
	if !slices.Contains(s.storedAt[root][k], at) {
		s.storedAt[root][k] = append(s.storedAt[root][k], at)
	}
	old := m[k]
	nv := meet(old, x)
	if old == nil || !old.equal(nv) {
		m[k] = nv
		s.changed = true
	}
}

// address splits an address into the value it is rooted at and the path of selectors from it.
func (s *funcState) address(a ssa.Value) (root ssa.Value, keys, names []string) {
	switch a := a.(type) {
	case *ssa.FieldAddr:
		root, keys, names = s.address(a.X)
		f := fieldOf(a.X.Type(), a.Field)
		return root, append(keys, strconv.Itoa(a.Field)), append(names, f)
	case *ssa.IndexAddr:
		root, keys, names = s.address(a.X)
		k, ok := constKey(a.Index)
		if !ok {
			k = "*"
		}
		return root, append(keys, k), append(names, "["+k+"]")
	case *ssa.Slice:
		return s.address(a.X)
	}
	return a, nil, nil
}

// load reads the memory at root+keys: what was stored there, or built from what was stored
// below it, or derived from what was stored above it or from the root itself.
func (s *funcState) load(root ssa.Value, keys, names []string) *value {
	if fv, ok := root.(*ssa.FreeVar); ok && s.parent != nil {
		if b, ok := s.env[fv]; ok {
			proot, pkeys, pnames := s.parent.address(b)
			return s.parent.load(proot, append(pkeys, keys...), append(pnames, names...))
		}
		return unknownValue
	}
	m := s.mem[root]
	prefix := strings.Join(keys, "\x1f")
	if m != nil {
		exact := m[prefix]
		children := map[string]*value{}
		for k := range m {
			var rest string
			switch {
			case prefix == "":
				rest = k
			case strings.HasPrefix(k, prefix+"\x1f"):
				rest = k[len(prefix)+1:]
			default:
				continue
			}
			if rest == "" {
				continue
			}
			child, _, _ := strings.Cut(rest, "\x1f")
			if _, done := children[child]; !done {
				children[child] = s.load(root, append(append([]string(nil), keys...), child), append(append([]string(nil), names...), child))
			}
		}
		if len(children) > 0 {
			fields := map[string]*value{}
			if exact != nil {
				for k, f := range exact.fields {
					fields[k] = f
				}
			}
			for k, f := range children {
				fields[k] = f
			}
			if el, ok := fields["*"]; ok {
				// A store at an unknown index reaches every element.
				for k, f := range fields {
					if k != "*" {
						fields[k] = meet(f, el)
					}
				}
			}
			return s.builtHere(aggregate(fields), root.Pos())
		}
		if exact != nil {
			if !s.storeDominates(root, keys) {
				// Set on some paths only (a tenant field assigned in one branch): on the
				// others the memory still holds its zero value.
				return meet(exact, noneValue)
			}
			return exact
		}
		// Stored above: a whole struct or array, of which we read a part.
		for i := len(keys) - 1; i >= 0; i-- {
			if up, ok := m[strings.Join(keys[:i], "\x1f")]; ok {
				v := up
				for j := i; j < len(keys); j++ {
					v = v.field(keys[j], names[j])
				}
				return v
			}
		}
	}
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		if m == nil {
			// Nothing stored yet. Top, not Unknown, until the first phase settles: the stores
			// may come later in this iteration (a composite literal is loaded before its fields
			// are stored in block order), and a provisional Unknown would stick through merges.
			if s.settled {
				return unknownValue
			}
			return topValue
		}
	}
	v := s.rootValue(root)
	for i := range keys {
		v = v.field(keys[i], names[i])
	}
	return v
}

// storeDominates reports whether a store to root+keys (or to a part above it) dominates the
// instruction being computed, so that the stored value, not the zero value, is what it reads.
// Outside an instruction (a closure reading its creator's memory) it answers yes.
func (s *funcState) storeDominates(root ssa.Value, keys []string) bool {
	if s.cur == nil || s.cur.Parent() != s.fn {
		return true
	}
	if _, ok := root.(*ssa.Alloc); !ok {
		return true
	}
	if s.elements[root][strings.Join(keys, "\x1f")] {
		return true
	}
	for i := len(keys); i >= 0; i-- {
		for _, st := range s.storedAt[root][strings.Join(keys[:i], "\x1f")] {
			if dominates(st, s.cur) {
				return true
			}
		}
	}
	return false
}

func (s *funcState) markElement(root ssa.Value, keys []string) {
	if s.elements == nil {
		s.elements = map[ssa.Value]map[string]bool{}
	}
	if s.elements[root] == nil {
		s.elements[root] = map[string]bool{}
	}
	s.elements[root][strings.Join(keys, "\x1f")] = true
}

// rootValue is the value of a pointer that is not an address built in this function.
func (s *funcState) rootValue(root ssa.Value) *value {
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		if s.settled {
			return unknownValue
		}
		return topValue
	}
	return s.eval(root)
}

// eval is the current abstract value of v.
func (s *funcState) eval(v ssa.Value) *value {
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return nilValue
		}
		return noneValue
	case *ssa.Parameter:
		if s.closureParams {
			return unknownValue
		}
		for i, p := range s.fn.Params {
			if p == v {
				return paramValue(facts.ParamRef{Index: i})
			}
		}
		return unknownValue
	case *ssa.FreeVar:
		if s.parent != nil {
			if b, ok := s.env[v]; ok {
				return s.parent.eval(b)
			}
		}
		return unknownValue
	case *ssa.Global, *ssa.Function, *ssa.Builtin:
		return unknownValue
	}
	if x, ok := s.vals[v]; ok {
		return x
	}
	return topValue
}

func (s *funcState) compute(v ssa.Value) *value {
	switch v := v.(type) {
	case *ssa.Phi:
		var r *value
		for _, e := range v.Edges {
			r = meet(r, s.eval(e))
		}
		if r == nil {
			return topValue
		}
		return r
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if b := s.builderLoad(v); b != nil {
				return b
			}
			root, keys, names := s.address(v.X)
			return s.fieldSource(v.X, s.load(root, keys, names))
		}
		if v.Op == token.ARROW {
			return unknownValue
		}
		return derive(s.eval(v.X))
	case *ssa.BinOp:
		return s.builtHere(s.build(derive(s.eval(v.X), s.eval(v.Y)), v.X, v.Y), v.Pos())
	case *ssa.Call:
		return s.callValue(v.Common(), v.Pos())
	case *ssa.ChangeType:
		return s.eval(v.X)
	case *ssa.Convert:
		return s.eval(v.X)
	case *ssa.MultiConvert:
		return s.eval(v.X)
	case *ssa.MakeInterface:
		return s.eval(v.X)
	case *ssa.ChangeInterface:
		return s.eval(v.X)
	case *ssa.SliceToArrayPointer:
		return s.eval(v.X)
	case *ssa.TypeAssert:
		x := s.eval(v.X)
		if v.CommaOk {
			return &value{kind: x.kind, params: x.params, fields: map[string]*value{"0": x, "1": noneValue}}
		}
		return x
	case *ssa.Extract:
		return s.eval(v.Tuple).field(strconv.Itoa(v.Index), "")
	case *ssa.Field:
		if b := s.builderLoad(v); b != nil {
			return b
		}
		return s.fieldSource(v, s.eval(v.X).field(strconv.Itoa(v.Field), fieldOf(v.X.Type(), v.Field)))
	case *ssa.FieldAddr, *ssa.IndexAddr:
		root, keys, names := s.address(v)
		return s.load(root, keys, names)
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		return s.load(v, nil, nil)
	case *ssa.Slice:
		root, keys, names := s.address(v.X)
		return s.load(root, keys, names)
	case *ssa.Index:
		if k, ok := constKey(v.Index); ok {
			return s.eval(v.X).field(k, "["+k+"]")
		}
		return derive(s.eval(v.X))
	case *ssa.Lookup:
		x := s.eval(v.X)
		var r *value
		if k, ok := constKey(v.Index); ok {
			r = x.field(k, k)
		} else {
			r = derive(x)
		}
		if v.CommaOk {
			return &value{kind: r.kind, params: r.params, fields: map[string]*value{"0": r, "1": noneValue}}
		}
		return r
	case *ssa.Next:
		x := derive(s.eval(v.Iter))
		return &value{kind: facts.Unknown, fields: map[string]*value{"0": noneValue, "1": x, "2": x}}
	case *ssa.Range:
		return s.eval(v.X)
	case *ssa.MakeClosure:
		return s.closureValue(v)
	}
	return unknownValue
}

// fieldSource applies configured tenant fields: reading (auth.User).OrgID yields the tenant id
// whatever the User came from.
func (s *funcState) fieldSource(addrOrField ssa.Value, v *value) *value {
	var st types.Type
	var idx int
	switch a := addrOrField.(type) {
	case *ssa.FieldAddr:
		st, idx = a.X.Type(), a.Field
	case *ssa.Field:
		st, idx = a.X.Type(), a.Field
	default:
		return v
	}
	if f := fieldVar(st, idx); f != nil {
		if what, ok := s.pkg.rules.fieldSource(st, f); ok {
			return &value{kind: facts.TenantID, origin: addrOrField.Pos(), what: what}
		}
	}
	return v
}

// isZeroConst reports whether v is a constant zero value: "", 0, false, a zero struct.
func isZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	}
	return false
}

func constKey(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return "", false
	}
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value), true
	case constant.Int:
		if i, ok := constant.Int64Val(c.Value); ok {
			return strconv.FormatInt(i, 10), true
		}
	}
	return "", false
}

func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

func fieldVar(t types.Type, i int) *types.Var {
	if st := structOf(t); st != nil && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

func fieldOf(t types.Type, i int) string {
	if f := fieldVar(t, i); f != nil {
		return f.Name()
	}
	return strconv.Itoa(i)
}
