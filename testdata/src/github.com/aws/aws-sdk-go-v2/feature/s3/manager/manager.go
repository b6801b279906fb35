// Package manager is a stub of the AWS SDK v2's S3 upload manager for the storageapp fixture.
package manager

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Uploader struct{}
type UploadOutput struct{ Location string }

func (u Uploader) Upload(ctx context.Context, input *s3.PutObjectInput, opts ...func(*Uploader)) (
	*UploadOutput, error,
) {
	return nil, nil
}

type Downloader struct{}

func (d Downloader) Download(ctx context.Context, w io.WriterAt, input *s3.GetObjectInput, options ...func(*Downloader)) (n int64, err error) {
	return 0, nil
}
