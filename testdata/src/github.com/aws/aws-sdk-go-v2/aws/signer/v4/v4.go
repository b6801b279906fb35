// Package v4 is a stub of the AWS SDK v2's request signer: presigned requests.
package v4

import "net/http"

type PresignedHTTPRequest struct {
	URL          string
	Method       string
	SignedHeader http.Header
}
