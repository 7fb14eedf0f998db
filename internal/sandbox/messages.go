package sandbox

import (
	"net/http"
	"strconv"
)

// message is one recipient of a campaign, as GET /api/messages lists it.
type message struct {
	id          int64
	campaignID  int64
	phone       string
	referenceID string
	skipped     bool // stop-listed: never sent
}

// handleMessages serves GET /api/messages (messages a campaign sent by the API have source
// "rest"; the documented enum is web and rest): page[offset], page[limit] (15..500, default 50),
// filter[id], filter[campaign_id], filter[reference_id].
func (s *Sandbox) handleMessages(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c := &checker{}
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 15, 500)
	var byID, byCampaign int64
	if v := q.Get("filter[id]"); v != "" {
		byID = queryInt(c, v, "filter[id]", 0, 1, 1<<62)
	}
	if v := q.Get("filter[campaign_id]"); v != "" {
		byCampaign = queryInt(c, v, "filter[campaign_id]", 0, 1, 1<<62)
	}
	byRef := q.Get("filter[reference_id]")
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []message
	hidden := s.takeHideMessages()
	for _, m := range s.messages {
		if hidden {
			break
		}
		if (byID != 0 && m.id != byID) || (byCampaign != 0 && m.campaignID != byCampaign) || (byRef != "" && m.referenceID != byRef) {
			continue
		}
		match = append(match, m)
	}
	data := []any{}
	for i := offset; i < int64(len(match)) && i < offset+limit; i++ {
		m := match[i]
		cp := s.campaigns[m.campaignID]
		if cp == nil {
			continue
		}
		cp.step(now)
		var ref any
		if m.referenceID != "" {
			ref = m.referenceID
		}
		phone, _ := strconv.ParseInt(m.phone, 10, 64)
		status, amount := "scheduled", "0.0200000"
		if m.skipped { // the stand-in's wording: no page documents one
			status, amount = "rejected", "0.0000000"
		}
		data = append(data, map[string]any{
			"id": m.id, "campaign_id": m.campaignID, "reference_id": ref, "type": cp.kind, "source": "rest",
			"phone": phone, "validity": 72, "status": status, "sender": cp.sender,
			"amount":     map[string]string{"value": amount, "currency": "USD"},
			"created_at": s.accountTime(cp.createdAt), "sent_at": nil, "delivered_at": nil,
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"data": data,
		"meta": map[string]any{"page": map[string]int64{"total": int64(len(match)), "offset": offset, "limit": limit}},
	})
}
