package chanapp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"example.com/auth"
	"github.com/redis/go-redis/v9"
)

// Channel names assembled in a strings.Builder are what was written into them.
func BuilderChannels(ctx context.Context, rdb *redis.Client, noteID int64, data []byte) {
	var sb strings.Builder
	sb.WriteString("notes.")
	sb.WriteString(strconv.FormatInt(noteID, 10))
	rdb.Publish(ctx, sb.String(), data) // want `the channel of Publish is built without the active tenant`

	var tb strings.Builder
	fmt.Fprintf(&tb, "%s.notes.%d", auth.TenantID(ctx), noteID)
	rdb.Publish(ctx, tb.String(), data)
}

// A bool cannot carry a tenant: alerts.true is everyone's channel.
func FlagChannels(ctx context.Context, rdb *redis.Client, critical bool, data []byte) {
	rdb.Publish(ctx, "alerts."+strconv.FormatBool(critical), data)                     // want `the channel of Publish is built without the active tenant`
	rdb.Publish(ctx, auth.TenantID(ctx)+".alerts."+strconv.FormatBool(critical), data) // the tenant's own
}

// Notifier keeps its topic in a field; with the tenant at hand, a channel from the field and
// constants alone is every tenant's.
type Notifier struct {
	rdb   *redis.Client
	topic string
}

func (n *Notifier) Updated(ctx context.Context, tenantID string, data []byte) {
	n.rdb.Publish(ctx, n.topic+".updated", data) // want `the channel of Publish is built without the active tenant, which is at hand here`
	n.rdb.Publish(ctx, n.topic+"."+tenantID+".updated", data)
}

// No tenant at hand: the topic may be the tenant's; the callers decide.
func (n *Notifier) Heartbeat(ctx context.Context, data []byte) {
	n.rdb.Publish(ctx, n.topic+".heartbeat", data)
}
