package sqltext

import (
	"strconv"
	"strings"
)

// This file holds a small SQL tokenizer. It is not a parser: it exists
// because named placeholders (@name, :name, sqlc.arg(name)) are not valid
// SQL for either parser, so they must be rewritten before parsing, and that
// rewrite must not touch string literals, quoted identifiers or comments.
// The tokenizer knows exactly enough of each dialect's lexical rules to
// tell those apart.

type tokKind int

const (
	tkSpace       tokKind = iota
	tkComment             // -- ..., /* ... */, # ... (MySQL)
	tkString              // '...', E'...', $tag$...$tag$, "..." (MySQL)
	tkQuotedIdent         // "..." (Postgres), `...` (MySQL)
	tkIdent               // bare word (keywords included)
	tkNumber              // numeric literal
	tkDollarParam         // $n (Postgres)
	tkQMark               // ? (MySQL)
	tkNamed               // @name (Postgres) or :name (both)
	tkCast                // :: (Postgres)
	tkPunct               // any other single byte
)

type token struct {
	kind       tokKind
	start, end int // byte offsets into the scanned text
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tokenize splits src into tokens following the dialect's lexical rules.
// Unterminated strings and comments run to the end of the input; the real
// parser reports those errors later.
func tokenize(src string, d Dialect) []token {
	var toks []token
	n := len(src)
	i := 0
	emit := func(k tokKind, end int) {
		toks = append(toks, token{kind: k, start: i, end: end})
		i = end
	}
	for i < n {
		c := src[i]
		var next byte
		if i+1 < n {
			next = src[i+1]
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			j := i + 1
			for j < n && strings.IndexByte(" \t\n\r\f\v", src[j]) >= 0 {
				j++
			}
			emit(tkSpace, j)
		case c == '-' && next == '-' && (d != MySQL || mysqlDashComment(src, i)):
			emit(tkComment, lineEnd(src, i))
		case c == '#' && d == MySQL:
			emit(tkComment, lineEnd(src, i))
		case c == '/' && next == '*':
			emit(tkComment, blockCommentEnd(src, i, d == Postgres))
		case c == '\'':
			backslash := d == MySQL || escapeStringPrefix(src, i)
			emit(tkString, quotedEnd(src, i, '\'', backslash))
		case c == '"' && d == MySQL:
			emit(tkString, quotedEnd(src, i, '"', true))
		case c == '"':
			emit(tkQuotedIdent, quotedEnd(src, i, '"', false))
		case c == '`' && d == MySQL:
			emit(tkQuotedIdent, quotedEnd(src, i, '`', false))
		case c == '$' && d != MySQL && isDigit(next):
			j := i + 1
			for j < n && isDigit(src[j]) {
				j++
			}
			emit(tkDollarParam, j)
		case c == '$' && d != MySQL:
			if end, ok := dollarQuoteEnd(src, i); ok {
				emit(tkString, end)
			} else {
				emit(tkPunct, i+1)
			}
		case c == '?' && d == MySQL:
			emit(tkQMark, i+1)
		case c == ':' && next == ':' && d != MySQL:
			emit(tkCast, i+2)
		case c == ':' && isIdentStart(next) && (i == 0 || src[i-1] != ':' && !isIdentChar(src[i-1])):
			// sqlx-style :name. Not directly after a word or number,
			// where ':' is an array slice (a[1:n]) rather than a bind.
			// Dots are allowed inside (sqlx binds :user.id from nested
			// structs) but not at the end.
			j := i + 1
			for j < n && (isIdentChar(src[j]) && src[j] != '$' || src[j] == '.' && j+1 < n && isIdentStart(src[j+1])) {
				j++
			}
			emit(tkNamed, j)
		case c == '@' && d != MySQL && isIdentStart(next) && (i == 0 || src[i-1] != '@'):
			// pgx/sqlc-style @name. In MySQL @name is a user variable,
			// so it is left alone there.
			j := i + 1
			for j < n && isIdentChar(src[j]) && src[j] != '$' {
				j++
			}
			emit(tkNamed, j)
		case isIdentStart(c):
			j := i + 1
			for j < n && isIdentChar(src[j]) {
				j++
			}
			emit(tkIdent, j)
		case isDigit(c):
			j := i + 1
			for j < n && (isIdentChar(src[j]) || src[j] == '.') {
				j++
			}
			emit(tkNumber, j)
		default:
			emit(tkPunct, i+1)
		}
	}
	return toks
}

// mysqlDashComment reports whether "--" at i starts a comment: MySQL
// requires whitespace or a control character after the dashes.
func mysqlDashComment(src string, i int) bool {
	return i+2 >= len(src) || src[i+2] <= ' '
}

func lineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// blockCommentEnd returns the end of the /* comment at i. Postgres nests
// block comments; MySQL does not.
func blockCommentEnd(src string, i int, nested bool) int {
	depth := 0
	for j := i; j+1 < len(src); j++ {
		switch {
		case src[j] == '/' && src[j+1] == '*' && (nested || depth == 0):
			depth++
			j++
		case src[j] == '*' && src[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(src)
}

// escapeStringPrefix reports whether the quote at i opens a Postgres E'...'
// string, the only Postgres string form where backslash escapes a quote.
func escapeStringPrefix(src string, i int) bool {
	if i == 0 || src[i-1] != 'E' && src[i-1] != 'e' {
		return false
	}
	return i == 1 || !isIdentChar(src[i-2])
}

// quotedEnd returns the end of the quoted run opening at i. A doubled quote
// is an escaped quote; with backslash, \x escapes any byte.
func quotedEnd(src string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(src); j++ {
		switch {
		case backslash && src[j] == '\\':
			j++
		case src[j] == q:
			if j+1 < len(src) && src[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(src)
}

// dollarQuoteEnd recognises a Postgres $tag$...$tag$ string at i. A '$'
// that continues an identifier (foo$bar) was consumed by the identifier
// rule already, so only a real opening reaches here.
func dollarQuoteEnd(src string, i int) (int, bool) {
	j := i + 1
	if j < len(src) && isIdentStart(src[j]) {
		for j < len(src) && isIdentChar(src[j]) && src[j] != '$' {
			j++
		}
	}
	if j >= len(src) || src[j] != '$' {
		return 0, false
	}
	tag := src[i : j+1]
	if k := strings.Index(src[j+1:], tag); k >= 0 {
		return j + 1 + k + len(tag), true
	}
	return len(src), true
}

// rewritten is a query after named placeholders were replaced by ones the
// parser understands.
type rewritten struct {
	text  string
	edits []edit // in text order
	// Postgres: parameter number -> placeholder.
	byNumber map[int]Placeholder
	// MySQL: byte offset of a '?' in text -> placeholder.
	byOffset map[int]Placeholder
	// Original spelling of each placeholder, for human-readable Problems.
	spelling map[Placeholder]string
}

// edit records that orig[origStart:origEnd] became text[newStart:newEnd].
type edit struct{ newStart, newEnd, origStart, origEnd int }

// origOffset maps a byte offset in the rewritten text back to the
// original text. Replacements are padded with spaces to keep the length
// whenever they fit, so this is usually the identity.
func (r *rewritten) origOffset(off int) int {
	if off < 0 {
		return -1
	}
	delta := 0
	for _, e := range r.edits {
		if off < e.newStart {
			break
		}
		if off < e.newEnd {
			return e.origStart + min(off-e.newStart, e.origEnd-e.origStart-1)
		}
		delta = e.origEnd - e.newEnd
	}
	return off + delta
}

// rewritePlaceholders turns named placeholders into positional ones:
// $n for Postgres and ? for MySQL (marino reads $1 as an identifier, so
// MySQL must use ?). Each distinct name gets the next number; in Postgres
// numbering starts after the highest explicit $n so that mixed text can
// never make two different parameters look the same.
func rewritePlaceholders(src string, d Dialect) *rewritten {
	toks := tokenize(src, d)
	r := &rewritten{
		byNumber: map[int]Placeholder{},
		byOffset: map[int]Placeholder{},
		spelling: map[Placeholder]string{},
	}
	type named struct {
		start, end int
		name       string
	}
	var names []named
	maxDollar := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tkDollarParam:
			if v, err := strconv.Atoi(src[t.start+1 : t.end]); err == nil {
				maxDollar = max(maxDollar, v)
				ph := Placeholder{Index: v}
				r.byNumber[v] = ph
				r.spelling[ph] = src[t.start:t.end]
			}
		case tkNamed:
			names = append(names, named{t.start, t.end, src[t.start+1 : t.end]})
		case tkIdent:
			if end, name, ok := sqlcMacro(src, toks, i); ok {
				names = append(names, named{t.start, toks[end].end, name})
				i = end
			}
		}
	}
	if len(names) == 0 && d != MySQL {
		r.text = src
		return r
	}

	numbers := map[string]int{}
	base := 0
	if d != MySQL {
		base = maxDollar
	}
	var b strings.Builder
	last := 0
	ordinal := 0
	ni := 0
	// Walk '?' tokens and named spans together, in text order: a MySQL
	// driver binds '?' purely by position in the final text.
	for _, t := range toks {
		if ni < len(names) && t.start == names[ni].start {
			nm := names[ni]
			ni++
			key := strings.ToLower(nm.name)
			num, seen := numbers[key]
			if !seen {
				num = len(numbers) + 1 + base
				numbers[key] = num
			}
			ph := Placeholder{Index: num, Name: nm.name}
			repl := "?"
			if d != MySQL {
				repl = "$" + strconv.Itoa(num)
			}
			if pad := (nm.end - nm.start) - len(repl); pad > 0 {
				repl += strings.Repeat(" ", pad)
			}
			b.WriteString(src[last:nm.start])
			newStart := b.Len()
			b.WriteString(repl)
			r.edits = append(r.edits, edit{newStart, b.Len(), nm.start, nm.end})
			last = nm.end
			if d == MySQL {
				ordinal++
				r.byOffset[newStart] = ph
			} else {
				r.byNumber[num] = ph
			}
			if _, ok := r.spelling[ph]; !ok {
				r.spelling[ph] = src[nm.start:nm.end]
			}
			continue
		}
		if t.kind == tkQMark && t.start >= last {
			ordinal++
			ph := Placeholder{Index: ordinal}
			r.byOffset[b.Len()+t.start-last] = ph
			r.spelling[ph] = "?"
		}
	}
	b.WriteString(src[last:])
	r.text = b.String()
	return r
}

// sqlcMacro recognises sqlc.arg(name), sqlc.narg(name) and
// sqlc.slice(name) starting at toks[i] and returns the index of the
// closing parenthesis token and the parameter name.
func sqlcMacro(src string, toks []token, i int) (int, string, bool) {
	text := func(j int) string { return src[toks[j].start:toks[j].end] }
	// next returns the index of the next non-space, non-comment token.
	next := func(j int) int {
		for j++; j < len(toks) && (toks[j].kind == tkSpace || toks[j].kind == tkComment); j++ {
		}
		return j
	}
	if !strings.EqualFold(text(i), "sqlc") {
		return 0, "", false
	}
	j := i + 1 // no space allowed around the dot: it is one qualified name
	if j+1 >= len(toks) || text(j) != "." || toks[j+1].kind != tkIdent {
		return 0, "", false
	}
	switch strings.ToLower(text(j + 1)) {
	case "arg", "narg", "slice":
	default:
		return 0, "", false
	}
	j = next(j + 1)
	if j >= len(toks) || text(j) != "(" {
		return 0, "", false
	}
	j = next(j)
	if j >= len(toks) {
		return 0, "", false
	}
	var name string
	switch toks[j].kind {
	case tkIdent:
		name = text(j)
	case tkString, tkQuotedIdent:
		name = strings.Trim(text(j), "'\"`")
	default:
		return 0, "", false
	}
	j = next(j)
	if j >= len(toks) || text(j) != ")" || name == "" {
		return 0, "", false
	}
	return j, name, true
}

// skipSpaceAndComments returns the offset of the first token at or after
// off that is neither whitespace nor a comment.
func skipSpaceAndComments(src string, off int, d Dialect) int {
	if off < 0 || off > len(src) {
		return off
	}
	for _, t := range tokenize(src[off:], d) {
		if t.kind != tkSpace && t.kind != tkComment {
			return off + t.start
		}
	}
	return len(src)
}

// splitStatements splits src at top-level semicolons. It is only used to
// recover from a parse error in a schema file, so that one statement the
// parser rejects does not hide every table in the file.
func splitStatements(src string, d Dialect) []span {
	var out []span
	start := 0
	for _, t := range tokenize(src, d) {
		if t.kind == tkPunct && src[t.start] == ';' {
			out = append(out, span{start, t.end})
			start = t.end
		}
	}
	if strings.TrimSpace(src[start:]) != "" {
		out = append(out, span{start, len(src)})
	}
	return out
}

type span struct{ start, end int }

// lineCol converts a byte offset into 1-based line and column numbers.
func lineCol(src string, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = 1 + strings.Count(src[:off], "\n")
	col = off - (strings.LastIndexByte(src[:off], '\n') + 1) + 1
	return line, col
}
