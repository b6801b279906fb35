package engine

// Forget drops the tenant tables, rules and query analyses cached per configuration, so that a
// long-running driver (the language server) sees edits to schema files and does not keep the
// results of every configuration it ever loaded. It must not be called while an analysis runs.
func Forget() {
	tablesCache.Clear()
	rulesCache.Clear()
	sqlCache.Clear()
}
