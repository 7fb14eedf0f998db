package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// The control surface lives outside the API paths, under /_sandbox/:
//
//	POST /_sandbox/clock          {"advance_seconds": n}       move the clock
//	PUT  /_sandbox/campaigns/{id} {"status": "paused"}          force a status
//	DELETE /_sandbox/campaigns/{id}                             the account loses the campaign (404)
//	PUT  /_sandbox/faults         Faults as JSON (durations in ns) inject faults
//	GET  /_sandbox/counters       {"counters": {...}, "injected": {...}}
//	GET  /_sandbox/campaigns      [{"id": n, "phones": [...]}]  every campaign and its messages' phones
//	GET  /_sandbox/short-links    [{"id": "uuid", "original_link": "...", "status": "active"}]  every short link, deleted ones too
//	POST /_sandbox/reset-counters                               zero the counters
//	POST /_sandbox/revoke-tokens                                401 for every JWT issued so far
//	PUT  /_sandbox/balance        {"balance": n, "credit": n}  top up (before what campaigns cost)
//	PUT  /_sandbox/rate-limit     {"requests_per_second": n}   429 beyond n API requests/s (0: no limit)
func (s *Sandbox) controlRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /_sandbox/clock", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			AdvanceSeconds float64 `json:"advance_seconds"`
		}
		if json.NewDecoder(r.Body).Decode(&req) != nil || req.AdvanceSeconds < 0 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "want {\"advance_seconds\": n >= 0}"})
			return
		}
		s.Advance(time.Duration(req.AdvanceSeconds * float64(time.Second)))
		writeJSON(w, http.StatusOK, map[string]string{"now": s.Now().Format(time.RFC3339)})
	})
	mux.HandleFunc("PUT /_sandbox/campaigns/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		var req struct {
			Status string `json:"status"`
		}
		if err != nil || json.NewDecoder(r.Body).Decode(&req) != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "want {\"status\": \"paused\"}"})
			return
		}
		if err := s.SetStatus(id, req.Status); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": req.Status})
	})
	mux.HandleFunc("DELETE /_sandbox/campaigns/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad id"})
			return
		}
		s.Delete(id)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PUT /_sandbox/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Faults
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
			return
		}
		s.SetFaults(f)
		writeJSON(w, http.StatusOK, f)
	})
	mux.HandleFunc("GET /_sandbox/counters", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"counters": s.Counters(), "injected": s.Injected()})
	})
	mux.HandleFunc("GET /_sandbox/campaigns", s.handleListAll)
	mux.HandleFunc("GET /_sandbox/short-links", s.handleListShortLinks)
	mux.HandleFunc("POST /_sandbox/reset-counters", func(w http.ResponseWriter, _ *http.Request) {
		s.ResetCounters()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PUT /_sandbox/balance", s.handleSetBalance)
	mux.HandleFunc("PUT /_sandbox/rate-limit", s.handleSetRateLimit)
	mux.HandleFunc("POST /_sandbox/revoke-tokens", func(w http.ResponseWriter, _ *http.Request) {
		s.RevokeTokens()
		w.WriteHeader(http.StatusNoContent)
	})
}

// handleListShortLinks serves GET /_sandbox/short-links.
func (s *Sandbox) handleListShortLinks(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.ShortLinks())
}

// handleSetRateLimit serves PUT /_sandbox/rate-limit.
func (s *Sandbox) handleSetRateLimit(w http.ResponseWriter, r *http.Request) {
	var req struct {
		RequestsPerSecond *float64 `json:"requests_per_second"`
	}
	if json.NewDecoder(r.Body).Decode(&req) != nil || req.RequestsPerSecond == nil || *req.RequestsPerSecond < 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "want {\"requests_per_second\": n >= 0}"})
		return
	}
	s.SetRateLimit(*req.RequestsPerSecond)
	writeJSON(w, http.StatusOK, map[string]float64{"requests_per_second": *req.RequestsPerSecond})
}

// handleListAll lists every campaign with its messages' phones: the
// stand-in's own count of what was sent, for harnesses that count
// duplicates.
func (s *Sandbox) handleListAll(w http.ResponseWriter, _ *http.Request) {
	type listed struct {
		ID     int64    `json:"id"`
		Phones []string `json:"phones"`
	}
	out := []listed{}
	for _, id := range s.CampaignIDs() {
		out = append(out, listed{ID: id, Phones: s.Recipients(id)})
	}
	writeJSON(w, http.StatusOK, out)
}
