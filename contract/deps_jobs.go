package contract

// The job family's libraries (catalog/jobs.go).
import (
	_ "github.com/RichardKnop/machinery/v2"
	_ "github.com/RichardKnop/machinery/v2/backends/result"
	_ "github.com/RichardKnop/machinery/v2/tasks"
	_ "github.com/ThreeDotsLabs/watermill/message"
	_ "github.com/gocraft/work"
	_ "github.com/hibiken/asynq"
	_ "github.com/riverqueue/river"
	_ "github.com/riverqueue/river/rivertype"
	_ "go.temporal.io/sdk/client"
)

// Where handlers are registered (catalog.JobRegistrations).
import (
	_ "go.temporal.io/sdk/worker"
	_ "go.temporal.io/sdk/workflow"
)
