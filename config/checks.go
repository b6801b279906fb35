package config

// CheckNames are the names of tenantlint's checks, in report order: the names checks.disable
// accepts, and the one list of them outside the analyzers themselves (package config cannot
// import the checks, which import it). A test of the command asserts that the analyzers it runs
// have exactly these names, so adding a check without adding it here fails.
var CheckNames = []string{"sqlscope", "cachekey", "jobscope", "chanscope", "storagepath", "directive"}
