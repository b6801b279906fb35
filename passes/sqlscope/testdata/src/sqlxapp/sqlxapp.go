// Package sqlxapp exercises sqlx: methods, package functions, Named*.
package sqlxapp

import (
	"context"

	"example.com/auth"
	"github.com/jmoiron/sqlx"
)

type Device struct {
	ID     int64  `db:"id"`
	Tenant string `db:"tenant_id"`
	Name   string `db:"name"`
}

func Use(ctx context.Context, db *sqlx.DB) {
	tid := auth.TenantID(ctx)
	var d Device
	db.Get(&d, `SELECT * FROM devices WHERE tenant_id = $1 AND id = $2`, tid, 1)
	db.Get(&d, `SELECT * FROM devices WHERE id = $1`, 1) // want `query on tenant table "devices" is not scoped`
	var ds []Device
	db.SelectContext(ctx, &ds, `SELECT * FROM devices WHERE tenant_id = $1`, "acme") // want `but it gets a constant`
	sqlx.Get(db, &d, `SELECT * FROM sessions WHERE id = $1`, "s")                    // want `query on tenant table "sessions" is not scoped`
	sqlx.Select(db, &ds, `SELECT * FROM devices WHERE tenant_id = $1`, tid)

	db.NamedExec(`INSERT INTO devices (tenant_id, name) VALUES (:tenant_id, :name)`, Device{Tenant: tid, Name: "n"})
	db.NamedExec(`INSERT INTO devices (tenant_id, name) VALUES (:tenant_id, :name)`, Device{Tenant: "acme", Name: "n"}) // want `tenant_id = @tenant_id in the query on tenant table "devices", but it gets a constant`
	db.NamedExec(`UPDATE devices SET name = :name WHERE tenant_id = :tenant_id::text`, map[string]any{"name": "n", "tenant_id": tid})
	db.NamedExec(`UPDATE devices SET name = :name`, map[string]any{"name": "n"}) // want `query on tenant table "devices" is not scoped`
	db.MustExec(`DELETE FROM devices WHERE tenant_id = $1`, tid)
	db.Exec(`DELETE FROM devices WHERE id = $1`, 1) // want `query on tenant table "devices" is not scoped`
}
