package contract

// The job family's libraries (catalog/jobs.go) and the packages their stubs mirror.
func init() {
	realPackages = append(realPackages,
		"github.com/hibiken/asynq",
		"github.com/riverqueue/river",
		"github.com/riverqueue/river/rivertype",
		"github.com/RichardKnop/machinery/v2",
		"github.com/RichardKnop/machinery/v2/tasks",
		"github.com/RichardKnop/machinery/v2/backends/result",
		"github.com/gocraft/work",
		"go.temporal.io/sdk/client",
		"github.com/ThreeDotsLabs/watermill/message",
	)
}
