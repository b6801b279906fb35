// Package tenantpubsub is a stub of tenantlint's runtime package for the analysistest fixtures;
// contract/ checks its signatures against the real package.
package tenantpubsub

import "context"

func Channel(ctx context.Context, name string) (string, error) { return "t.x." + name, nil }
func Pattern(ctx context.Context, name string) (string, error) { return "t.*." + name, nil }
