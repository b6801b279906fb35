package c

/*
int add(int a, int b) { return a + b; }
*/
import "C"

import (
	"context"
	"database/sql"
)

func Add(ctx context.Context, db *sql.DB) int {
	db.QueryContext(ctx, `SELECT * FROM devices`)
	return int(C.add(1, 2))
}
