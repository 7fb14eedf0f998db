package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// recipients are what a create request addresses.
type recipients struct {
	count  int
	phones []string
	refs   []string
}

// handleCreate serves POST /api/campaigns/{rcs,sms}/{send,send-groups}.
func (s *Sandbox) handleCreate(kind string, groups bool) http.HandlerFunc {
	return s.createWith(func(c *checker, b body, now time.Time) createSpec {
		return s.checkCreate(c, b, kind, groups, now)
	})
}

// createWith serves a create call whose request check makes its spec:
// the faults, the reference_id rule and the commit are every create's.
func (s *Sandbox) createWith(check func(c *checker, b body, now time.Time) createSpec) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, ok := decodeBody(w, r)
		if !ok {
			return
		}
		now := s.clock.Now()
		c := &checker{}
		spec := check(c, b, now)
		spec.options = takenOptions(b)
		if s.takeCreateFaultBefore() {
			answerAfterCommit(w, "drop")
			return
		}
		s.mu.Lock()
		spec.rcp = s.checkReferences(c, spec.rcp)
		if c.errs != nil {
			s.mu.Unlock()
			writeValidation(w, c.errs)
			return
		}
		view := s.commit(spec, now)
		s.mu.Unlock()

		if !s.holdCreateAnswer(r) {
			return
		}
		if mode := s.takeCreateFault(); mode != "" {
			answerAfterCommit(w, mode)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"data": view})
	}
}

// createSpec is a create request once checked.
type createSpec struct {
	kind, sender string
	fallback     bool
	startAt      time.Time
	rcp          recipients
	// stopList is the channel whose stop list the campaign skips: rcs for
	// an RCS campaign unless check_stop_list is false, sms for an SMS one.
	stopList string
	// options are the options the request carried (takenOptions).
	options map[string]json.RawMessage
}

// checkCreate checks a create request's fields as the send pages document
// them, collecting every refusal in c.
func (s *Sandbox) checkCreate(c *checker, b body, kind string, groups bool, now time.Time) createSpec {
	spec := createSpec{kind: kind}
	if groups {
		spec.rcp = s.checkGroups(c, b)
	} else {
		spec.rcp = s.checkPhones(c, b, kind)
	}
	if kind == kindRCS {
		spec.sender, spec.fallback = checkRCS(c, b)
	} else {
		spec.sender = checkSMS(c, b)
		checkCallbackURL(c, b)
		checkShortLinks(c, b, "")
	}
	spec.startAt = c.startAt(b, s.cfg.AccountZone, now)
	checkTariff(c, b, kind, groups)
	c.boolean(b, "add_to_contact_book", "add_to_contact_book")
	c.boolean(b, "check_stop_list", "check_stop_list")
	spec.stopList = kindSMS
	if kind == kindRCS {
		spec.stopList = ""
		if flag(b, "check_stop_list", true) {
			spec.stopList = kindRCS
		}
	}
	return spec
}

// flag is a boolean field's value, def when it is absent or not a boolean.
func flag(b body, field string, def bool) bool {
	var v bool
	if raw, ok := b[field]; ok && present(raw) && json.Unmarshal(raw, &v) == nil {
		return v
	}
	return def
}

// commit creates the campaign and its messages and returns the create's
// answer; the caller holds s.mu.
func (s *Sandbox) commit(spec createSpec, now time.Time) map[string]any {
	for _, ref := range spec.rcp.refs {
		if ref != "" {
			s.references[ref] = true
		}
	}
	// A stop-listed phone is skipped: its message is kept (with its
	// reference_id) but never sent, counted or charged.
	skipped := map[int]bool{}
	for i, phone := range spec.rcp.phones {
		if spec.stopList != "" && s.stopListed(phone, spec.stopList) {
			skipped[i] = true
		}
	}
	cp := &campaign{
		id: s.nextID, kind: spec.kind, sender: spec.sender, messages: spec.rcp.count - len(skipped), fallback: spec.fallback,
		startAt: spec.startAt, createdAt: now, status: "creation", phaseStart: now, options: spec.options,
	}
	if spec.kind == kindViber || spec.kind == kindWhatsApp {
		for i, phone := range spec.rcp.phones {
			if !skipped[i] {
				cp.noApp = append(cp.noApp, !hasMessenger(phone))
			}
		}
	}
	cp.price = float64(cp.messages) * unitPrice[spec.kind]
	s.nextID++
	s.campaigns[cp.id] = cp
	for i, phone := range spec.rcp.phones {
		s.messages = append(s.messages, message{id: s.nextMsgID, campaignID: cp.id, phone: phone, referenceID: spec.rcp.refs[i], skipped: skipped[i]})
		s.nextMsgID++
	}
	s.order = append(s.order, cp.id)
	return s.view(cp, now, true)
}

// checkReferences applies the rule "messages with a duplicate reference_id
// will be rejected" under the reading the stand-in is set to: by default the
// whole request is refused (422, one error per repeated reference_id); with
// Faults.RepeatedReference = "messages" only those messages are dropped and
// the rest are sent, and a request whose every message was dropped makes an
// empty campaign. The caller holds s.mu.
func (s *Sandbox) checkReferences(c *checker, rcp recipients) recipients {
	dropOnly := s.faults.RepeatedReference == "messages"
	kept := recipients{count: rcp.count}
	for i, ref := range rcp.refs {
		switch {
		case ref == "" || !s.references[ref]:
			kept.refs = append(kept.refs, ref)
			kept.phones = append(kept.phones, rcp.phones[i])
		case dropOnly:
			kept.count--
			s.injected["reference_dropped"]++
		default:
			c.add(fmt.Sprintf("phones.%d.reference_id", i), "A message with this reference_id was already sent.")
		}
	}
	return kept
}

// checkTariff: an integer (the OpenAPI file); the RCS contact-list page
// types it as a string, so a string of digits is taken there too. The SMS
// pages allow 0 to 9.
func checkTariff(c *checker, b body, kind string, groups bool) {
	raw, ok := b["tariff_code"]
	if !ok || !present(raw) {
		return
	}
	var digits string
	if kind == kindRCS && groups && json.Unmarshal(raw, &digits) == nil && digitsOnly(digits) {
		return
	}
	hi := int64(1 << 31)
	if kind == kindSMS {
		hi = 9
	}
	c.integer(b, "tariff_code", "tariff_code", 0, hi)
}

// checkPhones: 1..5000 unique numbers of 9..15 digits (10,000 for SMS and
// the cascade call). RCS, Viber and WhatsApp document the number as a
// string, SMS as an integer, the cascade call both; reference_id is up to
// 32 alphanumerics.
func (s *Sandbox) checkPhones(c *checker, b body, kind string) recipients {
	limit := 5000
	if kind == kindSMS || kind == kindAnyPhone {
		limit = 10000
	}
	items, ok := c.array(b, "phones", "phones", 1, limit)
	if !ok {
		if _, has := b["phones"]; !has {
			c.add("phones", "This value should not be blank.")
		}
		return recipients{}
	}
	seen, seenRef := map[string]bool{}, map[string]bool{}
	rcp := recipients{count: len(items)}
	for i, raw := range items {
		path := fmt.Sprintf("phones.%d", i)
		p, ok := c.objectAt(raw, path)
		if !ok {
			continue
		}
		number := phoneField(c, p, path+".number", kind)
		if number != "" {
			c.phoneNumber(path+".number", number)
			if seen[number] {
				c.add(path+".number", "The phone numbers must be unique.")
			}
			seen[number] = true
		}
		ref, _ := c.str(p, "reference_id", path+".reference_id", false)
		if ref != "" {
			if len(ref) > 32 || !alnum(ref) {
				c.add(path+".reference_id", "The reference_id has up to 32 alphanumeric characters.")
			}
			if seenRef[ref] {
				// "Messages with duplicate reference_id will be rejected":
				// the message is dropped, and the request stands (the
				// cascade call's "Viber complete" example repeats one
				// reference_id three times).
				rcp.count--
				continue
			}
			seenRef[ref] = true
		}
		rcp.refs = append(rcp.refs, ref)
		rcp.phones = append(rcp.phones, number)
	}
	return rcp
}

func phoneField(c *checker, p body, path, kind string) string {
	raw, ok := p["number"]
	if !ok || !present(raw) {
		c.add(path, "This value should not be blank.")
		return ""
	}
	var s string
	if kind == kindAnyPhone && json.Unmarshal(raw, &s) == nil {
		return s
	}
	if kind == kindRCS {
		if json.Unmarshal(raw, &s) != nil {
			c.add(path, "This value should be of type string.")
			return ""
		}
		return s
	}
	var n json.Number
	if raw[0] < '0' || raw[0] > '9' || json.Unmarshal(raw, &n) != nil || !digitsOnly(n.String()) {
		c.add(path, "This value should be of type integer.")
		return ""
	}
	return n.String()
}

// checkGroups: 1..1000 ids of existing contact lists, whose contacts are
// the campaign's recipients. A deleted list is the documented "Contact
// group is not found"; lists without contacts leave nothing to send and are
// refused (the wording is the stand-in's: no page documents it).
func (s *Sandbox) checkGroups(c *checker, b body) recipients {
	items, ok := c.array(b, "groups", "groups", 1, 1000)
	if !ok {
		c.add("groups", "This value should not be blank.")
		return recipients{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := s.groupIDs(c, items)
	phones := s.groupPhones(ids)
	if len(ids) == len(items) && len(phones) == 0 {
		c.add("groups", "The selected contact lists have no contacts.")
	}
	return recipients{count: len(phones), phones: phones, refs: make([]string, len(phones))}
}

// checkRCS validates sender, options and alternative_channel. The fallback
// may carry validity and validity_seconds together ("if not set, validity
// is used", and the OpenAPI file's "full" examples send both).
func checkRCS(c *checker, b body) (sender string, fallback bool) {
	sender, _ = c.str(b, "sender", "sender", true)
	if n := utf16Len(sender); sender != "" && n > 40 {
		c.add("sender", "The sender may have at most 40 characters.")
	}
	c.validity(b, "")
	if opts := c.object(b, "options", "options", true); opts != nil {
		checkOptions(c, opts)
	}
	if alt := c.object(b, "alternative_channel", "alternative_channel", false); alt != nil {
		if sms := c.object(alt, "sms", "alternative_channel.sms", true); sms != nil {
			fallback = true
			if s, ok := c.str(sms, "sender", "alternative_channel.sms.sender", true); ok {
				c.smsSender("alternative_channel.sms.sender", s)
			}
			t, _ := c.str(sms, "text", "alternative_channel.sms.text", true)
			c.smsText("alternative_channel.sms.text", t)
			c.integer(sms, "validity", "alternative_channel.sms.validity", 1, 72)
			c.integer(sms, "validity_seconds", "alternative_channel.sms.validity_seconds", 30, 86400)
			c.boolean(sms, "check_stop_list", "alternative_channel.sms.check_stop_list")
		}
	}
	return sender, fallback
}

// checkOptions: either text (1..160 UTF-16 units, the OpenAPI file) or
// 1..10 cards (its maxItems; its words say 5, and a tariff may allow one).
func checkOptions(c *checker, opts body) {
	text, hasText := c.str(opts, "text", "options.text", false)
	cards, hasCards := c.array(opts, "cards", "options.cards", 1, 10)
	switch {
	case hasText == hasCards:
		c.add("options", "Either text or cards must be given.")
	case hasText && (text == "" || utf16Len(text) > 160):
		c.add("options.text", "The text has 1 to 160 characters.")
	}
	for i, raw := range cards {
		path := fmt.Sprintf("options.cards.%d", i)
		card, ok := c.objectAt(raw, path)
		if !ok {
			continue
		}
		c.shortText(card, "title", path, false, 200, "title")
		_, hasCText := c.shortText(card, "text", path, false, 1000, "text")
		media := c.object(card, "media", path+".media", false)
		if media != nil {
			c.str(media, "url", path+".media.url", true)
		}
		if !hasCText && media == nil {
			c.add(path, "Either media or text is required.")
		}
		suggestions, _ := c.array(card, "suggestions", path+".suggestions", 0, 4)
		for j, sraw := range suggestions {
			checkSuggestion(c, sraw, fmt.Sprintf("%s.suggestions.%d", path, j))
		}
	}
}

func checkSuggestion(c *checker, raw json.RawMessage, path string) {
	sg, ok := c.objectAt(raw, path)
	if !ok {
		return
	}
	c.shortText(sg, "text", path, true, 25, "button text")
	c.shortText(sg, "postback_data", path, false, 25, "postback_data")
	typ, _ := c.str(sg, "type", path+".type", false)
	url, hasURL := c.str(sg, "url", path+".url", false)
	phone, hasPhone := c.str(sg, "phone", path+".phone", false)
	switch {
	case typ != "" && typ != "link" && typ != "call":
		c.add(path+".type", "The type is link or call.")
	case typ == "link" && (!hasURL || url == ""), typ == "" && !hasURL && !hasPhone:
		c.add(path+".url", "A link button needs a url.")
	case typ == "call" && (!hasPhone || phone == ""):
		c.add(path+".phone", "A call button needs a phone.")
	case hasURL && hasPhone:
		c.add(path, "A button has either a url or a phone.")
	}
}

// checkSMS validates sender, text, validity and transliterate.
func checkSMS(c *checker, b body) string {
	sender, ok := c.str(b, "sender", "sender", true)
	if ok {
		c.smsSender("sender", sender)
	}
	text, _ := c.str(b, "text", "text", true)
	c.smsText("text", text)
	c.integer(b, "validity", "validity", 1, 72)
	c.boolean(b, "transliterate", "transliterate")
	return sender
}
