// Package tenantjob carries the tenant from the code that enqueues a job to
// the worker that runs it.
//
// [Encode] wraps a job's payload in an envelope naming the active tenant:
//
//	{"v":1,"tenant":"acme","payload":{...}}
//
// and [Restore], in the worker, validates the envelope, decodes the payload
// and returns a context in which that tenant is active again, so that the
// job's queries, cache keys and files are the tenant's. Jobs enqueued in the
// all-tenants scope carry "all_tenants":true instead and are restored in
// that scope. The envelope is JSON, so it fits any queue that moves bytes
// (a database table, Redis, SQS, NATS).
//
// The envelope is not signed: a worker must only consume queues that
// untrusted parties cannot write to.
package tenantjob

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tenantlint/tenantlint/tenant"
)

// Version is the envelope format version written by Encode.
const Version = 1

// ErrTenantMismatch is wrapped by the error of Restore when the worker's
// context already has a tenant other than the job's.
var ErrTenantMismatch = errors.New("tenantjob: job tenant differs from the context's")

type envelope struct {
	V       int             `json:"v"`
	Tenant  tenant.ID       `json:"tenant,omitempty"`
	All     bool            `json:"all_tenants,omitempty"`
	Payload json.RawMessage `json:"payload"`
}

// Encode returns the envelope of payload (encoded with encoding/json) for
// the active tenant of ctx, or for the all-tenants scope. Without either it
// returns an error wrapping tenant.ErrNoTenant: a job must say whose it is.
func Encode(ctx context.Context, payload any) ([]byte, error) {
	env := envelope{V: Version}
	if tenant.IsAllTenants(ctx) {
		env.All = true
	} else {
		id, err := tenant.RequireID(ctx)
		if err != nil {
			return nil, fmt.Errorf("tenantjob: encode: %w", err)
		}
		env.Tenant = id
	}
	p, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("tenantjob: encode payload: %w", err)
	}
	env.Payload = p
	return json.Marshal(env)
}

// Restore decodes a job envelope made by [Encode] into payload (a pointer,
// or nil to skip the payload) and returns ctx with the job's tenant active,
// or in the all-tenants scope for an all-tenants job.
//
// lookup, if not nil, turns the id into the application's Tenant (and
// returns an error, such as one wrapping tenant.ErrUnknownTenant, for a
// tenant deleted since the job was enqueued); if nil, the ID itself is the
// Tenant. An envelope that is malformed, has an unknown version, an invalid
// tenant id, or both or neither of a tenant and the all-tenants flag is
// refused before anything is decoded into payload.
func Restore(ctx context.Context, data []byte, payload any, lookup func(ctx context.Context, id tenant.ID) (tenant.Tenant, error)) (context.Context, error) {
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return nil, fmt.Errorf("tenantjob: not a job envelope: %w", err)
	}
	if dec.More() {
		return nil, errors.New("tenantjob: not a job envelope: trailing data")
	}
	if env.V != Version {
		return nil, fmt.Errorf("tenantjob: envelope version %d, want %d", env.V, Version)
	}
	if env.Payload == nil {
		return nil, errors.New("tenantjob: envelope has no payload")
	}
	var out context.Context
	switch {
	case env.All && env.Tenant != "":
		return nil, errors.New("tenantjob: envelope names a tenant and all tenants")
	case env.All:
		out = tenant.AllTenants(ctx)
	case env.Tenant == "":
		return nil, fmt.Errorf("tenantjob: envelope has no tenant: %w", tenant.ErrNoTenant)
	default:
		id, err := tenant.ParseID(string(env.Tenant))
		if err != nil {
			return nil, fmt.Errorf("tenantjob: envelope: %w", err)
		}
		if cur, ok := tenant.IDFrom(ctx); ok && cur != id {
			return nil, fmt.Errorf("%w: job for %q, context has %q", ErrTenantMismatch, id, cur)
		}
		var t tenant.Tenant = id
		if lookup != nil {
			if t, err = lookup(ctx, id); err != nil {
				return nil, fmt.Errorf("tenantjob: tenant %q: %w", id, err)
			}
			if t == nil || t.TenantID() != id {
				return nil, fmt.Errorf("tenantjob: lookup of %q returned another tenant", id)
			}
		}
		out = tenant.With(ctx, t)
	}
	if payload != nil {
		if err := json.Unmarshal(env.Payload, payload); err != nil {
			return nil, fmt.Errorf("tenantjob: decode payload: %w", err)
		}
	}
	return out, nil
}
