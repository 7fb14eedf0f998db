package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

const (
	kindRCS      = "rcs"
	kindSMS      = "sms"
	kindViber    = "viber"
	kindWhatsApp = "whatsapp"
	kindVoice    = "voice"

	timeLayout = "2006-01-02 15:04:05"

	// The life cycle on the stand-in's clock.
	creationFor   = 5 * time.Second
	moderationFor = 10 * time.Second
	// Message i goes out at i*messageEvery after sending starts; it is
	// delivered (or found undelivered) reportAfter later, read readAfter
	// after that.
	messageEvery = 2 * time.Second
	reportAfter  = 3 * time.Second
	readAfter    = 3 * time.Second

	rcsPrice      = 0.02
	smsPrice      = 0.015
	viberPrice    = 0.0175
	whatsappPrice = 0.03
	voicePrice    = 0.05
)

// unitPrice is the price of one message of a campaign's channel.
var unitPrice = map[string]float64{kindRCS: rcsPrice, kindSMS: smsPrice, kindViber: viberPrice, kindWhatsApp: whatsappPrice,
	kindVoice: voicePrice}

// hasMessenger is the stand-in's rule of who has the Viber and WhatsApp
// apps (no page says how the platform finds out): every number except
// those ending in 0. A message to a number without the app is not
// delivered on its channel ("not_viber_user" in the detail's statistics)
// and goes by the campaign's SMS fallback when it has one.
func hasMessenger(phone string) bool { return phone == "" || phone[len(phone)-1] != '0' }

// campaign is the stand-in's own record of a campaign.
type campaign struct {
	id          int64
	kind        string
	sender      string
	messages    int
	fallback    bool
	startAt     time.Time // zero = send at once
	createdAt   time.Time
	status      string
	phaseStart  time.Time
	sendingDone time.Duration // sending time accumulated before the current phase
	realStartAt time.Time
	finishedAt  time.Time
	price       float64
	// noApp marks the messages (in order) whose recipient lacks the
	// campaign's messenger app (Viber, WhatsApp): see hasMessenger.
	noApp []bool
	// options are the options it was created with (campaign_options.go).
	options map[string]json.RawMessage
}

// step moves a campaign along its life cycle up to now:
// creation -> moderation -> scheduled (start_at in the future) -> sending -> done.
func (c *campaign) step(now time.Time) {
	for {
		switch c.status {
		case "creation":
			if now.Before(c.phaseStart.Add(creationFor)) {
				return
			}
			c.status, c.phaseStart = "moderation", c.phaseStart.Add(creationFor)
		case "moderation":
			t := c.phaseStart.Add(moderationFor)
			if now.Before(t) {
				return
			}
			if !c.startAt.IsZero() && c.startAt.After(t) {
				c.status, c.phaseStart = "scheduled", t
			} else {
				c.startSending(t)
			}
		case "scheduled":
			if now.Before(c.startAt) {
				return
			}
			c.startSending(c.startAt)
		case "sending":
			end := c.phaseStart.Add(c.sendingLength() - c.sendingDone)
			if now.Before(end) {
				return
			}
			c.sendingDone = c.sendingLength()
			c.status, c.phaseStart, c.finishedAt = "done", end, end
		default:
			return
		}
	}
}

func (c *campaign) startSending(t time.Time) {
	c.status, c.phaseStart = "sending", t
	if c.realStartAt.IsZero() {
		c.realStartAt = t
	}
}

// sendingLength is how long sending takes until the last report is in.
func (c *campaign) sendingLength() time.Duration {
	return time.Duration(c.messages-1)*messageEvery + reportAfter + readAfter
}

// elapsed is the sending time so far.
func (c *campaign) elapsed(now time.Time) time.Duration {
	if c.status == "sending" {
		return c.sendingDone + now.Sub(c.phaseStart)
	}
	return c.sendingDone
}

// buckets counts the messages per message status, as the detail call
// reports them.
type buckets struct {
	moderation, scheduled, sent, delivered, undelivered, read int64
	fallbackSent, fallbackDelivered                           int64
	// notUser counts the messages to recipients without the channel's app.
	notUser int64
}

func (c *campaign) buckets(now time.Time) buckets {
	var b buckets
	switch {
	case c.status == "creation" || c.status == "moderation":
		b.moderation = int64(c.messages)
		return b
	case c.status == "spam":
		return b
	case c.realStartAt.IsZero():
		// Never started sending (scheduled, or paused or stopped before its
		// start): nothing was sent.
		if c.status != "stopped" {
			b.scheduled = int64(c.messages)
		}
		return b
	}
	e := c.elapsed(now)
	for i := 0; i < c.messages; i++ {
		at := time.Duration(i) * messageEvery
		switch {
		case e < at:
			if c.status != "stopped" {
				b.scheduled++
			}
		case e < at+reportAfter:
			b.sent++
		case i < len(c.noApp) && c.noApp[i]:
			b.notUser++
			if c.fallback {
				b.fallbackSent++
				if e >= at+reportAfter+readAfter {
					b.fallbackDelivered++
				}
			}
		case i%5 == 4:
			b.undelivered++
			if c.fallback {
				b.fallbackSent++
				if e >= at+reportAfter+readAfter {
					b.fallbackDelivered++
				}
			}
		case i%3 == 0 && e >= at+reportAfter+readAfter:
			b.read++
		default:
			b.delivered++
		}
	}
	return b
}

// shortStatistics follows the seed: sent counts DELIVERED, SENT, ACCEPTED,
// SENDING, UNDELIVERED, FAILED, EXPIRED, UNKNOWN; delivered counts
// DELIVERED and READ.
func (b buckets) shortStatistics() map[string]int64 {
	return map[string]int64{"sent": b.delivered + b.sent + b.undelivered, "delivered": b.delivered + b.read}
}

func (b buckets) fullStatistics(kind string) map[string]int64 {
	var notViber int64
	if kind == kindViber {
		notViber = b.notUser
	}
	return map[string]int64{
		"delivered": b.delivered, "sent": b.sent, "scheduled": b.scheduled, "moderation": b.moderation,
		"accepted": 0, "sending": 0, "expired": 0, "failed": 0, "undelivered": b.undelivered + b.notUser - notViber,
		"unknown": 0, "read": b.read, "not_viber_user": notViber, "not_rcs_user": 0,
	}
}

// accountTime writes a time as the API does: yyyy-mm-dd hh:mm:ss in the
// account's zone, the one zone of every time field.
func (s *Sandbox) accountTime(t time.Time) string { return t.In(s.cfg.AccountZone).Format(timeLayout) }

// accountTimeOrNull is accountTime, or null for a time that has not come.
func (s *Sandbox) accountTimeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return s.accountTime(t)
}

// namePrefix is how a campaign's name spells its channel ("Viber api
// campaign / ..." in the viber/send example; WhatsApp's and voice's are
// not shown).
var namePrefix = map[string]string{kindRCS: "RCS", kindSMS: "SMS", kindViber: "Viber", kindWhatsApp: "WhatsApp", kindVoice: "Voice"}

func (s *Sandbox) name(c *campaign) string {
	return fmt.Sprintf("%s api campaign / %s", namePrefix[c.kind], s.accountTime(c.createdAt))
}

// view renders the seed's answer elements. createAnswer adds the price
// estimate, which the API sends only when a campaign is created.
func (s *Sandbox) view(c *campaign, now time.Time, createAnswer bool) map[string]any {
	b := c.buckets(now)
	startAt := c.startAt
	if startAt.IsZero() {
		startAt = c.createdAt
	}
	v := map[string]any{
		"id":               c.id,
		"name":             s.name(c),
		"sender":           c.sender,
		"status":           c.status,
		"message_type":     c.kind,
		"start_at":         s.accountTime(startAt),
		"real_start_at":    s.accountTimeOrNull(c.realStartAt),
		"finished_at":      s.accountTimeOrNull(c.finishedAt),
		"created_at":       s.accountTime(c.createdAt),
		"statistics":       b.shortStatistics(),
		"calculated_price": 0,
		"currency":         nil,
		// The seed spells the key "statistic" in its example.
		"alternative_channels": nil,
	}
	if createAnswer {
		v["calculated_price"] = c.price
		v["currency"] = "USD"
	}
	if c.fallback {
		v["alternative_channels"] = map[string]any{"sms": map[string]any{"statistic": map[string]int64{
			"sent": b.fallbackSent, "delivered": b.fallbackDelivered}}}
	}
	return v
}

// charge is what the campaign has cost so far, from its buckets: RCS
// messages that reached delivered (or read) and the SMS fallback messages
// sent; SMS messages once handed to the operator.
func (c *campaign) charge(b buckets) float64 {
	if c.kind == kindSMS {
		return float64(b.delivered+b.read+b.sent+b.undelivered) * smsPrice
	}
	return float64(b.delivered+b.read)*unitPrice[c.kind] + float64(b.fallbackSent)*smsPrice
}

func (s *Sandbox) detailView(c *campaign, now time.Time) map[string]any {
	b := c.buckets(now)
	startAt := c.startAt
	if startAt.IsZero() {
		startAt = c.createdAt
	}
	price := c.charge(b)
	var alt any = []any{}
	if c.fallback {
		full := buckets{delivered: b.fallbackDelivered, sent: b.fallbackSent - b.fallbackDelivered}
		alt = map[string]any{"sms": map[string]any{"statistics": full.fullStatistics(kindSMS)}}
	}
	return map[string]any{
		"id":                   c.id,
		"name":                 s.name(c),
		"sender":               c.sender,
		"status":               c.status,
		"type":                 c.kind,
		"started_at":           s.accountTime(startAt),
		"actual_start_at":      s.accountTimeOrNull(c.realStartAt),
		"finished_at":          s.accountTimeOrNull(c.finishedAt),
		"created_at":           s.accountTime(c.createdAt),
		"statistics":           b.fullStatistics(c.kind),
		"total_messages":       c.messages,
		"total_phones":         c.messages,
		"total_price":          strconv.FormatFloat(price, 'f', 2, 64),
		"currency":             "USD",
		"alternative_channels": alt,
	}
}

// forID serves a request about the object of the {id} path value in table
// (campaigns, lists, contacts), under the lock; notFound answers an id the
// account does not have.
func forID[T any](s *Sandbox, table map[int64]*T, notFound func(http.ResponseWriter), h func(w http.ResponseWriter, r *http.Request, o *T)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		o := table[id]
		if err != nil || o == nil {
			notFound(w)
			return
		}
		h(w, r, o)
	}
}

// forCampaign serves a request about the campaign of the {id} path value,
// stepped to now, or 404.
func (s *Sandbox) forCampaign(h func(w http.ResponseWriter, c *campaign, now time.Time)) http.HandlerFunc {
	return forID(s, s.campaigns, writeNotFound, func(w http.ResponseWriter, _ *http.Request, c *campaign) {
		now := s.clock.Now()
		c.step(now)
		h(w, c, now)
	})
}

// handleGet serves GET /api/campaigns/{id}.
func (s *Sandbox) handleGet(w http.ResponseWriter, c *campaign, now time.Time) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.view(c, now, false)})
}

// handleDetail serves GET /api/campaigns/{id}/detail.
func (s *Sandbox) handleDetail(w http.ResponseWriter, c *campaign, now time.Time) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.detailView(c, now)})
}

// stoppable is where the pages allow a stop, per channel: an RCS campaign in
// moderation, paused, sending or scheduled (the seed, the RCS cancel page),
// an SMS campaign in creation, paused, sending or scheduled (the SMS cancel
// pages, bsg.world). Anything else answers 422 "Invalid campaign status".
//
// No page names the statuses of a Viber, WhatsApp or voice campaign's
// stop: the stand-in takes the narrowest reading, the statuses both lists
// share, so that a client which sends a stop too early is refused here as
// it may be there.
func stoppable(kind, status string) bool {
	switch status {
	case "paused", "sending", "scheduled":
		return true
	case "moderation":
		return kind == kindRCS
	case "creation":
		return kind == kindSMS
	}
	return false
}

// handleStop serves PUT (or PATCH) /api/campaigns/{id}/stop: allowed in the statuses of
// stoppable; the campaign becomes stopped for good.
func (s *Sandbox) handleStop(w http.ResponseWriter, c *campaign, now time.Time) {
	if c.status != "done" && s.takeCompleteBeforeStop() {
		c.sendingDone = c.sendingLength()
		if c.realStartAt.IsZero() {
			c.realStartAt = now
		}
		c.status, c.phaseStart, c.finishedAt = "done", now, now
	}
	if !stoppable(c.kind, c.status) {
		writeInvalidStatus(w)
		return
	}
	c.sendingDone = c.elapsed(now)
	c.status, c.phaseStart, c.finishedAt = "stopped", now, now
	writeJSON(w, http.StatusOK, map[string]any{"data": s.view(c, now, false)})
}

// handleRenew serves PUT /api/campaigns/{id}/renew: it resumes a paused campaign only.
func (s *Sandbox) handleRenew(w http.ResponseWriter, c *campaign, now time.Time) {
	if c.status != "paused" {
		writeInvalidStatus(w)
		return
	}
	if c.realStartAt.IsZero() && !c.startAt.IsZero() && c.startAt.After(now) {
		c.status, c.phaseStart = "scheduled", now
	} else {
		c.startSending(now)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": s.view(c, now, false)})
}

// SetStatus forces a campaign into a status, as the platform does when the
// balance runs out (paused), moderation fails (spam) or for tests (done).
func (s *Sandbox) SetStatus(id int64, status string) error {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.campaigns[id]
	if c == nil {
		return fmt.Errorf("campaign %d not found", id)
	}
	c.step(now)
	switch status {
	case "paused", "stopped":
		c.sendingDone = c.elapsed(now)
	case "done":
		c.sendingDone = c.sendingLength()
		if c.realStartAt.IsZero() {
			c.realStartAt = now
		}
	case "spam":
		c.sendingDone = 0
	case "creation", "moderation", "scheduled":
		c.sendingDone = 0
		c.realStartAt = time.Time{}
		if status == "scheduled" && !c.startAt.After(now) {
			c.startAt = now.Add(time.Hour)
		}
	case "sending":
		if c.realStartAt.IsZero() {
			c.realStartAt = now
		}
	default:
		return fmt.Errorf("unknown status %q", status)
	}
	c.status, c.phaseStart = status, now
	c.finishedAt = time.Time{}
	if status == "done" || status == "stopped" || status == "spam" {
		c.finishedAt = now
	}
	return nil
}

// Delete removes a campaign, as if the account no longer had it: reads
// answer 404.
func (s *Sandbox) Delete(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.campaigns, id)
	for i, v := range s.order {
		if v == id {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
}

// Status returns a campaign's status now, or "" when it does not exist.
func (s *Sandbox) Status(id int64) string {
	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.campaigns[id]
	if c == nil {
		return ""
	}
	c.step(now)
	return c.status
}
