package engine

import (
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/facts"
)

// needName judges a value that must carry the active tenant because it names per-tenant state
// (a family whose sinks take names, FamilyInfo.Names).
// Unlike a SQL tenant predicate, a key is wrong when it is built without the tenant, whatever the
// rest is: "stats:" + id names one entry for every tenant.
func (s *Frame) needName(v *Value, at ssa.Instruction, n Needed, info *FamilyInfo) {
	if info.InputOnly {
		s.needNoInput(v, at, n)
		return
	}
	switch {
	case v.Kind.HasTenant() || v.Kind == facts.Top:
		return
	case v.Kind == facts.Param && s.Root().onlyFlags(v.Params):
		// Sprintf("summary:%t", member): bools and floats cannot carry the tenant, so the key
		// is one for everyone, built or not; asking the callers would ask for the impossible.
		s.AddFinding(at, n.Family, n.Subject+" is built without the active tenant: every tenant shares it", n.Trail)
	case v.Kind == facts.Param && v.Built && !n.Wrapper && !s.Root().mayCarryTenant(v.Params):
		// "stats:" + id where id is an entity id: the tenant cannot come from the callers,
		// this function builds the key without it.
		s.AddFinding(at, n.Family, n.Subject+" is built without the active tenant: every tenant shares it", n.Trail)
	case v.Kind == facts.Param && v.Built && !n.Wrapper && s.Root().fromReceiver(v.Params) && s.TenantAtHand() != nil:
		// filepath.Join(s.dataDir, "reindex") in a function that has the tenant: whatever the
		// field holds, the path is the same for every tenant this function works for, so the
		// function is where the tenant is missing, not whoever set the field.
		trail := append(slices.Clip(n.Trail), *s.TenantAtHand())
		s.AddFinding(at, n.Family, n.Subject+" is built without the active tenant, which is at hand here: every tenant shares it", trail)
	case v.Kind == facts.Param:
		s.passUp(s.Root().withoutFlags(v), n)
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
var tenantWords = append(slices.Clone(tenantNames), "scope", "prefix", "key", "channel",
	"subject", "topic", "path", "dir", "bucket", "payload", "job", "msg", "message")

// tenantNames are the tenant words that name the tenant itself (not a key or path it may be
// in): a parameter called so is the tenant at hand (see tenantAtHand).
var tenantNames = []string{"tenant", "org", "workspace", "account", "customer", "team", "namespace",
	"realm", "tid", "owner", "project", "site", "instance"}

// mayCarryTenant reports whether one of the parameters could bring the tenant: by its name, or
// because it is not a plain string or number (a struct, a pointer, an interface, a named id type
// such as tenant.ID).
func (s *Frame) mayCarryTenant(refs []facts.ParamRef) bool {
	for _, ref := range refs {
		if isFlag(s.paramRefType(ref)) {
			continue // a bool or a float cannot hold a tenant, whatever its name
		}
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

// isFlag reports whether t is a bool or a floating-point (or complex) number: such a value
// cannot hold a tenant's id or name, so a key built from flags, measures and constants is
// shared by everyone whatever the parameters are called, and the callers cannot fix it.
func isFlag(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsFloat|types.IsComplex) != 0
}

// onlyFlags reports whether every parameter a value derives from is a flag (isFlag).
func (s *Frame) onlyFlags(refs []facts.ParamRef) bool {
	for _, ref := range refs {
		if !isFlag(s.paramRefType(ref)) {
			return false
		}
	}
	return len(refs) > 0
}

// paramRefType is the type of the part of a parameter a reference names (a field path of
// struct fields), nil when the path goes through something else (an element, a map entry).
func (s *Frame) paramRefType(ref facts.ParamRef) types.Type {
	if ref.Index >= len(s.Fn.Params) {
		return nil
	}
	t := s.Fn.Params[ref.Index].Type()
	for _, k := range ref.Path {
		i, err := strconv.Atoi(k)
		if err != nil {
			return nil
		}
		f := FieldVar(t, i)
		if f == nil {
			return nil
		}
		t = f.Type()
	}
	return t
}

// withoutFlags drops the flags from the parameters a value derives from (some are not flags):
// a caller cannot meet the requirement with them, and an opaque bool passed for one must not
// count as the tenant.
func (s *Frame) withoutFlags(v *Value) *Value {
	var keep []facts.ParamRef
	for _, ref := range v.Params {
		if !isFlag(s.paramRefType(ref)) {
			keep = append(keep, ref)
		}
	}
	if len(keep) == len(v.Params) || len(keep) == 0 {
		return v
	}
	c := *v
	c.Params = keep
	return &c
}

// fromReceiver reports whether a value built from parameters takes them from the method's
// receiver (its fields: a data directory, a prefix, a client) and otherwise only from
// parameters that cannot carry the tenant (mayCarryTenant).
func (s *Frame) fromReceiver(refs []facts.ParamRef) bool {
	if s.Fn.Signature.Recv() == nil {
		return false
	}
	recv := false
	for _, ref := range refs {
		switch {
		case ref.Index == 0:
			recv = true
		case s.mayCarryTenant([]facts.ParamRef{ref}):
			return false
		}
	}
	return recv
}

// TenantAtHand is where the function (or a function it is a literal in) has the active tenant:
// a value that is the tenant id (a configured source called, a tenant field read), or a
// parameter named like the tenant (tenantID, orgID) that is not a flag. nil when it has none.
func (s *Frame) TenantAtHand() *facts.Step {
	for f := s; f != nil; f = f.parent {
		var first *Value // the earliest, for a deterministic explanation
		for _, x := range f.vals {
			if x.Kind == facts.TenantID && x.Origin.IsValid() && (first == nil || x.Origin < first.Origin) {
				first = x
			}
		}
		if first != nil {
			step := s.Pkg.Step(first.Origin, "the tenant is at hand here (%s)", first.What)
			return &step
		}
	}
	root := s.Root()
	for i, p := range root.Fn.Params {
		if i == 0 && root.Fn.Signature.Recv() != nil || isFlag(p.Type()) || IsContext(p.Type()) {
			continue
		}
		name := strings.ToLower(p.Name())
		for _, w := range s.Pkg.rules.tenantNames {
			if strings.Contains(name, w) {
				step := s.Pkg.Step(p.Pos(), "the tenant is at hand here (%s)", p.Name())
				return &step
			}
		}
	}
	return nil
}

// needNoInput judges a name of a family where only request input is wrong (InputOnly): a
// registry's entry named by the client alone is reachable by every tenant that learns the name.
func (s *Frame) needNoInput(v *Value, at ssa.Instruction, n Needed) {
	switch {
	case v.Kind == facts.Param:
		s.passUp(s.Root().withoutFlags(v), n)
	case v.Kind == facts.Untrusted && !s.validated(v, at):
		trail := append([]facts.Step{s.Pkg.Step(v.Origin, "%s returns request input", v.What)}, n.Trail...)
		s.AddFinding(at, n.Family, fmt.Sprintf("%s comes from request input (%s) without the active tenant: a tenant that learns another's key reaches its entry", n.Subject, v.What), trail)
	}
}
