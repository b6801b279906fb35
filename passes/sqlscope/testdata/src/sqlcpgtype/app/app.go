// Package app calls sqlc queries whose parameters are pgtype values built by conversion
// helpers of another package.
package app

import (
	"context"
	"encoding/json"

	"example.com/auth"

	"sqlcpgtype/conv"
	"sqlcpgtype/db"
)

type Service struct{ q *db.Queries }

// FindDevice hands the tenant to its callers through the conversion helper.
func (s *Service) FindDevice(ctx context.Context, id, tenantID string) (db.GetDeviceRow, error) {
	return s.q.GetDevice(ctx, db.GetDeviceParams{
		ID:       conv.TextNullable(id),
		TenantID: conv.TextNullable(tenantID),
	})
}

func (s *Service) FindDevicePtr(ctx context.Context, id string, tenantID *string) (db.GetDeviceRow, error) {
	return s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.TextPtrNullable(tenantID)})
}

func (s *Service) Callers(ctx context.Context, id string) {
	tid := auth.TenantID(ctx)
	s.FindDevice(ctx, id, tid)
	s.FindDevicePtr(ctx, id, &tid)
	s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.TextNullable(tid)})
	s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.TextNullableEq(tid)})
	s.FindDevice(ctx, id, "acme") // want `FindDevice needs the active tenant in tenantID .* but it gets a constant`
	// A helper's result made from a constant argument is not taken for a constant (the engine
	// cannot tell a conversion from a lookup by it), so this one is quiet.
	s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.TextNullable("")})
	s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.Unset(tid)})      // want `GetDevice needs the active tenant in arg.TenantID`
	s.q.GetDevice(ctx, db.GetDeviceParams{ID: conv.Text(id), TenantID: conv.Unprefixed(tid)}) // want `GetDevice needs the active tenant in arg.TenantID`
}

// CountDevices passes the project it is given; the instance-wide count passes the empty
// string, which is where the finding belongs.
func (s *Service) CountDevices(ctx context.Context, tenantID, name string) (int64, error) {
	return s.q.CountDevices(ctx, db.CountDevicesParams{TenantID: conv.TextNullable(tenantID), Name: conv.Text(name)})
}

func (s *Service) Counts(ctx context.Context) {
	s.CountDevices(ctx, auth.TenantID(ctx), "x")
	s.CountDevices(ctx, "", "x")                                       // want `CountDevices needs the active tenant in tenantID .* but it gets a constant`
	s.q.CountDevices(ctx, db.CountDevicesParams{Name: conv.Text("x")}) // want `CountDevices needs the active tenant in arg.TenantID`
}

func (s *Service) OrgCounts(ctx context.Context) {
	s.q.CountOrgDevices(ctx, auth.UserFrom(ctx).OrgID)
	s.q.CountOrgDevices(ctx, "acme") // want `CountOrgDevices needs the active tenant in orgID .* but it gets a constant`
}

// Filter is stored as JSON (a batch job's filter).
type Filter struct {
	TenantID string
	Name     string
}

// decodeFilter fills a zero Filter from JSON: its fields are what the JSON holds.
func decodeFilter(b []byte) (*Filter, error) {
	f := Filter{}
	err := json.Unmarshal(b, &f)
	return &f, err
}

func (s *Service) FromJSON(ctx context.Context, b []byte) {
	f, _ := decodeFilter(b)
	s.FindDevice(ctx, "1", f.TenantID)
	var g Filter
	_ = json.Unmarshal(b, &g)
	s.FindDevice(ctx, "1", g.TenantID)
	h := Filter{}
	s.FindDevice(ctx, "1", h.TenantID) // want `FindDevice needs the active tenant in tenantID .* but it gets a constant`
}
