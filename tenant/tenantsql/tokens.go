package tenantsql

import (
	"errors"
	"strings"
)

// stmtInfo is what the tokenizer learns about a statement.
type stmtInfo struct {
	idents   map[string]bool // identifiers, unquoted ones lowercased
	params   map[int]bool    // $n placeholders
	unicodeQ bool            // U&"..." identifier seen
}

var errUnterminated = errors.New("unterminated literal, quoted identifier or comment")

// scan tokenizes a PostgreSQL statement (or several separated by ';')
// conservatively: everything that is not a comment, literal or parameter
// and looks like an identifier is recorded.
func scan(q string) (stmtInfo, error) {
	info := stmtInfo{idents: map[string]bool{}, params: map[int]bool{}}
	i := 0
	for i < len(q) {
		c := q[i]
		switch {
		case c == '-' && strings.HasPrefix(q[i:], "--"):
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				return info, nil
			}
			i += end + 1
		case c == '/' && strings.HasPrefix(q[i:], "/*"):
			// PostgreSQL block comments nest.
			depth, j := 1, i+2
			for depth > 0 {
				if j >= len(q) {
					return info, errUnterminated
				}
				switch {
				case strings.HasPrefix(q[j:], "/*"):
					depth++
					j += 2
				case strings.HasPrefix(q[j:], "*/"):
					depth--
					j += 2
				default:
					j++
				}
			}
			i = j
		case c == '\'':
			j, err := skipString(q, i, false)
			if err != nil {
				return info, err
			}
			i = j
		case c == '"':
			name, j, err := quoted(q, i)
			if err != nil {
				return info, err
			}
			info.idents[name] = true
			i = j
		case c == '$':
			j := i + 1
			for j < len(q) && isDigit(q[j]) {
				j++
			}
			if j > i+1 {
				n := 0
				for _, d := range q[i+1 : j] {
					n = n*10 + int(d-'0')
					if n > 1<<20 {
						break
					}
				}
				info.params[n] = true
				i = j
				continue
			}
			// Dollar-quoted string: $tag$ ... $tag$.
			k := j
			for k < len(q) && (isIdentStart(q[k]) || isDigit(q[k])) {
				k++
			}
			if k < len(q) && q[k] == '$' {
				tag := q[i : k+1]
				end := strings.Index(q[k+1:], tag)
				if end < 0 {
					return info, errUnterminated
				}
				i = k + 1 + end + len(tag)
				continue
			}
			i++
		case isIdentStart(c):
			j := i + 1
			for j < len(q) && isIdentChar(q[j]) {
				j++
			}
			word := q[i:j]
			// E'...' (backslash escapes), U&'...', U&"...", B'...',
			// X'...', N'...' prefixes.
			if j < len(q) && q[j] == '\'' && len(word) == 1 && strings.ContainsRune("eEbBxXnN", rune(word[0])) {
				k, err := skipString(q, j, word == "e" || word == "E")
				if err != nil {
					return info, err
				}
				i = k
				continue
			}
			if (word == "u" || word == "U") && strings.HasPrefix(q[j:], "&") && j+1 < len(q) && (q[j+1] == '\'' || q[j+1] == '"') {
				if q[j+1] == '"' {
					info.unicodeQ = true
					_, k, err := quoted(q, j+1)
					if err != nil {
						return info, err
					}
					i = k
				} else {
					k, err := skipString(q, j+1, false)
					if err != nil {
						return info, err
					}
					i = k
				}
				continue
			}
			info.idents[strings.ToLower(word)] = true
			i = j
		default:
			i++
		}
	}
	return info, nil
}

// skipString returns the index after the string literal starting at q[i]
// (a quote). Doubled quotes are quotes; with backslash, \' is too.
func skipString(q string, i int, backslash bool) (int, error) {
	j := i + 1
	for j < len(q) {
		switch {
		case backslash && q[j] == '\\':
			j += 2
		case q[j] == '\'':
			if j+1 < len(q) && q[j+1] == '\'' {
				j += 2
				continue
			}
			return j + 1, nil
		default:
			j++
		}
	}
	return 0, errUnterminated
}

// quoted returns the name of the quoted identifier starting at q[i] and the
// index after it.
func quoted(q string, i int) (string, int, error) {
	var b strings.Builder
	j := i + 1
	for j < len(q) {
		if q[j] == '"' {
			if j+1 < len(q) && q[j+1] == '"' {
				b.WriteByte('"')
				j += 2
				continue
			}
			return b.String(), j + 1, nil
		}
		b.WriteByte(q[j])
		j++
	}
	return "", 0, errUnterminated
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }
