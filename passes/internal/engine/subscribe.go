package engine

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
)

// checkSubscribeHandler reports a subscription hook (centrifuge's OnSubscribe handler) that
// accepts the channel the client chose without comparing it with anything that carries the
// active tenant: any client can then listen to any tenant's channel.
func (s *funcState) checkSubscribeHandler() {
	params := s.fn.Params
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
	st := structOf(params[0].Type())
	if st == nil {
		return
	}
	// The channel: every read of the event's field.
	channel := map[ssa.Value]bool{}
	var accept ssa.CallInstruction
	for _, b := range s.fn.Blocks {
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
	if len(channel) > 0 && s.comparedWithTenant(channel) {
		return
	}
	msg := fmt.Sprintf("the subscription handler accepts the %s the client chose (%s) without comparing it with the connection's tenant: any client can listen to any tenant's channel", "channel", "e."+h.Field)
	trail := []string{fmt.Sprintf("%s: accepted here", s.pkg.posString(s.pkg.callStart(accept.Pos())))}
	s.addFinding(accept, "channel", msg, trail)
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
func (s *funcState) comparedWithTenant(channel map[ssa.Value]bool) bool {
	derived := map[ssa.Value]bool{}
	for v := range channel {
		derived[v] = true
	}
	// Values computed from the channel (strings.Cut(ch, ":"), ch[:n]) count as the channel.
	for changed := true; changed; {
		changed = false
		for _, b := range s.fn.Blocks {
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
	for _, b := range s.fn.Blocks {
		for _, instr := range b.Instrs {
			var ops []ssa.Value
			switch in := instr.(type) {
			case *ssa.BinOp:
				if in.Op != token.EQL && in.Op != token.NEQ {
					continue
				}
				ops = []ssa.Value{in.X, in.Y}
			case ssa.CallInstruction:
				ops = callArgs(in.Common())
			default:
				continue
			}
			hasChannel, hasTenant := false, false
			for _, op := range ops {
				if derived[op] {
					hasChannel = true
				} else if s.eval(op).kind.HasTenant() {
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
