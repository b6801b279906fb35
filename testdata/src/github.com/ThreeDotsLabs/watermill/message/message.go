// Package message is a stub of github.com/ThreeDotsLabs/watermill/message for the analysistest
// fixtures: only what they call, with the signatures of v1.5 (contract/ compares them).
package message

type Payload []byte

type Metadata map[string]string

type Message struct {
	UUID     string
	Metadata Metadata
	Payload  Payload
}

func NewMessage(uuid string, payload Payload) *Message {
	return &Message{UUID: uuid, Metadata: Metadata{}, Payload: payload}
}

type Publisher interface {
	Publish(topic string, messages ...*Message) error
}

func (m Metadata) Get(key string) string { return m[key] }

type Subscriber interface {
	Close() error
}

type NoPublishHandlerFunc func(msg *Message) error

type Handler struct{}

type Router struct{}

func (r *Router) AddNoPublisherHandler(
	handlerName string,
	subscribeTopic string,
	subscriber Subscriber,
	handlerFunc NoPublishHandlerFunc,
) *Handler {
	return nil
}
