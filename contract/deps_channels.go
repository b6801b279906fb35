package contract

// The channel family's libraries (catalog/channels.go).
import (
	_ "github.com/IBM/sarama"
	_ "github.com/centrifugal/centrifuge"
	_ "github.com/nats-io/nats.go"
	_ "github.com/nats-io/nats.go/jetstream"
	_ "github.com/olahol/melody"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/segmentio/kafka-go"
)
