package tenant_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/tenant"
)

func TestParseIDAccepts(t *testing.T) {
	for _, s := range []string{"a", "acme", "acme-eu", "a1", "0", "9lives", strings.Repeat("x", tenant.MaxIDLength)} {
		id, err := tenant.ParseID(s)
		if err != nil {
			t.Errorf("ParseID(%q): %v", s, err)
			continue
		}
		if string(id) != s {
			t.Errorf("ParseID(%q) = %q, want it unchanged", s, id)
		}
	}
}

// hostileIDs are inputs an attacker might use to escape a key, a path, a
// channel name or an SQL identifier. Every one must be rejected.
var hostileIDs = map[string]string{
	"empty":                "",
	"too long":             strings.Repeat("a", tenant.MaxIDLength+1),
	"very long":            strings.Repeat("a", 1<<20),
	"dot dot":              "..",
	"traversal":            "../etc",
	"deep traversal":       "a/../../b",
	"slash":                "a/b",
	"backslash":            `a\b`,
	"absolute":             "/etc",
	"colon":                "acme:admin",
	"dot":                  "acme.eu",
	"single quote":         "a'b",
	"double quote":         `a"b`,
	"sql":                  "x'; DROP TABLE notes; --",
	"schema sql":           `x"; DROP SCHEMA public CASCADE; --`,
	"space":                "a b",
	"tab":                  "a\tb",
	"newline":              "acme\n",
	"nul":                  "a\x00",
	"del":                  "a\x7f",
	"percent":              "a%2fb",
	"wildcard":             "a*",
	"uppercase":            "Acme",
	"cyrillic a":           "\u0430cme", // looks like "acme"
	"fullwidth":            "ａcme",
	"zero width":           "ac\u200bme",
	"leading hyphen":       "-acme",
	"trailing hyphen":      "acme-",
	"invalid utf8":         "a\xff",
	"combining":            "acme\u0301",
	"right-to-left marker": "acme\u202e",
}

func TestParseIDRejectsHostile(t *testing.T) {
	for name, s := range hostileIDs {
		t.Run(name, func(t *testing.T) {
			id, err := tenant.ParseID(s)
			if err == nil {
				t.Fatalf("ParseID(%q) = %q, want an error", s, id)
			}
			if id != "" {
				t.Errorf("ParseID returned %q with its error, want \"\"", id)
			}
			if !errors.Is(err, tenant.ErrInvalidID) {
				t.Errorf("error %v does not wrap ErrInvalidID", err)
			}
			var ie *tenant.InvalidIDError
			if !errors.As(err, &ie) || ie.Reason == "" {
				t.Errorf("error %v is not an *InvalidIDError with a reason", err)
			}
			if len(err.Error()) > 300 {
				t.Errorf("error message is %d bytes long; hostile input must be truncated", len(err.Error()))
			}
			// Validate applies the same rules to a converted ID.
			if tenant.ID(s).Validate() == nil {
				t.Errorf("ID(%q).Validate() = nil", s)
			}
		})
	}
}

func TestParseIDErrorNamesTheRule(t *testing.T) {
	cases := map[string]string{
		"":                      "empty",
		"Acme":                  "uppercase",
		"\u0430cme":             "non-ASCII character U+0430",
		"a/b":                   `'/'`,
		strings.Repeat("a", 49): "limit is 48",
		"-a":                    "start and end",
	}
	for in, want := range cases {
		_, err := tenant.ParseID(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseID(%q) error = %v, want it to mention %q", in, err, want)
		}
	}
}

func TestMustParseIDPanicsOnInvalid(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseID(\"../x\") did not panic")
		}
	}()
	tenant.MustParseID("../x")
}
