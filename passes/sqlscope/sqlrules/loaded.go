package sqlrules

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Rows loaded with a tenant predicate (catalog.Builder.Loads) carry the tenant's scope: the
// usual way to change a row is to load it scoped (db.Where("org_id = ?", org).First(&row),
// db.NewSelect().Model(&row).Where(...).Scan(ctx)) and then write it back by its primary key
// (db.Save(&row), db.NewUpdate().Model(&row).WherePK().Exec(ctx), e.ID(row.ID).Update(&row),
// tx.Update(&row)). Such a write touches only the loaded row, which is the tenant's, so it is
// scoped (catalog.Builder.ByModelKey, ByKeyArg). The row is an allocation whose value is
// Scoped with the reason loadedRow; a helper that loads the row and returns it returns a Scoped
// value through its summary. A row loaded without the tenant, or on one path only, stays
// unscoped and its write is reported as before.

const loadedRow = "a row loaded by a query scoped to the tenant"

// loadedRowValue is the value of an allocation that is the model of reads scoped to the tenant
// (every read of it in this function is), nil when it is not (hooked into ValueOf).
func (r *rules) loadedRowValue(s *engine.Frame, a *ssa.Alloc) *engine.Value {
	ptr, ok := a.Type().(*types.Pointer)
	if !ok || engine.StructOf(ptr.Elem()) == nil {
		return nil
	}
	scoped := false
	for _, use := range modelUses(a) {
		c := s.Pkg.Call(use)
		row, ent, ok := r.builderRow(s, c)
		if !ok || ent != nil || !r.isModelOf(s, c, row, a) {
			continue
		}
		run, runRow := c, row
		if row.Op != catalog.BuilderRun {
			// bun's NewSelect().Model(&row)...Scan(ctx): the model is set along the chain.
			if run, runRow, ok = r.runOf(s, use.Value(), 0); !ok {
				continue
			}
		}
		if !runRow.Loads {
			continue
		}
		if !r.loadScoped(s, run, runRow) {
			return nil
		}
		scoped = true
	}
	if !scoped {
		return nil
	}
	return &engine.Value{Kind: facts.Scoped, What: loadedRow, Fields: s.Load(a, nil, nil).Fields}
}

// modelUses are the calls that take the allocation as an argument, directly, converted to an
// interface (a model is usually passed as any) or in a variadic argument (xorm's Get(beans...)).
func modelUses(a *ssa.Alloc) []*ssa.Call {
	var out []*ssa.Call
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		refs := v.Referrers()
		if refs == nil || depth > 4 {
			return
		}
		for _, in := range *refs {
			switch x := in.(type) {
			case *ssa.Call:
				out = append(out, x)
			case *ssa.MakeInterface:
				visit(x, depth+1)
			case *ssa.ChangeType:
				visit(x, depth+1)
			case *ssa.Slice:
				visit(x, depth+1)
			case *ssa.Store:
				// An element of the array behind a variadic call: the calls take its slice.
				if x.Val == v {
					if ia, ok := x.Addr.(*ssa.IndexAddr); ok {
						if arr, ok := ia.X.(*ssa.Alloc); ok && arr != a {
							visit(arr, depth+1)
						}
					}
				}
			}
		}
	}
	visit(a, 0)
	return out
}

// isModelOf: a is a model argument of the call.
func (r *rules) isModelOf(s *engine.Frame, c *engine.Call, row catalog.Builder, a ssa.Value) bool {
	for _, m := range r.modelArgs(s, c, row) {
		if engine.StripConversions(m) == a {
			return true
		}
	}
	return false
}

// runOf follows a builder forward from v, through the chain methods called on it, to the call
// that runs it.
func (r *rules) runOf(s *engine.Frame, v ssa.Value, depth int) (*engine.Call, catalog.Builder, bool) {
	if v == nil || depth > 16 || v.Referrers() == nil {
		return nil, catalog.Builder{}, false
	}
	for _, in := range *v.Referrers() {
		call, ok := in.(*ssa.Call)
		if !ok {
			continue
		}
		c := s.Pkg.Call(call)
		if c.Recv() != v {
			continue
		}
		row, ent, ok := r.builderRow(s, c)
		switch {
		case ok && ent == nil && (row.Op == catalog.BuilderRun || row.Op == catalog.BuilderInsert):
			return c, row, true
		case ok || r.isBuilderType(call.Type()):
			if rc, rr, ok := r.runOf(s, call, depth+1); ok {
				return rc, rr, true
			}
		}
	}
	return nil, catalog.Builder{}, false
}

// loadScoped: the read run at c is scoped to the tenant, by its builder or by its own
// conditions (gorm's First(&row, "tenant_id = ?", t), xorm's Get(&Row{TenantID: t})).
func (r *rules) loadScoped(s *engine.Frame, c *engine.Call, row catalog.Builder) bool {
	if r.receiverState(s, c).Kind.HasTenant() {
		return true
	}
	if cd := r.condAt(s, c, row, nil); cd.tenant {
		return true
	}
	if row.ModelIsCond && !r.modelCondOff(s, c) {
		for _, m := range r.modelArgs(s, c, row) {
			if cd := r.condOf(s, m, nil); cd.tenant {
				return true
			}
		}
	}
	return false
}

// isLoadedRow: v is a row loaded with a tenant predicate, here or in a helper that returned it
// (whose summary says its result is scoped).
func (r *rules) isLoadedRow(s *engine.Frame, v ssa.Value) bool {
	v = engine.StripConversions(v)
	t := v.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if engine.StructOf(t) == nil {
		return false
	}
	x := s.Eval(v)
	if !x.Kind.HasTenant() {
		return false
	}
	if x.What == loadedRow {
		return true
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract:
		return true
	}
	return false
}

// onLoadedRow reports whether the query run at c is restricted to the primary key of a row
// loaded with a tenant predicate: a model of the query is such a row and the query goes by its
// key, or the key given to it (xorm's ID(row.ID)) is read from such a row.
func (r *rules) onLoadedRow(s *engine.Frame, c *engine.Call, row catalog.Builder) bool {
	links := append([]chainLink{{c, row, nil}}, r.chain(s, c.Recv())...)
	byKey, loaded := false, false
	for _, l := range links {
		if l.ent != nil {
			return false
		}
		if l.row.ByModelKey {
			byKey = true
		}
		if l.row.ByKeyArg && len(l.call.Args) > 1 && r.readFromLoadedRow(s, l.call.Args[1]) {
			return true
		}
		for _, m := range r.modelArgs(s, l.call, l.row) {
			if r.isLoadedRow(s, m) {
				loaded = true
			}
		}
	}
	return byKey && loaded
}

// readFromLoadedRow: v is a field read from a loaded row (row.ID), or the row itself.
func (r *rules) readFromLoadedRow(s *engine.Frame, v ssa.Value) bool {
	for range 4 {
		v = engine.StripConversions(v)
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			v = x.X
			continue
		case *ssa.FieldAddr:
			v = x.X
			continue
		case *ssa.Field:
			v = x.X
			continue
		}
		break
	}
	return r.isLoadedRow(s, v)
}

// rowFromCaller is the value of the row a query writes by its primary key when that row comes
// from the function's parameters (a persister's Delete(m Model) running tx.Destroy(&m)): then
// which row it is, and whether it was loaded for the tenant, is the callers' business, as for
// any parameter, and the obligation passes to them. A caller that passes a row it loaded with
// the tenant meets it; one that passes a row it made from an id does not. (A function with the
// tenant at hand is held to scoping the write itself: see checkBuilder.)
func (r *rules) rowFromCaller(s *engine.Frame, c *engine.Call, row catalog.Builder) (*engine.Value, bool) {
	links := append([]chainLink{{c, row, nil}}, r.chain(s, c.Recv())...)
	byKey := false
	var from *engine.Value
	for _, l := range links {
		if l.ent != nil {
			return nil, false
		}
		if l.row.ByModelKey {
			byKey = true
		}
		for _, m := range r.modelArgs(s, l.call, l.row) {
			if p := paramRow(m); p != nil {
				if x := s.Eval(p); x.Kind == facts.Param {
					from = x
				}
			}
		}
	}
	return from, byKey && from != nil
}

// paramRow is the parameter a model comes from: the parameter itself (a *Model parameter) or
// copied (&m of a Model parameter: SSA stores the parameter into a local), or a row reached
// from it (a field, an element, what a method of it returns: user.Emails.GetPrimary() of the
// user the caller gives); nil for any other model (a row made or loaded here).
func paramRow(v ssa.Value) *ssa.Parameter {
	return paramRowDepth(v, 0)
}

func paramRowDepth(v ssa.Value, depth int) *ssa.Parameter {
	if depth > 6 {
		return nil
	}
	switch x := engine.StripConversions(v).(type) {
	case *ssa.Parameter:
		return x
	case *ssa.Alloc:
		for _, ref := range *x.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == x {
				return paramRowDepth(st.Val, depth+1)
			}
		}
	case *ssa.FieldAddr:
		return paramRowDepth(x.X, depth+1)
	case *ssa.Field:
		return paramRowDepth(x.X, depth+1)
	case *ssa.IndexAddr:
		return paramRowDepth(x.X, depth+1)
	case *ssa.Index:
		return paramRowDepth(x.X, depth+1)
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return paramRowDepth(x.X, depth+1)
		}
	case *ssa.Call:
		// A method of the row (or of a part of it) that returns a pointer: one of its children.
		c := x.Common()
		if _, ptr := x.Type().Underlying().(*types.Pointer); !ptr {
			return nil
		}
		if c.IsInvoke() {
			return paramRowDepth(c.Value, depth+1)
		}
		if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(c.Args) > 0 {
			return paramRowDepth(c.Args[0], depth+1)
		}
	}
	return nil
}
