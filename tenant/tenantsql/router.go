package tenantsql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/tenantlint/tenantlint/tenant"
)

// ErrRouterClosed is returned by [Router.Acquire] after [Router.Close].
var ErrRouterClosed = errors.New("tenantsql: router closed")

// Router maps each tenant to its own database (database per tenant). It
// opens a tenant's *sql.DB on first use, keeps at most a fixed number open,
// and closes them on Close. It is safe for concurrent use.
type Router struct {
	open    func(ctx context.Context, id tenant.ID) (*sql.DB, error)
	maxOpen int

	mu      sync.Mutex
	entries map[tenant.ID]*entry
	tick    uint64
	closed  bool
	// changed is closed (and replaced) whenever a lease ends or an entry
	// goes away, to wake Acquire calls waiting for room.
	changed chan struct{}
}

type entry struct {
	id      tenant.ID
	db      *sql.DB
	err     error
	ready   chan struct{} // closed when open has returned
	refs    int           // leases not yet released
	used    uint64        // tick of the last Acquire, for LRU
	removed bool          // no longer in entries; close when refs drop to 0
}

// NewRouter returns a router that opens a tenant's database with open and
// keeps at most maxOpen open at once (maxOpen >= 1, else NewRouter panics).
// open receives a validated id; it typically builds a DSN from it and calls
// sql.Open.
func NewRouter(open func(ctx context.Context, id tenant.ID) (*sql.DB, error), maxOpen int) *Router {
	if open == nil || maxOpen < 1 {
		panic("tenantsql.NewRouter: need an open function and maxOpen >= 1")
	}
	return &Router{open: open, maxOpen: maxOpen, entries: map[tenant.ID]*entry{}, changed: make(chan struct{})}
}

// notify wakes waiters; r.mu must be held.
func (r *Router) notify() {
	close(r.changed)
	r.changed = make(chan struct{})
}

// Acquire returns the database of the active tenant of ctx, opening it if
// needed, and a release function to call once done with it (after closing
// any rows). While leased, a database is never closed by eviction. When
// maxOpen databases are open and all are leased, Acquire waits for a
// release or for ctx to end.
func (r *Router) Acquire(ctx context.Context) (*sql.DB, func(), error) {
	id, err := tenant.RequireID(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("tenantsql: router: %w", err)
	}
	for {
		r.mu.Lock()
		if r.closed {
			r.mu.Unlock()
			return nil, nil, ErrRouterClosed
		}
		r.tick++
		if e, ok := r.entries[id]; ok {
			e.refs++
			e.used = r.tick
			r.mu.Unlock()
			return r.await(ctx, e)
		}
		if len(r.entries) < r.maxOpen {
			e := &entry{id: id, ready: make(chan struct{}), refs: 1, used: r.tick}
			r.entries[id] = e
			r.mu.Unlock()
			db, err := r.open(ctx, id)
			r.mu.Lock()
			e.db, e.err = db, err
			if err != nil {
				// Forget the failure so that a later Acquire retries.
				delete(r.entries, id)
				e.removed = true
				r.notify()
			}
			close(e.ready)
			r.mu.Unlock()
			return r.await(ctx, e)
		}
		// Full: evict the least recently used idle database, or wait.
		var lru *entry
		for _, e := range r.entries {
			if e.refs == 0 && (lru == nil || e.used < lru.used) {
				lru = e
			}
		}
		if lru != nil {
			delete(r.entries, lru.id)
			lru.removed = true
			r.mu.Unlock()
			lru.db.Close()
			continue
		}
		wait := r.changed
		r.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
}

// await waits for e to be opened and returns the lease, or releases it.
func (r *Router) await(ctx context.Context, e *entry) (*sql.DB, func(), error) {
	select {
	case <-e.ready:
	case <-ctx.Done():
		r.release(e)
		return nil, nil, ctx.Err()
	}
	if e.err != nil {
		r.release(e)
		return nil, nil, fmt.Errorf("tenantsql: open database of tenant %q: %w", e.id, e.err)
	}
	var once sync.Once
	return e.db, func() { once.Do(func() { r.release(e) }) }, nil
}

func (r *Router) release(e *entry) {
	r.mu.Lock()
	e.refs--
	closeIt := e.removed && e.refs == 0 && e.db != nil
	r.notify()
	r.mu.Unlock()
	if closeIt {
		e.db.Close()
	}
}

// Open returns the number of databases currently open.
func (r *Router) Open() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.entries)
}

// Close closes the idle databases now and the leased ones as their leases
// are released; Acquire fails afterwards. It returns the errors of the
// closes it made.
func (r *Router) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	var idle []*sql.DB
	for id, e := range r.entries {
		delete(r.entries, id)
		e.removed = true
		if e.refs == 0 && e.db != nil {
			idle = append(idle, e.db)
		}
	}
	r.notify()
	r.mu.Unlock()
	var errs []error
	for _, db := range idle {
		errs = append(errs, db.Close())
	}
	return errors.Join(errs...)
}
