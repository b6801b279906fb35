// Package chanscope reports channel names that do not carry the active tenant.
//
// # Analyzer chanscope
//
// chanscope: Pub/sub channels and subjects must carry the active tenant
//
// A message published on a channel (a Redis channel, a NATS subject, a websocket group, a Kafka
// topic key) that every tenant subscribes to delivers one tenant's events to all of them. Channel
// names must be built from the active tenant (or by tenantpubsub.Channel); a constant channel is a
// finding here, because publishing tenant events on a shared channel is the leak.
//
// Libraries covered are rows of package catalog (family "channel"); configured `sinks:` with
// `kind: channel` add more. A key that is a parameter moves the obligation to the callers, across
// packages, like every tenantlint check.
//
// Before:
//
//	rdb.Publish(ctx, "notes.created", id)
//
// After:
//
//	ch, _ := tenantpubsub.Channel(ctx, "notes.created")
//	rdb.Publish(ctx, ch, id)
package chanscope
