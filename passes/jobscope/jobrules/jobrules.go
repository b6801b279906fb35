// Package jobrules is jobscope's family of rules: job payloads are key sinks (the catalog's
// enqueue calls of asynq, river, machinery, gocraft/work, temporal, watermill, and configured
// job sinks), and a job handler must not read the active tenant from the worker's context
// before restoring it from the job.
package jobrules

import (
	"fmt"
	"go/types"
	"slices"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
	"github.com/tenantlint/tenantlint/passes/internal/keysink"
)

// Family is the job family.
var Family engine.Family = family{keysink.New(engine.FamilyInfo{Name: catalog.FamilyJob, Check: "jobscope", Noun: "job payload"})}

type family struct{ keys *keysink.Family }

func (f family) Info() *engine.FamilyInfo { return f.keys.Info() }

func (f family) Relevant(e *engine.Engine, cfg *config.Config, key string) bool {
	return f.keys.Relevant(e, cfg, key)
}

func (f family) ForPackage(p *engine.Package) (engine.Rules, error) {
	keys, err := f.keys.ForPackage(p)
	return rules{keys}, err
}

// rules are the job payloads' key-sink rules and the handler rule.
type rules struct{ engine.Rules }

// The consumer side of jobs: a worker runs with the worker's context, which carries no tenant.
// A job handler that reads the active tenant from that context (directly, or through the
// helpers and tenant-aware clients it calls) before restoring the tenant from the job's payload
// acts for no tenant, or for whichever one the context happens to carry. The engine records
// which context parameters a function reads the tenant from (facts.Summary.CtxTenant).

// checkJobHandler reports a job handler that reads the active tenant from its own context.
func (rules) CheckFunc(s *engine.Frame) {
	reads := s.CtxReads()
	if s.InClosure() || len(reads) == 0 || !isJobHandler(s.Fn.Signature) {
		return
	}
	r := reads[0]
	name := s.Fn.Name()
	msg := fmt.Sprintf("job handler %s reads the active tenant from its context, which the job did not set: restore the tenant from the job's payload first (tenantjob.Restore)", name)
	trail := []facts.Step{s.Pkg.Step(s.Pkg.CallStart(r.Call.Pos()), "%s reads the tenant from the worker's context", r.Via)}
	s.AddFinding(r.Call, catalog.FamilyJob, msg, trail)
}

// isJobHandler reports whether a signature is a job library's handler: a context and the job
// (an asynq task, a river job) among its parameters.
func isJobHandler(sig *types.Signature) bool {
	ctx, job := false, false
	for p := range sig.Params().Variables() {
		t := p.Type()
		if engine.IsContext(t) {
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
