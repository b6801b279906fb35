package redis

// The cache commands the cacheapp fixture calls, with the real signatures. As in the real
// package, they are methods of the unexported cmdable (which Client, Tx and Pipeline embed) and
// of the interface of Cmdable that declares each (StringCmdable's Get): Cmdable, UniversalClient
// and Pipeliner only embed those, so a call through them resolves to the declaring interface.

import (
	"context"
	"time"
)

type StringCmd struct{ val string }

func (cmd *StringCmd) Result() (string, error) { return cmd.val, nil }
func (cmd *StringCmd) Val() string             { return cmd.val }

type StatusCmd struct{ val string }

func (cmd *StatusCmd) Result() (string, error) { return cmd.val, nil }

type BoolCmd struct{ val bool }

type SliceCmd struct{ val []interface{} }

type Cmd struct{ val interface{} }

type ScanCmd struct{ page []string }

func (cmd *ScanCmd) Result() (keys []string, cursor uint64, err error) { return cmd.page, 0, nil }

type Z struct {
	Score  float64
	Member interface{}
}

type ZStore struct {
	Keys      []string
	Weights   []float64
	Aggregate string
}

type XAddArgs struct {
	Stream string
	MaxLen int64
	ID     string
	Values interface{}
}

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return nil }
func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return nil
}
func (c cmdable) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return nil
}
func (c cmdable) Incr(ctx context.Context, key string) *IntCmd               { return nil }
func (c cmdable) MGet(ctx context.Context, keys ...string) *SliceCmd         { return nil }
func (c cmdable) MSet(ctx context.Context, values ...interface{}) *StatusCmd { return nil }
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd            { return nil }
func (c cmdable) Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd {
	return nil
}
func (c cmdable) Rename(ctx context.Context, key, newkey string) *StatusCmd { return nil }
func (c cmdable) Scan(ctx context.Context, cursor uint64, match string, count int64) *ScanCmd {
	return nil
}
func (c cmdable) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd  { return nil }
func (c cmdable) HGet(ctx context.Context, key, field string) *StringCmd               { return nil }
func (c cmdable) LPush(ctx context.Context, key string, values ...interface{}) *IntCmd { return nil }
func (c cmdable) SUnionStore(ctx context.Context, destination string, keys ...string) *IntCmd {
	return nil
}
func (c cmdable) ZAdd(ctx context.Context, key string, members ...Z) *IntCmd          { return nil }
func (c cmdable) ZUnionStore(ctx context.Context, dest string, store *ZStore) *IntCmd { return nil }
func (c cmdable) XAdd(ctx context.Context, a *XAddArgs) *StringCmd                    { return nil }
func (c cmdable) Eval(ctx context.Context, script string, keys []string, args ...interface{}) *Cmd {
	return nil
}

type StringCmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd
	Incr(ctx context.Context, key string) *IntCmd
	MGet(ctx context.Context, keys ...string) *SliceCmd
	MSet(ctx context.Context, values ...interface{}) *StatusCmd
}

type GenericCmdable interface {
	Del(ctx context.Context, keys ...string) *IntCmd
	Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd
	Rename(ctx context.Context, key, newkey string) *StatusCmd
	Scan(ctx context.Context, cursor uint64, match string, count int64) *ScanCmd
}

type HashCmdable interface {
	HSet(ctx context.Context, key string, values ...interface{}) *IntCmd
	HGet(ctx context.Context, key, field string) *StringCmd
}

type ScriptingFunctionsCmdable interface {
	Eval(ctx context.Context, script string, keys []string, args ...interface{}) *Cmd
}

type Cmdable interface {
	Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error)
	StringCmdable
	GenericCmdable
	HashCmdable
	ScriptingFunctionsCmdable
}

type StatefulCmdable interface {
	Cmdable
}

type Pipeliner interface {
	StatefulCmdable
	Exec(ctx context.Context) ([]Cmder, error)
}

type UniversalClient interface {
	Cmdable
	Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error
}

func (c *Client) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Client) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error { return nil }

type Tx struct{ cmdable }

func (c *Tx) Watch(ctx context.Context, keys ...string) *StatusCmd { return nil }

type Script struct{ src string }

func NewScript(src string) *Script { return &Script{src: src} }

type Scripter interface {
	Eval(ctx context.Context, script string, keys []string, args ...interface{}) *Cmd
}

func (s *Script) Run(ctx context.Context, c Scripter, keys []string, args ...interface{}) *Cmd {
	return nil
}
