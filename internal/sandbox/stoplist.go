package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// The stop list, as the stop-list pages (VENDOR-DOCS.md A13) and the
// OpenAPI file (stoplist_add, stoplist_remove, stoplist_items,
// stoplist_search) document it: one entry per phone, with an id, the phone
// (an integer of 9 to 15 digits), created_at and a flag per channel
// (sms_stoplist, viber_stoplist, rcs_stoplist).
//
//   - POST /api/stoplist/attach {phones (1..1000), types} sets the flags of
//     types on each phone's entry, making the entry if the phone has none,
//     and answers the entries. types are sms, viber, rcs or whatsapp (the
//     OpenAPI file's enum); no answer carries a whatsapp flag, so the
//     stand-in accepts whatsapp and keeps nothing for it.
//   - POST /api/stoplist/detach {ids (1..200), types} clears those flags of
//     the entries of ids ("An array of contact IDs to remove from stop
//     list": the ids the stop list answers). An entry with no flag left is
//     gone from the lists. An id the account has no entry for is skipped.
//   - GET /api/stoplist: pages of page[limit] 15..500. The sources disagree
//     on the default (the OpenAPI file 20, the RCS page 50, the SMS page
//     30): the stand-in answers 20, the smallest, so that a client relying
//     on a default reads too little and is caught. The filter is type (the
//     OpenAPI file) or types (the RCS page); both are honoured.
//   - GET /api/stoplist/search: the same entries, search[field] phone or id
//     with the operator "=" (the documented example), sorted by id.
//
// An identical attach or detach repeated within duplicateWindow on the
// stand-in's clock answers 429 "Too many duplicate request detected", the
// OpenAPI file's example answer to both.

// stopEntry is one phone of the stop list.
type stopEntry struct {
	id        int64
	phone     string
	createdAt time.Time
	channels  map[string]bool // sms, viber, rcs
}

const (
	duplicateWindow = 5 * time.Second
	msgDuplicate    = "Too many duplicate request detected"
)

// StopListed reports whether phone is on channel's stop list.
func (s *Sandbox) StopListed(phone, channel string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopListed(phone, channel)
}

// stopListed is StopListed for a caller that holds s.mu.
func (s *Sandbox) stopListed(phone, channel string) bool {
	e := s.stopList[phone]
	return e != nil && e.channels[channel]
}

func (s *Sandbox) stopEntryView(e *stopEntry) map[string]any {
	return map[string]any{
		"id": e.id, "phone": json.Number(e.phone), "created_at": s.accountTime(e.createdAt),
		"sms_stoplist": e.channels["sms"], "viber_stoplist": e.channels["viber"], "rcs_stoplist": e.channels["rcs"],
	}
}

// stopTypes reads the types of an attach or detach: at least one of sms,
// viber, rcs, whatsapp.
func stopTypes(c *checker, b body) []string {
	items, ok := c.array(b, "types", "types", 1, 4)
	if !ok {
		c.add("types", "This value should not be blank.")
		return nil
	}
	var out []string
	for i, raw := range items {
		var t string
		if json.Unmarshal(raw, &t) != nil || (t != "sms" && t != "viber" && t != "rcs" && t != "whatsapp") {
			c.add(fmt.Sprintf("types.%d", i), "The value you selected is not a valid choice.")
			continue
		}
		out = append(out, t)
	}
	return out
}

// stopPhones reads the phones of an attach: 1 to 1,000 integers of 9 to
// 15 digits.
func stopPhones(c *checker, b body) []string {
	items, ok := c.array(b, "phones", "phones", 1, 1000)
	if !ok {
		c.add("phones", "This value should not be blank.")
	}
	var phones []string
	for i, item := range items {
		path := fmt.Sprintf("phones.%d", i)
		if phone := phoneField(c, body{"number": item}, path, kindSMS); phone != "" {
			c.phoneNumber(path, phone)
			phones = append(phones, phone)
		}
	}
	return phones
}

// duplicate reports an identical write within duplicateWindow, and records
// this one; the caller holds s.mu.
func (s *Sandbox) duplicate(route string, raw []byte) bool {
	key := route + " " + string(raw)
	now := s.clock.Now()
	last, seen := s.recentWrites[key]
	s.recentWrites[key] = now
	return seen && now.Sub(last) < duplicateWindow
}

// handleStopAttach serves POST /api/stoplist/attach.
func (s *Sandbox) handleStopAttach(w http.ResponseWriter, r *http.Request) {
	b, raw, ok := decodeBodyRaw(w, r)
	if !ok {
		return
	}
	c := &checker{}
	phones := stopPhones(c, b)
	types := stopTypes(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	if s.duplicate("attach", raw) {
		s.mu.Unlock()
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"message": msgDuplicate})
		return
	}
	data := []any{}
	for _, phone := range phones {
		e := s.stopList[phone]
		if e == nil {
			e = &stopEntry{id: s.nextStopID, phone: phone, createdAt: s.clock.Now(), channels: map[string]bool{}}
			s.nextStopID++
			s.stopList[phone] = e
		}
		for _, t := range types {
			if t != "whatsapp" {
				e.channels[t] = true
			}
		}
		data = append(data, s.stopEntryView(e))
	}
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// handleStopDetach serves POST /api/stoplist/detach.
func (s *Sandbox) handleStopDetach(w http.ResponseWriter, r *http.Request) {
	b, raw, ok := decodeBodyRaw(w, r)
	if !ok {
		return
	}
	c := &checker{}
	items, ok := c.array(b, "ids", "ids", 1, 200)
	if !ok {
		c.add("ids", "This value should not be blank.")
	}
	ids := map[int64]bool{}
	for i, item := range items {
		var id int64
		if json.Unmarshal(item, &id) != nil || id < 1 {
			c.add(fmt.Sprintf("ids.%d", i), "This value should be of type integer.")
			continue
		}
		ids[id] = true
	}
	types := stopTypes(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	if s.duplicate("detach", raw) {
		s.mu.Unlock()
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"message": msgDuplicate})
		return
	}
	for phone, e := range s.stopList {
		if !ids[e.id] {
			continue
		}
		for _, t := range types {
			delete(e.channels, t)
		}
		if len(e.channels) == 0 {
			delete(s.stopList, phone)
		}
	}
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"message": "Successful detached"})
}

// sortedStopEntries are the entries in id order; the caller holds s.mu.
func (s *Sandbox) sortedStopEntries(keep func(*stopEntry) bool) []any {
	entries := make([]*stopEntry, 0, len(s.stopList))
	for _, e := range s.stopList {
		if keep(e) {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].id < entries[j].id })
	out := make([]any, 0, len(entries))
	for _, e := range entries {
		out = append(out, s.stopEntryView(e))
	}
	return out
}

// stopTypeFilter reads type (the OpenAPI file) or types (the RCS page).
func stopTypeFilter(c *checker, r *http.Request) string {
	q := r.URL.Query()
	v := q.Get("type")
	if v == "" {
		v = q.Get("types")
	}
	return queryEnum(c, v, "type", "", "sms", "viber", "rcs", "whatsapp")
}

// handleStopList serves GET /api/stoplist.
func (s *Sandbox) handleStopList(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	q := r.URL.Query()
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 20, 15, 500)
	typ := stopTypeFilter(c, r)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	items := s.sortedStopEntries(func(e *stopEntry) bool { return typ == "" || e.channels[typ] })
	s.mu.Unlock()
	writePage(w, items, offset, limit)
}

// handleStopSearch serves GET /api/stoplist/search: search[field] phone
// or id, search[operator] "=", answered with meta.page as documented.
func (s *Sandbox) handleStopSearch(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	q := r.URL.Query()
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 15, 500)
	field := queryEnum(c, q.Get("search[field]"), "search[field]", "", "id", "phone", "created_at", "type")
	operator := queryEnum(c, q.Get("search[operator]"), "search[operator]", "=", "=")
	value := strings.TrimSpace(q.Get("search[value]"))
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	items := s.sortedStopEntries(func(e *stopEntry) bool {
		switch field {
		case "phone":
			return e.phone == value
		case "id":
			return fmt.Sprint(e.id) == value
		case "type":
			return e.channels[value]
		}
		return true
	})
	s.mu.Unlock()
	total := int64(len(items))
	data := []any{}
	for i := offset; i < total && i < offset+limit; i++ {
		data = append(data, items[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{
		"page":   map[string]any{"limit": limit, "offset": offset, "total": total},
		"search": map[string]any{"field": field, "operator": operator, "value": value},
	}})
}

// StopListPhones lists the phones on channel's stop list, one per entry.
func (s *Sandbox) StopListPhones(channel string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, e := range s.stopList {
		if e.channels[channel] {
			out = append(out, e.phone)
		}
	}
	sort.Strings(out)
	return out
}
