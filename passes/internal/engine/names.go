package engine

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/facts"
)

// needName judges a value that must carry the active tenant because it names per-tenant state
// (a family whose sinks take names, FamilyInfo.Names).
// Unlike a SQL tenant predicate, a key is wrong when it is built without the tenant, whatever the
// rest is: "stats:" + id names one entry for every tenant.
func (s *Frame) needName(v *Value, at ssa.Instruction, n Needed, info *FamilyInfo) {
	switch {
	case v.Kind.HasTenant() || v.Kind == facts.Top:
		return
	case v.Kind == facts.Param && v.Built && !n.Wrapper && !s.Root().mayCarryTenant(v.Params):
		// "stats:" + id where id is an entity id: the tenant cannot come from the callers,
		// this function builds the key without it.
		s.AddFinding(at, n.Family, n.Subject+" is built without the active tenant: every tenant shares it", n.Trail)
	case v.Kind == facts.Param:
		s.passUp(v, n)
	case v.IsNil():
		return
	case v.Kind == facts.None && !(n.Constant || info.ConstantIsFinding):
		return // a constant key: a deliberately global entry
	case v.Kind == facts.None:
		s.AddFinding(at, n.Family, n.Subject+" is a constant: every tenant shares it", n.Trail)
	case v.Kind == facts.Untrusted && s.validated(v, at):
		return // a validator, or the routes' middleware, vouched for it
	case v.Kind == facts.Untrusted:
		s.AddFinding(at, n.Family, fmt.Sprintf("%s is built from request input (%s) without the active tenant", n.Subject, v.What), n.Trail)
	case v.Built:
		s.AddFinding(at, n.Family, n.Subject+" is built without the active tenant: every tenant shares it", n.Trail)
	}
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
func (s *Frame) mayCarryTenant(refs []facts.ParamRef) bool {
	for _, ref := range refs {
		if len(ref.Path) > 0 || ref.Index >= len(s.Fn.Params) {
			return true
		}
		p := s.Fn.Params[ref.Index]
		name := strings.ToLower(p.Name())
		for _, w := range s.Pkg.rules.tenantWords {
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
