// Package keysink holds what the families whose sinks take a name share (cachekey's cache keys,
// jobscope's job payloads, chanscope's channels, storagepath's object keys and paths): the
// catalog's and the configuration's key sinks indexed by function, how a call's keys are read
// (a field of an argument, every element of a variadic, every n-th), and handles that can be
// bound to one tenant (a prefixed bucket, an os.Root), which scope every key used through them.
package keysink

import (
	"fmt"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Family is a sink family whose sinks take names: its key sinks are the catalog's rows and the
// configured sinks of its kind (FamilyInfo.Name).
type Family struct {
	info *engine.FamilyInfo
}

// New declares a family of key sinks. Its info must have Names set.
func New(info engine.FamilyInfo) *Family {
	info.Names = true
	return &Family{info: &info}
}

func (f *Family) Info() *engine.FamilyInfo { return f.info }

func (f *Family) Relevant(e *engine.Engine, cfg *config.Config, key string) bool {
	for _, s := range indexFor(e, cfg)[key] {
		if s.Family == f.info.Name {
			return true
		}
	}
	return false
}

func (f *Family) ForPackage(p *engine.Package) (engine.Rules, error) {
	return &rules{family: f, all: indexFor(p, p.Config())}, nil
}

// sinks are the key sinks of every family, by catalog.Key: whether a call is a key sink at all
// decides what its result carries, whichever family the sink is of.
type sinks map[string][]catalog.KeySink

type indexKey struct{ cfg *config.Config }

// indexFor is the key sinks of one configuration, built once (m is the engine or a package).
func indexFor(m engine.Memoizer, cfg *config.Config) sinks {
	return m.Memo(indexKey{cfg}, func() any { return newIndex(cfg) }).(sinks)
}

func newIndex(cfg *config.Config) sinks {
	m := sinks{}
	for _, k := range catalog.KeySinks {
		m[k.Func] = append(m[k.Func], k)
	}
	for _, s := range cfg.Sinks {
		if s.Kind == catalog.FamilySQL {
			continue
		}
		k := engine.Key(s.Func)
		// What is left to the family's noun (FamilyInfo.Noun), as the configuration names none.
		m[k] = append(m[k], catalog.KeySink{Func: k, Arg: s.Arg, Family: s.Kind})
	}
	return m
}

type rules struct {
	engine.NoRules
	family *Family
	all    sinks
}

// DefaultValue: the keys of a key sink do not flow into its result: after cmd.Key(tenantKey)
// the builder is not bound to the tenant (its next Key may be anything), nor is the
// subscription of rdb.Subscribe(ctx, tenantChannel). Opening a bindable handle on a tenant path
// is. A handle's method that returns a handle of the same kind (objstore's
// bkt.ReaderWithExpectedErrs(f), WithExpectedErrs) gives the same bucket, bound or not.
func (r *rules) DefaultValue(f *engine.Frame, c *engine.Call) (*engine.Value, bool) {
	res := c.Common.Signature().Results()
	if res.Len() != 1 {
		return nil, false
	}
	sinks := r.all[c.Key]
	if recv := c.Recv(); recv != nil && IsBindable(recv.Type()) && IsBindable(res.At(0).Type()) && len(sinks) == 0 {
		return f.Eval(recv), true
	}
	if len(sinks) == 0 || IsBindable(res.At(0).Type()) || !slices.ContainsFunc(sinks, func(s catalog.KeySink) bool { return s.Family == r.family.info.Name }) {
		// Not this family's sink (another key family answers for its own).
		return nil, false
	}
	keys := map[int]bool{}
	for _, k := range sinks {
		keys[c.ArgIndex(k.Arg)] = true
	}
	return f.DeriveCall(c, keys), true
}

// CheckCall judges the keys of a call to one of the family's sinks: each must carry the active
// tenant, unless the receiver is bound to the tenant.
func (r *rules) CheckCall(f *engine.Frame, c *engine.Call) {
	var mine []catalog.KeySink
	for _, s := range r.all[c.Key] {
		if s.Family == r.family.info.Name {
			mine = append(mine, s)
		}
	}
	if len(mine) > 0 {
		r.checkKeySinks(f, c, mine)
	}
}

func (r *rules) checkKeySinks(s *engine.Frame, call *engine.Call, sinks []catalog.KeySink) {
	args := call.Args
	method := call.Method
	var boundBy *engine.Value // a bindable receiver made from parameters: it may carry the tenant instead
	if method && len(args) > 0 {
		r := s.Eval(args[0])
		if r.Kind.HasTenant() {
			return // a client, bucket or root bound to the tenant scopes every key through it
		}
		// A bucket made here from parameters (bucket.NewUserBucketClient(userID, b)) may be bound
		// by what the callers pass: the key and the bucket share the obligation. One kept in a
		// struct field (s.bucket) is taken for the service's shared bucket, which it nearly
		// always is.
		if IsBindable(args[0].Type()) && r.Kind == facts.Param {
			var plain []facts.ParamRef
			for _, p := range r.Params {
				if len(p.Path) == 0 {
					plain = append(plain, p)
				}
			}
			if len(plain) > 0 {
				boundBy = &engine.Value{Kind: facts.Param, Params: plain}
			}
		}
	}
	for _, sink := range sinks {
		// The family's policy on constants holds for its configured sinks as for its rows.
		constant := sink.Constant || r.family.info.ConstantIsFinding
		idx := call.ArgIndex(sink.Arg)
		if idx < 0 || idx >= len(args) {
			continue
		}
		v := s.Eval(args[idx])
		if sink.What == "" {
			sink.What = r.family.info.Noun
		}
		where := sink.What
		if sink.Field != "" && sink.Variadic {
			// A field of every element (kafka-go's Message.Topic): judge each element's field.
			el := elemType(args[idx].Type())
			f := &engine.Value{Kind: facts.Unknown, Fields: map[string]*engine.Value{}}
			for i := 0; ; i++ {
				e, ok := v.Fields[strconv.Itoa(i)]
				if !ok {
					break
				}
				if fv := fieldOfStruct(el, e, sink.Field); fv != nil {
					f.Fields[strconv.Itoa(i)] = fv
				}
			}
			v = f
			where = sink.What + " (" + sink.Field + ")"
		} else if sink.Field != "" {
			v = fieldByName(args[idx], v, sink.Field)
			if v == nil {
				continue
			}
			where = sink.What + " (" + sink.Field + ")"
		}
		var keys []*engine.Value
		if sink.Variadic {
			stride := max(sink.Stride, 1)
			if len(v.Fields) == 0 {
				keys = []*engine.Value{v}
			}
			for i := 0; ; i += stride {
				f, ok := v.Fields[strconv.Itoa(i)]
				if !ok {
					break
				}
				keys = append(keys, f)
			}
		} else {
			keys = []*engine.Value{v}
		}
		name := call.Name()
		for _, k := range keys {
			if boundBy != nil && (k.Kind == facts.Param || k.Kind == facts.Unknown) {
				k = engine.AnyOf([]*engine.Value{boundBy, k})
			}
			if k.Kind == facts.None && !constant {
				continue // a constant key is a deliberately global entry
			}
			subject := fmt.Sprintf("the %s of %s", where, name)
			trail := []facts.Step{s.Pkg.Step(call.Start, "%s is %s", subject, s.Describe(k))}
			if k.BuiltAt != (facts.Step{}) && !k.Kind.HasTenant() {
				trail = append(trail, k.BuiltAt)
			}
			s.Need(k, call.Instr, engine.Needed{
				Family:   sink.Family,
				Constant: constant,
				Subject:  subject,
				Sink:     subject,
				Trail:    trail,
				Wrapper:  method && implements(s.Root().Fn, args[0].Type()),
			})
		}
	}
}

// implements reports whether fn is a method of a type that implements the interface t (a
// wrapper of the client or bucket it calls).
func implements(fn *ssa.Function, t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	recv := fn.Signature.Recv()
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
func fieldByName(a ssa.Value, v *engine.Value, name string) *engine.Value {
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
func fieldOfStruct(t types.Type, v *engine.Value, name string) *engine.Value {
	st := engine.StructOf(t)
	if st == nil {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return v.Field(strconv.Itoa(i), name)
		}
	}
	return nil
}

// IsBindable reports whether t is (a pointer to) a handle type that can be bound to a tenant.
func IsBindable(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return slices.Contains(catalog.Bindable, n.Obj().Pkg().Path()+"."+n.Obj().Name())
}
