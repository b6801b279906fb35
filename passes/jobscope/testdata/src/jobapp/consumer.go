package jobapp

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hibiken/asynq"
	"github.com/riverqueue/river"
	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantjob"

	"example.com/auth"
	"jobapp/store"
)

// The consumer side: a handler runs with the worker's context, which carries no tenant.

func HandleIndex(ctx context.Context, t *asynq.Task) error {
	var p indexPayload
	json.Unmarshal(t.Payload(), &p)
	return store.CountWords(ctx, p.NoteID) // want `job handler HandleIndex reads the active tenant from its context, which the job did not set`
}

func HandleIndexDirect(ctx context.Context, t *asynq.Task) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_ = auth.TenantID(ctx) // want `job handler HandleIndexDirect reads the active tenant from its context`
	return nil
}

func HandleIndexRestored(ctx context.Context, t *asynq.Task) error {
	var p indexPayload
	jctx, err := tenantjob.Restore(ctx, t.Payload(), &p, lookup)
	if err != nil {
		return err
	}
	return store.CountWords(jctx, p.NoteID)
}

func lookup(ctx context.Context, id tenant.ID) (tenant.Tenant, error) { return id, nil }

// A handler that takes the tenant from the payload and never reads the context's is fine.
func HandleWithPayloadTenant(ctx context.Context, t *asynq.Task) error {
	var p struct{ TenantID string }
	json.Unmarshal(t.Payload(), &p)
	return nil
}

type ReindexWorker struct{}

func (w *ReindexWorker) Work(ctx context.Context, job *river.Job[ReindexArgs]) error {
	return store.CountWords(ctx, job.Args.NoteID) // want `job handler Work reads the active tenant from its context`
}

// Not a handler: an HTTP-style function reading its context's tenant is the ordinary case.
func ordinary(ctx context.Context, id int64) error { return store.CountWords(ctx, id) }
