// Package river is a stub of github.com/riverqueue/river for the analysistest fixtures: only what
// they call, with the signatures of v0.51, generics included (contract/ compares them).
package river

import (
	"context"

	"github.com/riverqueue/river/rivertype"
)

type JobArgs interface {
	Kind() string
}

type InsertOpts struct {
	Queue string
}

type InsertManyParams struct {
	Args       JobArgs
	InsertOpts *InsertOpts
}

type Client[TTx any] struct{}

func (c *Client[TTx]) Insert(ctx context.Context, args JobArgs, opts *InsertOpts) (*rivertype.JobInsertResult, error) {
	return nil, nil
}

func (c *Client[TTx]) InsertTx(ctx context.Context, tx TTx, args JobArgs, opts *InsertOpts) (*rivertype.JobInsertResult, error) {
	return nil, nil
}

func (c *Client[TTx]) InsertMany(ctx context.Context, params []InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	return nil, nil
}

type Job[T JobArgs] struct {
	*rivertype.JobRow
	Args T
}
