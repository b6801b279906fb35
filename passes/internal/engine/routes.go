package engine

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/facts"
)

// Route middleware as a validator. A middleware that checks the request's tenant (calls a
// configured validator on request input, or compares request input with the active tenant,
// rejecting the request otherwise) vouches for the request input of every handler it guards:
// registered with it on the route (e.DELETE(path, h, mw)), on a group (e.Group(prefix, mw),
// r.With(mw)), or added to the router (g.Use(mw)). A handler is guarded when every
// registration of it in its package is; its request input is then validated as if the
// validator were called in it. Registrations and handlers are matched within a package (the
// routes are usually registered beside their handlers); middleware may come from another
// package (facts.TenantGuard).

// guardedHandler reports whether fn (or the function a closure frame is in) is a handler
// every route registration of the package guards with a tenant-checking middleware.
func (s *Frame) guardedHandler() bool {
	if len(s.Pkg.rules.routes) == 0 {
		return false
	}
	g := s.Pkg.routeGuards()
	for f := s; f != nil; f = f.parent {
		if g[handlerKey(f.Fn)] {
			return true
		}
	}
	return false
}

// handlerKey identifies a handler function: a method value h.Delete registers the method.
func handlerKey(fn *ssa.Function) any {
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.Origin()
	}
	return fn
}

// routeGuards finds, once per package, the handlers that all of their registrations guard.
func (p *Package) routeGuards() map[any]bool {
	in := p.ownInput()
	if in.guarded != nil {
		return in.guarded
	}
	routers := map[ssa.Value]bool{} // routers (groups) whose routes a tenant check guards
	var regs map[any][]bool
	var funcs []*ssa.Function
	for _, fn := range p.srcFuncs() {
		funcs = append(funcs, fn)
		funcs = append(funcs, allAnon(fn)...)
	}
	// Twice: a group guarded by Use after some of its routes were seen.
	for range 2 {
		regs = map[any][]bool{}
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(ssa.CallInstruction); ok {
						p.noteRoute(call, routers, regs)
					}
				}
			}
		}
	}
	in.guarded = map[any]bool{}
	for h, gs := range regs {
		if !slices.Contains(gs, false) {
			in.guarded[h] = true
		}
	}
	return in.guarded
}

// noteRoute records what one call registers: routers made guarded, handlers registered.
func (p *Package) noteRoute(instr ssa.CallInstruction, routers map[ssa.Value]bool, regs map[any][]bool) {
	c := p.Call(instr)
	rt, ok := p.rules.routes[c.Key]
	if !ok {
		return
	}
	recv := c.Recv()
	guarded := recv != nil && routers[routerRoot(recv)]
	var handler ssa.Value
	if rt.Handler >= 0 {
		handler = c.Arg(rt.Handler)
	}
	var mws []ssa.Value
	if rt.Middleware >= 0 {
		for i := rt.Middleware; c.Arg(i) != nil; i++ {
			a := c.Arg(i)
			if elems, ok := SliceElems(a); ok {
				mws = append(mws, elems...) // the variadic's array
			} else {
				mws = append(mws, a)
			}
		}
	}
	if rt.HandlerLast && len(mws) > 0 {
		handler, mws = mws[len(mws)-1], mws[:len(mws)-1]
	}
	for _, m := range mws {
		if p.guardsTenant(m) {
			guarded = true
		}
	}
	switch {
	case rt.Use:
		if guarded && recv != nil {
			routers[routerRoot(recv)] = true
		}
	case rt.Group:
		if !guarded {
			return
		}
		if v, ok := instr.(ssa.Value); ok {
			routers[v] = true
		}
		if rt.SubRouter {
			if fn := funcOf(c.Arg(rt.Sub)); fn != nil && len(fn.Params) > 0 {
				routers[fn.Params[0]] = true
			}
		}
	}
	if handler != nil {
		if fn := funcOf(handler); fn != nil {
			k := handlerKey(fn)
			regs[k] = append(regs[k], guarded)
		}
	}
}

// routerRoot is the router a receiver stands for: gin's g.GET on an *Engine selects its
// embedded RouterGroup, chi's routers pass as the Router interface.
func routerRoot(v ssa.Value) ssa.Value {
	for {
		v = StripConversions(v)
		fa, ok := v.(*ssa.FieldAddr)
		if !ok {
			return v
		}
		v = fa.X
	}
}

// funcOf is the function a function value is: a declared function, a method value, a literal.
func funcOf(v ssa.Value) *ssa.Function {
	switch f := StripConversions(v).(type) {
	case *ssa.Function:
		return f
	case *ssa.MakeClosure:
		fn, _ := f.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// guardsTenant reports whether a middleware value checks the request's tenant: a function
// (or method value) that does, or the result of calling one (auth.RequireTenant("tenant")).
func (p *Package) guardsTenant(mw ssa.Value) bool {
	mw = StripConversions(mw)
	if call, ok := mw.(*ssa.Call); ok {
		fn := StaticCallee(call.Common())
		return fn != nil && p.funcGuardsTenant(fn)
	}
	fn := funcOf(mw)
	return fn != nil && p.funcGuardsTenant(fn)
}

// funcGuardsTenant reports whether fn, or a function literal it makes, checks request input
// against the tenant: in this package by solving it, in another by its fact.
func (p *Package) funcGuardsTenant(fn *ssa.Function) bool {
	in := p.ownInput()
	if g, ok := in.guards[fn]; ok {
		return g
	}
	in.guards[fn] = false // recursion
	g := false
	if fn.Blocks == nil {
		obj, ok := fn.Object().(*types.Func)
		g = ok && obj.Pkg() != p.pass.Pkg && p.pass.ImportObjectFact(obj.Origin(), new(facts.TenantGuard))
	} else if p.mayGuard(fn) {
		for _, f := range append([]*ssa.Function{fn}, allAnon(fn)...) {
			if p.checksTenant(f) {
				g = true
				break
			}
		}
	}
	in.guards[fn] = g
	return g
}

// mayGuard is a cheap filter: a tenant check calls a validator, or reads request input and
// compares.
func (p *Package) mayGuard(fn *ssa.Function) bool {
	validator, input, compares := false, false, false
	for _, f := range append([]*ssa.Function{fn}, allAnon(fn)...) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case ssa.CallInstruction:
					k := p.Call(in).Key
					_, validator0 := p.rules.validators[k]
					validator = validator || validator0
					input = input || p.rules.untrusted[k]
				case *ssa.BinOp:
					compares = compares || in.Op == token.EQL || in.Op == token.NEQ
				}
			}
		}
	}
	return validator || (input && compares)
}

// checksTenant solves f on its own (a function literal with its captured variables unknown)
// and looks for the check: request input compared with the tenant, or given to a validator.
func (p *Package) checksTenant(f *ssa.Function) bool {
	s := newFuncState(p, f)
	if f.Parent() != nil {
		s.closureParams = true
		s.env = map[*ssa.FreeVar]ssa.Value{}
	}
	s.solve()
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.BinOp:
				if in.Op != token.EQL && in.Op != token.NEQ {
					continue
				}
				x, y := s.Eval(in.X), s.Eval(in.Y)
				if (x.Kind == facts.Untrusted && y.Kind.HasTenant()) || (y.Kind == facts.Untrusted && x.Kind.HasTenant()) {
					return true
				}
			case ssa.CallInstruction:
				c := p.Call(in)
				if i, ok := p.rules.validators[c.Key]; ok {
					if a := c.Arg(i); a != nil && s.Eval(a).Kind == facts.Untrusted {
						return true
					}
				}
			}
		}
	}
	return false
}

// exportGuards exports facts.TenantGuard for the package's functions that check the
// request's tenant, for the packages that register them as middleware.
func (p *Package) exportGuards() {
	if len(p.rules.routes) == 0 {
		return
	}
	for _, fn := range p.srcFuncs() {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != p.pass.Pkg || !p.funcGuardsTenant(fn) {
			continue
		}
		p.pass.ExportObjectFact(obj, &facts.TenantGuard{})
	}
}

// allAnon lists the function literals inside fn, nested ones included.
func allAnon(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, a := range fn.AnonFuncs {
		out = append(out, a)
		out = append(out, allAnon(a)...)
	}
	return out
}
