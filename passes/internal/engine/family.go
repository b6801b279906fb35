package engine

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/config"
)

// A Family is one sink family's rules (sqlscope's SQL and ORMs, cachekey's cache keys, ...). The
// engine knows no family by name: it asks each one, in the order they are given to New, the
// same few questions, and judges what they return with one lattice, one solver and one
// fixpoint, so a requirement found by one family travels through the same summaries as any
// other's.
type Family interface {
	// Info is the family's identity, declared once.
	Info() *FamilyInfo
	// Relevant reports whether a package that calls the function named key (catalog.Key) can
	// matter to the family under cfg: a package that calls nothing relevant to any family,
	// names no source and has no directive is not analysed at all. It is asked for every
	// function every package uses: index the sinks once per configuration (e.Memo).
	Relevant(e *Engine, cfg *config.Config, key string) bool
	// ForPackage returns the family's rules for one package (it may load files, such as the
	// tenant tables of the package's schema). It is called once per analysed package.
	ForPackage(p *Package) (Rules, error)
}

// FamilyInfo is what the engine and the drivers need to know of a family.
type FamilyInfo struct {
	// Name is the family as the catalog and the configuration's sinks spell it: sql, cache,
	// job, channel, storage. Requirements in facts carry it.
	Name string
	// Check is the check that reports the family's findings: sqlscope, cachekey, ...
	Check string
	// Noun names what its sinks take, for messages of configured sinks: "cache key".
	Noun string
	// Names: its sinks take a name (a key, a path, a channel): a name built without the tenant
	// is wrong whatever else it holds ("stats:" + id names one entry for every tenant). Otherwise
	// (SQL) a value is judged as a tenant predicate's argument: it must be the tenant.
	Names bool
	// ConstantIsFinding: a constant name is a finding too (a channel every tenant listens on).
	// Otherwise a constant key is taken for a deliberately global entry.
	ConstantIsFinding bool
	// InputOnly: only request input is a finding (an in-process registry keyed by a stream id
	// from the URL); constants, ids and keys built without the tenant are the program's own
	// names, and parameters pass the obligation to the callers, who may pass request input.
	InputOnly bool
}

// PackageRelevance is implemented by a family whose sinks are not calls (a map indexed by a
// key): it says whether a package that calls nothing relevant must still be analysed.
type PackageRelevance interface {
	RelevantPackage(pass *analysis.Pass) bool
}

// Rules are a family's answers for one package. Embed NoRules for the questions a family has
// no answer to.
type Rules interface {
	// CallValue is the value of a call's result when the family models the callee (a query
	// builder's chain method), asked before the callee's summary.
	CallValue(f *Frame, c *Call) (*Value, bool)
	// DefaultValue is the value of a call no source, model or summary explains, asked before
	// the engine derives it from the arguments (a key sink's keys do not flow into its result).
	DefaultValue(f *Frame, c *Call) (*Value, bool)
	// ValueOf is what a load (*ssa.UnOp MUL, *ssa.Field), an allocation (*ssa.Alloc) or a
	// function literal (*ssa.MakeClosure) means to the family (a builder read from a struct
	// field is a database handle; a row a tenant-scoped query loads into is the tenant's; a
	// closure may be a scope that adds a tenant predicate).
	ValueOf(f *Frame, v ssa.Value) (*Value, bool)
	// CheckCall judges one call of the function being checked: its sinks report findings and
	// add requirements through f.
	CheckCall(f *Frame, c *Call)
	// CheckFunc judges the function as a whole, after its calls (a job or subscription handler).
	CheckFunc(f *Frame)
}

// NoRules answers nothing; families embed it.
type NoRules struct{}

func (NoRules) CallValue(*Frame, *Call) (*Value, bool)    { return nil, false }
func (NoRules) DefaultValue(*Frame, *Call) (*Value, bool) { return nil, false }
func (NoRules) ValueOf(*Frame, ssa.Value) (*Value, bool)  { return nil, false }
func (NoRules) CheckCall(*Frame, *Call)                   {}
func (NoRules) CheckFunc(*Frame)                          {}

// Call is one call as every rule sees it, computed once per call: the callee's catalog key, the
// arguments with the receiver first (as SSA numbers a method's parameters), and where the call
// expression starts.
type Call struct {
	Instr  ssa.CallInstruction
	Common *ssa.CallCommon
	// Key is the callee as catalog.Key spells it, "" for a call of a function value.
	Key string
	// Args are the arguments, receiver first.
	Args []ssa.Value
	// Method: the callee has a receiver (Args[0]), statically or through an interface.
	Method bool
	// Start is where the call expression starts (SSA's own position is its Lparen).
	Start token.Pos
}

// ArgIndex is the index in Args of the callee's i-th parameter as its signature counts them
// (receiver excluded): catalog rows number arguments that way.
func (c *Call) ArgIndex(i int) int {
	if c.Method {
		return i + 1
	}
	return i
}

// Arg is the callee's i-th argument as its signature counts them, nil when there is none.
func (c *Call) Arg(i int) ssa.Value {
	if j := c.ArgIndex(i); j >= 0 && j < len(c.Args) {
		return c.Args[j]
	}
	return nil
}

// Recv is the receiver of a method call, nil for a function call.
func (c *Call) Recv() ssa.Value {
	if c.Method && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// Name is the called function as a reader would write it: "Get", "PutObject".
func (c *Call) Name() string {
	if c.Common.IsInvoke() {
		return c.Common.Method.Name()
	}
	if fn := StaticCallee(c.Common); fn != nil {
		return fn.Name()
	}
	return "the call"
}

// Call returns the view of a call instruction (made once per instruction).
func (p *Package) Call(instr ssa.CallInstruction) *Call {
	if c, ok := p.callViews[instr]; ok {
		return c
	}
	cc := instr.Common()
	c := &Call{
		Instr:  instr,
		Common: cc,
		Key:    CalleeKey(cc),
		Args:   CallArgs(cc),
		Method: cc.IsInvoke() || cc.Signature().Recv() != nil,
		Start:  p.CallStart(instr.Pos()),
	}
	p.callViews[instr] = c
	return c
}
