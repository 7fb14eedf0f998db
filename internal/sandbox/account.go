package sandbox

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
)

// The account, as the Senders, Balance and price pages of the OpenAPI file
// document it: GET /api/senders?type=sms|viber, GET /api/accounts/balance,
// and POST /api/campaigns/price (SMS only), which answers {price, currency}
// without the data wrapper of every other answer.

// handleSenders serves GET /api/senders: type is required, sms or viber.
// It lists the configured senders and those of registered applications
// (senders.go).
func (s *Sandbox) handleSenders(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	typ := r.URL.Query().Get("type")
	if typ != "sms" && typ != "viber" {
		c.add("type", "The value you selected is not a valid choice.")
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	data := []any{}
	for i, name := range s.cfg.Senders[typ] {
		data = append(data, map[string]any{
			"id": i + 1, "sender": name, "status": "active", "country": nil,
			"created_at": s.accountTime(s.cfg.Start), "is_default": i == 0,
		})
	}
	// A sender whose application, made on the stand-in, moderation
	// registered is one of the account's senders from then on (the pages
	// do not say how soon: the stand-in lists it at once), with the
	// application's country. The example application the account starts
	// with is Config.Senders' testsms already.
	now := s.clock.Now()
	listed := map[string]bool{}
	for _, name := range s.cfg.Senders[typ] {
		listed[name] = true
	}
	for _, id := range s.senderRequests.order {
		r := s.senderRequests.byID[id]
		if id < seededSenderRequests || listed[r.fields["sender"]] {
			continue
		}
		if status, changed := r.status(now); status == "registered" && r.fields["type"] == typ {
			listed[r.fields["sender"]] = true
			data = append(data, map[string]any{
				"id": 1000 + r.id, "sender": r.fields["sender"], "status": "active", "country": r.fields["country_code"],
				"created_at": s.accountTime(changed), "is_default": false,
			})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "total": len(data)})
}

// handleBalance serves GET /api/accounts/balance: the balance set (Config
// or SetBalance) less what every campaign has cost so far, as the campaigns'
// total_price counts it, so a campaign's messages spend the balance as they
// are sent. It may be negative, as the documentation allows; the stand-in
// does not pause a campaign when it runs out (SetStatus does).
func (s *Sandbox) handleBalance(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	balance, credit := s.cfg.Balance, s.cfg.Credit
	now := s.clock.Now()
	for _, c := range s.campaigns {
		c.step(now)
		balance -= c.charge(c.buckets(now))
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{
		"balance": math.Round(balance*1e4) / 1e4, "currency": "USD", "credit": credit,
	}})
}

// SetBalance sets the balance before what the campaigns have cost, and the
// credit, as a top-up or a change of credit limit would.
func (s *Sandbox) SetBalance(balance, credit float64) {
	s.mu.Lock()
	s.cfg.Balance, s.cfg.Credit = balance, credit
	s.mu.Unlock()
}

// handleSetBalance serves the control PUT /_sandbox/balance
// {"balance": n, "credit": n}.
func (s *Sandbox) handleSetBalance(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Balance *float64 `json:"balance"`
		Credit  float64  `json:"credit"`
	}
	if json.NewDecoder(r.Body).Decode(&req) != nil || req.Balance == nil || req.Credit < 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "want {\"balance\": n, \"credit\": n >= 0}"})
		return
	}
	s.SetBalance(*req.Balance, req.Credit)
	writeJSON(w, http.StatusOK, req)
}

// handlePrice serves POST /api/campaigns/price: the SMS price of a
// campaign to messages[].phone (integers) or groups, with sender and text
// checked as for an SMS campaign, and tariff_code 0..9 ("Tariff was not
// found" otherwise).
func (s *Sandbox) handlePrice(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	if sender, ok := c.str(b, "sender", "sender", true); ok {
		c.smsSender("sender", sender)
	}
	text, _ := c.str(b, "text", "text", true)
	c.smsText("text", text)
	if raw, ok := b["tariff_code"]; ok && present(raw) {
		var code int64
		if json.Unmarshal(raw, &code) != nil || code < 0 || code > 9 {
			writeRefusal(w, "Tariff was not found")
			return
		}
	}
	s.mu.Lock()
	count := s.priceRecipients(c, b)
	s.mu.Unlock()
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"price": float64(count) * smsPrice, "currency": "USD"})
}

// priceRecipients counts the messages of a price request; the caller holds
// s.mu.
func (s *Sandbox) priceRecipients(c *checker, b body) int {
	messages, hasMessages := c.array(b, "messages", "messages", 1, 10000)
	groups, hasGroups := c.array(b, "groups", "groups", 1, 1000)
	if !hasMessages && !hasGroups {
		c.add("messages", "This value should not be blank.")
		return 0
	}
	count := 0
	for i, raw := range messages {
		path := fmt.Sprintf("messages.%d", i)
		m, ok := c.objectAt(raw, path)
		if !ok {
			continue
		}
		if phone := phoneField(c, body{"number": m["phone"]}, path+".phone", kindSMS); phone != "" {
			c.phoneNumber(path+".phone", phone)
			count++
		}
	}
	return count + len(s.groupPhones(s.groupIDs(c, groups)))
}
