// Package plugin is tenantlint's golangci-lint module plugin. It registers the linter
// "tenantlint", which runs every check as one analyzer (passes/all) and prefixes each message
// with its check:
//
//	internal/store/device.go:42:9: sqlscope: SELECT on tenant table devices without ... (tenantlint)
//
// Build a golangci-lint with it from .custom-gcl.yml (`golangci-lint custom`) and enable it in
// .golangci.yml; see docs/golangci-lint.md and .golangci.example.yml.
//
// # Settings
//
// linters.settings.custom.tenantlint.settings takes the keys of .tenantlint.yml (see package
// config), validated as strictly: an unknown key fails the run with the key named. With no
// settings, each package uses the nearest .tenantlint.yml as the standalone command does.
// Relative schema globs in the settings are relative to the directory golangci-lint runs in.
//
// # Suppressions
//
// golangci-lint owns //nolint: it applies //nolint:tenantlint itself, and nolintlint reports the
// ones that suppress nothing or lack a reason. The plugin therefore tells the engine to leave
// //nolint alone (the config analyzer's -nolint=driver flag, read as config.NolintByDriver).
// //tenantlint:ignore CHECK reason and //tenantlint:crosstenant reason work as everywhere, and
// the directive check still reports those that are malformed or unused, with a fix that removes
// an unused one.
package plugin
