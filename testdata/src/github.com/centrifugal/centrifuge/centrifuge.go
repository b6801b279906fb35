// Package centrifuge is a stub of github.com/centrifugal/centrifuge for the analysistest
// fixtures: only what they call, with the real signatures (contract/ compares them).
package centrifuge

type Node struct{}

type Client struct{}

type PublishOptions struct{}

type PublishOption func(*PublishOptions)

type PublishResult struct{}

type SubscribeOptions struct{}

type SubscribeOption func(*SubscribeOptions)

func (n *Node) Publish(channel string, data []byte, opts ...PublishOption) (PublishResult, error) {
	return PublishResult{}, nil
}

func (n *Node) Subscribe(userID string, channel string, opts ...SubscribeOption) error { return nil }

func (c *Client) Subscribe(channel string, opts ...SubscribeOption) error { return nil }

type SubscribeEvent struct {
	Channel string
	Token   string
	Data    []byte
}

type SubscribeReply struct{}

type SubscribeCallback func(SubscribeReply, error)

type SubscribeHandler func(SubscribeEvent, SubscribeCallback)

func (c *Client) OnSubscribe(h SubscribeHandler) {}

func (c *Client) UserID() string { return "" }
