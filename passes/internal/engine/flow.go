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

// Frame is the intra-procedural analysis of one function: the abstract value of every SSA
// value, the contents of the memory it addresses, and what it returns. It is a forward
// dataflow iterated to a fixpoint; memory is flow-insensitive (every store to an address is
// merged), which is sound enough for the shapes that matter: composite literals, variadic
// argument arrays, captured variables.
type Frame struct {
	Pkg    *Package
	Fn     *ssa.Function
	vals   map[ssa.Value]*Value
	mem    map[ssa.Value]map[string]*Value
	parent *Frame // enclosing function, for closures
	// env binds a closure's free variables to values of the enclosing function.
	env     map[*ssa.FreeVar]ssa.Value
	returns []*Value
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
	// outOfReachMemo caches outOfReach (intent.go), on the root frame.
	outOfReachMemo *bool
	nilReturns     bool // some return statement returned nil
	ctxReads       []CtxRead

	// cur is the instruction being computed; storedAt the stores to each memory cell, to tell
	// a field set on every path from one set on some.
	cur      ssa.Instruction
	storedAt map[ssa.Value]map[string][]ssa.Instruction
	settled  bool // second phase of solve: memory never stored is Unknown
	elements map[ssa.Value]map[string]bool
	text     *textState // what was written into text buffers made here (textbuf.go)
}

func newFuncState(p *Package, fn *ssa.Function) *Frame {
	return &Frame{
		Pkg:     p,
		Fn:      fn,
		vals:    map[ssa.Value]*Value{},
		mem:     map[ssa.Value]map[string]*Value{},
		returns: make([]*Value, fn.Signature.Results().Len()),
	}
}

// solve iterates the function's instructions until no value changes. Memory nothing was stored
// to reads as Top in the first phase (its stores may simply not have been seen yet); once that
// has settled, such memory is what a call we cannot see filled in (Scan, Unmarshal): Unknown,
// and the values built from it are recomputed.
func (s *Frame) solve() {
	blocks := s.Fn.DomPreorder()
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

func (s *Frame) set(v ssa.Value, x *Value) {
	if old, ok := s.vals[v]; ok && old.Equal(x) {
		return
	}
	s.vals[v] = x
	s.changed = true
}

func (s *Frame) step(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Store:
		root, keys, _ := s.Address(in.Addr)
		if _, ok := in.Addr.(*ssa.FieldAddr); !ok && len(keys) > 0 {
			// An array or slice element (often filled in a loop, as uuid.Parse fills its
			// bytes): the zero value of unassigned paths is not tracked for elements.
			s.markElement(root, keys)
		}
		x := s.Eval(in.Val)
		if len(keys) == 0 {
			switch {
			case isZeroConst(in.Val) && filledByCall(root):
				// f := Filter{}; json.Unmarshal(b, &f): the zero value is the memory's initial
				// state, as for `var f Filter`; what the call fills in is not seen.
				break
			case x.Kind == facts.None && !x.IsNil() && len(x.Fields) > 0 && filledByCall(root):
				// m := T{ID: "s"}; json.Unmarshal(b, &m) (or m.fill()): the fields the literal
				// leaves out are not known to be zero, since the call may fill them in.
				s.store(in, root, keys, &Value{Kind: facts.Unknown, Fields: x.Fields})
			default:
				s.store(in, root, keys, x)
			}
			break
		}
		s.store(in, root, keys, x)
	case ssa.CallInstruction:
		// One case for every call (a type switch takes the first case that matches, so
		// *ssa.Call must not have a case of its own below).
		s.bindRequestInput(in) // a binder writes request input through its argument (input.go)
		if c, ok := in.(*ssa.Call); ok {
			s.noteTextWrite(c) // what a call writes into a text buffer (textbuf.go)
		}
	case *ssa.MapUpdate:
		if k, ok := constKey(in.Key); ok {
			s.store(in, in.Map, []string{k}, s.Eval(in.Value))
		} else {
			s.store(in, in.Map, []string{"*"}, s.Eval(in.Value))
		}
	case *ssa.Return:
		for i := range in.Results {
			v, ok := s.returnValue(in, i)
			if !ok {
				s.nilReturns = true
				continue
			}
			s.returns[i] = Meet(s.returns[i], v)
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

// returnValue is what ret returns as result i, or false for a zero value: `return nil, err` and
// `return "", false` say nothing about what the function returns when it succeeds, so a
// not-found or error path's zero value does not make the result a constant. (A result that is
// zero on every path is Unknown, see summary.)
func (s *Frame) returnValue(ret *ssa.Return, i int) (*Value, bool) {
	r := ret.Results[i]
	v := s.Eval(r)
	if v.IsNil() || isZeroConst(r) {
		return nil, false
	}
	if v.Kind == facts.None && !described(v) {
		v = s.emptyReturn(ret, v)
	}
	return v, true
}

func (s *Frame) store(at ssa.Instruction, root ssa.Value, keys []string, x *Value) {
	m := s.mem[root]
	if m == nil {
		m = map[string]*Value{}
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
	nv := Meet(old, x)
	if old == nil || !old.Equal(nv) {
		m[k] = nv
		s.changed = true
	}
}

// Address splits an Address into the value it is rooted at and the path of selectors from it.
func (s *Frame) Address(a ssa.Value) (root ssa.Value, keys, names []string) {
	switch a := a.(type) {
	case *ssa.FieldAddr:
		root, keys, names = s.Address(a.X)
		f := FieldName(a.X.Type(), a.Field)
		return root, append(keys, strconv.Itoa(a.Field)), append(names, f)
	case *ssa.IndexAddr:
		root, keys, names = s.Address(a.X)
		k, ok := constKey(a.Index)
		if !ok {
			k = "*"
		}
		return root, append(keys, k), append(names, "["+k+"]")
	case *ssa.Slice:
		return s.Address(a.X)
	case *ssa.UnOp:
		if a.Op == token.MUL {
			return sameLoad(a), nil, nil
		}
	}
	return a, nil, nil
}

// sameLoad is the first load of the variable a pointer is read from, when every load of it
// reads the same pointer: a captured pointer (d, a parameter a closure captures, is a cell read
// with *d at each use) is stored once, where it is captured, so d.TenantID = x and Save(d) in
// the closure address the same row through two loads.
func sameLoad(u *ssa.UnOp) ssa.Value {
	var cell ssa.Value
	switch x := u.X.(type) {
	case *ssa.FreeVar:
		cell = x
	case *ssa.Alloc:
		if !x.Heap {
			return u
		}
		cell = x
	default:
		return u
	}
	if _, ok := cell.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Pointer); !ok {
		return u // a cell of a struct, not of a pointer: its loads are copies
	}
	stores := 0
	var first ssa.Value
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == cell {
				stores++
			}
		case *ssa.UnOp:
			if r.Op == token.MUL && r.X == cell && first == nil && r.Parent() == u.Parent() {
				first = r
			}
		}
	}
	if first == nil || stores > 1 {
		return u
	}
	if _, ok := cell.(*ssa.FreeVar); ok && stores > 0 {
		return u // the closure reassigns the variable
	}
	return first
}

// Load reads the memory at root+keys: what was stored there, or built from what was stored
// below it, or derived from what was stored above it or from the root itself.
func (s *Frame) Load(root ssa.Value, keys, names []string) *Value {
	if fv, ok := root.(*ssa.FreeVar); ok && s.parent != nil && s.mem[root] == nil {
		// What the closure stored through the captured pointer itself (a transaction callback
		// setting the row's tenant before it saves the row) is read below, from its own
		// memory, over the creator's value; otherwise it is the creator's memory.
		if b, ok := s.env[fv]; ok {
			proot, pkeys, pnames := s.parent.Address(b)
			return s.parent.Load(proot, append(pkeys, keys...), append(pnames, names...))
		}
		return UnknownValue
	}
	m := s.mem[root]
	prefix := strings.Join(keys, "\x1f")
	if m != nil {
		exact := m[prefix]
		children := map[string]*Value{}
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
				children[child] = s.Load(root, append(append([]string(nil), keys...), child), append(append([]string(nil), names...), child))
			}
		}
		if len(children) > 0 {
			fields := map[string]*Value{}
			if exact != nil {
				for k, f := range exact.Fields {
					fields[k] = f
				}
			}
			for k, f := range children {
				fields[k] = f
			}
			if exact != nil && exact.Fields == nil {
				s.keepCopied(root, keys, exact, fields)
			} else if exact == nil && !freshMemory(root) {
				// Some fields of a struct the function did not make are assigned (a parameter's
				// p.Password = hash, a row a helper returned): the others are still what was
				// there, parts of the root's own value, not zero values.
				whole := s.rootValue(root)
				for i := range keys {
					whole = whole.Field(keys[i], names[i])
				}
				s.keepCopied(root, keys, whole, fields)
			}
			if el, ok := fields["*"]; ok {
				// A store at an unknown index reaches every element.
				for k, f := range fields {
					if k != "*" {
						fields[k] = Meet(f, el)
					}
				}
			}
			return s.builtHere(AggregateExcept(fields, flagFields(root, keys)), root.Pos())
		}
		if exact != nil {
			if !s.storeDominates(root, keys) {
				// Set on some paths only (a tenant field assigned in one branch): on the
				// others the memory still holds its zero value.
				return Meet(exact, NoneValue)
			}
			return exact
		}
		// Stored above: a whole struct or array, of which we read a part.
		for i := len(keys) - 1; i >= 0; i-- {
			if up, ok := m[strings.Join(keys[:i], "\x1f")]; ok {
				v := up
				for j := i; j < len(keys); j++ {
					v = v.Field(keys[j], names[j])
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
				return UnknownValue
			}
			return TopValue
		}
	}
	v := s.rootValue(root)
	for i := range keys {
		v = v.Field(keys[i], names[i])
	}
	return v
}

// flagFields names the fields of the struct at root+keys that are bools or floats (isFlag).
func flagFields(root ssa.Value, keys []string) map[string]bool {
	st := structAt(root.Type(), keys)
	if st == nil {
		return nil
	}
	var out map[string]bool
	for i := 0; i < st.NumFields(); i++ {
		if isFlag(st.Field(i).Type()) {
			if out == nil {
				out = map[string]bool{}
			}
			out[strconv.Itoa(i)] = true
		}
	}
	return out
}

// structAt is the struct type reached from a root of type t (or a pointer to it) by field keys;
// nil if the keys leave the structs (an index, a map key) or end at something else.
func structAt(t types.Type, keys []string) *types.Struct {
	for _, k := range keys {
		st := derefStructType(t)
		i, err := strconv.Atoi(k)
		if st == nil || err != nil || i < 0 || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	return derefStructType(t)
}

func derefStructType(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// freshMemory reports whether root is memory the function makes (its fields start as zero
// values), rather than memory it is given or reaches (a parameter, a call's result, a global).
func freshMemory(root ssa.Value) bool {
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		return true
	}
	return false
}

// keepCopied fills the fields of a struct that was stored whole (copied from a parameter, c :=
// *p) and then had some fields reassigned: the others are still the copied ones.
func (s *Frame) keepCopied(root ssa.Value, keys []string, whole *Value, fields map[string]*Value) {
	t := root.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	for _, k := range keys {
		i, err := strconv.Atoi(k)
		st, ok := t.Underlying().(*types.Struct)
		if err != nil || !ok || i >= st.NumFields() {
			return
		}
		t = st.Field(i).Type()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		k := strconv.Itoa(i)
		if _, set := fields[k]; !set {
			fields[k] = whole.Field(k, st.Field(i).Name())
		}
	}
}

// storeDominates reports whether a store to root+keys (or to a part above it) dominates the
// instruction being computed, so that the stored value, not the zero value, is what it reads.
// Outside an instruction (a closure reading its creator's memory) it answers yes.
func (s *Frame) storeDominates(root ssa.Value, keys []string) bool {
	if s.cur == nil || s.cur.Parent() != s.Fn {
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

func (s *Frame) markElement(root ssa.Value, keys []string) {
	if s.elements == nil {
		s.elements = map[ssa.Value]map[string]bool{}
	}
	if s.elements[root] == nil {
		s.elements[root] = map[string]bool{}
	}
	s.elements[root][strings.Join(keys, "\x1f")] = true
}

// rootValue is the value of a pointer that is not an address built in this function.
func (s *Frame) rootValue(root ssa.Value) *Value {
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		if s.settled {
			return UnknownValue
		}
		return TopValue
	}
	return s.Eval(root)
}

// Eval is the current abstract value of v.
func (s *Frame) Eval(v ssa.Value) *Value {
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return NilValue
		}
		return NoneValue
	case *ssa.Parameter:
		if s.closureParams {
			return UnknownValue
		}
		for i, p := range s.Fn.Params {
			if p == v {
				if x := s.jobPayloadParam(v); x != nil {
					return x // a job handler's payload (jobinput.go)
				}
				return ParamValue(facts.ParamRef{Index: i})
			}
		}
		return UnknownValue
	case *ssa.FreeVar:
		if s.parent != nil {
			if b, ok := s.env[v]; ok {
				return s.parent.Eval(b)
			}
		}
		return UnknownValue
	case *ssa.Global:
		if obj, ok := v.Object().(*types.Var); ok && s.Pkg.isConstantVar(obj) {
			return NoneValue // uuid.Nil: what it holds is a constant (constvars.go)
		}
		return UnknownValue
	case *ssa.Function, *ssa.Builtin:
		return UnknownValue
	}
	if x, ok := s.vals[v]; ok {
		return x
	}
	return TopValue
}

func (s *Frame) compute(v ssa.Value) *Value {
	switch v := v.(type) {
	case *ssa.Phi:
		var r *Value
		for _, e := range v.Edges {
			r = Meet(r, s.Eval(e))
		}
		if r == nil {
			return TopValue
		}
		return r
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if x, ok := s.familyValue(v); ok {
				return x
			}
			root, keys, names := s.Address(v.X)
			return s.fieldSource(v.X, s.Load(root, keys, names))
		}
		if v.Op == token.ARROW {
			return UnknownValue
		}
		return Derive(s.Eval(v.X))
	case *ssa.BinOp:
		return s.builtHere(s.build(Derive(s.Eval(v.X), s.Eval(v.Y)), v.X, v.Y), v.Pos())
	case *ssa.Call:
		return s.callValue(s.Pkg.Call(v))
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert, *ssa.MakeInterface, *ssa.ChangeInterface:
		return s.Eval(StripConversions(v)) // a conversion keeps what the value carries
	case *ssa.SliceToArrayPointer:
		return s.Eval(v.X)
	case *ssa.TypeAssert:
		x := s.Eval(v.X)
		if v.CommaOk {
			return &Value{Kind: x.Kind, Params: x.Params, Derived: x.Derived, Fields: map[string]*Value{"0": x, "1": NoneValue}}
		}
		return x
	case *ssa.Extract:
		return s.Eval(v.Tuple).Field(strconv.Itoa(v.Index), "")
	case *ssa.Field:
		if x, ok := s.familyValue(v); ok {
			return x
		}
		return s.fieldSource(v, s.Eval(v.X).Field(strconv.Itoa(v.Field), FieldName(v.X.Type(), v.Field)))
	case *ssa.FieldAddr, *ssa.IndexAddr:
		root, keys, names := s.Address(v)
		return s.Load(root, keys, names)
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		if a, ok := v.(*ssa.Alloc); ok {
			if x, ok := s.familyValue(a); ok {
				return x
			}
		}
		return s.Load(v, nil, nil)
	case *ssa.Slice:
		root, keys, names := s.Address(v.X)
		return s.Load(root, keys, names)
	case *ssa.Index:
		if k, ok := constKey(v.Index); ok {
			return s.Eval(v.X).Field(k, "["+k+"]")
		}
		return Derive(s.Eval(v.X))
	case *ssa.Lookup:
		x := s.Eval(v.X)
		var r *Value
		if k, ok := constKey(v.Index); ok {
			r = x.Field(k, k)
		} else {
			r = Derive(x)
		}
		if v.CommaOk {
			return &Value{Kind: r.Kind, Params: r.Params, Derived: r.Derived, Fields: map[string]*Value{"0": r, "1": NoneValue}}
		}
		return r
	case *ssa.Next:
		x := Derive(s.Eval(v.Iter))
		return &Value{Kind: facts.Unknown, Fields: map[string]*Value{"0": NoneValue, "1": x, "2": x}}
	case *ssa.Range:
		return s.Eval(v.X)
	case *ssa.MakeClosure:
		if x, ok := s.familyValue(v); ok {
			return x
		}
	}
	return UnknownValue
}

// familyValue asks the families what a load, an allocation or a function literal means to them.
func (s *Frame) familyValue(v ssa.Value) (*Value, bool) {
	for _, r := range s.Pkg.families {
		if x, ok := r.ValueOf(s, v); ok {
			return x, true
		}
	}
	return nil, false
}

// fieldSource applies configured tenant fields: reading (auth.User).OrgID yields the tenant id
// whatever the User came from.
func (s *Frame) fieldSource(addrOrField ssa.Value, v *Value) *Value {
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
	if f := FieldVar(st, idx); f != nil {
		if what, ok := s.Pkg.rules.fieldSource(st, f); ok {
			return &Value{Kind: facts.TenantID, Origin: addrOrField.Pos(), What: what}
		}
		if what, ok := s.Pkg.rules.promotedFieldSource(addrOrField, f); ok {
			return &Value{Kind: facts.TenantID, Origin: addrOrField.Pos(), What: what}
		}
		if x, ok := s.requestField(addrOrField, st, f, v); ok {
			return x // a request's Body, a bound request parameter (input.go)
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

func StructOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

func FieldVar(t types.Type, i int) *types.Var {
	if st := StructOf(t); st != nil && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

func FieldName(t types.Type, i int) string {
	if f := FieldVar(t, i); f != nil {
		return f.Name()
	}
	return strconv.Itoa(i)
}

// FieldStored reports whether the field at path of a local struct literal was set: gorm and
// xorm ignore zero fields in struct conditions, and an insert writes them as zero. Values that
// are not local literals are taken as set.
func (s *Frame) FieldStored(x ssa.Value, path []int) bool {
	if u, ok := x.(*ssa.UnOp); ok {
		x = u.X
	}
	root, keys, _ := s.Address(x)
	alloc, ok := root.(*ssa.Alloc)
	if !ok || alloc.Parent() != s.Fn {
		return true
	}
	full := append([]string(nil), keys...)
	for _, i := range path {
		full = append(full, strconv.Itoa(i))
	}
	for i := len(full); i >= 0; i-- {
		if len(s.storedAt[root][strings.Join(full[:i], "\x1f")]) > 0 {
			return true
		}
	}
	return false
}

// FieldAt reads the field at path of a model as the instruction at sees it: a field set on
// some paths only holds its zero value on the others.
func (s *Frame) FieldAt(x ssa.Value, path []int, at ssa.Instruction) *Value {
	base := x
	if u, ok := x.(*ssa.UnOp); ok {
		base = u.X
	}
	if _, ok := base.Type().Underlying().(*types.Pointer); ok {
		root, keys, names := s.Address(base)
		t := base.Type()
		for _, i := range path {
			keys = append(keys, strconv.Itoa(i))
			names = append(names, FieldName(t, i))
			if f := FieldVar(t, i); f != nil {
				t = f.Type()
			}
		}
		s.cur = at
		defer func() { s.cur = nil }()
		return s.Load(root, keys, names)
	}
	v := s.Eval(x)
	t := x.Type()
	for _, i := range path {
		v = v.Field(strconv.Itoa(i), FieldName(t, i))
		if f := FieldVar(t, i); f != nil {
			t = f.Type()
		}
	}
	return v
}

// filledByCall reports whether the address of an allocation is passed to a call (itself, or
// converted to an interface: json.Unmarshal(b, &f)), which may fill it in.
func filledByCall(root ssa.Value) bool {
	a, ok := root.(*ssa.Alloc)
	if !ok {
		return false
	}
	passed := func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			if c, ok := r.(ssa.CallInstruction); ok && slices.Contains(c.Common().Args, v) {
				return true
			}
		}
		return false
	}
	if passed(a) {
		return true
	}
	for _, r := range *a.Referrers() {
		switch x := r.(type) {
		case *ssa.MakeInterface:
			if passed(x) {
				return true
			}
		case *ssa.ChangeType:
			if passed(x) {
				return true
			}
		}
	}
	return false
}
