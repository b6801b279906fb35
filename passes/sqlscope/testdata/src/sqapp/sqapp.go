// Package sqapp exercises squirrel: builders whose ToSql feeds database/sql, Eq maps, a
// statement builder bound to the tenant, inserts by columns and by SetMap.
package sqapp

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"

	"example.com/auth"
)

func Select(ctx context.Context, db *sql.DB, id int64) {
	tid := auth.TenantID(ctx)
	query, args, _ := sq.Select("id", "name").From("devices").Where(sq.Eq{"tenant_id": tid}).ToSql()
	db.QueryContext(ctx, query, args...)

	query, args, _ = sq.Select("id", "name").From("devices").Where("id = ?", id).ToSql() // want `squirrel query on tenant table "devices" is not scoped to the active tenant`
	db.QueryContext(ctx, query, args...)

	psql := sq.StatementBuilder.PlaceholderFormat(sq.Dollar)
	query, args, _ = psql.Select("*").From("devices").Where("tenant_id = ? AND id = ?", tid, id).ToSql()
	db.QueryContext(ctx, query, args...)

	// A statement builder bound to the tenant scopes every statement made from it.
	scoped := sq.StatementBuilder.Where(sq.Eq{"tenant_id": tid})
	query, args, _ = scoped.Select("*").From("sessions").ToSql()
	db.QueryContext(ctx, query, args...)

	query, _, _ = sq.Select("*").From("users").ToSql() // users is not a tenant table
	db.QueryContext(ctx, query)
}

func Branch(ctx context.Context, db *sql.DB, admin bool) {
	q := sq.Select("*").From("devices")
	if !admin {
		q = q.Where(sq.Eq{"tenant_id": auth.TenantID(ctx)})
	}
	q.QueryContext(ctx) // want `squirrel query on tenant table "devices" is not scoped`
}

func Modify(ctx context.Context, db *sql.DB, id int64, name string) {
	tid := auth.TenantID(ctx)
	sq.Update("devices").Set("name", name).Where(sq.Eq{"id": id, "tenant_id": tid}).ExecContext(ctx)
	sq.Update("devices").Set("name", name).Where(sq.Eq{"id": id}).ExecContext(ctx) // want `squirrel query on tenant table "devices" is not scoped`
	sq.Delete("devices").Where(sq.Eq{"tenant_id": "acme"}).ToSql()                 // want `tenant_id = \? in the squirrel condition, but it gets a constant`
}

func Insert(ctx context.Context, name string) {
	tid := auth.TenantID(ctx)
	sq.Insert("devices").Columns("tenant_id", "name").Values(tid, name).ToSql()
	sq.Insert("devices").Columns("name").Values(name).ToSql()                        // want `squirrel insert into tenant table "devices" does not set its tenant column`
	sq.Insert("devices").SetMap(map[string]interface{}{"tenant_id": "acme"}).ToSql() // want `tenant_id in the squirrel insert, but it gets a constant`
	sq.Insert("users").Columns("email").Values(name).ToSql()
}

type device struct {
	Name     string
	TenantID string
}

// InsertBatch: squirrel joins the strings of Columns with commas, so one string may name
// several columns; a batch adds one Values call per row in a loop (Permify's schema writer).
func InsertBatch(ctx context.Context, rows []device) {
	tid := auth.TenantID(ctx)
	sq.Insert("devices").Columns("name, tenant_id").Values("a", tid).ToSql()
	sq.Insert("devices").Columns("name", "`tenant_id`").Values("a", tid).ToSql()
	sq.Insert("devices").Columns("name, payload").Values("a", tid).ToSql()      // want `squirrel insert into tenant table "devices" does not set its tenant column`
	sq.Insert("devices").Columns("name, tenant_id").Values("a", "acme").ToSql() // want `tenant_id in the squirrel insert, but it gets a constant`
	b := sq.Insert("devices").Columns("name, tenant_id")
	for _, r := range rows {
		b = b.Values(r.Name, tid)
	}
	b.ToSql()
}
