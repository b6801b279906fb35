// The sarifschema module validates tenantlint's SARIF output against the SARIF 2.1.0 JSON schema.
// It is a module of its own so that the JSON-schema library never becomes a requirement of
// tenantlint itself; the schema is not committed either, the test takes it from a module on the
// Go module proxy (see schema_test.go).
module github.com/tenantlint/tenantlint/sarifschema

go 1.26.0

// v6.0.3 is the newest release.
require github.com/santhosh-tekuri/jsonschema/v6 v6.0.3

require golang.org/x/text v0.14.0 // indirect
