// Package result is a stub of github.com/RichardKnop/machinery/v2/backends/result for the
// analysistest fixtures (v2.0.16): the results of sending tasks.
package result

type AsyncResult struct{}

type ChainAsyncResult struct{}
