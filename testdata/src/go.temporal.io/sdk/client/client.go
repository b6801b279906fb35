// Package client is a stub of go.temporal.io/sdk/client for the analysistest fixtures: only what
// they call, with the signatures of v1.50 (contract/ compares them). In the real package
// StartWorkflowOptions and WorkflowRun are aliases of types in sdk/internal; declared here, they
// print the same.
package client

import "context"

type StartWorkflowOptions struct {
	ID        string
	TaskQueue string
}

type WorkflowRun interface{}

// Client is an interface in the real package too: calls to it are keyed by the interface.
type Client interface {
	ExecuteWorkflow(ctx context.Context, options StartWorkflowOptions, workflow any, args ...any) (WorkflowRun, error)
	SignalWithStartWorkflow(ctx context.Context, workflowID string, signalName string, signalArg any,
		options StartWorkflowOptions, workflow any, workflowArgs ...any) (WorkflowRun, error)
}
