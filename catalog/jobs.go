package catalog

// jobSinks are the jobs libraries' key sinks (family "job"): the payload or arguments a job is
// enqueued with must carry the active tenant, since the worker that runs it has no request to
// take it from. Where a library builds the job in one call and enqueues it in another (asynq,
// watermill), the sink is the call that takes the payload, so the finding is where the payload is
// chosen and enqueueing a task built elsewhere is not judged twice.
//
// A sink argument that is a whole aggregate (a struct, a map, a slice of arguments) carries the
// tenant if any part of it does: a river args struct with its TenantID set, a gocraft map with a
// "tenant_id" key, a machinery signature with the tenant among its Args or its Headers, one of
// temporal's variadic workflow arguments.
var jobSinks = []KeySink{
	// asynq: NewTask(typename, payload, opts...). (*Client).Enqueue/EnqueueContext take the
	// task, whose payload is judged here. NewTaskWithHeaders is left out: a tenant in its
	// headers (as good a place as the payload) cannot be told from a tenant in neither.
	{Func: "github.com/hibiken/asynq.NewTask", Arg: 1, Family: FamilyJob, What: "job payload"},

	// river: the JobArgs of Insert/InsertTx, and the params (each with its Args) of InsertMany*.
	{Func: "(github.com/riverqueue/river.Client).Insert", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertTx", Arg: 2, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertMany", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyTx", Arg: 2, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyFast", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyFastTx", Arg: 2, Family: FamilyJob, What: "job args"},

	// machinery v2: the *tasks.Signature (its Args and Headers), and chains, groups and chords
	// of signatures.
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendTask", Arg: 0, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendTaskWithContext", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChain", Arg: 0, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChainWithContext", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendGroup", Arg: 0, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendGroupWithContext", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChord", Arg: 0, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChordWithContext", Arg: 1, Family: FamilyJob, What: "job args"},

	// gocraft/work: the args map (work.Q).
	{Func: "(github.com/gocraft/work.Enqueuer).Enqueue", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueIn", Arg: 2, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueUnique", Arg: 1, Family: FamilyJob, What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueUniqueIn", Arg: 2, Family: FamilyJob, What: "job args"},

	// temporal: the workflow arguments, variadic. Not Variadic here: the arguments together are
	// the payload, and one of them carrying the tenant is enough.
	{Func: "(go.temporal.io/sdk/client.Client).ExecuteWorkflow", Arg: 3, Family: FamilyJob, What: "job args"},
	{Func: "(go.temporal.io/sdk/client.Client).SignalWithStartWorkflow", Arg: 6, Family: FamilyJob, What: "job args"},

	// watermill: the payload a message is built with (Publisher.Publish takes the messages).
	{Func: "github.com/ThreeDotsLabs/watermill/message.NewMessage", Arg: 1, Family: FamilyJob, What: "job payload"},
	{Func: "github.com/ThreeDotsLabs/watermill/message.NewMessageWithContext", Arg: 2, Family: FamilyJob, What: "job payload"},
}

// JobTypes are the job a handler receives (as a pointer): a function taking a context and one
// of them is a job handler, which must restore the tenant from the job before it reads it from
// its context.
var JobTypes = []string{
	"github.com/hibiken/asynq.Task",
	"github.com/riverqueue/river.Job",
}

// Restorers put a tenant into a context: a context passed through one is no longer the
// worker's own.
var Restorers = []string{
	Runtime + "/tenantjob.Restore",
	Runtime + ".With",
	"github.com/grafana/dskit/user.InjectOrgID",
	"github.com/weaveworks/common/user.InjectOrgID",
}

// jobLibraries are the jobs libraries, whose own code is not analysed.
var jobLibraries = []string{
	"github.com/hibiken/asynq",
	"github.com/riverqueue/river",
	"github.com/RichardKnop/machinery/v2",
	"github.com/gocraft/work",
	"go.temporal.io/sdk",
	"github.com/ThreeDotsLabs/watermill",
}

// JobRegistration is a call that registers job handlers with a worker or runs one: argument
// Arg is a handler function (or method value), or, where Methods is set, a pointer to a struct
// whose exported methods are all handlers (temporal's RegisterActivity(&Activities{...})).
// Map: the argument is a map of name to handler (machinery's RegisterTasks).
//
// A handler's parameters beside its context are the job's payload, written by whoever enqueued
// the job. Where the worker has its own tenant (a tenant field on the handler's receiver, set
// when it was registered for that tenant), a tenant read from the payload instead is a tenant
// the worker was not started for: the engine takes the payload's tenant-named parts (a
// tenantID argument, in.Tenant, in.Namespace) as untrusted input there.
type JobRegistration struct {
	Func         string
	Arg          int
	Methods, Map bool
}

// JobRegistrations are temporal's, machinery's and watermill's.
var JobRegistrations = []JobRegistration{
	{Func: "(go.temporal.io/sdk/worker.ActivityRegistry).RegisterActivity", Arg: 0, Methods: true},
	{Func: "(go.temporal.io/sdk/worker.ActivityRegistry).RegisterActivityWithOptions", Arg: 0, Methods: true},
	{Func: "(go.temporal.io/sdk/worker.WorkflowRegistry).RegisterWorkflow", Arg: 0},
	{Func: "(go.temporal.io/sdk/worker.WorkflowRegistry).RegisterWorkflowWithOptions", Arg: 0},
	{Func: "go.temporal.io/sdk/workflow.ExecuteActivity", Arg: 1},
	{Func: "go.temporal.io/sdk/workflow.ExecuteLocalActivity", Arg: 1},
	{Func: "go.temporal.io/sdk/workflow.ExecuteChildWorkflow", Arg: 1},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).RegisterTask", Arg: 1},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).RegisterTasks", Arg: 0, Map: true},
	{Func: "(github.com/ThreeDotsLabs/watermill/message.Router).AddHandler", Arg: 5},
	{Func: "(github.com/ThreeDotsLabs/watermill/message.Router).AddNoPublisherHandler", Arg: 3},
	{Func: "(github.com/ThreeDotsLabs/watermill/message.Router).AddConsumerHandler", Arg: 3},
}

// JobPayloadFields are the payload of a job handler's message parameter (watermill's
// *message.Message): read in a handler, they are its payload.
var JobPayloadFields = []string{
	"(github.com/ThreeDotsLabs/watermill/message.Message).Payload",
	"(github.com/ThreeDotsLabs/watermill/message.Message).Metadata",
}
