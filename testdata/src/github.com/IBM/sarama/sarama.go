// Package sarama is a stub of github.com/IBM/sarama for the analysistest fixtures: only what
// they call, with the real signatures (contract/ compares them).
package sarama

type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }
func (s StringEncoder) Length() int             { return len(s) }

type ProducerMessage struct {
	Topic string
	Key   Encoder
	Value Encoder
}

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	SendMessages(msgs []*ProducerMessage) error
}
