// Package contract holds no code: its test checks the catalog against the real libraries that
// deps.go pins here.
package contract

import (
	_ "github.com/grafana/dskit/tenant"
	_ "github.com/grafana/dskit/user"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/weaveworks/common/user"
)
