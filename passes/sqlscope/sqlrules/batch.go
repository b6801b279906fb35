package sqlrules

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
	"github.com/tenantlint/tenantlint/facts"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// Batch models: every ORM inserts a slice of models in one statement (bun's
// NewInsert().Model(&rows), gorm's Create(&rows) and CreateInBatches, xorm's Insert(&rows),
// pop's Create(&rows)). The batch sets the tenant column when every element does, so the
// elements put into the slice in this function are judged one by one, like a single model.

// batchElem is the element type of a batch model (*[]T, *[]*T, []T, []*T).
func batchElem(t types.Type) (types.Type, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return nil, false
	}
	return sl.Elem(), true
}

// batchElement is a value put into a batch, and where.
type batchElement struct {
	v  ssa.Value
	at ssa.Instruction
}

// batchElems lists the elements put into a batch model in this function: the values appended
// to it, the elements of a slice literal, the values stored at an index, through the variable
// that holds the slice. ok is false when the slice comes from elsewhere (a parameter, a call, a
// field), whose elements this function does not see.
func batchElems(s *engine.Frame, x ssa.Value) ([]batchElement, bool) {
	var out []batchElement
	add := func(els []ssa.Value, at ssa.Instruction) {
		for _, e := range els {
			out = append(out, batchElement{e, at})
		}
	}
	seen := map[ssa.Value]bool{}
	var slice func(v ssa.Value) bool
	// variable: the slices stored into a local variable's cell.
	variable := func(a *ssa.Alloc) bool {
		if seen[a] {
			return true
		}
		seen[a] = true
		if a.Parent() != s.Fn {
			return false
		}
		stored := false
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a {
				stored = true
				if !slice(st.Val) {
					return false
				}
			}
		}
		return stored
	}
	slice = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Const:
			return v.IsNil()
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !slice(e) {
					return false
				}
			}
			return true
		case *ssa.UnOp:
			a, ok := v.X.(*ssa.Alloc)
			return ok && v.Op == token.MUL && variable(a)
		case *ssa.MakeSlice:
			return indexStores(v, &out)
		case *ssa.Slice:
			els, ok := engine.SliceElems(v)
			add(els, v)
			return ok
		case *ssa.Call:
			if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(v.Call.Args) == 2 {
				els, ok := engine.SliceElems(v.Call.Args[1])
				add(els, v)
				return ok && slice(v.Call.Args[0])
			}
		}
		return false
	}
	var ok bool
	if a, isAlloc := x.(*ssa.Alloc); isAlloc {
		ok = variable(a)
	} else {
		ok = slice(x)
	}
	return out, ok
}

// indexStores adds the values stored at an index of a slice made with make (rows[i] = &Row{...}).
func indexStores(ms *ssa.MakeSlice, out *[]batchElement) bool {
	for _, r := range *ms.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				*out = append(*out, batchElement{st.Val, st})
			}
		}
	}
	return true
}

// checkBatch judges a batch insert: each element must set the tenant field, with the tenant.
func (r *rules) checkBatch(s *engine.Frame, c *engine.Call, row catalog.Builder, x ssa.Value, elem types.Type, table string, pos token.Pos) {
	call := c.Instr
	cols := r.tables.columns
	path, col := tenantFieldPath(elem, cols)
	if path == nil {
		s.AddFinding(call, info.Name, fmt.Sprintf("%s insert into tenant table %q does not set its tenant column (%s)", row.Library, table, strings.Join(cols, ", ")),
			[]facts.Step{s.Pkg.Step(pos, "%s", r.tableWhy(s, table))})
		return
	}
	els, ok := batchElems(s, engine.StripConversions(x))
	if !ok {
		return // the elements come from elsewhere: not followed
	}
	var v *engine.Value
	for _, el := range els {
		e := engine.StripConversions(el.v)
		if !s.FieldStored(e, path) {
			at := e.Pos()
			if !at.IsValid() {
				at = pos
			}
			s.AddFinding(call, info.Name, fmt.Sprintf("%s batch insert into tenant table %q has elements that do not set the model's tenant field (%s)", row.Library, table, col),
				[]facts.Step{s.Pkg.Step(at, "an element is built here without %s", col), s.Pkg.Step(pos, "%s", r.tableWhy(s, table))})
			return
		}
		// Every element must carry the tenant: their values meet.
		// Read where it is put into the batch: an element built in a loop is set there.
		v = engine.Meet(v, s.FieldAt(e, path, el.at))
	}
	if v == nil {
		return // no element is put into the batch here
	}
	subject := fmt.Sprintf("%s in the %s batch insert", col, row.Library)
	s.Need(v, call, engine.Needed{Family: info.Name, Subject: subject, Sink: subject,
		Trail: []facts.Step{s.Pkg.Step(pos, "the %s batch insert sets %s to %s", row.Library, col, s.Describe(v))}})
}
