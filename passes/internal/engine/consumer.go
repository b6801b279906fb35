package engine

import (
	"fmt"
	"go/types"
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

// ctxRead is a read of the active tenant from a context parameter, at a call.
type ctxRead struct {
	param int
	call  ssa.CallInstruction
	via   string // what reads it: the source, or the callee that does
}

// noteCtxReads records the context parameters call reads the active tenant from.
func (s *funcState) noteCtxReads(call ssa.CallInstruction) {
	if s.parent != nil {
		return // closures: their contexts are free variables, followed no further
	}
	c := call.Common()
	args := callArgs(c)
	k := calleeKey(c)
	var read []ssa.Value
	via := ""
	if _, ok := s.pkg.rules.sources[k]; ok || s.pkg.rules.scopers[k] {
		for _, a := range args {
			if isContext(a.Type()) {
				read = append(read, a)
			}
		}
		via = s.pkg.exprText(call.Pos(), k)
	} else if sum := s.pkg.summaryOf(c); sum != nil {
		for _, i := range sum.CtxTenant {
			if i < len(args) {
				read = append(read, args[i])
			}
		}
		if fn := staticCallee(c); fn != nil {
			via = fn.Name()
		}
	}
	for _, a := range read {
		if p := s.ctxParam(a, map[ssa.Value]bool{}); p >= 0 && !slices.ContainsFunc(s.ctxReads, func(r ctxRead) bool { return r.param == p }) {
			s.ctxReads = append(s.ctxReads, ctxRead{param: p, call: call, via: via})
		}
	}
}

// ctxParam finds the parameter a context value derives from without passing a restorer: -1
// when it is restored, or made here, or cannot be told.
func (s *funcState) ctxParam(v ssa.Value, seen map[ssa.Value]bool) int {
	if seen[v] {
		return -1
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Parameter:
		return slices.Index(s.fn.Params, v)
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
		if slices.Contains(catalog.Restorers, calleeKey(c)) {
			return -1
		}
		// context.WithTimeout(ctx, d), a tracing span's context: derived from the first context
		// argument.
		for _, a := range callArgs(c) {
			if isContext(a.Type()) {
				return s.ctxParam(a, seen)
			}
		}
	}
	return -1
}

// checkJobHandler reports a job handler that reads the active tenant from its own context.
func (s *funcState) checkJobHandler() {
	if s.parent != nil || len(s.ctxReads) == 0 || !isJobHandler(s.fn.Signature) {
		return
	}
	r := s.ctxReads[0]
	name := s.fn.Name()
	msg := fmt.Sprintf("job handler %s reads the active tenant from its context, which the job did not set: restore the tenant from the job's payload first (tenantjob.Restore)", name)
	trail := []string{fmt.Sprintf("%s: %s reads the tenant from the worker's context", s.pkg.posString(s.pkg.callStart(r.call.Pos())), r.via)}
	s.addFinding(r.call, "job", msg, trail)
}

// isJobHandler reports whether a signature is a job library's handler: a context and the job
// (an asynq task, a river job) among its parameters.
func isJobHandler(sig *types.Signature) bool {
	ctx, job := false, false
	for p := range sig.Params().Variables() {
		t := p.Type()
		if isContext(t) {
			ctx = true
		}
		if ptr, ok := t.(*types.Pointer); ok {
			if n, ok := types.Unalias(ptr.Elem()).(*types.Named); ok && n.Obj().Pkg() != nil &&
				slices.Contains(catalog.JobTypes, n.Obj().Pkg().Path()+"."+n.Obj().Name()) {
				job = true
			}
		}
	}
	return ctx && job
}
