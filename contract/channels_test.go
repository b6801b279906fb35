package contract

import (
	"go/types"
	"strings"
	"testing"

	"github.com/tenantlint/tenantlint/catalog"
)

// The channel family's real packages: catalog rows (catalog/channels.go) are looked up in them,
// and the stubs under testdata/src with the same import paths are compared with them.
func init() {
	realPackages = append(realPackages,
		"github.com/redis/go-redis/v9",
		"github.com/nats-io/nats.go",
		"github.com/nats-io/nats.go/jetstream",
		"github.com/centrifugal/centrifuge",
		"github.com/olahol/melody",
		"github.com/segmentio/kafka-go",
		"github.com/IBM/sarama",
	)
}

// TestChannelRows: every channel row is spelled the way the engine keys a call (catalog.Key of
// the method found: an interface method by the interface that declares it, a promoted method by
// the embedded type that declares it), so that no row only names a method set it is found in;
// and its argument (or field, or each variadic element) is a string, the channel.
func TestChannelRows(t *testing.T) {
	pkgs := load(t)
	for _, k := range catalog.KeySinks {
		if k.Family != "channel" {
			continue
		}
		fn, ok := lookup(pkgs, k.Func)
		if !ok {
			continue // reported by TestCatalogAgainstRealModules
		}
		params := fn.Type().(*types.Signature).Params()
		if k.Arg >= params.Len() {
			continue
		}
		at := params.At(k.Arg).Type()
		if k.Variadic {
			if s, ok := at.(*types.Slice); ok {
				at = s.Elem()
			}
		}
		if k.Field != "" {
			if p, ok := at.Underlying().(*types.Pointer); ok {
				at = p.Elem()
			}
			st, ok := at.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i).Name() == k.Field {
					at = st.Field(i).Type()
				}
			}
		}
		if !isStringType(at) {
			t.Errorf("channel sink %s: argument %d %s is %s, not a channel name", k.Func, k.Arg, k.Field, at)
		}
		if !k.Constant {
			t.Errorf("channel sink %s: a constant channel is shared by every tenant; the row must say Constant", k.Func)
		}
	}
}

// TestBroadcastAll: every call the catalog reports as a broadcast to all tenants exists.
func TestBroadcastAll(t *testing.T) {
	pkgs := load(t)
	for _, f := range catalog.BroadcastAll {
		if _, ok := lookup(pkgs, f); !ok {
			t.Errorf("catalog.BroadcastAll: %s not found in the real module", f)
		}
	}
}

// TestSubscribeHandlers: each subscription hook's event type has the channel field (a string)
// and its callback type exists.
func TestSubscribeHandlers(t *testing.T) {
	pkgs := load(t)
	typeOf := func(name string) types.Type {
		i := strings.LastIndex(name, ".")
		p := pkgs[name[:i]]
		if p == nil {
			return nil
		}
		obj, ok := p.Scope().Lookup(name[i+1:]).(*types.TypeName)
		if !ok {
			return nil
		}
		return obj.Type()
	}
	for _, h := range catalog.SubscribeHandlers {
		ev := typeOf(h.Event)
		if ev == nil {
			t.Errorf("subscribe handler: no type %s", h.Event)
			continue
		}
		st, _ := ev.Underlying().(*types.Struct)
		found := false
		for i := 0; st != nil && i < st.NumFields(); i++ {
			found = found || (st.Field(i).Name() == h.Field && types.Identical(st.Field(i).Type(), types.Typ[types.String]))
		}
		if !found {
			t.Errorf("subscribe handler: %s has no string field %s", h.Event, h.Field)
		}
		if _, ok := typeOf(h.Callback).(*types.Named); !ok {
			t.Errorf("subscribe handler: no type %s", h.Callback)
		}
	}
}
