// Command notesd serves the deliberately broken notes example API
// (examples/notes-broken): for the analyzer, not for use.
//
//	notesd -dsn 'host=127.0.0.1 dbname=notes sslmode=disable' -files /var/lib/notes
//
// Add a tenant with: INSERT INTO tenants VALUES ('acme', 'Acme Corp');
// then: curl -H 'X-Tenant: acme' -d 'hello world' localhost:8080/notes
package main

import (
	"context"
	"database/sql"
	"flag"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/lib/pq"

	notes "github.com/tenantlint/tenantlint/examples/notes-broken"
)

func main() {
	dsn := flag.String("dsn", "host=127.0.0.1 dbname=notes sslmode=disable", "PostgreSQL connection string")
	files := flag.String("files", "notes-files", "directory for the tenants' files")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	domain := flag.String("domain", "notes.localhost", "tenants are served on subdomains of this domain")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	db, err := sql.Open("postgres", *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, notes.Schema); err != nil {
		log.Fatal(err)
	}
	app := notes.New(db, *files, *domain)

	// The worker polls the job queue; a job runs for its envelope's tenant.
	go func() {
		for ctx.Err() == nil {
			found, err := app.Work(ctx)
			if err != nil {
				log.Printf("job: %v", err)
			}
			if !found {
				select {
				case <-ctx.Done():
				case <-time.After(500 * time.Millisecond):
				}
			}
		}
	}()

	srv := &http.Server{Addr: *addr, Handler: app.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	log.Printf("listening on %s", *addr)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
