// Package app uses sqlc-generated queries and pgx directly.
package app

import (
	"context"
	"net/http"

	"github.com/grafana/dskit/tenant"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"sqlcpgx/db"
)

type Handler struct {
	q    *db.Queries
	pool *pgxpool.Pool
}

func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tid, err := tenant.TenantID(ctx)
	if err != nil {
		return
	}
	h.q.GetDevice(ctx, db.GetDeviceParams{ID: 1, TenantID: tid})
	h.q.DeleteDevice(ctx, 1, tid)
	h.q.GetDevice(ctx, db.GetDeviceParams{ID: 1, TenantID: r.PathValue("tenant")}) // want `tenant id comes from request input: r.PathValue reaches GetDevice needs the active tenant in arg.TenantID`
	h.q.DeleteDevice(ctx, 1, "acme")                                                // want `DeleteDevice needs the active tenant in tenantID .* but it gets a constant`
	h.q.GetDevice(ctx, db.GetDeviceParams{ID: 1})                                  // want `GetDevice needs the active tenant in arg.TenantID`
}

// Through a transaction and a helper that takes the params from its caller.
func (h *Handler) InTx(ctx context.Context, tx pgx.Tx, p db.GetDeviceParams) {
	h.q.WithTx(tx).GetDevice(ctx, p)
}

func (h *Handler) CallsInTx(ctx context.Context, tx pgx.Tx) {
	tid, _ := tenant.TenantID(ctx)
	h.InTx(ctx, tx, db.GetDeviceParams{ID: 2, TenantID: tid})
	h.InTx(ctx, tx, db.GetDeviceParams{ID: 2, TenantID: "acme"}) // want `InTx needs the active tenant in p.TenantID`
}

// pgx directly: batches, named arguments, CopyFrom.
func (h *Handler) Batch(ctx context.Context, conn *pgx.Conn) {
	tid, _ := tenant.TenantID(ctx)
	b := &pgx.Batch{}
	b.Queue(`UPDATE devices SET name = $1 WHERE id = $2 AND tenant_id = $3`, "n", 1, tid)
	b.Queue(`UPDATE devices SET name = $1 WHERE id = $2`, "n", 1) // want `query on tenant table "devices" is not scoped`
	conn.SendBatch(ctx, b)

	h.pool.Query(ctx, `SELECT * FROM devices WHERE tenant_id = @tenant_id AND id = @id`, pgx.NamedArgs{"tenant_id": tid, "id": 1})
	h.pool.Query(ctx, `SELECT * FROM devices WHERE tenant_id = @tenant_id AND id = @id`, pgx.NamedArgs{"tenant_id": "acme", "id": 1}) // want `tenant_id = @tenant_id in the query on tenant table "devices", but it gets a constant`

	conn.CopyFrom(ctx, pgx.Identifier{"devices"}, []string{"tenant_id", "name"}, pgx.CopyFromRows(nil))
	conn.CopyFrom(ctx, pgx.Identifier{"devices"}, []string{"name"}, pgx.CopyFromRows(nil)) // want `CopyFrom into tenant table "devices" does not copy a tenant column`
	h.pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"email"}, pgx.CopyFromRows(nil))
}
