package catalog

// The sink families, by the names the catalog's KeySink.Family, the configuration's sink kinds
// (sinks[].kind in .tenantlint.yml) and each check's engine.FamilyInfo.Name use: declared once,
// here, because the catalog and the configuration sit below the checks and cannot import them.
const (
	FamilySQL     = "sql"
	FamilyCache   = "cache"
	FamilyJob     = "job"
	FamilyChannel = "channel"
	FamilyStorage = "storage"
)

// Families are the sink families, in report order.
var Families = []string{FamilySQL, FamilyCache, FamilyJob, FamilyChannel, FamilyStorage}
