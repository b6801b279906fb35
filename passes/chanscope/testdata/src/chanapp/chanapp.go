// Package chanapp exercises the channel family's library catalog (chanscope): go-redis,
// nats.go and jetstream, centrifuge, sarama, with channels built with and without the tenant.
package chanapp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"chanapp/subjects"

	"example.com/auth"
	"github.com/IBM/sarama"
	"github.com/centrifugal/centrifuge"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/olahol/melody"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"github.com/tenantlint/tenantlint/tenant"
	"github.com/tenantlint/tenantlint/tenant/tenantpubsub"
)

func Redis(ctx context.Context, rdb *redis.Client, noteID int64, data []byte, r *http.Request) {
	rdb.Publish(ctx, "notes.created", data)                     // want `the channel of Publish is a constant: every tenant shares it`
	rdb.SPublish(ctx, fmt.Sprintf("notes.%d", noteID), data)    // want `the channel of SPublish is built without the active tenant`
	rdb.Publish(ctx, "room."+r.FormValue("room"), data)         // want `the channel of Publish is built from request input \(r.FormValue\)`
	rdb.Publish(ctx, auth.TenantID(ctx)+".notes.created", data) // the tenant's own channel
	rdb.Publish(ctx, fmt.Sprintf("%s.notes.%d", auth.TenantID(ctx), noteID), data)
	ch, err := tenantpubsub.Channel(ctx, "notes.created")
	if err != nil {
		return
	}
	rdb.Publish(ctx, ch, data)
}

// Subscriptions: every channel of a variadic SUBSCRIBE must be the tenant's.
func Subscriptions(ctx context.Context, rdb *redis.Client) {
	mine, _ := tenantpubsub.Channel(ctx, "notes.created")
	rdb.Subscribe(ctx, mine, "notes.deleted") // want `the channel of Subscribe is a constant`
	rdb.Subscribe(ctx, mine, auth.TenantID(ctx)+".notes.deleted")
	ps := rdb.Subscribe(ctx)
	ps.Subscribe(ctx, "t.acme.notes") // want `the channel of Subscribe is a constant`
	// A PubSub opened on the tenant's channel is not bound to the tenant: it can subscribe to
	// anything next.
	opened := rdb.Subscribe(ctx, mine)
	opened.Subscribe(ctx, "t.acme.notes") // want `the channel of Subscribe is a constant`
	opened.Subscribe(ctx, auth.TenantID(ctx)+".notes")
	rdb.PSubscribe(ctx, "notes.*") // want `the channel of PSubscribe is a constant`
}

// Through the interface every go-redis client implements.
func Interface(ctx context.Context, pub redis.PubSubCmdable, data []byte) {
	pub.Publish(ctx, "notes.created", data) // want `the channel of Publish is a constant`
	pub.Publish(ctx, subjects.Notes(auth.TenantID(ctx)), data)
}

// Helpers in another package: one builds the subject from the tenant it is given, one
// without it, one publishes whatever subject it is given.
func Helpers(ctx context.Context, nc *nats.Conn, id int64, data []byte) {
	nc.Publish(subjects.Notes(auth.TenantID(ctx)), data)
	nc.Publish(subjects.Notes("acme"), data) // want `the subject of Publish is built without the active tenant`
	nc.Publish(subjects.Audit(id), data)     // want `the subject of Publish is built without the active tenant`
	subjects.Send(ctx, nc, subjects.Notes(auth.TenantID(ctx)), data)
	subjects.Send(ctx, nc, "notes.created", data) // want `Send needs the active tenant in subject .* is a constant`
}

// publishTo takes the tenant as a parameter: its callers must pass the active one.
func publishTo(rdb *redis.Client, ctx context.Context, tenantID string, data []byte) {
	rdb.Publish(ctx, "t."+tenantID+".notes", data)
}

func HelperWithTenant(ctx context.Context, rdb *redis.Client, r *http.Request, data []byte) {
	publishTo(rdb, ctx, auth.TenantID(ctx), data)
	publishTo(rdb, ctx, r.FormValue("tenant"), data) // want `publishTo needs the active tenant in tenantID .* request input`
}

func NATS(ctx context.Context, nc *nats.Conn, data []byte, handle nats.MsgHandler) {
	nc.Publish("notes.created", data)                              // want `the subject of Publish is a constant`
	nc.PublishMsg(&nats.Msg{Subject: "notes.created", Data: data}) // want `the subject \(Subject\) of PublishMsg is a constant`
	nc.Subscribe("notes.>", handle)                                // want `the subject of Subscribe is a constant`
	nc.Request("notes.get", data, 0)                               // want `the subject of Request is a constant`
	subj, _ := tenantpubsub.Channel(ctx, "notes.created")
	nc.Publish(subj, data)
	nc.PublishMsg(&nats.Msg{Subject: subj, Data: data})
	nc.QueueSubscribe(subj, "indexers", handle) // a constant queue group on the tenant's subject
	nc.ChanSubscribe(auth.TenantID(ctx)+".notes.>", make(chan *nats.Msg))
}

func JetStream(ctx context.Context, js jetstream.JetStream, data []byte) {
	js.Publish(ctx, "orders.created", data)                  // want `the subject of Publish is a constant`
	js.PublishAsync("orders.created", data)                  // want `the subject of PublishAsync is a constant`
	js.PublishMsg(ctx, &nats.Msg{Subject: "orders.created"}) // want `the subject \(Subject\) of PublishMsg is a constant`
	js.Publish(ctx, subjects.Notes(auth.TenantID(ctx)), data)
}

func Centrifuge(ctx context.Context, node *centrifuge.Node, client *centrifuge.Client, userID string, data []byte) {
	node.Publish("chat", data)             // want `the channel of Publish is a constant`
	node.Subscribe(userID, "chat:"+userID) // want `the channel of Subscribe is built without the active tenant`
	client.Subscribe("news")               // want `the channel of Subscribe is a constant`
	room, _ := tenantpubsub.Channel(ctx, "chat")
	node.Publish(room, data)
	node.Subscribe(userID, room)
	client.Subscribe(room)
}

func Sarama(ctx context.Context, p sarama.SyncProducer, data []byte) {
	p.SendMessage(&sarama.ProducerMessage{Topic: "notes", Value: sarama.StringEncoder(data)}) // want `the topic \(Topic\) of SendMessage is a constant`
	topic, _ := tenantpubsub.Channel(ctx, "notes")
	p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(data)})
}

// A subscriber for every tenant works in the all-tenants scope, with the pattern the runtime
// gives there: nothing is checked.
func Fanout(ctx context.Context, rdb *redis.Client) {
	ctx = tenant.AllTenants(ctx)
	p, _ := tenantpubsub.Pattern(ctx, "notes.created")
	rdb.PSubscribe(ctx, p)
}

// Broadcast listens on the global announcements subject on purpose.
//
//tenantlint:crosstenant announcements are the same for every tenant
func Broadcast(nc *nats.Conn, handle nats.MsgHandler) {
	nc.Subscribe("announcements", handle)
}

// Broadcasts: melody's Broadcast reaches every session of every tenant whatever the message, and
// kafka-go's topic is the Topic field of each message.
func Broadcasts(ctx context.Context, m *melody.Melody, w *kafka.Writer, data []byte, id string) {
	m.Broadcast(data)                                                                                          // want `Broadcast sends to every connected session, of every tenant`
	w.WriteMessages(ctx, kafka.Message{Topic: "notes", Value: data})                                           // want `the topic \(Topic\) of WriteMessages is a constant`
	w.WriteMessages(ctx, kafka.Message{Topic: auth.TenantID(ctx) + ".notes"}, kafka.Message{Topic: "n." + id}) // want `the topic \(Topic\) of WriteMessages is built without the active tenant`
	w.WriteMessages(ctx, kafka.Message{Value: data})                                                           // no Topic: the Writer's, set elsewhere
	// The correct forms: a filter on the session's tenant, a topic built by the runtime.
	m.BroadcastFilter(data, func(s *melody.Session) bool {
		t, _ := s.Get("tenant")
		return t == auth.TenantID(ctx)
	})
	topic, _ := tenantpubsub.Channel(ctx, "notes")
	w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: data})
}

// Subscription handlers: the client chooses e.Channel; the handler must tie it to the tenant.
func OnSubscribe(ctx context.Context, client *centrifuge.Client) {
	client.OnSubscribe(func(e centrifuge.SubscribeEvent, cb centrifuge.SubscribeCallback) {
		cb(centrifuge.SubscribeReply{}, nil) // want `the subscription handler accepts the channel the client chose \(e.Channel\) without comparing it with the connection's tenant`
	})
	client.OnSubscribe(func(e centrifuge.SubscribeEvent, cb centrifuge.SubscribeCallback) {
		if e.Channel != "news" {
			cb(centrifuge.SubscribeReply{}, errors.New("permission denied"))
			return
		}
		cb(centrifuge.SubscribeReply{}, nil) // want `the subscription handler accepts the channel the client chose`
	})
	client.OnSubscribe(func(e centrifuge.SubscribeEvent, cb centrifuge.SubscribeCallback) {
		if !strings.HasPrefix(e.Channel, auth.TenantID(ctx)+":") {
			cb(centrifuge.SubscribeReply{}, errors.New("permission denied"))
			return
		}
		cb(centrifuge.SubscribeReply{}, nil)
	})
	client.OnSubscribe(func(e centrifuge.SubscribeEvent, cb centrifuge.SubscribeCallback) {
		tenantOf, _, _ := strings.Cut(e.Channel, ":")
		if tenantOf != auth.TenantID(ctx) {
			cb(centrifuge.SubscribeReply{}, errors.New("permission denied"))
			return
		}
		cb(centrifuge.SubscribeReply{}, nil)
	})
}
