// Package jobs builds the application's jobs for other packages: the tenant is a parameter, so
// the obligation to pass the active tenant moves to the callers, across the package boundary.
package jobs

import (
	"context"
	"encoding/json"

	"github.com/hibiken/asynq"
	"github.com/riverqueue/river"
)

// IndexPayload is the payload of note:index tasks.
type IndexPayload struct {
	TenantID string `json:"tenant_id"`
	NoteID   int64  `json:"note_id"`
}

// NewIndexTask builds the task that indexes one note of tenant tenantID.
func NewIndexTask(tenantID string, noteID int64) (*asynq.Task, error) {
	p, err := json.Marshal(IndexPayload{TenantID: tenantID, NoteID: noteID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask("note:index", p), nil
}

// ExportArgs are the args of river export jobs.
type ExportArgs struct {
	TenantID string `json:"tenant_id"`
	Format   string `json:"format"`
}

func (ExportArgs) Kind() string { return "export" }

// InsertExport enqueues an export of tenant tenantID.
func InsertExport[TTx any](ctx context.Context, c *river.Client[TTx], tenantID, format string) error {
	_, err := c.Insert(ctx, ExportArgs{TenantID: tenantID, Format: format}, nil)
	return err
}
