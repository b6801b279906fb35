// Package maint has a function that nothing could give a tenant: -v lists it for review.
package maint

import "database/sql"

func Sweep(db *sql.DB) error {
	_, err := db.Exec(`DELETE FROM devices WHERE name = ''`)
	return err
}
