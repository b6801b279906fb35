package sqlrules

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/internal/sqltext"
	"github.com/tenantlint/tenantlint/passes/internal/engine"
)

// An ORM's Where fragment is SQL: it is read by internal/sqltext like query text, so that
// operator precedence, quoting, the case of identifiers and subqueries mean what the database
// makes of them (sqltext.AnalyzeFragment).

type fragmentKey struct {
	tables *Tables
	text   string
}

type fragmentResult struct {
	res *sqltext.Fragment
	err error
}

// fragmentCond reads a condition fragment with its bind values (the ORM's variadic arguments,
// bound to its `?` in order).
func (r *rules) fragmentCond(s *engine.Frame, frag string, binds []ssa.Value) cond {
	res, err := r.analyzeFragment(frag)
	if err != nil {
		// The parsers reject what is not SQL of the configured dialect: bun's ?PKs and ?0,
		// `??`, a fragment written for another database. Such a fragment is still read the way
		// it was before the parser read fragments, a top-level `<tenant column> = ?`, rather
		// than as no predicate at all.
		col, idx, ok := fragmentTenant(frag, r.tables.columns)
		if !ok {
			return cond{}
		}
		cd := cond{tenant: true, col: col}
		if idx < len(binds) {
			cd.val = s.Eval(binds[idx])
		}
		return cd
	}
	if !res.Scoped {
		return cond{}
	}
	cd := cond{tenant: true, col: res.Column}
	for _, ph := range res.Tenant {
		if ph.Name != "" || ph.Index < 1 || ph.Index > len(binds) {
			continue // a named argument (gorm's @name) is bound from a map or sql.Named
		}
		// Several placeholders (tenant_id IN (?, ?)) give several tenants: each must be one
		// the caller may use, so their values meet.
		cd.val = engine.Meet(cd.val, s.Eval(binds[ph.Index-1]))
	}
	return cd
}

// mapColumn finds the tenant column among the keys of a condition map (squirrel's Eq, gorm's
// and xorm's maps): a key is a column as SQL spells it, qualified or quoted or not
// ("tenant_id", "devices.tenant_id", `"BoardID"`), compared without regard to case.
func mapColumn(fields map[string]*engine.Value, cols []string) (string, *engine.Value, bool) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, col := range cols {
		for _, k := range keys {
			name := k
			if i := strings.LastIndex(name, "."); i >= 0 {
				name = name[i+1:]
			}
			if strings.EqualFold(strings.Trim(strings.TrimSpace(name), "\"`"), col) {
				return col, fields[k], true
			}
		}
	}
	return "", nil, false
}

// analyzeFragment parses and judges a fragment once per table set.
func (r *rules) analyzeFragment(frag string) (*sqltext.Fragment, error) {
	res := r.pkg.Memo(fragmentKey{r.tables, frag}, func() any {
		res, err := sqltext.AnalyzeFragment(frag, sqltext.Options{
			Dialect:       sqltext.Dialect(r.cfg.Dialect),
			TenantColumns: r.tables.columns,
			TenantColumn:  r.tables.columnOf,
		})
		return fragmentResult{res, err}
	}).(fragmentResult)
	return res.res, res.err
}

// fragmentTenant finds `<tenant column> = ?` (or `IN (?)`) ANDed at the top level of a SQL
// condition with `?` placeholders, and the index of its placeholder among the fragment's, by
// scanning its text: the fallback for fragments the parser rejects. An OR at the top level
// means no predicate restricts every row.
func fragmentTenant(frag string, cols []string) (string, int, bool) {
	lower := strings.ToLower(frag)
	depth, start := 0, 0
	var parts []string
	inQuote := byte(0)
	for i := 0; i < len(lower); i++ {
		ch := lower[i]
		switch {
		case inQuote != 0:
			if ch == inQuote {
				inQuote = 0
			}
			continue
		case ch == '\'' || ch == '"' || ch == '`':
			inQuote = ch
			continue
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		}
		if depth != 0 {
			continue
		}
		if strings.HasPrefix(lower[i:], " or ") {
			return "", 0, false
		}
		if strings.HasPrefix(lower[i:], " and ") {
			parts = append(parts, lower[start:i])
			start = i + len(" and ")
		}
	}
	parts = append(parts, lower[start:])
	before := 0
	for _, p := range parts {
		text := strings.TrimSpace(p)
		for strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") && !strings.Contains(text[1:len(text)-1], "(") {
			text = strings.TrimSpace(text[1 : len(text)-1])
		}
		if lhs, rhs, ok := cutOp(text); ok {
			col := lhs
			if i := strings.LastIndex(col, "."); i >= 0 {
				col = col[i+1:]
			}
			col = strings.Trim(col, "\"`")
			for _, tc := range cols {
				if strings.EqualFold(col, tc) && (rhs == "?" || rhs == "(?)") {
					return tc, before, true
				}
			}
		}
		before += countPlaceholders(p)
	}
	return "", 0, false
}

func cutOp(text string) (string, string, bool) {
	if l, r, ok := strings.Cut(text, "="); ok && !strings.ContainsAny(l, "<>!") {
		return strings.TrimSpace(l), strings.TrimSpace(r), true
	}
	if l, r, ok := strings.Cut(text, " in "); ok {
		return strings.TrimSpace(l), strings.TrimSpace(r), true
	}
	return "", "", false
}

func countPlaceholders(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '?' {
			if i+1 < len(s) && (unicode.IsLetter(rune(s[i+1])) || s[i+1] == '?') {
				i++
				continue
			}
			n++
		}
	}
	return n
}
