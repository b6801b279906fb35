// Package pgtype is a stub of github.com/jackc/pgx/v5/pgtype for tests; the types mirror v5.
package pgtype

type Text struct {
	String string
	Valid  bool
}

type UUID struct {
	Bytes [16]byte
	Valid bool
}

type Int4 struct {
	Int32 int32
	Valid bool
}

type Bool struct {
	Bool  bool
	Valid bool
}
