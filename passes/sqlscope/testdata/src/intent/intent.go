// Package intent: findings in functions that nothing could give a tenant say how to declare
// them cross-tenant, and are listed for review (Result.OutOfReach); findings where a tenant is
// in reach do not.
package intent

import (
	"context"
	"database/sql"
	"net/http"
)

type Maintenance struct{ db *sql.DB }

// Lowercase has no context, request or tenant parameter: cross-tenant by design, or a bug.
func (m *Maintenance) Lowercase() error {
	_, err := m.db.Exec(`UPDATE devices SET name = lower(name)`) // want `query on tenant table "devices" is not scoped`
	return err
}

// Migrate likewise, as a function.
func Migrate(db *sql.DB) error {
	_, err := db.Exec(`DELETE FROM sessions`) // want `query on tenant table "sessions" is not scoped`
	return err
}

// Purge has a context: the tenant is in reach, so the missing predicate is a bug.
func Purge(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `DELETE FROM devices`) // want `query on tenant table "devices" is not scoped`
	return err
}

// Handle has a request.
func Handle(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	db.Query(`SELECT id FROM devices`) // want `query on tenant table "devices" is not scoped`
}

// ByTenant has a tenant parameter.
func ByTenant(db *sql.DB, tenantID string) {
	db.Query(`SELECT id FROM devices WHERE name = $1`, tenantID) // want `query on tenant table "devices" is not scoped`
}

// Nightly is declared: no finding, and not listed.
//
//tenantlint:crosstenant the nightly cleanup runs over every tenant
func Nightly(db *sql.DB) {
	db.Exec(`DELETE FROM sessions WHERE device_id IS NULL`)
}
