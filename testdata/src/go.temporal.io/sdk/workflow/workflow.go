// Package workflow is a stub of go.temporal.io/sdk/workflow for tests.
package workflow

// Context is a workflow's context.
type Context interface {
	Value(key any) any
}

// Future is the result of an asynchronous call.
type Future interface {
	IsReady() bool
}

func ExecuteActivity(ctx Context, activity any, args ...any) Future { return nil }
