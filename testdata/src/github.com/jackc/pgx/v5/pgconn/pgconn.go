// Package pgconn is a stub of github.com/jackc/pgx/v5/pgconn for tests.
package pgconn

type CommandTag struct{ s string }

type StatementDescription struct{ Name, SQL string }
