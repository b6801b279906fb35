package catalog

import "slices"

// KeySink is a call whose argument names per-tenant state: a cache key, a channel or subject, an
// object key or file path, a job payload. The argument must carry the active tenant (be built
// from it, or go through a scoper), unless the call's receiver is itself bound to the tenant (a
// client or bucket with a tenant prefix), which scopes every key through it.
type KeySink struct {
	Func string
	// Arg is the index of the key argument, receiver excluded.
	Arg int
	// Field: the key is this field of the argument (a struct or a pointer to one), such as the
	// Key of an s3.PutObjectInput.
	Field string
	// Variadic: Arg is a slice, variadic or not, and every element is a key (DEL k1 k2 ...;
	// EVAL's keys []string; with Field, the field of every element: kafka-go's Message.Topic);
	// with Stride n, only every n-th element from the first is (MSET k1 v1 k2 v2: Stride 2).
	Variadic bool
	Stride   int
	// Family is the sink family: cache, job, channel or storage.
	Family string
	// What the argument is, for messages: "cache key", "subject", "object key".
	What string
	// Constant: a constant key is a finding too (a channel every tenant listens on). Otherwise a
	// constant is taken for a deliberately global entry ("feature-flags") and stays quiet; keys
	// built from ids without the tenant ("stats:" + id) are what leak.
	Constant bool
}

// Bindable are the types of handles that can be bound to one tenant when they are made
// (blob.PrefixedBucket(b, tenant+"/"), os.OpenRoot(tenantDir)), which then scopes every key
// used through them: opening one on a tenant path (a key sink) gives a bound handle, while the
// result of other key sinks never carries their keys' tenant (a rueidis builder after a tenant
// key, a subscription opened on a tenant channel).
var Bindable = []string{
	"gocloud.dev/blob.Bucket", "os.Root",
	"github.com/thanos-io/objstore.Bucket", "github.com/thanos-io/objstore.BucketReader",
	"github.com/thanos-io/objstore.InstrumentedBucket", "github.com/thanos-io/objstore.InstrumentedBucketReader",
}

// KeySinks are the built-in key sinks of every family, one file each.
var KeySinks = slices.Concat(cacheSinks, jobSinks, channelSinks, storageSinks)

// Scopers are calls whose results carry the active tenant whatever their inputs: the reference
// runtime's key, channel and path builders read the tenant from the context.
var Scopers = []string{
	Runtime + "/tenantcache.Key",
	Runtime + "/tenantcache.Prefix",
	Runtime + "/tenantpubsub.Channel",
	Runtime + "/tenantpubsub.Group",
	Runtime + "/tenantstore.Path",
	Runtime + "/tenantstore.OpenRoot",
	Runtime + "/tenantjob.Encode",
}

// TextBuffer is a type that accumulates text: what is written into one (its Write methods, or
// a TextWriter given a pointer to it) is what its Reads return, so a key assembled in a
// strings.Builder is judged by the parts written into it, as "report:" + id is.
type TextBuffer struct {
	Type string // "strings.Builder"
	// Writes are the methods that append their arguments.
	Writes []string
	// Reads are the methods that return the contents.
	Reads []string
	// Keeps are the methods that neither add text nor let the buffer escape (Len, Reset): a
	// buffer handed to anything else (a template's Execute, json.NewEncoder) holds text the
	// engine does not see.
	Keeps []string
}

// TextBuffers are the standard library's text buffers.
var TextBuffers = []TextBuffer{
	{
		Type:   "strings.Builder",
		Writes: []string{"Write", "WriteByte", "WriteRune", "WriteString"},
		Reads:  []string{"String"},
		Keeps:  []string{"Len", "Cap", "Grow", "Reset"},
	},
	{
		Type:   "bytes.Buffer",
		Writes: []string{"Write", "WriteByte", "WriteRune", "WriteString"},
		Reads:  []string{"String", "Bytes"},
		Keeps:  []string{"Len", "Cap", "Grow", "Reset", "Truncate", "Available", "AvailableBuffer"},
	},
}

// TextWriters are functions that write their arguments after the first into the io.Writer that
// is their first (a text buffer, when a pointer to one is passed).
var TextWriters = []string{"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln", "io.WriteString"}

// TextBufferOpeners make a text buffer that starts with their arguments.
var TextBufferOpeners = []string{"bytes.NewBuffer", "bytes.NewBufferString"}
