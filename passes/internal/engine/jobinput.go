package engine

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
)

// Job payloads as untrusted input (catalog.JobRegistrations). A worker started for one
// tenant keeps that tenant on its handlers' receiver (a.tenant); the handlers' payload is
// written by whoever enqueued the job. A tenant taken from the payload instead of the worker's
// own is one the worker was not started for, so in such a handler the payload's tenant-named
// parts are untrusted input: a tenant-named parameter (tenantID string), a tenant-named field
// of a payload parameter (in.Tenant), and the tenant-named fields decoded from a message's
// payload. Handlers and their registrations are matched within a package.

// jobPayloadWhat starts the What of a job payload's untrusted value.
const jobPayloadWhat = "the job payload"

// namesTenant reports whether a parameter or field name names the tenant (tenantNames, with
// the configured tenant.names).
func (r *rules) namesTenant(name string) bool {
	name = strings.ToLower(name)
	for _, w := range r.tenantNames {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// jobPayloadParam is the value of parameter p of the function being solved when it is a
// tenant-named part of a job payload (see above); nil otherwise.
func (s *Frame) jobPayloadParam(p *ssa.Parameter) *Value {
	if !s.Pkg.ownInput().workerTenantHandler(s.Pkg, s.Fn) || !isPayloadParam(s.Fn, p) {
		return nil
	}
	if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Info()&(types.IsString|types.IsInteger) == 0 || !s.Pkg.rules.namesTenant(p.Name()) {
		return nil
	}
	return &Value{Kind: facts.Untrusted, Origin: p.Pos(), What: jobPayloadWhat + " (" + p.Name() + ")"}
}

// jobPayloadField is the value of field f read at addrOrField, when it is a tenant-named field
// of a payload parameter of a worker-tenant handler, or a message's payload.
func (s *Frame) jobPayloadField(addrOrField ssa.Value, t types.Type, f *types.Var) *Value {
	p, ok := spilledParam(selectorRoot(addrOrField))
	if !ok || p.Parent() != s.Fn || !s.Pkg.ownInput().workerTenantHandler(s.Pkg, s.Fn) || !isPayloadParam(s.Fn, p) {
		return nil
	}
	k := "(" + catalog.TypeKey(t) + ")." + f.Name()
	if !slices.Contains(catalog.JobPayloadFields, k) && !s.Pkg.rules.namesTenant(f.Name()) {
		return nil
	}
	return &Value{Kind: facts.Untrusted, Origin: p.Pos(), What: jobPayloadWhat + " (" + p.Name() + "." + f.Name() + ")"}
}

// isPayloadParam reports whether p is a handler's payload: not its receiver, not a context.
func isPayloadParam(fn *ssa.Function, p *ssa.Parameter) bool {
	if fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == p {
		return false
	}
	return !IsContext(p.Type()) && catalog.TypeKey(p.Type()) != "go.temporal.io/sdk/workflow.Context"
}

// workerTenantHandler reports whether fn is a registered job handler of a worker with its own
// tenant: a method whose receiver struct has a tenant-named field.
func (in *packageInput) workerTenantHandler(p *Package, fn *ssa.Function) bool {
	if in.jobs == nil {
		in.jobs = p.jobHandlers(in)
	}
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	byType := in.jobTypes[catalog.TypeKey(recv.Type())] && token.IsExported(fn.Name())
	if !in.jobs[handlerKey(fn)] && !byType {
		return false
	}
	st := StructOf(recv.Type())
	if st == nil {
		return false
	}
	for f := range st.Fields() {
		if p.rules.namesTenant(f.Name()) {
			return true
		}
	}
	return false
}

// jobHandlers finds the package's registered job handlers: functions by handlerKey, and the
// types whose methods all are (in.jobTypes).
func (p *Package) jobHandlers(in *packageInput) map[any]bool {
	hs := map[any]bool{}
	in.jobTypes = map[string]bool{}
	regs := map[string]catalog.JobRegistration{}
	imported := false
	for _, r := range catalog.JobRegistrations {
		regs[r.Func] = r
		name := strings.TrimPrefix(r.Func, "(")
		if i := strings.Index(name, ")"); i >= 0 {
			name = name[:i]
		}
		pkg := name[:strings.LastIndex(name, ".")]
		imported = imported || slices.ContainsFunc(p.pass.Pkg.Imports(), func(t *types.Package) bool { return t.Path() == pkg })
	}
	if !imported {
		return hs // nothing registers handlers here: a cheap answer for most packages
	}
	for _, fn := range p.srcFuncs() {
		forEachCall(fn, func(instr ssa.CallInstruction) {
			c := p.Call(instr)
			r, ok := regs[c.Key]
			if !ok {
				return
			}
			a := c.Arg(r.Arg)
			if a == nil {
				return
			}
			var vals []ssa.Value
			if r.Map {
				if mm, ok := StripConversions(a).(*ssa.MakeMap); ok {
					for _, ref := range *mm.Referrers() {
						if u, ok := ref.(*ssa.MapUpdate); ok {
							vals = append(vals, u.Value)
						}
					}
				}
			} else {
				vals = []ssa.Value{a}
			}
			for _, v := range vals {
				if h := funcOf(v); h != nil {
					hs[handlerKey(h)] = true
				} else if r.Methods {
					if k := catalog.TypeKey(StripConversions(v).Type()); k != "" {
						in.jobTypes[k] = true
					}
				}
			}
		})
	}
	return hs
}

// spilledParam is the parameter a value stands for: the parameter itself, or the local
// variable SSA spills a struct parameter to when its fields are addressed.
func spilledParam(v ssa.Value) (*ssa.Parameter, bool) {
	if p, ok := v.(*ssa.Parameter); ok {
		return p, true
	}
	alloc, ok := v.(*ssa.Alloc)
	if !ok || alloc.Heap {
		return nil, false
	}
	var param *ssa.Parameter
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			p, ok := st.Val.(*ssa.Parameter)
			if !ok || param != nil {
				return nil, false // assigned otherwise too
			}
			param = p
		}
	}
	return param, param != nil
}
