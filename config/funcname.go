package config

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// FuncName is a function, method or struct field named the way go/types
// prints it:
//
//	pkg/path.Func
//	(*pkg/path.Type).Method
//	(pkg/path.Type).Method   (also used for fields: (pkg/path.Type).Field)
//
// Type parameters are not part of the name: a method of G[T] is written
// (pkg/path.G).Method and matches every instantiation.
type FuncName struct {
	Pkg     string // import path of the declaring package
	Recv    string // receiver (or struct) type name; "" for package-level functions
	Pointer bool   // the receiver was written as *Type
	Name    string // function, method or field name
}

// ParseFuncName parses a name in the go/types notation described at
// FuncName. The error says what is wrong, e.g.
// malformed function name "(*x.T.M": missing ")".
func ParseFuncName(s string) (FuncName, error) {
	bad := func(why string) (FuncName, error) {
		return FuncName{}, fmt.Errorf("malformed function name %q: %s", s, why)
	}
	if s == "" {
		return bad("empty")
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return bad("contains white space")
	}

	var f FuncName
	if strings.HasPrefix(s, "(") {
		end := strings.IndexByte(s, ')')
		if end < 0 {
			return bad(`missing ")"`)
		}
		recv, rest := s[1:end], s[end+1:]
		if strings.ContainsAny(recv, "()") || strings.ContainsAny(rest, "()") {
			return bad("unbalanced parentheses")
		}
		if i := strings.IndexByte(recv, '['); i >= 0 {
			// go/types prints (*p.G[T]).M, but a name here stands for
			// every instantiation, so say what to write instead.
			return bad(fmt.Sprintf("type parameters are not part of the name: write %q", "("+recv[:i]+")"+rest))
		}
		if after, ok := strings.CutPrefix(recv, "*"); ok {
			f.Pointer, recv = true, after
		}
		dot := strings.LastIndexByte(recv, '.')
		if dot < 0 {
			return bad("missing package path before the receiver type")
		}
		f.Pkg, f.Recv = recv[:dot], recv[dot+1:]
		if f.Recv == "" {
			return bad("missing receiver type name")
		}
		if !token.IsIdentifier(f.Recv) {
			return bad(fmt.Sprintf("receiver type %q is not a Go identifier", f.Recv))
		}
		if rest == "" || rest == "." {
			return bad(`missing method name after ")"`)
		}
		if rest[0] != '.' {
			return bad(`want "." after ")"`)
		}
		f.Name = rest[1:]
	} else {
		dot := strings.LastIndexByte(s, '.')
		if dot < 0 || dot < strings.LastIndexByte(s, '/') {
			return bad("missing package path (want pkg/path.Name)")
		}
		f.Pkg, f.Name = s[:dot], s[dot+1:]
	}

	if err := checkPkgPath(f.Pkg); err != nil {
		return bad(err.Error())
	}
	if f.Name == "" {
		return bad("missing name")
	}
	if !token.IsIdentifier(f.Name) {
		if strings.ContainsAny(f.Name, "()") {
			return bad("unbalanced parentheses")
		}
		return bad(fmt.Sprintf("name %q is not a Go identifier", f.Name))
	}
	return f, nil
}

// checkPkgPath rejects what cannot be an import path. It is deliberately
// loose (no module.CheckImportPath): the point is to catch typos in the
// notation, not to police paths the go command would accept.
func checkPkgPath(p string) error {
	switch {
	case p == "":
		return errors.New("missing package path")
	case strings.ContainsAny(p, "()"):
		return errors.New("unbalanced parentheses")
	case strings.ContainsAny(p, `*[]{},;:"'\`+"`"):
		return fmt.Errorf("package path %q contains an invalid character", p)
	case strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, "//"):
		return fmt.Errorf("package path %q has an empty element", p)
	}
	return nil
}

// String returns the name in the notation ParseFuncName accepts;
// ParseFuncName(f.String()) == f.
func (f FuncName) String() string {
	if f.Recv == "" {
		return f.Pkg + "." + f.Name
	}
	star := ""
	if f.Pointer {
		star = "*"
	}
	return "(" + star + f.Pkg + "." + f.Recv + ")." + f.Name
}

// Matches reports whether fn is the function or method f names.
//
// A method matches by the type that declares it: the receiver's named
// type (through a pointer, an alias or a generic instantiation) must have
// f's package and type name. Whether the receiver is a pointer is ignored,
// so (*p.T).M and (p.T).M both match a method M of T; a method promoted
// through embedding is named by the embedded type. Interface methods match
// the interface type that declares them.
func (f FuncName) Matches(fn *types.Func) bool {
	if fn == nil || fn.Name() != f.Name {
		return false
	}
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == nil {
		return f.Recv == "" && fn.Pkg() != nil && fn.Pkg().Path() == f.Pkg
	}
	return f.Recv != "" && f.namesType(sig.Recv().Type())
}

// MatchesField reports whether v, selected from a value of type recv
// (types.Selection.Recv), is the field f names. Like methods, fields match
// by the struct type that declares them: for a field promoted from an
// embedded struct, name the embedded type, e.g. (p.User).OrgID for
// admin.OrgID when Admin embeds User.
func (f FuncName) MatchesField(v *types.Var, recv types.Type) bool {
	if v == nil || recv == nil || !v.IsField() || v.Name() != f.Name || f.Recv == "" {
		return false
	}
	obj, index, _ := types.LookupFieldOrMethod(recv, true, v.Pkg(), v.Name())
	found, ok := obj.(*types.Var)
	if !ok || found.Origin() != v.Origin() {
		return false
	}
	// Follow the embedding path to the struct that declares the field.
	declaring := recv
	for _, i := range index[:len(index)-1] {
		st, ok := deref(declaring).Underlying().(*types.Struct)
		if !ok {
			return false
		}
		declaring = st.Field(i).Type()
	}
	return f.namesType(declaring)
}

// namesType reports whether t, after removing a pointer and aliases, is
// the named type f.Pkg.f.Recv (any instantiation of it).
func (f FuncName) namesType(t types.Type) bool {
	named, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Origin().Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == f.Pkg && obj.Name() == f.Recv
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
