// Package s3 is a stub of the AWS SDK v2's S3 client for the storageapp fixture; contract/
// checks its signatures against the real module.
package s3

import (
	"context"
	"io"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

type Options struct{}

type Client struct{}

type PutObjectInput struct {
	Bucket *string
	Key    *string
	Body   io.Reader
}
type PutObjectOutput struct{}

type GetObjectInput struct {
	Bucket *string
	Key    *string
}
type GetObjectOutput struct{ Body io.ReadCloser }

type DeleteObjectInput struct {
	Bucket *string
	Key    *string
}
type DeleteObjectOutput struct{}

type HeadObjectInput struct {
	Bucket *string
	Key    *string
}
type HeadObjectOutput struct{}

type CopyObjectInput struct {
	Bucket     *string
	CopySource *string
	Key        *string
}
type CopyObjectOutput struct{}

type ListObjectsV2Input struct {
	Bucket *string
	Prefix *string
}
type ListObjectsV2Output struct{}

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return nil, nil
}
func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return nil, nil
}
func (c *Client) DeleteObject(ctx context.Context, params *DeleteObjectInput, optFns ...func(*Options)) (*DeleteObjectOutput, error) {
	return nil, nil
}
func (c *Client) HeadObject(ctx context.Context, params *HeadObjectInput, optFns ...func(*Options)) (*HeadObjectOutput, error) {
	return nil, nil
}
func (c *Client) CopyObject(ctx context.Context, params *CopyObjectInput, optFns ...func(*Options)) (*CopyObjectOutput, error) {
	return nil, nil
}
func (c *Client) ListObjectsV2(ctx context.Context, params *ListObjectsV2Input, optFns ...func(*Options)) (*ListObjectsV2Output, error) {
	return nil, nil
}

type ListObjectsV2APIClient interface {
	ListObjectsV2(context.Context, *ListObjectsV2Input, ...func(*Options)) (*ListObjectsV2Output, error)
}
type ListObjectsV2PaginatorOptions struct{}
type ListObjectsV2Paginator struct{}

func NewListObjectsV2Paginator(client ListObjectsV2APIClient, params *ListObjectsV2Input, optFns ...func(*ListObjectsV2PaginatorOptions)) *ListObjectsV2Paginator {
	return nil
}

type PresignOptions struct{}
type PresignClient struct{}

func NewPresignClient(c *Client, optFns ...func(*PresignOptions)) *PresignClient { return nil }

func (c *PresignClient) PresignGetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*PresignOptions)) (*v4.PresignedHTTPRequest, error) {
	return nil, nil
}
func (c *PresignClient) PresignPutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*PresignOptions)) (*v4.PresignedHTTPRequest, error) {
	return nil, nil
}
