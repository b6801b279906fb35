package catalog

import "slices"

// channelSinks are the pub/sub libraries' key sinks (family "channel"): the channel, subject or
// topic a message is published on or a subscription listens to. Every row is Constant: a
// constant channel ("notes.created") is one that every tenant publishes on and listens to, which
// is the leak this family is about. A subscriber for every tenant works in the all-tenants scope
// (tenant.AllTenants, //tenantlint:crosstenant), where nothing is checked.
//
// Interface methods are keyed by the interface that declares them (catalog.Key): go-redis's
// Publish through a Cmdable, UniversalClient or Pipeliner is (PubSubCmdable).Publish, JetStream's
// Publish is (jetstream.Publisher).Publish. contract/channels_test.go checks that every row is
// spelled as the engine keys it.
//
// Not expressible as rows (see docs/checks/chanscope.md; melody's Broadcast, whose call is the
// finding whatever its argument, is BroadcastAll below): kafka-go's Writer.Topic, a field of the
// struct argument; sarama's SendMessages (a slice of messages) and AsyncProducer.Input (a
// channel send); centrifuge's OnSubscribe handler, which must check a channel chosen by the
// client; websocket hubs keyed by room name in the application's own maps.
var channelSinks = slices.Concat(redisChannelSinks(), natsChannelSinks(), centrifugeChannelSinks(), kafkaChannelSinks())

// channelLibraries are the pub/sub libraries, whose own code is not analysed.
var channelLibraries = []string{
	"github.com/redis/go-redis/v9",
	"github.com/nats-io/nats.go",
	"github.com/centrifugal/centrifuge",
	"github.com/segmentio/kafka-go",
	"github.com/IBM/sarama",
}

const (
	channelName = "channel"
	subjectName = "subject"
	topicName   = "topic"
)

// chanRows adds one channel sink per method of recv, all with the same argument (and field).
func chanRows(recv string, methods []string, arg int, field, what string) []KeySink {
	var out []KeySink
	for _, m := range methods {
		out = append(out, KeySink{Func: "(" + recv + ")." + m, Arg: arg, Field: field, Family: FamilyChannel, What: what, Constant: true})
	}
	return out
}

// chanVariadic adds one channel sink per method of recv whose argument arg is variadic, every
// element a channel (SUBSCRIBE c1 c2 ...).
func chanVariadic(recv string, methods []string, arg int, what string) []KeySink {
	out := chanRows(recv, methods, arg, "", what)
	for i := range out {
		out[i].Variadic = true
	}
	return out
}

// redisChannelSinks: go-redis v9. Publish and SPublish are methods of the unexported cmdable
// that Client, ClusterClient, Conn, Pipeline and Tx embed (Ring declares its own Publish);
// SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE take any number of channels (patterns for PSUBSCRIBE), on
// the clients and on an open *PubSub.
func redisChannelSinks() []KeySink {
	const redis = "github.com/redis/go-redis/v9"
	publish := []string{"Publish", "SPublish"}
	subscribe := []string{"Subscribe", "PSubscribe", "SSubscribe"}
	return slices.Concat(
		chanRows(redis+".cmdable", publish, 1, "", channelName),
		chanRows(redis+".Ring", []string{"Publish"}, 1, "", channelName),
		chanRows(redis+".PubSubCmdable", publish, 1, "", channelName),
		chanVariadic(redis+".Client", subscribe, 1, channelName),
		chanVariadic(redis+".ClusterClient", subscribe, 1, channelName),
		chanVariadic(redis+".Ring", subscribe, 1, channelName),
		chanVariadic(redis+".UniversalClient", subscribe, 1, channelName),
		chanVariadic(redis+".PubSub", subscribe, 1, channelName),
	)
}

// natsChannelSinks: nats.go's core connection, its deprecated EncodedConn, the legacy
// JetStreamContext (nats.JetStream) and the jetstream package's Publisher. A *nats.Msg carries
// its subject in the Subject field.
func natsChannelSinks() []KeySink {
	const (
		nats      = "github.com/nats-io/nats.go"
		conn      = nats + ".Conn"
		enc       = nats + ".EncodedConn"
		legacyJS  = nats + ".JetStream"
		publisher = nats + "/jetstream.Publisher"
	)
	return slices.Concat(
		chanRows(conn, []string{
			"Publish", "PublishRequest", "Request",
			"Subscribe", "SubscribeSync", "ChanSubscribe", "QueueSubscribe", "QueueSubscribeSync",
			"ChanQueueSubscribe", "QueueSubscribeSyncWithChan",
		}, 0, "", subjectName),
		chanRows(conn, []string{"RequestWithContext"}, 1, "", subjectName),
		chanRows(conn, []string{"PublishMsg", "RequestMsg"}, 0, "Subject", subjectName),
		chanRows(conn, []string{"RequestMsgWithContext"}, 1, "Subject", subjectName),
		chanRows(enc, []string{
			"Publish", "PublishRequest", "Request", "Subscribe", "QueueSubscribe",
			"BindSendChan", "BindRecvChan", "BindRecvQueueChan",
		}, 0, "", subjectName),
		chanRows(enc, []string{"RequestWithContext"}, 1, "", subjectName),
		chanRows(legacyJS, []string{
			"Publish", "PublishAsync", "Subscribe", "SubscribeSync", "ChanSubscribe",
			"ChanQueueSubscribe", "QueueSubscribe", "QueueSubscribeSync", "PullSubscribe",
		}, 0, "", subjectName),
		chanRows(legacyJS, []string{"PublishMsg", "PublishMsgAsync"}, 0, "Subject", subjectName),
		chanRows(publisher, []string{"Publish"}, 1, "", subjectName),
		chanRows(publisher, []string{"PublishAsync"}, 0, "", subjectName),
		chanRows(publisher, []string{"PublishMsg"}, 1, "Subject", subjectName),
		chanRows(publisher, []string{"PublishMsgAsync"}, 0, "Subject", subjectName),
	)
}

// centrifugeChannelSinks: a centrifuge Node publishes to a channel, subscribes a user's
// connections to one (server-side subscription), reads its history and presence; a Client is
// subscribed by the server.
func centrifugeChannelSinks() []KeySink {
	const (
		node   = "github.com/centrifugal/centrifuge.Node"
		client = "github.com/centrifugal/centrifuge.Client"
	)
	return slices.Concat(
		chanRows(node, []string{"Publish", "History", "Presence", "PresenceStats"}, 0, "", channelName),
		chanRows(node, []string{"Subscribe"}, 1, "", channelName),
		chanRows(client, []string{"Subscribe"}, 0, "", channelName),
	)
}

// kafkaChannelSinks: sarama's SyncProducer sends a *ProducerMessage to its Topic; its consumer
// reads a topic's partition; kafka-go dials the leader of a topic's partition (the connection
// writes to that topic), and its writers send each Message to its Topic (a field of every
// element of the variadic msgs; a Message without one goes to the Writer's Topic, unseen).
func kafkaChannelSinks() []KeySink {
	const sarama = "github.com/IBM/sarama"
	const kafkaGo = "github.com/segmentio/kafka-go"
	return slices.Concat(
		chanRows(sarama+".SyncProducer", []string{"SendMessage"}, 0, "Topic", topicName),
		chanRows(sarama+".Consumer", []string{"ConsumePartition"}, 0, "", topicName),
		[]KeySink{{Func: kafkaGo + ".DialLeader", Arg: 3, Family: FamilyChannel, What: topicName, Constant: true}},
		[]KeySink{{Func: "(" + kafkaGo + ".Writer).WriteMessages", Arg: 1, Field: "Topic", Variadic: true, Family: FamilyChannel, What: topicName, Constant: true}},
	)
}

// SubscribeHandler is a pub/sub server's hook that accepts or refuses a subscription to a
// channel the client chose: a function taking Event (whose field Field is the channel) and
// Callback, which accepts by calling the callback. It must compare the channel with the
// connection's tenant before accepting.
type SubscribeHandler struct {
	Event, Field, Callback string
}

// SubscribeHandlers are the pub/sub servers' subscription hooks.
var SubscribeHandlers = []SubscribeHandler{
	{Event: "github.com/centrifugal/centrifuge.SubscribeEvent", Field: "Channel", Callback: "github.com/centrifugal/centrifuge.SubscribeCallback"},
}

// BroadcastAll are calls that send to every connected session of every tenant: the call itself
// is the finding, whatever the message (melody's Broadcast; BroadcastFilter with a filter on the
// session's tenant is the per-tenant form).
var BroadcastAll = []string{
	"(github.com/olahol/melody.Melody).Broadcast",
	"(github.com/olahol/melody.Melody).BroadcastBinary",
	"(github.com/olahol/melody.Melody).BroadcastOthers",
	"(github.com/olahol/melody.Melody).BroadcastBinaryOthers",
}
