// Package version is the one place the command, its SARIF output and its language server read
// tenantlint's version from: the main module's version in the binary's build information.
package version

import "runtime/debug"

// Devel is the version of a binary whose build information names no module version (a test
// binary, or a build outside the module's version control).
const Devel = "(devel)"

// String returns the main module's version as the go command stamped it: a tag such as v0.4.1
// for `go install ...@v0.4.1`, a pseudo-version (with +dirty for uncommitted changes) for a build
// in a checkout, or Devel when there is none.
func String() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Devel
	}
	return fromBuildInfo(bi)
}

func fromBuildInfo(bi *debug.BuildInfo) string {
	if bi == nil || bi.Main.Version == "" {
		return Devel
	}
	return bi.Main.Version
}
