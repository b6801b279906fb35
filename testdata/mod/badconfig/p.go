package p

import "database/sql"

var _ *sql.DB
