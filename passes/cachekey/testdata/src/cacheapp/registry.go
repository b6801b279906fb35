package cacheapp

import (
	"context"
	"net/http"
	"sync"

	"cacheapp/hub"
	"example.com/auth"
)

// In-process registries: maps that live as long as the process (behind a pointer receiver, or
// package variables), filled at run time, are key spaces every tenant shares. A key from the
// request without the tenant reaches whichever tenant's entry it names.

type Stream struct{ owner string }

type Streams struct {
	mu   sync.Mutex
	byID map[string]*Stream
	live sync.Map
}

func (s *Streams) Open(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[id] = &Stream{}
	s.live.Store(id, true)
}

func (s *Streams) Get(id string) *Stream {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id]
}

func (s *Streams) Alive(id string) bool {
	_, ok := s.live.Load(id)
	return ok
}

func (s *Streams) Close(id string) {
	delete(s.byID, id)
}

// Each calls back with every session under a lock, from a closure: still the receiver's map.
func (s *Streams) With(id string, f func(*Stream)) {
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		f(s.byID[id])
	}()
}

var streams = &Streams{byID: map[string]*Stream{}}

// uploads is a registry in a package variable.
var uploads = map[string]int{}

func StartUpload(id string) { uploads[id] = 0 }

func Registries(w http.ResponseWriter, r *http.Request) {
	streams.Get(r.PathValue("id"))                                    // want `Get needs the active tenant in id \(for the registry key of byID\), but the value it gets comes from request input \(r.PathValue\) without the active tenant`
	streams.Get(auth.TenantID(r.Context()) + "/" + r.PathValue("id")) // the tenant's own key space
	streams.Alive(r.FormValue("id"))                                  // want `Alive needs the active tenant in id \(for the registry key of live\)`
	streams.Close(r.FormValue("id"))                                  // want `Close needs the active tenant in id`
	streams.With(r.FormValue("id"), func(*Stream) {})                 // want `With needs the active tenant in id`
	_ = uploads[r.FormValue("upload")]                                // want `the registry key of uploads comes from request input \(r.FormValue\) without the active tenant`
	uploads[auth.TenantID(r.Context())+"/"+r.FormValue("upload")]++
}

// The program's own keys are global by design: constants, ids it made, keys built from them.
func OwnKeys(ctx context.Context, id string) {
	streams.Get("system")
	streams.Open("s:" + id)
	StartUpload(id)
}

// A membership check by a configured validator vouches for the request's key.
func Validated(w http.ResponseWriter, r *http.Request) {
	org := r.PathValue("org")
	if err := auth.RequireMember(r.Context(), org); err != nil {
		return
	}
	streams.Get(org)
}

// A guard helper that validates the org it returns on every path hands its callers a checked
// key; one that validates only when asked hands them request input.
func orgGuard(r *http.Request) (string, bool) {
	org := r.PathValue("org")
	if err := auth.RequireMember(r.Context(), org); err != nil {
		return "", false
	}
	return org, true
}

func orgGuardIf(r *http.Request, check bool) string {
	org := r.PathValue("org")
	if check && auth.RequireMember(r.Context(), org) != nil {
		return ""
	}
	return org
}

func Guarded(w http.ResponseWriter, r *http.Request) {
	if org, ok := orgGuard(r); ok {
		streams.Get(org)
	}
	streams.Get(orgGuardIf(r, true)) // want `Get needs the active tenant in id \(for the registry key of byID\), but the value it gets comes from request input \(orgGuardIf\) without the active tenant`
}

// Not registries: a table filled with constants, one filled once in init, a map made per call,
// a map field of a parameter (request data), a map behind a value receiver.
var kinds = map[string]int{"note": 1, "task": 2}

var mimeByExt = map[string]string{}

func init() {
	for _, ext := range []string{"png", "gif"} {
		mimeByExt[ext] = "image/" + ext
	}
}

type Query struct{ Labels map[string]string }

type Counter struct{ hits map[string]int }

func (c Counter) Add(name string) { c.hits[name]++ }

func NotRegistries(w http.ResponseWriter, r *http.Request, q *Query, c Counter) {
	_ = kinds[r.FormValue("kind")]
	_ = mimeByExt[r.FormValue("ext")]
	seen := map[string]bool{}
	seen[r.FormValue("k")] = true
	q.Labels[r.FormValue("label")] = "set"
	c.Add(r.FormValue("name"))
	c.hits[r.FormValue("name")]++
}

var rooms = hub.New()

// A registry of another package: its methods' requirements on their keys reach this caller.
func JoinRoom(w http.ResponseWriter, r *http.Request) {
	rooms.Join(r.URL.Query().Get("room"), "me")                                // want `Join needs the active tenant in name \(for the registry key of rooms\), but the value it gets comes from request input`
	rooms.Join(auth.TenantID(r.Context())+"/"+r.URL.Query().Get("room"), "me") // the tenant's own room
	rooms.Open(auth.TenantID(r.Context()) + "/lobby")
}

// recovering holds the receiver in a named result a deferred closure captures (SSA keeps it in
// memory, and the return reads it back into itself): still the long-lived registry.
type recovering struct{ m map[string]int }

func (r *recovering) Put(req *http.Request) (v *recovering, err error) {
	v = r
	defer func() {
		if rec := recover(); rec != nil {
			_ = v
		}
	}()
	v.m[req.URL.Query().Get("k")] = 1 // want `the registry key of m comes from request input`
	return v, err
}
