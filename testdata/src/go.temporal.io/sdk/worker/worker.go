// Package worker is a stub of go.temporal.io/sdk/worker for tests.
package worker

type (
	// Worker hosts workflow and activity implementations.
	Worker interface {
		Registry
		Start() error
	}

	// Registry exposes registration functions to consumers.
	Registry interface {
		WorkflowRegistry
		ActivityRegistry
	}

	// WorkflowRegistry exposes workflow registration functions to consumers.
	WorkflowRegistry interface {
		RegisterWorkflow(w any)
	}

	// ActivityRegistry exposes activity registration functions to consumers.
	ActivityRegistry interface {
		RegisterActivity(a any)
	}
)
