package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// message is one recipient of a campaign, as GET /api/messages lists it.
type message struct {
	id          int64
	campaignID  int64
	phone       string
	referenceID string
	skipped     bool // stop-listed: never sent
	// single is a message of POST /api/messages/send, sent "without
	// creating a campaign": its own channel, sender and time.
	single *singleMessage
}

type singleMessage struct {
	kind, sender string
	createdAt    time.Time
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
	if bad := s.takeMalformedMessages(); bad != nil {
		writeJSON(w, http.StatusOK, bad)
		return
	}
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
		if v := s.messageView(match[i], now); v != nil {
			data = append(data, v)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"data": data,
		"meta": map[string]any{"page": map[string]int64{"total": int64(len(match)), "offset": offset, "limit": limit}},
	})
}

// messageView is a message as GET /api/messages and POST /api/messages/send
// answer it (MessageResponse), or nil for one whose campaign is gone; the
// caller holds s.mu.
func (s *Sandbox) messageView(m message, now time.Time) map[string]any {
	var ref any
	if m.referenceID != "" {
		ref = m.referenceID
	}
	phone, _ := strconv.ParseInt(m.phone, 10, 64)
	status, amount := "scheduled", "0.0200000"
	if m.skipped { // the stand-in's wording: no page documents one
		status, amount = "rejected", "0.0000000"
	}
	v := map[string]any{"id": m.id, "reference_id": ref, "source": "rest", "phone": phone, "validity": 72,
		"sent_at": nil, "delivered_at": nil}
	if m.single != nil {
		// A single message is accepted, and delivered once its report is in.
		if !m.skipped {
			status = "accepted"
			if now.Sub(m.single.createdAt) >= reportAfter {
				status = "delivered"
			}
		}
		v["campaign_id"], v["type"], v["sender"], v["created_at"] = nil, m.single.kind, m.single.sender, s.accountTime(m.single.createdAt)
	} else {
		cp := s.campaigns[m.campaignID]
		if cp == nil {
			return nil
		}
		cp.step(now)
		v["campaign_id"], v["type"], v["sender"], v["created_at"] = m.campaignID, cp.kind, cp.sender, s.accountTime(cp.createdAt)
	}
	v["status"] = status
	v["amount"] = map[string]string{"value": amount, "currency": "USD"}
	return v
}

// handleSendMessage serves POST /api/messages/send (MessageUniversal): one
// message to one phone ({number, reference_id}) on channels (sms, rcs,
// viber; a second channel is the SMS fallback), with the content block of
// each. A reference_id seen before is refused, as for campaign messages. It
// answers the message (MessageResponse); the faults of the create calls
// apply.
func (s *Sandbox) handleSendMessage(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	now := s.clock.Now()
	c := &checker{}
	kind, sender := checkMessageContent(c, b)
	number, ref := checkMessagePhone(c, b)
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	if ref != "" && s.references[ref] {
		c.add("phone.reference_id", "A message with this reference_id was already sent.")
	}
	if c.errs != nil {
		s.mu.Unlock()
		writeValidation(w, c.errs)
		return
	}
	if ref != "" {
		s.references[ref] = true
	}
	m := message{id: s.nextMsgID, phone: number, referenceID: ref, single: &singleMessage{kind: kind, sender: sender, createdAt: now},
		skipped: flag(b, "check_stop_list", true) && s.stopListed(number, kind)}
	s.nextMsgID++
	s.messages = append(s.messages, m)
	view := s.messageView(m, now)
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": view})
}

// checkMessageContent checks a single message's channels and content
// blocks and returns its channel and sender. The call's WhatsApp example
// has a form of its own: `channel: whatsapp` (one, not a list) with the
// sender and template at the top, as POST /api/messages/whatsapp/send
// takes them.
func checkMessageContent(c *checker, b body) (kind, sender string) {
	var one string
	if raw, ok := b["channel"]; ok && json.Unmarshal(raw, &one) == nil && one == kindWhatsApp {
		// type: the WhatsAppMessage schema requires "template" (the only
		// type); the example leaves it out: either is taken, another is
		// refused.
		if typ, ok := c.str(b, "type", "type", false); ok && typ != "template" {
			c.add("type", "The type must be template.")
		}
		sender, _ = c.str(b, "sender", "sender", true)
		if sender == "" || utf16Len(sender) > 40 {
			c.add("sender", "The sender has 1 to 40 characters.")
		}
		if t := c.object(b, "template", "template", true); t != nil {
			checkTemplate(c, t)
		}
		return kindWhatsApp, sender
	}
	channels := checkChannels(c, b, messageChannels)
	sender = checkChannelBlocks(c, b, channels)
	c.validity(b, "")
	c.integer(b, "tariff_code", "tariff_code", 0, 1<<31)
	c.boolean(b, "add_to_contact_book", "add_to_contact_book")
	c.boolean(b, "check_stop_list", "check_stop_list")
	checkDryRun(c, b)
	if len(channels) > 0 {
		kind = channels[0]
	}
	return kind, sender
}

// checkMessagePhone reads phone {number (a string of 9..15 digits, the
// Phone schema), reference_id (up to 32 alphanumerics)}.
func checkMessagePhone(c *checker, b body) (number, ref string) {
	p := c.object(b, "phone", "phone", true)
	if p == nil {
		return "", ""
	}
	number, ok := c.str(p, "number", "phone.number", true)
	if ok {
		c.phoneNumber("phone.number", number)
	}
	ref, _ = c.str(p, "reference_id", "phone.reference_id", false)
	if ref != "" && (len(ref) > 32 || !alnum(ref)) {
		c.add("phone.reference_id", "The reference_id has up to 32 alphanumeric characters.")
	}
	return number, ref
}

// SingleMessages counts the single messages (POST /api/messages/send)
// taken for each reference_id ("" for those sent without one).
func (s *Sandbox) SingleMessages() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for _, m := range s.messages {
		if m.single != nil {
			out[m.referenceID]++
		}
	}
	return out
}
