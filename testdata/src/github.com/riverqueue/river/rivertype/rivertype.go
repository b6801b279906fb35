// Package rivertype is a stub of github.com/riverqueue/river/rivertype for the analysistest
// fixtures (v0.51): the result type of river's Insert methods.
package rivertype

type JobInsertResult struct {
	UniqueSkippedAsDuplicate bool
}

type JobRow struct {
	ID int64
}
