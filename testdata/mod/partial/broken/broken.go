// Package broken imports a package no module provides: it does not load.
package broken

import "example.com/missing/lib"

func Name() string { return lib.Name() }
