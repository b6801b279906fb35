// Package conv converts Go values to pgtype values for sqlc parameters, as code bases using
// sqlc with pgx/v5 do: an empty string becomes NULL.
package conv

import (
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

func isBlank(s string) bool { // want isBlank:"result0=param\\(p0\\)\\+built"
	return len(strings.TrimSpace(s)) == 0
}

// TextNullable returns NULL for the empty string: on that path the result is the parameter
// itself (the empty string), so the result carries whatever the parameter carries.
func TextNullable(s string) pgtype.Text { // want TextNullable:"result0=param\\(p0\\)"
	if isBlank(s) {
		return pgtype.Text{String: "", Valid: false}
	}
	return pgtype.Text{String: s, Valid: true}
}

// TextNullableEq tests the parameter itself.
func TextNullableEq(s string) pgtype.Text { // want TextNullableEq:"result0=param\\(p0\\)"
	if s != "" {
		return pgtype.Text{String: s, Valid: true}
	}
	return pgtype.Text{String: "", Valid: false}
}

// TextPtrNullable: nil or empty is NULL (two guards, one per operand of the ||).
func TextPtrNullable(s *string) pgtype.Text { // want TextPtrNullable:"result0=param\\(p0\\)"
	if s == nil || *s == "" {
		return pgtype.Text{String: "", Valid: false}
	}
	return pgtype.Text{String: *s, Valid: true}
}

// Text is always valid.
func Text(s string) pgtype.Text { // want Text:"result0=param\\(p0\\)"
	return pgtype.Text{String: s, Valid: true}
}

// Unset drops its parameter when it is set: a constant on the path the tenant takes.
func Unset(s string) pgtype.Text { // want Unset:"result0=none"
	if s == "" {
		return pgtype.Text{String: "", Valid: false}
	}
	return pgtype.Text{String: "none", Valid: true}
}

// Unprefixed returns NULL for names with a prefix: a tenant id may take that path, so the
// constant stays a constant.
func Unprefixed(s string) pgtype.Text { // want Unprefixed:"result0=none"
	if strings.HasPrefix(s, "_") {
		return pgtype.Text{String: "", Valid: false}
	}
	return pgtype.Text{String: s, Valid: true}
}
