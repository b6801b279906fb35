// Package cache puts a Namer in front of a Store: its requirement is the Store's, one hop on.
package cache

import (
	"context"

	"example.com/ifaces/store"
)

type Namer struct{ Next store.Store }

func (n *Namer) Name(ctx context.Context, tenantID, id string) (string, error) {
	return n.Next.ProjectName(ctx, tenantID, id)
}
