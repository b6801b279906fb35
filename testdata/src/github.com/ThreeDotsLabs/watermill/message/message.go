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
