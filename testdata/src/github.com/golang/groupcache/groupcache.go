// Package groupcache is a stub of github.com/golang/groupcache for the analysistest fixtures:
// only what they call, with the real signatures (contract/ compares them).
package groupcache

import "context"

type Sink interface {
	SetString(s string) error
}

type stringSink struct{ sp *string }

func (s *stringSink) SetString(v string) error { *s.sp = v; return nil }

func StringSink(sp *string) Sink { return &stringSink{sp} }

type Group struct{ name string }

func GetGroup(name string) *Group { return nil }

func (g *Group) Get(ctx context.Context, key string, dest Sink) error { return nil }
