// Package work is a stub of github.com/gocraft/work for the analysistest fixtures: only what they
// call, with the signatures of v0.5.1 (contract/ compares them).
package work

// Q is a shortcut to easily specify arguments for jobs when enqueueing them.
type Q map[string]interface{}

type Job struct {
	Name string
	ID   string
	Args map[string]interface{}
}

type Enqueuer struct {
	Namespace string
}

func (e *Enqueuer) Enqueue(jobName string, args map[string]interface{}) (*Job, error) {
	return nil, nil
}

func (e *Enqueuer) EnqueueIn(jobName string, secondsFromNow int64, args map[string]interface{}) (*ScheduledJob, error) {
	return nil, nil
}

type ScheduledJob struct {
	RunAt int64
	*Job
}
