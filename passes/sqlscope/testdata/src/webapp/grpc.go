package webapp

import (
	"context"

	"example.com/auth"
	"google.golang.org/grpc/metadata"
)

// gRPC: the incoming metadata is request input, and so is what is read out of it.

func (a *App) GRPCMetadata(ctx context.Context) error {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil
	}
	t := md.Get("x-tenant")[0]
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)                 // want `tenant id comes from request input: metadata.FromIncomingContext reaches tenant_id = \$1`
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", md["x-tenant"][0]) // want `tenant id comes from request input: metadata.FromIncomingContext`
	vs := metadata.ValueFromIncomingContext(ctx, "x-tenant")
	a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", vs[0]) // want `tenant id comes from request input: metadata.ValueFromIncomingContext`
	return nil
}

func (a *App) GRPCValidated(ctx context.Context) error {
	vs := metadata.ValueFromIncomingContext(ctx, "x-tenant")
	if len(vs) == 0 {
		return nil
	}
	t := vs[0]
	if err := auth.RequireMember(ctx, t); err != nil {
		return err
	}
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", t)
	return err
}

func (a *App) GRPCAuthenticated(ctx context.Context) error {
	_, err := a.db.QueryContext(ctx, "SELECT * FROM devices WHERE tenant_id = $1", auth.TenantID(ctx))
	return err
}
