// Package tenantpubsub builds publish/subscribe channel names and consumer
// group names scoped to the tenant.
//
// A channel is "t.<tenant id>.<name>" and a consumer group
// "g.<tenant id>.<name>", where name is one or more dot-separated segments
// of lowercase letters, digits, "_" and "-". Tenant ids contain no ".", so
// the tenant segment is unambiguous, and no wildcard ("*", ">", "#", "?")
// or separator other than "." can appear. The names are valid NATS
// subjects, Redis channels, Kafka topics and PostgreSQL NOTIFY channels
// (for the last, mind its 63-byte limit).
//
// A subscriber for every tenant (in the all-tenants scope) uses [Pattern]
// and recovers each message's tenant with [Parse].
package tenantpubsub

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/tenantlint/tenantlint/tenant"
)

// MaxLength is the longest name built, Kafka's topic limit.
const MaxLength = 249

// MaxNameLength is the longest name accepted: with the kind, the longest
// tenant id and the dots, every result fits MaxLength.
const MaxNameLength = MaxLength - len("t..") - tenant.MaxIDLength

var nameRE = regexp.MustCompile(`^[a-z0-9_-]+(\.[a-z0-9_-]+)*$`)

func build(ctx context.Context, kind, name string) (string, error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return "", fmt.Errorf("tenantpubsub: %w", err)
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	return kind + "." + string(id) + "." + name, nil
}

func checkName(name string) error {
	if len(name) > MaxNameLength {
		return fmt.Errorf("tenantpubsub: name is %d bytes long, the limit is %d", len(name), MaxNameLength)
	}
	if !nameRE.MatchString(name) {
		return fmt.Errorf("tenantpubsub: invalid name %q: want dot-separated segments of a-z, 0-9, '_' and '-'", name)
	}
	return nil
}

// Channel returns the channel (subject, topic) name for name and the
// active tenant of ctx, or an error wrapping tenant.ErrNoTenant if there
// is none.
func Channel(ctx context.Context, name string) (string, error) {
	return build(ctx, "t", name)
}

// Group returns the consumer group (queue group) name for name and the
// active tenant of ctx, so that consumers of different tenants never share
// a group's offsets or load balancing.
func Group(ctx context.Context, name string) (string, error) {
	return build(ctx, "g", name)
}

// Pattern returns the wildcard subscription matching the channel name of
// every tenant, "t.*.<name>" (NATS and Redis PSUBSCRIBE syntax). It is
// cross-tenant, so ctx must be in the all-tenants scope.
func Pattern(ctx context.Context, name string) (string, error) {
	if err := tenant.RequireAllTenants(ctx); err != nil {
		return "", fmt.Errorf("tenantpubsub: pattern: %w", err)
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	return "t.*." + name, nil
}

// Parse returns the tenant and the name of a channel made by [Channel].
func Parse(channel string) (tenant.ID, string, error) {
	rest, ok := strings.CutPrefix(channel, "t.")
	if !ok {
		return "", "", fmt.Errorf("tenantpubsub: %q is not a tenant channel", channel)
	}
	idStr, name, ok := strings.Cut(rest, ".")
	if !ok {
		return "", "", fmt.Errorf("tenantpubsub: %q has no name", channel)
	}
	id, err := tenant.ParseID(idStr)
	if err != nil {
		return "", "", err
	}
	if err := checkName(name); err != nil {
		return "", "", err
	}
	return id, name, nil
}
