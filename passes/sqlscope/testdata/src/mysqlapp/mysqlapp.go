// Package mysqlapp exercises the MySQL dialect end to end.
package mysqlapp

import (
	"context"
	"database/sql"

	"github.com/grafana/dskit/user"
)

func Orders(ctx context.Context, db *sql.DB) {
	org, err := user.ExtractOrgID(ctx)
	if err != nil {
		return
	}
	db.QueryContext(ctx, "SELECT * FROM `orders` WHERE org_id = ? AND id = ?", org, 1)
	db.QueryContext(ctx, "SELECT * FROM orders WHERE id = ?", 1) // want `query on tenant table "orders" is not scoped to the active tenant: no org_id predicate in WHERE`
	db.ExecContext(ctx, "INSERT INTO orders SET org_id = ?, total = ?", org, 3)
	db.ExecContext(ctx, "UPDATE orders SET total = ? WHERE id = ? AND org_id = ?", 1, 2, "acme") // want `org_id = \? \(argument 3\) in the query on tenant table "orders", but it gets a constant`
}
