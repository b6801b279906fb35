package main

// The plugins, as golangci-lint custom generates this file from .custom-gcl.yml.
import (
	_ "github.com/tenantlint/tenantlint/plugin"
)
