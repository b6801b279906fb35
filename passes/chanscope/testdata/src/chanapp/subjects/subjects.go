// Package subjects is the application's subject helpers, in a package of their own: the
// analysis follows their results and requirements across the package boundary.
package subjects

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"
)

// Notes is the notes subject of a tenant: callers must pass the active one.
func Notes(tenantID string) string { return "t." + tenantID + ".notes" }

// Audit names one subject for every tenant.
func Audit(id int64) string { return fmt.Sprintf("audit.%d", id) }

// Send publishes on a subject its callers build.
func Send(ctx context.Context, nc *nats.Conn, subject string, data []byte) error {
	return nc.Publish(subject, data)
}
