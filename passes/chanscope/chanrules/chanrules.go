// Package chanrules is chanscope's family of rules: channel, subject and topic names are key
// sinks that a constant does not excuse (every tenant listens on a constant channel), a
// broadcast to every session is a finding by itself, and a subscription handler must compare
// the channel the client chose with the connection's tenant.
package chanrules

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
	"github.com/tenantlint/tenantlint/passes/internal/keysink"
)

var keys = keysink.New(engine.FamilyInfo{Name: catalog.FamilyChannel, Check: "chanscope", Noun: "channel name", ConstantIsFinding: true})

var info = keys.Info()

// Family is the channel family.
var Family engine.Family = family{}

type family struct{}

func (family) Info() *engine.FamilyInfo { return info }

func (family) Relevant(e *engine.Engine, cfg *config.Config, key string) bool {
	return keys.Relevant(e, cfg, key) || slices.Contains(catalog.BroadcastAll, key)
}

func (family) ForPackage(p *engine.Package) (engine.Rules, error) {
	r, err := keys.ForPackage(p)
	return rules{r}, err
}

// rules are the channels' key-sink rules, the broadcast rule and the subscription rule.
type rules struct{ engine.Rules }

// CheckCall judges a call's channel names, and reports a broadcast to every session.
func (r rules) CheckCall(s *engine.Frame, c *engine.Call) {
	r.Rules.CheckCall(s, c)
	if slices.Contains(catalog.BroadcastAll, c.Key) {
		name := c.Name()
		s.AddFinding(c.Instr, info.Name, fmt.Sprintf("%s sends to every connected session, of every tenant: filter the sessions by tenant (BroadcastFilter)", name),
			[]facts.Step{s.Pkg.Step(c.Start, "%s reaches all sessions", name)})
	}
}

// checkSubscribeHandler reports a subscription hook (centrifuge's OnSubscribe handler) that
// accepts the channel the client chose without comparing it with anything that carries the
// active tenant: any client can then listen to any tenant's channel.
func (rules) CheckFunc(s *engine.Frame) {
	params := s.Fn.Params
	if len(params) < 2 {
		return
	}
	var h *catalog.SubscribeHandler
	for i := range catalog.SubscribeHandlers {
		sh := &catalog.SubscribeHandlers[i]
		if catalog.TypeKey(params[0].Type()) == sh.Event && catalog.TypeKey(params[1].Type()) == sh.Callback {
			h = sh
		}
	}
	if h == nil {
		return
	}
	st := engine.StructOf(params[0].Type())
	if st == nil {
		return
	}
	// The channel: every read of the event's field.
	channel := map[ssa.Value]bool{}
	var accept ssa.CallInstruction
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Field:
				if catalog.TypeKey(in.X.Type()) == h.Event && st.Field(in.Field).Name() == h.Field {
					channel[in] = true
				}
			case *ssa.UnOp:
				// e.Channel of a parameter SSA keeps in memory (captured, or its address taken).
				if fa, ok := in.X.(*ssa.FieldAddr); ok && in.Op == token.MUL &&
					catalog.TypeKey(fa.X.Type()) == h.Event && st.Field(fa.Field).Name() == h.Field {
					channel[in] = true
				}
			case ssa.CallInstruction:
				if in.Common().Value == params[1] && accept == nil && !isErrorArg(in) {
					accept = in
				}
			}
		}
	}
	if accept == nil {
		return // it never accepts (or only refuses)
	}
	if len(channel) > 0 && comparedWithTenant(s, channel) {
		return
	}
	msg := fmt.Sprintf("the subscription handler accepts the %s the client chose (%s) without comparing it with the connection's tenant: any client can listen to any tenant's channel", "channel", "e."+h.Field)
	trail := []facts.Step{s.Pkg.Step(s.Pkg.CallStart(accept.Pos()), "accepted here")}
	s.AddFinding(accept, info.Name, msg, trail)
}

// isErrorArg reports whether a callback call passes a non-nil error (a refusal).
func isErrorArg(call ssa.CallInstruction) bool {
	args := call.Common().Args
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if c, ok := last.(*ssa.Const); ok && c.IsNil() {
		return false
	}
	return types.Identical(last.Type(), types.Universe.Lookup("error").Type())
}

// comparedWithTenant reports whether a value derived from the channel meets a value carrying
// the tenant in a comparison or a call (ch == "t."+tid, strings.HasPrefix(ch, tid+"."), a
// validator given both).
func comparedWithTenant(s *engine.Frame, channel map[ssa.Value]bool) bool {
	derived := map[ssa.Value]bool{}
	for v := range channel {
		derived[v] = true
	}
	// Values computed from the channel (strings.Cut(ch, ":"), ch[:n]) count as the channel.
	for changed := true; changed; {
		changed = false
		for _, b := range s.Fn.Blocks {
			for _, instr := range b.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok || derived[v] {
					continue
				}
				for _, op := range instr.Operands(nil) {
					if op != nil && derived[*op] {
						derived[v], changed = true, true
						break
					}
				}
			}
		}
	}
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			var ops []ssa.Value
			switch in := instr.(type) {
			case *ssa.BinOp:
				if in.Op != token.EQL && in.Op != token.NEQ {
					continue
				}
				ops = []ssa.Value{in.X, in.Y}
			case ssa.CallInstruction:
				ops = engine.CallArgs(in.Common())
			default:
				continue
			}
			hasChannel, hasTenant := false, false
			for _, op := range ops {
				if derived[op] {
					hasChannel = true
				} else if s.Eval(op).Kind.HasTenant() {
					hasTenant = true
				}
			}
			if hasChannel && hasTenant {
				return true
			}
		}
	}
	return false
}
