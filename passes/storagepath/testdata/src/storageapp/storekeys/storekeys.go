// Package storekeys builds object keys for package storageapp: a helper in another package,
// whose summaries (a key built without the tenant, a key parameter that must carry it) reach
// its callers as facts.
package storekeys

import (
	"context"
	"path"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"

	"example.com/auth"
)

// NoteKey names a note without its tenant: every tenant's note id maps to the same object.
func NoteKey(id string) string { return path.Join("notes", id+".txt") }

// TenantNoteKey names a note under the active tenant.
func TenantNoteKey(ctx context.Context, id string) string {
	return path.Join("tenants", auth.TenantID(ctx), "notes", id+".txt")
}

// Put stores body under key: its callers must scope the key.
func Put(ctx context.Context, c *s3.Client, key string) error {
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("notes"), Key: aws.String(key)})
	return err
}

// TenantBucket binds b to the active tenant's prefix: its callers' keys need no tenant.
func TenantBucket(ctx context.Context, b *blob.Bucket) *blob.Bucket {
	return blob.PrefixedBucket(b, "tenants/"+auth.TenantID(ctx)+"/")
}
