// Package user is a stub of github.com/weaveworks/common/user for tests.
package user

import (
	"net/http"

	"golang.org/x/net/context"
)

func ExtractOrgID(ctx context.Context) (string, error) { return "", nil }

func ExtractOrgIDFromHTTPRequest(r *http.Request) (string, context.Context, error) {
	return "", r.Context(), nil
}
