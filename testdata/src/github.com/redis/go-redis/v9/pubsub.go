// Package redis is a stub of github.com/redis/go-redis/v9 for the analysistest fixtures: only
// what they call, with the real signatures (contract/ compares them). As in the real package,
// Publish is a method of the unexported cmdable that *Client embeds, and of the PubSubCmdable
// interface that Cmdable and UniversalClient embed; the catalog keys calls by those.
package redis

import "context"

type cmdable func(ctx context.Context, cmd Cmder) error

type Cmder interface{ Name() string }

type IntCmd struct{ val int64 }

type PubSub struct{}

type Client struct{ cmdable }

func (c cmdable) Publish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return nil
}

func (c cmdable) SPublish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return nil
}

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub  { return nil }
func (c *Client) PSubscribe(ctx context.Context, channels ...string) *PubSub { return nil }

func (c *PubSub) Subscribe(ctx context.Context, channels ...string) error { return nil }

type PubSubCmdable interface {
	Publish(ctx context.Context, channel string, message interface{}) *IntCmd
	SPublish(ctx context.Context, channel string, message interface{}) *IntCmd
}
