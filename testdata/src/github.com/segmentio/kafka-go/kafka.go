// Package kafka is a stub of github.com/segmentio/kafka-go for the analysistest fixtures: only
// what they call, with the real signatures (contract/ compares them).
package kafka

import "context"

type Message struct {
	Topic string
	Key   []byte
	Value []byte
}

type Writer struct{ Topic string }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }
