// Package store queries the tenant table devices (declared in .golangci.yml's tenantlint
// settings): one unscoped query, and one of each kind of suppression, used and unused.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

// Get is scoped by its parameter: the obligation to pass the active tenant moves to callers.
func (s *Store) Get(ctx context.Context, tid string, id int64) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1 AND id = $2`, tid, id)
}

// All is the unscoped query.
func (s *Store) All(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT name FROM devices`)
}

// Count is suppressed by golangci-lint's //nolint.
func (s *Store) Count(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT count(*) FROM devices`) //nolint:tenantlint // billing counts every tenant
}

// Names is suppressed by tenantlint's own directive.
func (s *Store) Names(ctx context.Context) (*sql.Rows, error) {
	//tenantlint:ignore sqlscope names are shown to operators only
	return s.DB.QueryContext(ctx, `SELECT name FROM devices`)
}

// One is scoped, so its //nolint is unused: nolintlint reports it.
func (s *Store) One(ctx context.Context, tid string) (*sql.Rows, error) {
	//nolint:tenantlint // left from an older query
	return s.DB.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid)
}

// Two is scoped, so its //tenantlint:ignore is unused: the directive check reports it, with a
// fix that removes it.
func (s *Store) Two(ctx context.Context, tid string) (*sql.Rows, error) {
	//tenantlint:ignore sqlscope left from an older query
	return s.DB.QueryContext(ctx, `SELECT name FROM devices WHERE tenant_id = $1`, tid)
}

// Report works across tenants on purpose.
//
//tenantlint:crosstenant the nightly report counts devices of every tenant
func (s *Store) Report(ctx context.Context) (*sql.Rows, error) {
	return s.DB.QueryContext(ctx, `SELECT tenant_id, count(*) FROM devices GROUP BY tenant_id`)
}
