package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/facts"
)

// Package variables that hold a constant. A variable initialised with a constant or zero
// value and never assigned again (uuid.Nil, var defaultOrg = "") is a constant wherever it is
// read: a query bound to it, or a repository method given it as the tenant, is not scoped to
// the active tenant. SSA loads a package variable from memory, which says nothing about what
// is in it; the declaration and the package's assignments do.

// constantVars finds the package's variables that hold a constant: a value type (a basic type,
// or arrays and structs of them: a UUID is a [16]byte), a constant initialiser or none, and no
// assignment, increment, address taken or pointer method called anywhere in the package. An
// exported one counts only in a dependency (see facts.ConstantVar). exportedOnly: only the
// exported ones are wanted (a package the engine does not analyse, whose own reads do not
// matter), so an analysed module's irrelevant package costs a scan of its declarations.
func constantVars(pass *analysis.Pass, exportedOnly bool) map[*types.Var]bool {
	dependency := pass.Module != nil && pass.Module.Version != ""
	if exportedOnly && !dependency {
		return nil
	}
	var cands map[*types.Var]bool
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != 0 && len(vs.Values) != len(vs.Names) {
					continue // var a, b = f(): not constants
				}
				for i, name := range vs.Names {
					v, ok := pass.TypesInfo.Defs[name].(*types.Var)
					if !ok || name.Name == "_" || !valueType(v.Type(), 0) {
						continue
					}
					if len(vs.Values) > 0 && !constantExpr(pass.TypesInfo, vs.Values[i]) {
						continue
					}
					if v.Exported() && !dependency || !v.Exported() && exportedOnly {
						continue
					}
					if cands == nil {
						cands = map[*types.Var]bool{}
					}
					cands[v] = true
				}
			}
		}
	}
	if cands == nil {
		return nil
	}
	// Any write to a candidate, or any way to write it later (its address, a pointer method),
	// makes it a variable again.
	written := func(e ast.Expr) {
		if v := rootVar(pass.TypesInfo, e); v != nil {
			delete(cands, v)
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					written(l)
				}
			case *ast.IncDecStmt:
				written(n.X)
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					if n.Key != nil {
						written(n.Key)
					}
					if n.Value != nil {
						written(n.Value)
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					written(n.X)
				}
			case *ast.SelectorExpr:
				if sel := pass.TypesInfo.Selections[n]; sel != nil && sel.Kind() != types.FieldVal {
					if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						if _, ptr := sig.Recv().Type().Underlying().(*types.Pointer); ptr {
							written(n.X) // Nil.Set(...) takes its address
						}
					}
				}
			}
			return true
		})
	}
	return cands
}

// exportConstantVars exports the package's exported constant variables for the packages that
// read them.
func exportConstantVars(pass *analysis.Pass, vars map[*types.Var]bool) {
	var vs []*types.Var
	for v := range vars {
		if v.Exported() {
			vs = append(vs, v)
		}
	}
	slices.SortFunc(vs, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	for _, v := range vs {
		pass.ExportObjectFact(v, &facts.ConstantVar{})
	}
}

// isConstantVar reports whether the package variable v holds a constant: in this package, or
// in the package declaring it (a fact).
func (p *Package) isConstantVar(v *types.Var) bool {
	if v.Pkg() == nil {
		return false
	}
	if v.Pkg() == p.pass.Pkg {
		return p.constVars[v]
	}
	return p.pass.ImportObjectFact(v, new(facts.ConstantVar))
}

// valueType reports whether values of t are plain data that a constant can fill: no pointer,
// slice, map, channel, function or interface inside.
func valueType(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer && u.Info()&types.IsUntyped == 0
	case *types.Array:
		return valueType(u.Elem(), depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !valueType(u.Field(i).Type(), depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// constantExpr reports whether e is a constant, a composite literal of constants (UUID{}), or
// a conversion of one.
func constantExpr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !constantExpr(info, el) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return constantExpr(info, e.Args[0])
		}
	}
	return false
}

// rootVar is the package variable an assigned expression writes into (v, v.F, v[i], (v)), or
// nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			if info.Selections[x] == nil {
				// A qualified identifier (pkg.Var): another package's variable.
				v, _ := info.Uses[x.Sel].(*types.Var)
				return v
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			return nil
		default:
			return nil
		}
	}
}
