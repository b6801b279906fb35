// Package jobs has job handlers of workers started for one tenant (the tenant on the
// handler's receiver) and of a shared worker: a tenant-named part of a payload used instead of
// the worker's own tenant is reported in the former, and is the tenant in the latter.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/RichardKnop/machinery/v2"
	"github.com/ThreeDotsLabs/watermill/message"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

const q = "DELETE FROM devices WHERE tenant_id = $1 AND id = $2"

type Input struct {
	TenantID string
	DeviceID string
}

// Activities run on a worker started for one tenant.
type Activities struct {
	tenantID string
	db       *sql.DB
}

func (a *Activities) DeleteBad(ctx context.Context, in Input) error {
	_, err := a.db.ExecContext(ctx, q, in.TenantID, in.DeviceID) // want `tenant id comes from request input: the job payload \(in.TenantID\)`
	return err
}

func (a *Activities) DeleteArgBad(ctx context.Context, tenantID, deviceID string) error {
	_, err := a.db.ExecContext(ctx, q, tenantID, deviceID) // want `tenant id comes from request input: the job payload \(tenantID\)`
	return err
}

func (a *Activities) DeleteGood(ctx context.Context, in *Input) error {
	_, err := a.db.ExecContext(ctx, q, a.tenantID, in.DeviceID)
	return err
}

// Shared activities serve every tenant: the payload is where the tenant comes from.
type Shared struct{ db *sql.DB }

func (s *Shared) Delete(ctx context.Context, in Input) error {
	_, err := s.db.ExecContext(ctx, q, in.TenantID, in.DeviceID)
	return err
}

func Start(w worker.Worker, tenantID string, db *sql.DB) {
	w.RegisterActivity(&Activities{tenantID: tenantID, db: db})
	w.RegisterActivity(&Shared{db: db})
}

// A workflow runs an activity of a tenant's worker (registered by ExecuteActivity here).
type Cleanup struct {
	Tenant string
	db     *sql.DB
}

func (c *Cleanup) Purge(ctx context.Context, tenant string) error {
	_, err := c.db.ExecContext(ctx, q, tenant, "") // want `tenant id comes from request input: the job payload \(tenant\)`
	return err
}

func Workflow(ctx workflow.Context, c *Cleanup, tenant string) error {
	workflow.ExecuteActivity(ctx, c.Purge, tenant)
	return nil
}

// machinery and watermill handlers of a tenant's worker.
type Tasks struct {
	org string
	db  *sql.DB
}

func (t *Tasks) Remove(orgID, deviceID string) error {
	_, err := t.db.Exec(q, orgID, deviceID) // want `tenant id comes from request input: the job payload \(orgID\)`
	return err
}

func (t *Tasks) OnDeleted(msg *message.Message) error {
	var ev Input
	if err := json.Unmarshal(msg.Payload, &ev); err != nil {
		return err
	}
	t.db.Exec(q, ev.TenantID, ev.DeviceID)          // want `tenant id comes from request input: the job payload \(msg.Payload\)`
	t.db.Exec(q, msg.Metadata.Get("tenant_id"), "") // want `tenant id comes from request input: the job payload \(msg.Metadata\)`
	_, err := t.db.Exec(q, t.org, ev.DeviceID)
	return err
}

func Serve(s *machinery.Server, r *message.Router, sub message.Subscriber, t *Tasks) {
	s.RegisterTask("remove", t.Remove)
	r.AddNoPublisherHandler("deleted", "devices.deleted", sub, t.OnDeleted)
}
