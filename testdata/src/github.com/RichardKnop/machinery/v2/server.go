// Package machinery is a stub of github.com/RichardKnop/machinery/v2 for the analysistest
// fixtures: only what they call, with the signatures of v2.0.16 (contract/ compares them).
package machinery

import (
	"context"

	"github.com/RichardKnop/machinery/v2/backends/result"
	"github.com/RichardKnop/machinery/v2/tasks"
)

type Server struct{}

func (server *Server) SendTask(signature *tasks.Signature) (*result.AsyncResult, error) {
	return nil, nil
}

func (server *Server) SendTaskWithContext(ctx context.Context, signature *tasks.Signature) (*result.AsyncResult, error) {
	return nil, nil
}

func (server *Server) SendChain(chain *tasks.Chain) (*result.ChainAsyncResult, error) {
	return nil, nil
}

func (server *Server) RegisterTask(name string, taskFunc interface{}) error { return nil }
