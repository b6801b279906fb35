package engine

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
)

// checkKeySinks judges the keys of a call to a key sink (cache, job, channel, storage): each must
// carry the active tenant, unless the receiver is bound to the tenant.
func (s *funcState) checkKeySinks(call ssa.CallInstruction, sinks []catalog.KeySink) {
	c := call.Common()
	args := callArgs(c)
	method := c.IsInvoke() || c.Signature().Recv() != nil
	var boundBy *value // a bindable receiver made from parameters: it may carry the tenant instead
	if method && len(args) > 0 {
		r := s.eval(args[0])
		if r.kind.HasTenant() {
			return // a client, bucket or root bound to the tenant scopes every key through it
		}
		// A bucket made here from parameters (bucket.NewUserBucketClient(userID, b)) may be bound
		// by what the callers pass: the key and the bucket share the obligation. One kept in a
		// struct field (s.bucket) is taken for the service's shared bucket, which it nearly
		// always is.
		if isBindable(args[0].Type()) && r.kind == facts.Param {
			var plain []facts.ParamRef
			for _, p := range r.params {
				if len(p.Path) == 0 {
					plain = append(plain, p)
				}
			}
			if len(plain) > 0 {
				boundBy = &value{kind: facts.Param, params: plain}
			}
		}
	}
	for _, sink := range sinks {
		idx := sink.Arg
		if method {
			idx++
		}
		if idx < 0 || idx >= len(args) {
			continue
		}
		v := s.eval(args[idx])
		where := sink.What
		if sink.Field != "" && sink.Variadic {
			// A field of every element (kafka-go's Message.Topic): judge each element's field.
			el := elemType(args[idx].Type())
			f := &value{kind: facts.Unknown, fields: map[string]*value{}}
			for i := 0; ; i++ {
				e, ok := v.fields[strconv.Itoa(i)]
				if !ok {
					break
				}
				if fv := fieldOfStruct(el, e, sink.Field); fv != nil {
					f.fields[strconv.Itoa(i)] = fv
				}
			}
			v = f
			where = sink.What + " (" + sink.Field + ")"
		} else if sink.Field != "" {
			v = s.fieldByName(args[idx], v, sink.Field)
			if v == nil {
				continue
			}
			where = sink.What + " (" + sink.Field + ")"
		}
		var keys []*value
		if sink.Variadic {
			stride := max(sink.Stride, 1)
			if len(v.fields) == 0 {
				keys = []*value{v}
			}
			for i := 0; ; i += stride {
				f, ok := v.fields[strconv.Itoa(i)]
				if !ok {
					break
				}
				keys = append(keys, f)
			}
		} else {
			keys = []*value{v}
		}
		name := calleeName(c)
		for _, k := range keys {
			if boundBy != nil && (k.kind == facts.Param || k.kind == facts.Unknown) {
				k = anyOf([]*value{boundBy, k})
			}
			if k.kind == facts.None && !sink.Constant {
				continue // a constant key is a deliberately global entry
			}
			subject := fmt.Sprintf("the %s of %s", where, name)
			trail := []string{fmt.Sprintf("%s: %s is %s", s.pkg.posString(s.pkg.callStart(call.Pos())), subject, s.describe(k))}
			if k.builtAt != "" && !k.kind.HasTenant() {
				trail = append(trail, k.builtAt)
			}
			s.need(k, call, needed{
				family:   sink.Family,
				constant: sink.Constant,
				subject:  subject,
				sink:     subject,
				trail:    trail,
				wrapper:  method && s.root().implements(args[0].Type()),
			})
		}
	}
}

// needKey judges a value that must carry the active tenant because it names per-tenant state.
// Unlike a SQL tenant predicate, a key is wrong when it is built without the tenant, whatever the
// rest is: "stats:" + id names one entry for every tenant.
func (s *funcState) needKey(v *value, at ssa.Instruction, n needed) {
	switch {
	case v.kind.HasTenant() || v.kind == facts.Top:
		return
	case v.kind == facts.Param && v.built && !n.wrapper && !s.root().mayCarryTenant(v.params):
		// "stats:" + id where id is an entity id: the tenant cannot come from the callers,
		// this function builds the key without it.
		s.addFinding(at, n.family, n.subject+" is built without the active tenant: every tenant shares it", n.trail)
	case v.kind == facts.Param:
		root := s.root()
		if root.closureParams {
			return
		}
		trail := n.trail
		if len(trail) > facts.MaxTrail {
			trail = trail[:facts.MaxTrail]
		}
		root.addRequirement(facts.Requirement{Param: v.params[0], Alt: v.params[1:], Family: n.family, Sink: n.sink, Trail: trail, Built: v.built, Constant: n.constant})
	case v.isNil():
		return
	case v.kind == facts.None && !n.constant:
		return // a constant key: a deliberately global entry
	case v.kind == facts.None:
		s.addFinding(at, n.family, n.subject+" is a constant: every tenant shares it", n.trail)
	case v.kind == facts.Untrusted:
		s.addFinding(at, n.family, fmt.Sprintf("%s is built from request input (%s) without the active tenant", n.subject, v.what), n.trail)
	case v.built:
		s.addFinding(at, n.family, n.subject+" is built without the active tenant: every tenant shares it", n.trail)
	}
}

// implements reports whether the function is a method of a type that implements the interface
// t (a wrapper of the client or bucket it calls).
func (s *funcState) implements(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	recv := s.fn.Signature.Recv()
	if !ok || recv == nil {
		return false
	}
	rt := recv.Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	return types.Implements(rt, iface) || types.Implements(types.NewPointer(rt), iface)
}

// fieldByName reads field name of a struct (or pointer to struct) argument.
func (s *funcState) fieldByName(a ssa.Value, v *value, name string) *value {
	t := a.Type()
	if mi, ok := a.(*ssa.MakeInterface); ok {
		t = mi.X.Type()
	}
	return fieldOfStruct(t, v, name)
}

// elemType is the element type of a slice.
func elemType(t types.Type) types.Type {
	if sl, ok := t.Underlying().(*types.Slice); ok {
		return sl.Elem()
	}
	return t
}

// fieldOfStruct reads field name of v, a value of struct type t (or a pointer to one).
func fieldOfStruct(t types.Type, v *value, name string) *value {
	st := structOf(t)
	if st == nil {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return v.field(strconv.Itoa(i), name)
		}
	}
	return nil
}

// calleeName is the called function as a reader would write it: "rdb.Get", "s3.PutObject".
func calleeName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return c.Method.Name()
	}
	if fn := staticCallee(c); fn != nil {
		return fn.Name()
	}
	return "the call"
}

// tenantWords are parts of parameter names that may hold the tenant or a key already scoped
// by it. A key built from constants and parameters named otherwise (id, userID, name) cannot get
// the tenant from the caller: the function that builds it is where the tenant is missing.
var tenantWords = []string{"tenant", "org", "workspace", "account", "customer", "team", "namespace",
	"realm", "scope", "prefix", "key", "tid", "owner", "project", "site", "instance", "channel",
	"subject", "topic", "path", "dir", "bucket", "payload", "job", "msg", "message"}

// mayCarryTenant reports whether one of the parameters could bring the tenant: by its name, or
// because it is not a plain string or number (a struct, a pointer, an interface, a named id type
// such as tenant.ID).
func (s *funcState) mayCarryTenant(refs []facts.ParamRef) bool {
	for _, ref := range refs {
		if len(ref.Path) > 0 || ref.Index >= len(s.fn.Params) {
			return true
		}
		p := s.fn.Params[ref.Index]
		name := strings.ToLower(p.Name())
		for _, w := range s.pkg.rules.tenantWords {
			if strings.Contains(name, w) {
				return true
			}
		}
		if b, ok := p.Type().(*types.Basic); !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
			return true
		}
	}
	return false
}
