// Package hub is a registry of live rooms in another package: its methods pass the obligation
// on their keys to their callers.
package hub

import "sync"

type Room struct{ members []string }

type Hub struct {
	mu    sync.RWMutex
	rooms map[string]*Room
}

func New() *Hub { return &Hub{rooms: map[string]*Room{}} }

func (h *Hub) Open(name string) *Room {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := &Room{}
	h.rooms[name] = r
	return r
}

func (h *Hub) Join(name, member string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.rooms[name]
	if ok {
		r.members = append(r.members, member)
	}
	return ok
}
