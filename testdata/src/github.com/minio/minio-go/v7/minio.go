// Package minio is a stub of minio-go v7 for the storageapp fixture; contract/ checks its
// signatures against the real module.
package minio

import (
	"context"
	"io"
	"net/url"
	"time"
)

type Client struct{}
type PutObjectOptions struct{}
type GetObjectOptions struct{}
type StatObjectOptions = GetObjectOptions
type RemoveObjectOptions struct{}
type UploadInfo struct{}
type Object struct{}
type ObjectInfo struct{ Key string }
type ListObjectsOptions struct {
	Prefix    string
	Recursive bool
}

func (c *Client) PutObject(ctx context.Context, bucketName, objectName string, reader io.Reader, size int64,
	opts PutObjectOptions,
) (info UploadInfo, err error) {
	return UploadInfo{}, nil
}
func (c *Client) GetObject(ctx context.Context, bucketName, objectName string, opts GetObjectOptions) (*Object, error) {
	return nil, nil
}
func (c *Client) FPutObject(ctx context.Context, bucketName, objectName, filePath string, opts PutObjectOptions) (info UploadInfo, err error) {
	return UploadInfo{}, nil
}
func (c *Client) RemoveObject(ctx context.Context, bucketName, objectName string, opts RemoveObjectOptions) error {
	return nil
}
func (c *Client) StatObject(ctx context.Context, bucketName, objectName string, opts StatObjectOptions) (ObjectInfo, error) {
	return ObjectInfo{}, nil
}
func (c *Client) ListObjects(ctx context.Context, bucketName string, opts ListObjectsOptions) <-chan ObjectInfo {
	return nil
}
func (c *Client) PresignedGetObject(ctx context.Context, bucketName, objectName string, expires time.Duration, reqParams url.Values) (u *url.URL, err error) {
	return nil, nil
}
