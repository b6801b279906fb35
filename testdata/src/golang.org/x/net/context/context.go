// Package context is a stub of golang.org/x/net/context for tests: its Context is the standard
// library's, under an alias (weaveworks/common's signatures spell it so).
package context

import "context"

type Context = context.Context
