// Package objstore is a stub of github.com/thanos-io/objstore for the analysistest fixtures:
// only what they call, with the real signatures (contract/ compares them).
package objstore

import (
	"context"
	"io"
)

type ObjectUploadOption func()
type IterOption func()
type ObjectAttributes struct{}

type BucketReader interface {
	Iter(ctx context.Context, dir string, f func(name string) error, options ...IterOption) error
	Get(ctx context.Context, name string) (io.ReadCloser, error)
	Exists(ctx context.Context, name string) (bool, error)
	Attributes(ctx context.Context, name string) (ObjectAttributes, error)
}

type Bucket interface {
	io.Closer
	BucketReader
	Upload(ctx context.Context, name string, r io.Reader, opts ...ObjectUploadOption) error
	Delete(ctx context.Context, name string) error
}

func NewPrefixedBucket(bkt Bucket, prefix string) Bucket { return bkt }

type IsOpFailureExpectedFunc func(error) bool

type InstrumentedBucket interface {
	Bucket
	WithExpectedErrs(IsOpFailureExpectedFunc) Bucket
}
