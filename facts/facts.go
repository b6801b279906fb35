// Package facts holds the facts tenantlint's engine exports for functions, so that tenant scope
// is followed across package boundaries (go/analysis gives a pass no bodies of imported
// packages: facts are the only channel between them).
//
// Facts are small and gob-stable: positions are stored as "file:line:col" strings, because a
// token.Pos means nothing in another process (go vet runs one process per package), and the
// explanation trail is capped so that long call chains do not grow facts without bound.
package facts

import (
	"fmt"
	"go/token"
	"strings"
)

// Kind is where a value's tenant scope comes from. The order matters: merging two paths
// (a φ-node) keeps the lower kind, so a value is scoped only if every path scopes it.
type Kind uint8

const (
	// Top is "not yet computed": the identity of the merge. It never leaves the engine.
	Top Kind = iota
	// None: no tenant at all, known for certain (a constant, a zero value).
	None
	// Untrusted: a value taken from request input that nothing vouched for.
	Untrusted
	// Unknown: provenance the engine cannot see (a field of an opaque struct, a global, a
	// value read from the database). Findings are never based on it: tenantlint stays quiet.
	Unknown
	// Param: derived from one of the enclosing function's parameters; the caller decides.
	Param
	// Scoped: a value that incorporates the active tenant (a key built from it, a conversion).
	Scoped
	// TenantID: the active tenant's identifier from a trusted source.
	TenantID
)

func (k Kind) String() string {
	switch k {
	case Top:
		return "top"
	case None:
		return "none"
	case Untrusted:
		return "untrusted"
	case Unknown:
		return "unknown"
	case Param:
		return "param"
	case Scoped:
		return "scoped"
	case TenantID:
		return "tenant"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// HasTenant reports whether a value of this kind carries the active tenant.
func (k Kind) HasTenant() bool { return k == Scoped || k == TenantID }

// ParamRef names a parameter, or a part of it, by SSA parameter index (for methods the
// receiver is 0) and a path of selectors into it: struct field indices, constant slice or
// array indices, and constant map keys, as strings ("1", "tenant_id").
type ParamRef struct {
	Index int
	Path  []string
	// Names is the human spelling of Path (field names), for messages only.
	Names []string
}

func (p ParamRef) String() string {
	s := fmt.Sprintf("p%d", p.Index)
	for i, n := range p.Names {
		if n == "" {
			n = p.Path[i]
		}
		s += "." + n
	}
	return s
}

// Equal reports whether two references name the same part of the same parameter.
func (p ParamRef) Equal(q ParamRef) bool {
	if p.Index != q.Index || len(p.Path) != len(q.Path) {
		return false
	}
	for i := range p.Path {
		if p.Path[i] != q.Path[i] {
			return false
		}
	}
	return true
}

// Result summarizes one result of a function.
type Result struct {
	Kind Kind
	// Params lists the parameters a Param result derives from (any of them carrying the
	// tenant makes the result scoped).
	Params []ParamRef
	// Built: the result is built from constants and other parts (a key such as "stats:" + id);
	// if no part carries the tenant, the caller holds a key built without it.
	Built bool `json:",omitempty"`
	// BuiltAt is where a Built result was put together, for explanations.
	BuiltAt Step `json:",omitzero"`
	// Target is what the result acts on, as a family spells it (sqlscope: the tenant table of
	// a query builder a helper returns).
	Target string `json:",omitempty"`
	// Derived: the result is computed from Params (a conversion, a call, a literal), not one
	// of them returned as it is: its fields are not theirs (engine.Value.Derived).
	Derived bool `json:",omitempty"`
}

// Requirement says a parameter must carry the active tenant, because it reaches a sink's
// tenant position unscoped. Callers are checked against it at the call site.
type Requirement struct {
	Param ParamRef
	// Alt are further parameters built into the same key or value: the requirement is met when
	// any one of Param and Alt carries the tenant ("t:" + tenantID + ":" + id needs the tenant
	// in tenantID or id, not in both).
	Alt    []ParamRef `json:",omitempty"`
	Family string     // sql | cache | job | channel | storage
	// Sink describes the sink in a sentence fragment, e.g. `tenant_id predicate of a query on
	// "devices"`.
	Sink string
	// Built: the parameter is built into the sink's key with constant parts ("stats:" + id), so
	// a caller passing a value without the tenant names an entry shared by every tenant.
	Built bool `json:",omitempty"`
	// Constant: a constant argument is a finding too (a channel every tenant listens on).
	Constant bool `json:",omitempty"`
	// Targeted: the sink cannot see what the value acts on (a helper runs a query builder it
	// is given, through an interface): a caller's value without a Target is not judged.
	Targeted bool `json:",omitempty"`
	// Trail is the chain from this function's parameter to the sink, outermost first. Capped
	// at MaxTrail.
	Trail []Step
}

// Params lists the parameters of the requirement, any of which may meet it.
func (r *Requirement) Params() []ParamRef { return append([]ParamRef{r.Param}, r.Alt...) }

// Step is one step of an explanation: a position and what happens there. Positions, not
// token.Pos, because a step travels in facts to packages analysed with another file set; they
// become token.Pos again only where a driver reports them.
type Step struct {
	Pos  token.Position
	Text string
}

// String spells the step "file:line:col: text", as messages and tests show it.
func (s Step) String() string {
	if !s.Pos.IsValid() {
		return s.Text
	}
	return s.Pos.String() + ": " + s.Text
}

// MaxTrail caps the explanation carried in a fact.
const MaxTrail = 8

// SQLForward says a function runs its parameter Query as SQL text with the variadic
// arguments in parameter Args (-1 when it has none): a wrapper around a driver. Calls to it are
// SQL sinks in their own right.
type SQLForward struct {
	Query int
	Args  int
	// Named is set when Args is a single struct or map bound by name (sqlx Named*).
	Named bool
}

// Summary is the fact exported for each function whose behaviour matters to tenant scope.
// Functions with nothing to say get no fact (most of them), which keeps the fact files small.
type Summary struct {
	Results  []Result      `json:",omitempty"`
	Requires []Requirement `json:",omitempty"`
	SQL      *SQLForward   `json:",omitempty"`
	// CtxTenant are the context parameters the function reads the active tenant from, itself
	// or through its callees (for job handlers that never restored the tenant).
	CtxTenant []int `json:",omitempty"`
}

func (*Summary) AFact() {}

// String is what tests match with `// want Name:"..."`: stable and compact.
func (s *Summary) String() string {
	var parts []string
	for i, r := range s.Results {
		if (r.Kind == Unknown || r.Kind == Top) && !r.Built {
			continue
		}
		p := fmt.Sprintf("result%d=%s", i, r.Kind)
		if r.Kind == Param {
			var ps []string
			for _, pr := range r.Params {
				ps = append(ps, pr.String())
			}
			p += "(" + strings.Join(ps, "|") + ")"
		}
		if r.Built {
			p += "+built"
		}
		parts = append(parts, p)
	}
	for _, q := range s.Requires {
		ps := []string{q.Param.String()}
		for _, a := range q.Alt {
			ps = append(ps, a.String())
		}
		parts = append(parts, fmt.Sprintf("requires %s %s", strings.Join(ps, "|"), q.Family))
	}
	if s.SQL != nil {
		parts = append(parts, fmt.Sprintf("sql(query=p%d args=p%d)", s.SQL.Query, s.SQL.Args))
	}
	for _, i := range s.CtxTenant {
		parts = append(parts, fmt.Sprintf("ctxtenant p%d", i))
	}
	return strings.Join(parts, "; ")
}

// Empty reports whether the summary says nothing worth exporting.
func (s *Summary) Empty() bool {
	if len(s.Requires) > 0 || s.SQL != nil || len(s.CtxTenant) > 0 {
		return false
	}
	for _, r := range s.Results {
		if (r.Kind != Unknown && r.Kind != Top) || r.Built || r.Target != "" {
			return false
		}
	}
	return true
}
