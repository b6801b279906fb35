// Command server wires the implementations into the services: the only package that sees both.
package main

import (
	"database/sql"

	"example.com/ifaces/store"
	"example.com/ifaces/store/cache"
	"example.com/ifaces/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	var st store.Store = pg.New(db)
	_ = &cache.Namer{Next: st}
}
