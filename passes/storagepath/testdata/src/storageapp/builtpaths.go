package storageapp

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/auth"
)

// Paths and object keys assembled in a strings.Builder or a bytes.Buffer are what was written.
func BuilderPaths(ctx context.Context, c *s3.Client, dataDir, id string) {
	var b strings.Builder
	b.WriteString("exports/")
	b.WriteString(id)
	b.WriteString(".csv")
	c.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(b.String())}) // want `the object key \(Key\) of PutObject is built without the active tenant`

	var tb strings.Builder
	tb.WriteString(auth.TenantID(ctx))
	tb.WriteString("/exports/")
	tb.WriteString(id)
	c.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(tb.String())})

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "reports/%s.pdf", id)
	os.ReadFile(buf.String()) // want `the file path of ReadFile is built without the active tenant`

	var tbuf bytes.Buffer
	fmt.Fprintf(&tbuf, "%s/reports/%s.pdf", auth.TenantID(ctx), id)
	os.ReadFile(tbuf.String())
}

// Bools and floats cannot carry a tenant: a path from them and constants is everyone's.
func FlagPaths(ctx context.Context, archived bool) {
	os.ReadDir(fmt.Sprintf("notes/archived=%t", archived))                        // want `the file path of ReadDir is built without the active tenant`
	os.ReadDir(fmt.Sprintf("%s/notes/archived=%t", auth.TenantID(ctx), archived)) // the tenant's own directory
}

// Reindexer keeps its data directory and key prefix in fields. Where the tenant is at hand (a
// parameter named for it, or a source called), a path from the fields and constants without it
// is shared by every tenant: reported at each sink, not passed to whoever set the fields.
type Reindexer struct {
	dataDir string
	prefix  string
	s3      *s3.Client
}

func (x *Reindexer) Run(ctx context.Context, tenantID string) error {
	dir := filepath.Join(x.dataDir, "reindex")
	if err := os.MkdirAll(dir, 0o755); err != nil { // want `the file path of MkdirAll is built without the active tenant, which is at hand here: every tenant shares it`
		return err
	}
	os.WriteFile(filepath.Join(dir, "state.json"), nil, 0o600) // want `the file path of WriteFile is built without the active tenant, which is at hand here`
	return os.MkdirAll(filepath.Join(x.dataDir, "reindex", tenantID), 0o755)
}

func (x *Reindexer) Publish(ctx context.Context) {
	log.Printf("publishing for %s", auth.TenantID(ctx))
	x.s3.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(x.prefix + "/latest.json")}) // want `the object key \(Key\) of PutObject is built without the active tenant, which is at hand here`
	x.s3.PutObject(ctx, &s3.PutObjectInput{Key: aws.String(x.prefix + "/" + auth.TenantID(ctx) + "/latest.json")})
}

// No tenant at hand: the directory may be the tenant's (a Reindexer made per tenant); the
// obligation moves to whoever set the field.
func (x *Reindexer) Compact() error { return os.MkdirAll(filepath.Join(x.dataDir, "compact"), 0o755) }

// A flag named like the tenant is not the tenant at hand.
func (x *Reindexer) Vacuum(orgWide bool) error {
	return os.RemoveAll(filepath.Join(x.dataDir, "vacuum"))
}
