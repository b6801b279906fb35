// Package asynq is a stub of github.com/hibiken/asynq for the analysistest fixtures: only what
// they call, with the signatures of v0.26 (contract/ compares them).
package asynq

import "context"

type Task struct {
	typename string
	payload  []byte
}

func NewTask(typename string, payload []byte, opts ...Option) *Task {
	return &Task{typename: typename, payload: payload}
}

type Option interface {
	String() string
}

type TaskInfo struct {
	ID    string
	Queue string
}

type Client struct{}

func (c *Client) Enqueue(task *Task, opts ...Option) (*TaskInfo, error) { return nil, nil }
func (c *Client) EnqueueContext(ctx context.Context, task *Task, opts ...Option) (*TaskInfo, error) {
	return nil, nil
}

func (t *Task) Payload() []byte { return t.payload }
