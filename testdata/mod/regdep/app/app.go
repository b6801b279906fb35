// Package app keeps a cache of its own (a registry: a map behind a pointer receiver) and one
// from a dependency.
package app

import (
	"net/http"
	"sync"

	"example.com/lrulib"
)

type Server struct {
	mu      sync.Mutex
	streams map[string]int
	cache   *lrulib.LRU
}

func (s *Server) open(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streams[id] = 1
}

func (s *Server) Open(w http.ResponseWriter, r *http.Request) {
	s.open(r.URL.Query().Get("stream")) // the module's own registry, keyed by request input: reported
}

func (s *Server) Cached(w http.ResponseWriter, r *http.Request) {
	s.cache.Add(r.URL.Query().Get("key"), 1) // a dependency's map is the dependency's business
	s.cache.Get(r.URL.Query().Get("key"))
}
