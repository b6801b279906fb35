// Package jetstream is a stub of github.com/nats-io/nats.go/jetstream for the analysistest
// fixtures: only what they call, with the real signatures (contract/ compares them). As in the
// real package, JetStream embeds Publisher, which declares the publish methods: the catalog
// keys calls through a JetStream by Publisher.
package jetstream

import (
	"context"

	"github.com/nats-io/nats.go"
)

type JetStream interface {
	Publisher
}

type Publisher interface {
	Publish(ctx context.Context, subject string, payload []byte, opts ...PublishOpt) (*PubAck, error)
	PublishMsg(ctx context.Context, msg *nats.Msg, opts ...PublishOpt) (*PubAck, error)
	PublishAsync(subject string, payload []byte, opts ...PublishOpt) (PubAckFuture, error)
}

type pubOpts struct{}

type PublishOpt func(*pubOpts) error

type PubAck struct{ Stream string }

type PubAckFuture interface {
	Msg() *nats.Msg
}
