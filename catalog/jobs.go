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
	{Func: "github.com/hibiken/asynq.NewTask", Arg: 1, Family: "job", What: "job payload"},

	// river: the JobArgs of Insert/InsertTx, and the params (each with its Args) of InsertMany*.
	{Func: "(github.com/riverqueue/river.Client).Insert", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertTx", Arg: 2, Family: "job", What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertMany", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyTx", Arg: 2, Family: "job", What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyFast", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/riverqueue/river.Client).InsertManyFastTx", Arg: 2, Family: "job", What: "job args"},

	// machinery v2: the *tasks.Signature (its Args and Headers), and chains, groups and chords
	// of signatures.
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendTask", Arg: 0, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendTaskWithContext", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChain", Arg: 0, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChainWithContext", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendGroup", Arg: 0, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendGroupWithContext", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChord", Arg: 0, Family: "job", What: "job args"},
	{Func: "(github.com/RichardKnop/machinery/v2.Server).SendChordWithContext", Arg: 1, Family: "job", What: "job args"},

	// gocraft/work: the args map (work.Q).
	{Func: "(github.com/gocraft/work.Enqueuer).Enqueue", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueIn", Arg: 2, Family: "job", What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueUnique", Arg: 1, Family: "job", What: "job args"},
	{Func: "(github.com/gocraft/work.Enqueuer).EnqueueUniqueIn", Arg: 2, Family: "job", What: "job args"},

	// temporal: the workflow arguments, variadic. Not Variadic here: the arguments together are
	// the payload, and one of them carrying the tenant is enough.
	{Func: "(go.temporal.io/sdk/client.Client).ExecuteWorkflow", Arg: 3, Family: "job", What: "job args"},
	{Func: "(go.temporal.io/sdk/client.Client).SignalWithStartWorkflow", Arg: 6, Family: "job", What: "job args"},

	// watermill: the payload a message is built with (Publisher.Publish takes the messages).
	{Func: "github.com/ThreeDotsLabs/watermill/message.NewMessage", Arg: 1, Family: "job", What: "job payload"},
	{Func: "github.com/ThreeDotsLabs/watermill/message.NewMessageWithContext", Arg: 2, Family: "job", What: "job payload"},
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
