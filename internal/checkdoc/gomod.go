package checkdoc

import (
	"fmt"
	"sort"
	"strings"
)

// Versions are the module versions a go.mod requires (contract/go.mod: the versions every catalog
// row is compiled against), and its go version.
type Versions struct {
	Go      string            // "1.26.0"
	Modules map[string]string // module path -> version
	// Direct are the modules required without "// indirect": the libraries themselves.
	Direct map[string]bool
}

// ParseGoMod reads the go directive and the requirements of a go.mod. (A full parser would make
// golang.org/x/mod a direct requirement of the main module, for the two directives read here.)
func ParseGoMod(data []byte) (*Versions, error) {
	v := &Versions{Modules: map[string]string{}, Direct: map[string]bool{}}
	inRequire := false
	for n, line := range strings.Split(string(data), "\n") {
		indirect := false
		if i := strings.Index(line, "//"); i >= 0 {
			indirect = strings.TrimSpace(line[i+2:]) == "indirect"
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case inRequire && f[0] == ")":
			inRequire = false
		case inRequire:
			if len(f) != 2 {
				return nil, fmt.Errorf("go.mod:%d: want \"path version\" in require", n+1)
			}
			v.Modules[f[0]] = f[1]
			v.Direct[f[0]] = !indirect
		case f[0] == "go" && len(f) == 2:
			v.Go = f[1]
		case f[0] == "require" && len(f) == 2 && f[1] == "(":
			inRequire = true
		case f[0] == "require" && len(f) == 3:
			v.Modules[f[1]] = f[2]
			v.Direct[f[1]] = !indirect
		}
	}
	if v.Go == "" {
		return nil, fmt.Errorf("go.mod: no go directive")
	}
	return v, nil
}

// Module is the required module that provides package pkg (the longest module path that is
// pkg or a parent of it), "" if none does.
func (v *Versions) Module(pkg string) string {
	best := ""
	for m := range v.Modules {
		if (pkg == m || strings.HasPrefix(pkg, m+"/")) && len(m) > len(best) {
			best = m
		}
	}
	return best
}

// Under are the directly required modules at or under the path prefix p, or providing it,
// sorted.
func (v *Versions) Under(p string) []string {
	var out []string
	for m := range v.Modules {
		if !v.Direct[m] {
			continue
		}
		if m == p || strings.HasPrefix(m, p+"/") || strings.HasPrefix(p, m+"/") {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

// Version is the pinned version of module m, or an error naming it.
func (v *Versions) Version(m string) (string, error) {
	if ver, ok := v.Modules[m]; ok {
		return ver, nil
	}
	return "", fmt.Errorf("module %s is not required by contract/go.mod", m)
}
