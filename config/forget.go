package config

// Forget drops the files loaded so far, so the next analysis reads them again: a long-running
// driver (the language server) calls it between runs to see edits to .tenantlint.yml. It must
// not be called while an analysis runs. Packages without a file get a fresh default
// configuration too, so that results cached per configuration (tenant tables inferred from the
// module's *.sql files) are computed again.
func Forget() {
	loaded.Clear()
	defaults = Default()
}
