// Package flow runs hooks through an interface whose parameter is itself an interface (as
// flowpilot's hook actions are given a HookExecutionContext): the hooks read their
// dependencies out of the context's hidden state with a method.
package flow

import (
	"context"
	"database/sql"

	"example.com/ifaces/auth"
)

// Context is what a hook is given; its state is behind methods.
type Context interface {
	Get(key string) any
}

// Deps is what a hook reads out of the context (its TenantID is not a field of Context, and
// not at the index State has it).
type Deps struct {
	DB       *sql.DB
	Name     string
	TenantID string
}

// Input is what the runner passes beside the context, a plain struct.
type Input struct {
	Name     string
	TenantID string
}

// Hook is implemented by the hooks package.
type Hook interface {
	Execute(ctx context.Context, c Context, in Input) error
}

// Action gives hooks their dependencies.
type Action struct{}

func (a *Action) GetDeps(c Context) *Deps { return c.Get("deps").(*Deps) }

// State is the runner's Context.
type State struct {
	TenantID string
	Name     string
	values   map[string]any
}

func (s *State) Get(key string) any { return s.values[key] }

// Run makes the context and the input from constants: the hook that binds in.TenantID and the
// one that reads the State's own TenantID are reported here; the one that reads the tenant
// from what Get returns is not (the dependencies come from the context's hidden state, which
// no caller passes).
func Run(ctx context.Context, h Hook) error {
	st := &State{Name: "run"}
	return h.Execute(ctx, st, Input{Name: "run"})
}

// RunFor passes the signed-in tenant in both: quiet.
func RunFor(ctx context.Context, h Hook) error {
	tenantID := auth.TenantFromContext(ctx)
	st := &State{Name: "run", TenantID: tenantID}
	return h.Execute(ctx, st, Input{Name: "run", TenantID: tenantID})
}
