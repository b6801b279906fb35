// Package jobscope reports job payloads that do not carry the active tenant.
//
// # Analyzer jobscope
//
// jobscope: Jobs must carry the active tenant
//
// A worker has no request: the tenant must ride in the job and be restored there. A job enqueued
// with a payload that does not carry the active tenant (a struct without its tenant field set, its
// JSON encoding) runs for nobody in particular, and whatever it touches is unscoped.
//
// Libraries covered are rows of package catalog (family "job"); configured `sinks:` with
// `kind: job` add more. A key that is a parameter moves the obligation to the callers, across
// packages, like every tenantlint check.
//
// Before:
//
//	payload, _ := json.Marshal(indexJob{NoteID: id})
//
// After:
//
//	payload, _ := tenantjob.Encode(ctx, indexJob{NoteID: id})
package jobscope
