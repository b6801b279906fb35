package jobapp

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/hibiken/asynq"

	"example.com/auth"
)

// Payloads written into a bytes.Buffer are what was written into them.
func BufferPayloads(ctx context.Context, c *asynq.Client, id int64) {
	var buf bytes.Buffer
	buf.WriteString(`{"note_id":`)
	buf.WriteString(strconv.FormatInt(id, 10))
	buf.WriteByte('}')
	c.Enqueue(asynq.NewTask("note:index", buf.Bytes())) // want `the job payload of NewTask is built without the active tenant`

	var tb bytes.Buffer
	fmt.Fprintf(&tb, `{"tenant_id":%q,"note_id":%d}`, auth.TenantID(ctx), id)
	c.Enqueue(asynq.NewTask("note:index", tb.Bytes()))
}

// A bool cannot carry a tenant: the digest job runs for nobody in particular.
func FlagPayloads(ctx context.Context, c *asynq.Client, weekly bool) {
	c.Enqueue(asynq.NewTask("digest", []byte(fmt.Sprintf(`{"weekly":%t}`, weekly)))) // want `the job payload of NewTask is built without the active tenant`
	c.Enqueue(asynq.NewTask("digest", []byte(fmt.Sprintf(`{"tenant_id":%q,"weekly":%t}`, auth.TenantID(ctx), weekly))))
}
