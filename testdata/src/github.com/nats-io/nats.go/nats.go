// Package nats is a stub of github.com/nats-io/nats.go for the analysistest fixtures: only what
// they call, with the real signatures (contract/ compares them).
package nats

import "time"

type Conn struct{}

type Msg struct {
	Subject string
	Reply   string
	Data    []byte
}

type MsgHandler func(msg *Msg)

type Subscription struct{}

func (nc *Conn) Publish(subj string, data []byte) error { return nil }
func (nc *Conn) PublishMsg(m *Msg) error                { return nil }
func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }
func (nc *Conn) QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) ChanSubscribe(subj string, ch chan *Msg) (*Subscription, error) { return nil, nil }
