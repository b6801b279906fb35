// Package handler is the top of the chain: it is where the tenant comes from, or not.
package handler

import (
	"net/http"

	"chain/service"
	"example.com/auth"
)

type Handler struct{ svc *service.Service }

func (h *Handler) Good(w http.ResponseWriter, r *http.Request) {
	h.svc.Device(r.Context(), auth.TenantID(r.Context()), 1)
}

func (h *Handler) Bad(w http.ResponseWriter, r *http.Request) {
	h.svc.Device(r.Context(), r.FormValue("tenant"), 1) // want `tenant id comes from request input: r.FormValue reaches Device needs the active tenant in tenantID \(for tenant_id = \$1 in the query on tenant table "devices"\)`
}

func (h *Handler) Validated(w http.ResponseWriter, r *http.Request) {
	t := r.FormValue("tenant")
	if auth.RequireMember(r.Context(), t) != nil {
		return
	}
	h.svc.Device(r.Context(), t, 1)
}

func (h *Handler) CheckedBelow(w http.ResponseWriter, r *http.Request) {
	h.svc.CheckedDevice(r.Context(), r.FormValue("tenant"), 1)
	h.svc.CheckedLate(r.Context(), r.FormValue("tenant"), 1) // want `tenant id comes from request input: r.FormValue reaches CheckedLate needs the active tenant in tenantID`
}

func (h *Handler) CheckedInTx(w http.ResponseWriter, r *http.Request) {
	h.svc.CheckedInTx(r.Context(), r.FormValue("tenant"), 1)
	h.svc.CheckedAfterTx(r.Context(), r.FormValue("tenant"), 1) // want `tenant id comes from request input: r.FormValue reaches CheckedAfterTx needs the active tenant in tenantID`
}
