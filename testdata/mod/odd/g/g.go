package g

import (
	"context"
	"database/sql"
)

type Repo[T any] struct{ db *sql.DB }

func (r *Repo[T]) Get(ctx context.Context, tid string, f func(T) T) {
	r.db.QueryContext(ctx, `SELECT * FROM devices WHERE tenant_id = $1`, tid)
}

func Use(ctx context.Context, db *sql.DB) {
	r := &Repo[int]{db: db}
	r.Get(ctx, "x", func(i int) int { return i })
}
