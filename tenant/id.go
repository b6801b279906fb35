package tenant

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxIDLength is the longest tenant identifier accepted, in bytes.
//
// It leaves room for a prefix of up to 15 bytes within PostgreSQL's 63-byte
// identifier limit (schema-per-tenant names such as "tenant_<id>") and is
// below the 63-byte DNS label limit (subdomain resolution).
const MaxIDLength = 48

// ID identifies a tenant. It is a string so that it can be logged, compared
// and stored directly, but a valid ID only comes from [ParseID] (or
// [MustParseID] for constants). A conversion such as tenant.ID(s) bypasses
// validation; the runtime's sinks call [ID.Validate] again so that such an
// ID is refused rather than written anywhere.
type ID string

// ErrInvalidID is wrapped by every error that rejects a tenant identifier.
var ErrInvalidID = errors.New("invalid tenant id")

// InvalidIDError describes why a tenant identifier was rejected.
// It wraps [ErrInvalidID].
type InvalidIDError struct {
	// Input is the rejected input, truncated to a loggable length.
	Input string
	// Reason says which rule the input broke.
	Reason string
}

// Error returns the message, naming the input and the rule it broke.
func (e *InvalidIDError) Error() string {
	return fmt.Sprintf("tenant: invalid tenant id %q: %s", e.Input, e.Reason)
}

// Unwrap lets errors.Is(err, ErrInvalidID) match.
func (e *InvalidIDError) Unwrap() error { return ErrInvalidID }

// ParseID validates s as a tenant identifier.
//
// A tenant identifier is 1 to [MaxIDLength] bytes of lowercase ASCII
// letters, digits and hyphens, starting and ending with a letter or digit.
// Everything else is rejected, in particular: separators ("/", ":", ".",
// "\\"), path traversal (".."), quotes, whitespace and control characters,
// uppercase letters (so that "Acme" and "acme" cannot be two tenants), and
// any non-ASCII character (so that Unicode look-alikes such as a Cyrillic
// "а" cannot impersonate a tenant).
//
// ParseID never normalizes its input: what is accepted is returned unchanged.
func ParseID(s string) (ID, error) {
	if err := check(s); err != nil {
		return "", err
	}
	return ID(s), nil
}

// MustParseID is like [ParseID] but panics if s is invalid. It is meant for
// constants and tests, never for input.
func MustParseID(s string) ID {
	id, err := ParseID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// Validate reports whether id satisfies the rules of [ParseID]. Sinks call it
// so that an ID made by conversion from unchecked input is refused.
func (id ID) Validate() error { return check(string(id)) }

// String returns the identifier as a string.
func (id ID) String() string { return string(id) }

// TenantID returns id itself, so that an ID is a [Tenant] for applications
// that attach nothing else to their tenants.
func (id ID) TenantID() ID { return id }

// maxShown bounds how much of a rejected input an error repeats, so that a
// hostile megabyte-long id does not end up in every log line.
const maxShown = 64

func check(s string) error {
	bad := func(reason string, args ...any) error {
		shown := s
		if len(shown) > maxShown {
			shown = shown[:maxShown] + "..."
		}
		return &InvalidIDError{Input: shown, Reason: fmt.Sprintf(reason, args...)}
	}
	if s == "" {
		return bad("empty")
	}
	if len(s) > MaxIDLength {
		return bad("%d bytes long, the limit is %d", len(s), MaxIDLength)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-':
			if i == 0 || i == len(s)-1 {
				return bad("must start and end with a letter or digit")
			}
		case c >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return bad("non-ASCII character %U at byte %d (only a-z, 0-9 and '-' are allowed)", r, i)
		case 'A' <= c && c <= 'Z':
			return bad("uppercase letter %q at byte %d (ids are lowercase)", c, i)
		default:
			return bad("character %q at byte %d is not allowed (only a-z, 0-9 and '-')", c, i)
		}
	}
	return nil
}
