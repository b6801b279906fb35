// Package user is a stub of github.com/grafana/dskit/user for tests.
package user

import (
	"context"
	"net/http"
)

func ExtractOrgID(ctx context.Context) (string, error) { return "", nil }

func ExtractOrgIDFromHTTPRequest(r *http.Request) (string, context.Context, error) {
	return "", r.Context(), nil
}

func ExtractFromGRPCRequest(ctx context.Context) (string, context.Context, error) {
	return "", ctx, nil
}
