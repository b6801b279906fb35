// Package storage is a stub of the Google Cloud Storage client for the storageapp fixture;
// contract/ checks its signatures against the real module.
package storage

import "context"

type Client struct{}
type BucketHandle struct{}
type ObjectHandle struct{}
type Writer struct{}
type ObjectIterator struct{}
type Query struct {
	Delimiter string
	Prefix    string
}

func (c *Client) Bucket(name string) *BucketHandle                            { return nil }
func (b *BucketHandle) Object(name string) *ObjectHandle                      { return nil }
func (b *BucketHandle) Objects(ctx context.Context, q *Query) *ObjectIterator { return nil }
func (o *ObjectHandle) NewWriter(ctx context.Context) *Writer                 { return nil }
func (o *ObjectHandle) Delete(ctx context.Context) (err error)                { return nil }
