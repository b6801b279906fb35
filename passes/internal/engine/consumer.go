package engine

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
)

// The consumer side of jobs: a worker runs with the worker's context, which carries no tenant.
// A job handler that reads the active tenant from that context (directly, or through the
// helpers and tenant-aware clients it calls) before restoring the tenant from the job's payload
// acts for no tenant, or for whichever one the context happens to carry.
//
// Every function records which of its context parameters it reads the tenant from
// (facts.Summary.CtxTenant), so that a handler calling a repository that calls tenant.From(ctx)
// is seen. A context passed through a restorer (tenantjob.Restore, tenant.With,
// user.InjectOrgID) no longer counts as the handler's own.

// CtxRead is a read of the active tenant from a context parameter, at a call.
type CtxRead struct {
	Param int
	Call  ssa.CallInstruction
	Via   string // what reads it: the source, or the callee that does
}

// noteCtxReads records the context parameters call reads the active tenant from.
func (s *Frame) noteCtxReads(call ssa.CallInstruction) {
	if s.parent != nil {
		return // closures: their contexts are free variables, followed no further
	}
	c := call.Common()
	args := CallArgs(c)
	k := CalleeKey(c)
	var read []ssa.Value
	via := ""
	if _, ok := s.Pkg.rules.sources[k]; ok || s.Pkg.rules.scopers[k] {
		for _, a := range args {
			if IsContext(a.Type()) {
				read = append(read, a)
			}
		}
		via = s.Pkg.ExprText(call.Pos(), k)
	} else if sum := s.Pkg.SummaryOf(c); sum != nil {
		for _, i := range sum.CtxTenant {
			if i < len(args) {
				read = append(read, args[i])
			}
		}
		if fn := StaticCallee(c); fn != nil {
			via = fn.Name()
		}
	}
	for _, a := range read {
		if p := s.ctxParam(a, map[ssa.Value]bool{}); p >= 0 && !slices.ContainsFunc(s.ctxReads, func(r CtxRead) bool { return r.Param == p }) {
			s.ctxReads = append(s.ctxReads, CtxRead{Param: p, Call: call, Via: via})
		}
	}
}

// ctxParam finds the parameter a context value derives from without passing a restorer: -1
// when it is restored, or made here, or cannot be told.
func (s *Frame) ctxParam(v ssa.Value, seen map[ssa.Value]bool) int {
	if seen[v] {
		return -1
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Parameter:
		return slices.Index(s.Fn.Params, v)
	case *ssa.Extract:
		return s.ctxParam(v.Tuple, seen)
	case *ssa.MakeInterface:
		return s.ctxParam(v.X, seen)
	case *ssa.ChangeInterface:
		return s.ctxParam(v.X, seen)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if p := s.ctxParam(e, seen); p >= 0 {
				return p
			}
		}
	case *ssa.Call:
		c := v.Common()
		if slices.Contains(catalog.Restorers, CalleeKey(c)) {
			return -1
		}
		// context.WithTimeout(ctx, d), a tracing span's context: derived from the first context
		// argument.
		for _, a := range CallArgs(c) {
			if IsContext(a.Type()) {
				return s.ctxParam(a, seen)
			}
		}
	}
	return -1
}

// CtxReads are the reads of the active tenant from the function's own context parameters, in
// the order of its calls (none in a closure).
func (s *Frame) CtxReads() []CtxRead { return s.ctxReads }
