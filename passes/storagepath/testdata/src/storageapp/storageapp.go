// Package storageapp exercises the storage family's built-in sinks (catalog/storage.go): S3,
// the S3 upload manager, gocloud.dev/blob, minio, Google Cloud Storage, local files and
// *os.Root, http.ServeFile. Keys built with the tenant, through tenantstore, or used through a
// bucket or root bound to the tenant are quiet; keys built without it are findings; constant
// keys are deliberately global and quiet.
package storageapp

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"time"

	"cloud.google.com/go/storage"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	"github.com/thanos-io/objstore"
	"gocloud.dev/blob"

	"github.com/tenantlint/tenantlint/tenant/tenantstore"

	"example.com/auth"
	"storageapp/storekeys"
)

func S3Keys(ctx context.Context, c *s3.Client, id string) {
	c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("notes"), Key: aws.String(fmt.Sprintf("notes/%s.txt", id))}) // want `the object key \(Key\) of PutObject is built without the active tenant`
	c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("notes"), Key: aws.String(fmt.Sprintf("%s/notes/%s.txt", auth.TenantID(ctx), id))})
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(path.Join("notes", id))}) // want `the object key \(Key\) of GetObject is built without the active tenant`
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(path.Join(auth.TenantID(ctx), "notes", id))})
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String("config.yaml")}) // a constant: a deliberately global object

	key := "notes/" + id
	c.DeleteObject(ctx, &s3.DeleteObjectInput{Key: &key}) // want `the object key \(Key\) of DeleteObject is built without the active tenant`
	tkey, _ := tenantstore.Path(ctx, "notes", id)
	c.DeleteObject(ctx, &s3.DeleteObjectInput{Key: &tkey})

	in := &s3.HeadObjectInput{Bucket: aws.String("notes")}
	in.Key = aws.String("notes/" + id)
	c.HeadObject(ctx, in) // want `the object key \(Key\) of HeadObject is built without the active tenant`

	// CopySource ("bucket/key") names an object too.
	c.CopyObject(ctx, &s3.CopyObjectInput{CopySource: aws.String("notes/notes/" + id), Key: aws.String(tkey)}) // want `the copy source \(CopySource\) of CopyObject is built without the active tenant`
	c.CopyObject(ctx, &s3.CopyObjectInput{CopySource: aws.String("notes/" + tkey), Key: aws.String(tkey)})

	c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Prefix: aws.String("users/" + id + "/")}) // want `the object prefix \(Prefix\) of ListObjectsV2 is built without the active tenant`
	c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Prefix: aws.String(auth.TenantID(ctx) + "/")})
	c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("notes")})                  // no prefix: like a constant, quiet
	s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Prefix: aws.String("users/" + id)}) // want `the object prefix \(Prefix\) of NewListObjectsV2Paginator is built without the active tenant`
}

func S3Request(ctx context.Context, c *s3.Client, r *http.Request) {
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(r.PathValue("key"))}) // want `the object key \(Key\) of GetObject is built from request input \(r.PathValue\) without the active tenant`
}

// Keys from a helper in another package.
func S3Helpers(ctx context.Context, c *s3.Client, id string) {
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(storekeys.NoteKey(id))}) // want `the object key \(Key\) of GetObject is built without the active tenant`
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(storekeys.TenantNoteKey(ctx, id))})
	storekeys.Put(ctx, c, storekeys.NoteKey(id)) // want `Put needs the active tenant in key .* is built without the active tenant`
	storekeys.Put(ctx, c, storekeys.TenantNoteKey(ctx, id))
}

func Presign(ctx context.Context, c *s3.Client, id string) {
	p := s3.NewPresignClient(c)
	p.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String("exports/" + id + ".csv")}) // want `the object key \(Key\) of PresignGetObject is built without the active tenant`
	key, _ := tenantstore.Path(ctx, "exports", id+".csv")
	p.PresignPutObject(ctx, &s3.PutObjectInput{Key: aws.String(key)})
}

func Transfer(ctx context.Context, u *manager.Uploader, d *manager.Downloader, w io.WriterAt, id string, body io.Reader) {
	u.Upload(ctx, &s3.PutObjectInput{Key: aws.String("uploads/" + id), Body: body}) // want `the object key \(Key\) of Upload is built without the active tenant`
	u.Upload(ctx, &s3.PutObjectInput{Key: aws.String(auth.TenantID(ctx) + "/uploads/" + id), Body: body})
	d.Download(ctx, w, &s3.GetObjectInput{Key: aws.String("uploads/" + id)}) // want `the object key \(Key\) of Download is built without the active tenant`
}

func Blob(ctx context.Context, id string, data []byte) {
	b, _ := blob.OpenBucket(ctx, "s3://notes") // the service's bucket, shared by every tenant
	b.WriteAll(ctx, "notes/"+id, data, nil) // want `the object key of WriteAll is built without the active tenant`
	b.WriteAll(ctx, auth.TenantID(ctx)+"/notes/"+id, data, nil)
	b.ReadAll(ctx, "settings.json")                  // a constant: quiet
	b.List(&blob.ListOptions{Prefix: "users/" + id}) // want `the object prefix \(Prefix\) of List is built without the active tenant`

	// A bucket bound to the tenant's prefix scopes every key used through it.
	tb := blob.PrefixedBucket(b, auth.TenantID(ctx)+"/")
	tb.WriteAll(ctx, "notes/"+id, data, nil)
	tb.ReadAll(ctx, "notes/"+id)
	tb.Delete(ctx, id)
	tb.List(&blob.ListOptions{Prefix: "notes/"})

	// A constant prefix binds nothing: the keys still need the tenant.
	shared := blob.PrefixedBucket(b, "uploads/")
	shared.WriteAll(ctx, "notes/"+id, data, nil)   // want `the object key of WriteAll is built without the active tenant`
	shared.NewReader(ctx, path.Join("n", id), nil) // want `the object key of NewReader is built without the active tenant`
	shared.Exists(ctx, auth.TenantID(ctx)+"/"+id)

	// Bound by a helper in another package.
	storekeys.TenantBucket(ctx, b).WriteAll(ctx, "notes/"+id, data, nil)
}

func Minio(ctx context.Context, mc *minio.Client, id string, body io.Reader, size int64) {
	mc.PutObject(ctx, "notes", "notes/"+id, body, size, minio.PutObjectOptions{}) // want `the object key of PutObject is built without the active tenant`
	mc.PutObject(ctx, "notes", auth.TenantID(ctx)+"/notes/"+id, body, size, minio.PutObjectOptions{})
	mc.GetObject(ctx, "notes", "README.md", minio.GetObjectOptions{})                  // a constant: quiet
	mc.RemoveObject(ctx, "notes", path.Join("notes", id), minio.RemoveObjectOptions{}) // want `the object key of RemoveObject is built without the active tenant`
	mc.StatObject(ctx, "notes", path.Join(auth.TenantID(ctx), id), minio.StatObjectOptions{})
	mc.ListObjects(ctx, "notes", minio.ListObjectsOptions{Prefix: "users/" + id, Recursive: true}) // want `the object prefix \(Prefix\) of ListObjects is built without the active tenant`
	mc.ListObjects(ctx, "notes", minio.ListObjectsOptions{Prefix: auth.TenantID(ctx) + "/"})
	mc.PresignedGetObject(ctx, "notes", "exports/"+id, time.Hour, nil) // want `the object key of PresignedGetObject is built without the active tenant`
	// FPutObject uploads a local file: its path is a sink too.
	mc.FPutObject(ctx, "notes", auth.TenantID(ctx)+"/"+id, filepath.Join(spool, id), minio.PutObjectOptions{}) // want `the file path of FPutObject is built without the active tenant`
}

func GCS(ctx context.Context, gc *storage.Client, id string) {
	bkt := gc.Bucket("notes")
	bkt.Object("notes/" + id).NewWriter(ctx) // want `the object key of Object is built without the active tenant`
	bkt.Object(auth.TenantID(ctx) + "/notes/" + id).Delete(ctx)
	bkt.Object("index.html")                                // a constant: quiet
	bkt.Objects(ctx, &storage.Query{Prefix: "users/" + id}) // want `the object prefix \(Prefix\) of Objects is built without the active tenant`
	bkt.Objects(ctx, &storage.Query{Prefix: auth.TenantID(ctx) + "/"})
	bkt.Objects(ctx, nil) // no query: like a constant, quiet

	// A bucket per tenant: the handle carries the tenant, every object in it is the tenant's.
	own := gc.Bucket("notes-" + auth.TenantID(ctx))
	own.Object("notes/" + id).NewWriter(ctx)
}

const (
	dataDir = "/var/lib/notes"
	spool   = "/var/spool/notes"
)

func Files(ctx context.Context, id string, body []byte) {
	os.WriteFile(filepath.Join(dataDir, id+".txt"), body, 0o600) // want `the file path of WriteFile is built without the active tenant`
	os.WriteFile(filepath.Join(dataDir, auth.TenantID(ctx), id+".txt"), body, 0o600)
	os.ReadFile("config.yaml") // a constant: quiet
	os.MkdirAll(filepath.Join(dataDir, auth.TenantID(ctx)), 0o700)
	os.Remove(filepath.Join(dataDir, "notes", id)) // want `the file path of Remove is built without the active tenant`
	os.Open(filepath.Join(dataDir, auth.TenantID(ctx), "notes", id))
	os.Rename(filepath.Join(dataDir, auth.TenantID(ctx), id), filepath.Join(dataDir, "trash", id)) // want `the file path of Rename is built without the active tenant`

	load("config.yaml")         // a constant through a helper: quiet
	load("notes/" + id + ".md") // want `load needs the active tenant in name \(for the file path of ReadFile\), but the value it gets is built without the active tenant`
}

// load reads name: its callers must scope it (or pass a constant).
func load(name string) ([]byte, error) { return os.ReadFile(name) }

func Roots(ctx context.Context, id string, body []byte) error {
	// A root opened on the tenant's directory confines every name used through it.
	root, err := tenantstore.OpenRoot(ctx, dataDir)
	if err != nil {
		return err
	}
	defer root.Close()
	root.WriteFile(id+".txt", body, 0o600)
	root.ReadFile(filepath.Join("notes", id))
	root.MkdirAll("notes", 0o700)

	// A root on the shared directory confines names to it, not to the tenant.
	shared, err := os.OpenRoot(dataDir)
	if err != nil {
		return err
	}
	defer shared.Close()
	shared.WriteFile(id+".txt", body, 0o600)  // want `the file path of WriteFile is built without the active tenant`
	shared.Remove(filepath.Join("notes", id)) // want `the file path of Remove is built without the active tenant`
	sub, err := shared.OpenRoot(auth.TenantID(ctx))
	if err != nil {
		return err
	}
	sub.Create(id + ".txt")

	own, err := os.OpenRoot(filepath.Join(dataDir, auth.TenantID(ctx)))
	if err != nil {
		return err
	}
	return own.Remove(id + ".txt")
}

func Serve(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	http.ServeFile(w, r, filepath.Join(dataDir, r.PathValue("name"))) // want `the file path of ServeFile is built from request input \(r.PathValue\) without the active tenant`
	http.ServeFile(w, r, filepath.Join(dataDir, auth.TenantID(ctx), path.Base(r.PathValue("name"))))
	http.ServeFile(w, r, "static/index.html") // a constant: quiet

	// Not reported (an engine limit): the path carries the tenant, but the request's name can
	// climb out of the tenant's directory ("../other-tenant/x"). The engine does not tell a
	// validated or confined path element from a raw one; tenantstore.OpenRoot or path.Base
	// (above) is the fix, and the check stays quiet either way.
	http.ServeFile(w, r, filepath.Join(dataDir, auth.TenantID(ctx), r.PathValue("name")))
}

type tsdb struct{ dir string }

func (d *tsdb) Dir() string { return d.dir }

// Opaque: a path built from a string the engine cannot see into (a call's result, a temporary
// directory) may carry the tenant (the tenant's own directory): quiet. An opaque number cannot.
func Opaque(db *tsdb, rows interface{ Scan(...any) error }) {
	os.ReadFile(filepath.Join(db.Dir(), "meta.json"))
	os.WriteFile(filepath.Join(os.TempDir(), "cache.json"), nil, 0o600)
	var n int64
	rows.Scan(&n)
	os.ReadFile(filepath.Join(dataDir, fmt.Sprintf("%d.json", n))) // want `the file path of ReadFile is built without the active tenant`
}

// ruleStore keeps the shared bucket; each tenant's objects live under its prefix, as in Cortex.
type ruleStore struct{ bkt objstore.Bucket }

func (s *ruleStore) userBucket(userID string) objstore.Bucket {
	return objstore.NewPrefixedBucket(s.bkt, userID)
}

// SetRules: the user bucket is bound by the tenant its callers pass as userID.
func (s *ruleStore) SetRules(ctx context.Context, userID, namespace string) error {
	return s.userBucket(userID).Upload(ctx, "rules/"+namespace, nil)
}

// SetShared writes into the shared bucket, under no tenant.
func (s *ruleStore) SetShared(ctx context.Context, group string) error {
	return s.bkt.Upload(ctx, "rules/"+group, nil) // want `the object key of Upload is built without the active tenant`
}

func (s *ruleStore) ListTenants(ctx context.Context) error {
	return s.bkt.Iter(ctx, "", func(string) error { return nil }) // a constant: every tenant's prefix, on purpose
}

func RulesAPI(ctx context.Context, s *ruleStore, r *http.Request) {
	s.SetRules(ctx, auth.TenantID(ctx), r.FormValue("namespace"))
	s.SetRules(ctx, r.FormValue("org"), "default") // want `SetRules needs the active tenant in userID or namespace .* request input`
	tb := objstore.NewPrefixedBucket(s.bkt, auth.TenantID(ctx))
	tb.Get(ctx, "rules/"+r.FormValue("namespace"))
}

// readMarker: the bucket comes from the caller (a user bucket in Cortex), and the same bucket
// with expected errors is still that bucket: the caller's bucket or the block id must carry the
// tenant.
func readMarker(ctx context.Context, bkt objstore.InstrumentedBucket, blockID string) {
	bkt.WithExpectedErrs(nil).Get(ctx, blockID+"/visit-mark.json")
}

// deleteGroup: an opaque number in the name, the bucket from the caller.
func deleteGroup(ctx context.Context, bkt objstore.Bucket, groupID uint32) {
	bkt.Delete(ctx, fmt.Sprintf("groups/%d.json", groupID))
}

func Markers(ctx context.Context, s *ruleStore, groups []uint32) {
	ub := objstore.NewPrefixedBucket(s.bkt, auth.TenantID(ctx))
	readMarker(ctx, ub.(objstore.InstrumentedBucket), "01H")
	for _, g := range groups {
		deleteGroup(ctx, ub, g)
		deleteGroup(ctx, s.bkt, g) // s may hold a bound bucket: its callers decide
	}
}

// markersBucket wraps a bucket and mirrors markers elsewhere: its own Upload builds names from
// the names its callers give, which are theirs to scope.
type markersBucket struct{ objstore.Bucket }

func (b *markersBucket) Upload(ctx context.Context, name string, r io.Reader, opts ...objstore.ObjectUploadOption) error {
	return b.Bucket.Upload(ctx, path.Join(path.Dir(name), "markers", path.Base(name)), r, opts...)
}
