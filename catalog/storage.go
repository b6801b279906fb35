package catalog

import "slices"

// storageSinks are the storage libraries' key sinks (family "storage"): object keys, list
// prefixes and local file paths. A method's receiver bound to the tenant (a gocloud bucket from
// blob.PrefixedBucket with a tenant prefix, an *os.Root from tenantstore.OpenRoot) scopes every
// key through it; constant keys ("config.yaml") stay quiet.
var storageSinks = slices.Concat(s3Sinks(), gocloudSinks(), objstoreSinks(), minioSinks(), gcsSinks(), localFileSinks())

// storageLibraries are the storage libraries, whose own code is not analysed. (The standard
// library's os and net/http are never analysed anyway.)
var storageLibraries = []string{
	"github.com/aws/aws-sdk-go-v2",
	"gocloud.dev",
	"github.com/minio/minio-go/v7",
	"cloud.google.com/go/storage",
	"github.com/thanos-io/objstore",
}

const (
	objectKey    = "object key"
	objectPrefix = "object prefix"
	filePath     = "file path"
)

// storageRows adds one sink per method of recv, all with the same argument (and field).
func storageRows(recv string, methods []string, arg int, field, what string) []KeySink {
	var out []KeySink
	for _, m := range methods {
		out = append(out, KeySink{Func: "(" + recv + ")." + m, Arg: arg, Field: field, Family: FamilyStorage, What: what})
	}
	return out
}

// storageFuncs adds one sink per package-level function of pkg.
func storageFuncs(pkg string, funcs []string, arg int, field, what string) []KeySink {
	var out []KeySink
	for _, f := range funcs {
		out = append(out, KeySink{Func: pkg + "." + f, Arg: arg, Field: field, Family: FamilyStorage, What: what})
	}
	return out
}

// s3Sinks: AWS SDK v2. Every object operation takes (ctx, *XxxInput, optFns...): the key is the
// input's Key (a *string), the list operations' Prefix; copies also name their source
// ("bucket/key") in CopySource.
func s3Sinks() []KeySink {
	const (
		s3      = "github.com/aws/aws-sdk-go-v2/service/s3"
		client  = s3 + ".Client"
		presign = s3 + ".PresignClient"
		manager = "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	)
	keyed := []string{
		"PutObject", "GetObject", "DeleteObject", "HeadObject", "CopyObject", "RenameObject",
		"GetObjectAttributes", "RestoreObject", "SelectObjectContent", "GetObjectTorrent",
		"GetObjectAcl", "PutObjectAcl", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging",
		"GetObjectRetention", "PutObjectRetention", "GetObjectLegalHold", "PutObjectLegalHold",
		"UpdateObjectEncryption",
		"CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload",
		"AbortMultipartUpload", "ListParts",
	}
	prefixed := []string{"ListObjectsV2", "ListObjects", "ListObjectVersions", "ListMultipartUploads"}
	return slices.Concat(
		storageRows(client, keyed, 1, "Key", objectKey),
		storageRows(client, []string{"CopyObject", "UploadPartCopy"}, 1, "CopySource", "copy source"),
		storageRows(client, []string{"RenameObject"}, 1, "RenameSource", "rename source"),
		storageRows(client, prefixed, 1, "Prefix", objectPrefix),
		// Paginators: New...Paginator(client, params, optFns...).
		storageFuncs(s3, []string{"NewListObjectsV2Paginator", "NewListObjectVersionsPaginator", "NewListMultipartUploadsPaginator"}, 1, "Prefix", objectPrefix),
		storageFuncs(s3, []string{"NewListPartsPaginator"}, 1, "Key", objectKey),
		// Presigned URLs hand the object to whoever holds the URL.
		storageRows(presign, []string{"PresignGetObject", "PresignPutObject", "PresignDeleteObject", "PresignHeadObject", "PresignUploadPart", "PresignPostObject"}, 1, "Key", objectKey),
		// The upload manager (deprecated for feature/s3/transfermanager, still widely used).
		storageRows(manager+".Uploader", []string{"Upload"}, 1, "Key", objectKey),
		storageRows(manager+".Downloader", []string{"Download"}, 2, "Key", objectKey),
	)
}

// gocloudSinks: gocloud.dev/blob. blob.PrefixedBucket(b, prefix) is no sink and no scoper: its
// result carries the tenant exactly when the prefix does, which the engine derives, and a
// bucket that carries it scopes every key used through it.
func gocloudSinks() []KeySink {
	const bucket = "gocloud.dev/blob.Bucket"
	return slices.Concat(
		storageRows(bucket, []string{
			"ReadAll", "Download", "Exists", "Attributes", "NewReader", "NewRangeReader",
			"WriteAll", "Upload", "NewWriter", "Delete", "DeleteWithOptions", "SignedURL",
		}, 1, "", objectKey),
		storageRows(bucket, []string{"Copy"}, 1, "", objectKey), // dstKey
		storageRows(bucket, []string{"Copy"}, 2, "", objectKey), // srcKey
		storageRows(bucket, []string{"List"}, 0, "Prefix", objectPrefix),
		storageRows(bucket, []string{"ListPage"}, 3, "Prefix", objectPrefix),
		// A bucket of one key: that key names the object.
		storageFuncs("gocloud.dev/blob", []string{"SingleKeyBucket"}, 1, "", objectKey),
	)
}

// objstoreSinks: thanos-io/objstore, the bucket interface of Thanos, Cortex, Mimir and Loki,
// where each tenant's objects live under its own prefix. objstore.NewPrefixedBucket(b, prefix)
// and the projects' user bucket clients (bucket.NewUserBucketClient(userID, b)) are no sinks:
// their result carries the tenant when the prefix does, and a bucket that carries it scopes
// every name used through it.
func objstoreSinks() []KeySink {
	const objstore = "github.com/thanos-io/objstore"
	return slices.Concat(
		storageRows(objstore+".Bucket", []string{"Upload", "Delete"}, 1, "", objectKey),
		storageRows(objstore+".BucketReader", []string{"Get", "GetRange", "Exists", "Attributes"}, 1, "", objectKey),
		storageRows(objstore+".BucketReader", []string{"Iter", "IterWithAttributes"}, 1, "", objectPrefix),
	)
}

// minioSinks: minio-go v7, whose methods take (ctx, bucketName, objectName, ...): the object
// name is argument 2.
func minioSinks() []KeySink {
	const client = "github.com/minio/minio-go/v7.Client"
	return slices.Concat(
		storageRows(client, []string{
			"PutObject", "GetObject", "FPutObject", "FGetObject", "AppendObject", "RemoveObject",
			"StatObject", "GetObjectACL", "GetObjectAttributes", "RestoreObject", "SelectObjectContent",
			"GetObjectTagging", "PutObjectTagging", "RemoveObjectTagging",
			"GetObjectRetention", "PutObjectRetention", "GetObjectLegalHold", "PutObjectLegalHold",
			"RemoveIncompleteUpload", "PresignedGetObject", "PresignedHeadObject", "PresignedPutObject",
			"PromptObject",
		}, 2, "", objectKey),
		storageRows(client, []string{"Presign"}, 3, "", objectKey),
		// FPutObject reads, FGetObject writes, a local file.
		storageRows(client, []string{"FPutObject", "FGetObject"}, 3, "", filePath),
		storageRows(client, []string{"CopyObject", "ComposeObject"}, 1, "Object", objectKey), // destination
		storageRows(client, []string{"CopyObject"}, 2, "Object", objectKey),                  // source
		storageRows(client, []string{"ListObjects"}, 2, "Prefix", objectPrefix),
		storageRows(client, []string{"ListIncompleteUploads"}, 2, "", objectPrefix),
	)
}

// gcsSinks: cloud.google.com/go/storage. An object is named once, by BucketHandle.Object; the
// ObjectHandle's own methods (NewWriter, NewReader, Delete) then need nothing.
func gcsSinks() []KeySink {
	const pkg = "cloud.google.com/go/storage"
	return slices.Concat(
		storageRows(pkg+".BucketHandle", []string{"Object", "SignedURL", "GenerateSignedPostPolicyV4"}, 0, "", objectKey),
		storageRows(pkg+".BucketHandle", []string{"Objects"}, 1, "Prefix", objectPrefix),
		// Move's destination (an ObjectHandle bound to a tenant object scopes it, like any
		// bound receiver).
		storageRows(pkg+".ObjectHandle", []string{"Move"}, 1, "Object", objectKey),
		storageFuncs(pkg, []string{"SignedURL", "GenerateSignedPostPolicyV4"}, 1, "", objectKey),
	)
}

// localFileSinks: the standard library's file system calls, and *os.Root's: a root opened on
// the tenant's directory (tenantstore.OpenRoot, os.OpenRoot of a tenant path) confines every
// name used through it.
func localFileSinks() []KeySink {
	return slices.Concat(
		storageFuncs("os", []string{
			"ReadFile", "WriteFile", "Open", "OpenFile", "Create", "Remove", "RemoveAll",
			"Mkdir", "MkdirAll", "Stat", "Lstat", "ReadDir", "Truncate", "OpenRoot", "CopyFS", "Rename",
		}, 0, "", filePath),
		storageFuncs("os", []string{"Rename"}, 1, "", filePath), // newpath
		storageRows("os.Root", []string{
			"Open", "Create", "OpenFile", "OpenRoot", "Remove", "RemoveAll", "Mkdir", "MkdirAll",
			"Stat", "Lstat", "ReadFile", "WriteFile", "Rename",
		}, 0, "", filePath),
		storageRows("os.Root", []string{"Rename"}, 1, "", filePath), // newname
		storageFuncs("net/http", []string{"ServeFile"}, 2, "", filePath),
	)
}
