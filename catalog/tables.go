package catalog

//go:generate go run ../internal/checkdoc/tablegen

// Table is one of the catalog's exported tables, for tools that document or check the catalog as
// a whole (docs/catalog.md is generated from Tables). The list in tables_gen.go is generated
// from this package's source: every exported variable is a table, so a new one is listed by
// `go generate ./...` without other changes.
type Table struct {
	Name string // the variable's name: "SQLSinks"
	Doc  string // its doc comment
	Rows any    // its value: a slice of rows, or a set of names
}
