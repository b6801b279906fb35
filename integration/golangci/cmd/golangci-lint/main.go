// Command golangci-lint is golangci-lint v2 with tenantlint built in: what `golangci-lint custom`
// builds from .custom-gcl.yml, made here from the Go module proxy instead of a clone of
// golangci-lint's repository. Like custom, it is golangci-lint's own command (commands.Execute)
// plus a file that blank-imports the plugin (plugins.go).
//
// It lives in its own module so that golangci-lint's requirements never enter tenantlint's
// go.mod, which every user's golangci-lint build pulls in.
//
//	cd integration/golangci && go build -o ../../bin/golangci-lint ./cmd/golangci-lint
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports golangci-lint's version as the module the binary was built with, marked
// custom as golangci-lint custom marks its builds.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, m := range bi.Deps {
		if m.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = strings.TrimPrefix(m.Version, "v") + "-custom-tenantlint"
		}
	}
	return info
}
