// Package rueidis is a stub of github.com/redis/rueidis for the analysistest fixtures: only what
// they call, with the real signatures (contract/ compares them).
package rueidis

import (
	"context"

	"github.com/redis/rueidis/internal/cmds"
)

type Builder = cmds.Builder

type Completed = cmds.Completed

type RedisMessage struct{ string string }

type RedisResult struct {
	err error
	val RedisMessage
}

func (r RedisResult) ToString() (v string, err error) { return "", r.err }
func (r RedisResult) Error() (err error)              { return r.err }

type CommandClient interface {
	B() Builder
	Do(ctx context.Context, cmd Completed) (resp RedisResult)
}

type CoreClient interface {
	CommandClient
	Close()
}

type Client interface {
	CoreClient
}

func MGet(client Client, ctx context.Context, keys []string) (ret map[string]RedisMessage, err error) {
	return nil, nil
}
