// Package blob is a stub of the Go CDK's portable blob storage for the storageapp fixture;
// contract/ checks its signatures against the real module.
package blob

import "context"

type Bucket struct{}
type ReaderOptions struct{}
type Reader struct{}
type WriterOptions struct{}
type Writer struct{}
type Attributes struct{}
type ListOptions struct {
	Prefix    string
	Delimiter string
}
type ListIterator struct{}

func (b *Bucket) ReadAll(ctx context.Context, key string) (_ []byte, err error) { return nil, nil }
func (b *Bucket) WriteAll(ctx context.Context, key string, p []byte, opts *WriterOptions) (err error) {
	return nil
}
func (b *Bucket) NewReader(ctx context.Context, key string, opts *ReaderOptions) (*Reader, error) {
	return nil, nil
}
func (b *Bucket) NewWriter(ctx context.Context, key string, opts *WriterOptions) (_ *Writer, err error) {
	return nil, nil
}
func (b *Bucket) Delete(ctx context.Context, key string) error { return nil }
func (b *Bucket) Attributes(ctx context.Context, key string) (_ *Attributes, err error) {
	return nil, nil
}
func (b *Bucket) Exists(ctx context.Context, key string) (bool, error) { return false, nil }
func (b *Bucket) List(opts *ListOptions) *ListIterator                 { return nil }

func PrefixedBucket(bucket *Bucket, prefix string) *Bucket { return bucket }

func OpenBucket(ctx context.Context, urlstr string) (*Bucket, error) { return nil, nil }
