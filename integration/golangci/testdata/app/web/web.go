// Package web calls the store with a tenant taken from request input: the finding is in this
// package, from the store's facts.
package web

import (
	"net/http"

	"example.com/gclapp/store"
)

type Handler struct{ Store *store.Store }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rows, err := h.Store.Get(r.Context(), r.FormValue("tenant"), 1)
	if err == nil {
		rows.Close()
	}
}
