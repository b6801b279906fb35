// Package jobapp enqueues jobs with the job libraries tenantlint knows (asynq, river, machinery,
// gocraft/work, temporal, watermill): a payload or args without the active tenant runs for
// nobody in particular, and whatever the worker touches is unscoped.
package jobapp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/RichardKnop/machinery/v2"
	"github.com/RichardKnop/machinery/v2/tasks"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/gocraft/work"
	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/tenantlint/tenantlint/tenant/tenantjob"
	"go.temporal.io/sdk/client"

	"example.com/auth"
	"jobapp/jobs"
)

type indexPayload struct {
	TenantID string `json:"tenant_id"`
	NoteID   int64  `json:"note_id"`
}

// asynq: the payload a task is built with.

func Asynq(ctx context.Context, c *asynq.Client, id int64, r *http.Request) error {
	p, _ := json.Marshal(indexPayload{NoteID: id})
	if _, err := c.Enqueue(asynq.NewTask("note:index", p)); err != nil { // want `the job payload of NewTask is built without the active tenant`
		return err
	}

	q, _ := json.Marshal(indexPayload{TenantID: auth.TenantID(ctx), NoteID: id})
	if _, err := c.EnqueueContext(ctx, asynq.NewTask("note:index", q)); err != nil {
		return err
	}

	// The runtime's envelope carries the tenant whatever the payload is.
	e, _ := tenantjob.Encode(ctx, indexPayload{NoteID: id})
	c.Enqueue(asynq.NewTask("note:index", e))

	var later indexPayload
	later.NoteID = id
	later.TenantID = auth.TenantID(ctx)
	l, _ := json.Marshal(&later)
	c.Enqueue(asynq.NewTask("note:index", l))

	c.Enqueue(asynq.NewTask("note:index", []byte(r.FormValue("payload")))) // want `the job payload of NewTask is built from request input \(r.FormValue\) without the active tenant`

	// Deliberately global maintenance jobs: a constant payload, or none.
	c.Enqueue(asynq.NewTask("maintenance:vacuum", []byte(`{"full":true}`)))
	_, err := c.Enqueue(asynq.NewTask("maintenance:reindex-all", nil))
	return err
}

// enqueue passes its payload to NewTask: its callers must put the tenant in it.
func enqueue(c *asynq.Client, kind string, payload []byte) error {
	_, err := c.Enqueue(asynq.NewTask(kind, payload))
	return err
}

func AsynqThroughHelpers(ctx context.Context, c *asynq.Client, id int64, r *http.Request) {
	p, _ := json.Marshal(indexPayload{NoteID: id})
	enqueue(c, "note:index", p) // want `enqueue needs the active tenant in payload \(for the job payload of NewTask\)`
	e, _ := tenantjob.Encode(ctx, indexPayload{NoteID: id})
	enqueue(c, "note:index", e)

	// A helper in another package that sets the tenant field from its parameter.
	t, _ := jobs.NewIndexTask(auth.TenantID(ctx), id)
	c.Enqueue(t)
	u, _ := jobs.NewIndexTask(fmt.Sprintf("org-%d", id), id) // want `NewIndexTask needs the active tenant in tenantID or noteID \(for the job payload of NewTask\).* is built without the active tenant`
	c.Enqueue(u)
	v, _ := jobs.NewIndexTask(r.PathValue("org"), id) // want `NewIndexTask needs the active tenant in tenantID or noteID .* is built from request input \(r.PathValue\)`
	c.Enqueue(v)
	w, _ := jobs.NewIndexTask("", id) // a constant: taken as deliberate, like a constant key
	c.Enqueue(w)
}

// river: the JobArgs of Insert, InsertTx and InsertMany.

type ReindexArgs struct {
	TenantID string `json:"tenant_id"`
	NoteID   int64  `json:"note_id"`
}

func (ReindexArgs) Kind() string { return "reindex" }

// VacuumArgs has no fields: a job for every tenant at once.
type VacuumArgs struct{}

func (VacuumArgs) Kind() string { return "vacuum" }

func River(ctx context.Context, c *river.Client[pgx.Tx], tx pgx.Tx, id int64) {
	c.Insert(ctx, ReindexArgs{NoteID: id}, nil) // want `the job args of Insert is built without the active tenant`
	c.Insert(ctx, ReindexArgs{TenantID: auth.TenantID(ctx), NoteID: id}, nil)
	c.InsertTx(ctx, tx, &ReindexArgs{NoteID: id}, nil) // want `the job args of InsertTx is built without the active tenant`
	c.InsertTx(ctx, tx, &ReindexArgs{TenantID: auth.TenantID(ctx), NoteID: id}, nil)
	c.InsertMany(ctx, []river.InsertManyParams{{Args: ReindexArgs{NoteID: id}}}) // want `the job args of InsertMany is built without the active tenant`
	c.InsertMany(ctx, []river.InsertManyParams{{Args: ReindexArgs{TenantID: auth.TenantID(ctx), NoteID: id}, InsertOpts: &river.InsertOpts{Queue: "index"}}})
	c.Insert(ctx, VacuumArgs{}, nil)

	// A generic helper in another package.
	jobs.InsertExport(ctx, c, auth.TenantID(ctx), "csv")
	jobs.InsertExport(ctx, c, fmt.Sprint("org-", id), "csv") // want `InsertExport needs the active tenant in tenantID .* is built without the active tenant`
}

// machinery: the signature's Args (or Headers).

func Machinery(ctx context.Context, server *machinery.Server, id int64) {
	server.SendTask(&tasks.Signature{Name: "reindex", Args: []tasks.Arg{{Type: "int64", Value: id}}}) // want `the job args of SendTask is built without the active tenant`
	server.SendTaskWithContext(ctx, &tasks.Signature{Name: "reindex", Args: []tasks.Arg{
		{Type: "string", Value: auth.TenantID(ctx)},
		{Type: "int64", Value: id},
	}})
	server.SendTask(&tasks.Signature{
		Name:    "reindex",
		Headers: tasks.Headers{"tenant_id": auth.TenantID(ctx)},
		Args:    []tasks.Arg{{Type: "int64", Value: id}},
	})
	server.SendTask(&tasks.Signature{Name: "vacuum"})

	chain, _ := tasks.NewChain(
		&tasks.Signature{Name: "reindex", Args: []tasks.Arg{{Type: "int64", Value: id}}},
		&tasks.Signature{Name: "notify", Args: []tasks.Arg{{Type: "int64", Value: id}}},
	)
	server.SendChain(chain) // want `the job args of SendChain is built without the active tenant`
}

// gocraft/work: the args map.

func Gocraft(ctx context.Context, e *work.Enqueuer, id int64) {
	e.Enqueue("reindex", work.Q{"note_id": id}) // want `the job args of Enqueue is built without the active tenant`
	e.Enqueue("reindex", work.Q{"tenant_id": auth.TenantID(ctx), "note_id": id})
	e.EnqueueIn("reindex", 60, map[string]interface{}{"note_id": id}) // want `the job args of EnqueueIn is built without the active tenant`
	args := map[string]interface{}{"note_id": id}
	args["tenant_id"] = auth.TenantID(ctx)
	e.EnqueueIn("reindex", 60, args)
	e.Enqueue("vacuum", nil)
}

// temporal: the workflow's variadic arguments, together.

type ReportInput struct {
	TenantID string
	Month    string
}

func ReportWorkflow(ctx context.Context, in ReportInput) error { return nil }

func Temporal(ctx context.Context, c client.Client, month string) {
	opts := client.StartWorkflowOptions{TaskQueue: "reports"}
	c.ExecuteWorkflow(ctx, opts, ReportWorkflow, ReportInput{Month: month}) // want `the job args of ExecuteWorkflow is built without the active tenant`
	c.ExecuteWorkflow(ctx, opts, ReportWorkflow, ReportInput{TenantID: auth.TenantID(ctx), Month: month})
	c.ExecuteWorkflow(ctx, opts, "report", auth.TenantID(ctx), month)                                              // one argument is the tenant
	c.ExecuteWorkflow(ctx, opts, "report", month)                                                                  // want `the job args of ExecuteWorkflow is built without the active tenant`
	c.ExecuteWorkflow(ctx, opts, "vacuum")                                                                         // no arguments: a workflow for every tenant
	c.SignalWithStartWorkflow(ctx, "report-"+month, "start", nil, opts, ReportWorkflow, ReportInput{Month: month}) // want `the job args of SignalWithStartWorkflow is built without the active tenant`
}

// watermill: the payload a message is built with.

func Watermill(ctx context.Context, pub message.Publisher, uuid string, id int64) error {
	p, _ := json.Marshal(indexPayload{NoteID: id})
	if err := pub.Publish("notes.index", message.NewMessage(uuid, p)); err != nil { // want `the job payload of NewMessage is built without the active tenant`
		return err
	}
	q, _ := tenantjob.Encode(ctx, indexPayload{NoteID: id})
	return pub.Publish("notes.index", message.NewMessage(uuid, q))
}
