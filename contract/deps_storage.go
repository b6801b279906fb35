package contract

// The storage family's libraries (catalog/storage.go, testdata stubs for storageapp).
import (
	_ "cloud.google.com/go/storage"
	_ "github.com/aws/aws-sdk-go-v2/aws"
	_ "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	_ "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	_ "github.com/aws/aws-sdk-go-v2/service/s3"
	_ "github.com/minio/minio-go/v7"
	_ "github.com/thanos-io/objstore"
	_ "gocloud.dev/blob"
)
