// Package hooks implements flow.Hook.
package hooks

import (
	"context"

	"example.com/ifaces/flow"
)

var (
	_ flow.Hook = CreateProject{}
	_ flow.Hook = RenameProject{}
	_ flow.Hook = StateProject{}
)

// CreateProject binds the tenant of the dependencies it gets from the context: a field of what
// GetDeps returns, not a field of c, so nothing is required of Execute's callers.
type CreateProject struct{ flow.Action }

func (h CreateProject) Execute(ctx context.Context, c flow.Context, in flow.Input) error {
	deps := h.GetDeps(c)
	_, err := deps.DB.ExecContext(ctx, `INSERT INTO projects (tenant_id, name) VALUES ($1, $2)`, deps.TenantID, in.Name)
	return err
}

// RenameProject binds a field of its struct parameter: required of Execute's callers.
type RenameProject struct{ flow.Action }

func (h RenameProject) Execute(ctx context.Context, c flow.Context, in flow.Input) error {
	deps := h.GetDeps(c)
	_, err := deps.DB.ExecContext(ctx, `UPDATE projects SET name = $1 WHERE tenant_id = $2`, in.Name, in.TenantID)
	return err
}

// StateProject asserts the context to the runner's State and binds its TenantID: the same
// value, so a field path into the interface parameter is kept.
type StateProject struct{ flow.Action }

func (h StateProject) Execute(ctx context.Context, c flow.Context, in flow.Input) error {
	st := c.(*flow.State)
	deps := h.GetDeps(c)
	_, err := deps.DB.ExecContext(ctx, `DELETE FROM projects WHERE tenant_id = $1`, st.TenantID)
	return err
}
