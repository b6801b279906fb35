// Package exampletest holds the end-to-end tests of examples/notes and
// examples/notes-broken against real PostgreSQL. They live here because the
// PostgreSQL test server (tenant/internal/pgtest) is internal to tenant/.
//
// The tests of examples/notes check tenant isolation under concurrent
// requests; those of examples/notes-broken show that each marked bug
// really leaks across tenants, so that the analyzer's findings on it are
// true positives.
package exampletest
