// Package user is a stub of github.com/grafana/dskit/user for tests.
package user

import "context"

func ExtractOrgID(ctx context.Context) (string, error) { return "", nil }
