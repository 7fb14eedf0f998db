package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"time"
)

// Sender registration requests, as the OpenAPI file documents them:
// POST /api/senders/requests/legal (SenderRequestLegalRequest) and
// /natural (SenderRequestNaturalRequest) answer 201 with the application
// in data; GET /api/senders/requests/sms lists them (SenderRequests200Response)
// with page[limit] 30..500, page[offset], sort (id, sender, status,
// country_code, created_at), way, and filter[status], filter[id],
// filter[country_code], filter[sender], filter[created_at].
//
// Choices where the file says nothing:
//   - Moderation takes time on the stand-in's clock: new, accepted after one
//     minute, in_progress after two, registered after five, or rejected
//     then, with a rejection_reason, for a sender RefuseSenderRegistration
//     named.
//   - The legal schema requires juridical_name and juridical_address but
//     describes legal_name and address: either spelling is taken.
//   - The list shows applications of both types (sms and viber), although
//     its path says sms: the answers carry the type.
//   - The 422 wording is the one of the other calls ("The given data was
//     invalid." with field errors).
//   - filter[created_at] matches the date (yyyy-mm-dd) of created_at.
//   - The account holds, from the start, the application of the natural
//     201 example (id 11631, sender testsms, UA), filed 30 days before the
//     stand-in's start and registered since; new ones are numbered on.

// senderRequests is the stand-in's applications.
type senderRequests struct {
	byID   map[int64]*senderRequest
	order  []int64
	nextID int64
	// refuse holds the rejection reason of a sender's applications.
	refuse map[string]string
}

type senderRequest struct {
	id        int64
	legal     bool
	fields    map[string]string // the string fields as sent
	createdAt time.Time
	reason    string // "" unless moderation refuses it
}

// Moderation's steps, on the stand-in's clock.
const (
	senderAccepted   = time.Minute
	senderInProgress = 2 * time.Minute
	senderDecided    = 5 * time.Minute
)

var (
	countryCodePattern = regexp.MustCompile(`^[A-Z]{2}$`)
	alphaSenderPattern = regexp.MustCompile(`^[A-Za-z0-9]{1,11}$`)
	digitSenderPattern = regexp.MustCompile(`^[0-9]{1,15}$`)
	// senderRequestFields are the applicants' other string fields: for
	// whom ("legal", "natural" or "" for both), whether required, and
	// their lengths.
	senderRequestFields = []struct {
		key, alt, only string
		required       bool
		lo, hi         int
	}{
		{"code_of_company", "", "", true, 1, 30}, {"tax_number", "", "legal", true, 1, 30},
		{"description", "", "", true, 1, 1000}, {"informing_purpose", "", "", true, 1, 1000},
		{"site_url", "", "", false, 7, 150}, {"comment", "", "", false, 1, 1000}, {"name", "", "natural", true, 1, 100},
		{"legal_name", "juridical_name", "legal", true, 1, 100}, {"address", "juridical_address", "legal", true, 1, 200},
	}
)

// RefuseSenderRegistration makes moderation reject the applications of a
// sender, with this reason.
func (s *Sandbox) RefuseSenderRegistration(sender, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.senders().refuse[sender] = reason
}

// seededSenderRequests is the first id of an application made on the
// stand-in: those before are the account's from the start.
const seededSenderRequests = 11_632

// senders is the applications, made on first use; the caller holds s.mu.
func (s *Sandbox) senders() *senderRequests {
	if s.senderRequests.byID == nil {
		seed := &senderRequest{id: 11_631, createdAt: s.cfg.Start.Add(-30 * 24 * time.Hour), fields: map[string]string{
			"type": "sms", "country_code": "UA", "sender": "testsms", "name": "Oleksander Melnik", "code_of_company": "00032106",
			"site_url": "https://bsg.world", "informing_purpose": "notifications for customers", "description": "Flower selling",
		}}
		s.senderRequests = senderRequests{byID: map[int64]*senderRequest{seed.id: seed}, order: []int64{seed.id}, nextID: seededSenderRequests,
			refuse: map[string]string{}}
	}
	return &s.senderRequests
}

// handleSenderRequest serves POST /api/senders/requests/legal and /natural.
func (s *Sandbox) handleSenderRequest(legal bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, ok := decodeBody(w, r)
		if !ok {
			return
		}
		fields := checkSenderRequest(b, legal, w)
		if fields == nil {
			return
		}
		if s.takeCreateFaultBefore() {
			answerAfterCommit(w, "drop")
			return
		}
		s.mu.Lock()
		st := s.senders()
		req := &senderRequest{id: st.nextID, legal: legal, fields: fields, createdAt: s.clock.Now(), reason: st.refuse[fields["sender"]]}
		st.nextID++
		st.byID[req.id] = req
		st.order = append(st.order, req.id)
		view := s.senderRequestView(req, req.createdAt)
		s.mu.Unlock()
		if mode := s.takeCreateFault(); mode != "" {
			answerAfterCommit(w, mode)
			return
		}
		writeJSON(w, http.StatusCreated, map[string]any{"data": view})
	}
}

// checkSenderRequest checks a body against the applicant's schema and
// returns its string fields, or answers 422 and returns nil.
func checkSenderRequest(b body, legal bool, w http.ResponseWriter) map[string]string {
	c := &checker{}
	fields := checkSenderHead(c, b)
	checkSenderFields(c, b, legal, fields)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return nil
	}
	return fields
}

// checkSenderHead checks type, country_code and sender.
func checkSenderHead(c *checker, b body) map[string]string {
	fields := map[string]string{}
	typ, _ := c.str(b, "type", "type", false)
	if typ == "" {
		typ = "sms" // SenderRequestType's default
	}
	if typ != "sms" && typ != "viber" {
		c.add("type", "The value you selected is not a valid choice.")
	}
	fields["type"] = typ
	country, _ := c.str(b, "country_code", "country_code", true)
	if country != "" && !countryCodePattern.MatchString(country) {
		c.add("country_code", "The country code must be an ISO 3166-1 alpha-2 code.")
	}
	fields["country_code"] = country
	sender, ok := c.str(b, "sender", "sender", true)
	if ok && !alphaSenderPattern.MatchString(sender) && !digitSenderPattern.MatchString(sender) {
		c.add("sender", "The sender has up to 11 Latin letters or digits, or up to 15 digits.")
	}
	fields["sender"] = sender
	return fields
}

// checkSenderFields checks the applicant's other fields, into fields.
func checkSenderFields(c *checker, b body, legal bool, fields map[string]string) {
	applicant := map[bool]string{true: "legal", false: "natural"}[legal]
	for _, f := range senderRequestFields {
		if f.only != "" && f.only != applicant {
			continue
		}
		v, ok := c.str(b, f.key, f.key, false)
		if !ok && f.alt != "" {
			v, ok = c.str(b, f.alt, f.alt, false)
		}
		switch {
		case !ok && f.required:
			c.add(f.key, "This value should not be blank.")
		case ok && (utf16Len(v) < f.lo || utf16Len(v) > f.hi):
			c.add(f.key, "This value should have %d to %d characters.", f.lo, f.hi)
		case ok && f.key == "site_url" && !webURL(v):
			c.add(f.key, "This value is not a valid URL.")
		}
		if ok {
			fields[f.key] = v
		}
	}
}

// webURL reports an http or https URL with a host.
func webURL(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// status is where moderation has taken an application by now.
func (r *senderRequest) status(now time.Time) (status string, changed time.Time) {
	age := now.Sub(r.createdAt)
	switch {
	case age >= senderDecided && r.reason != "":
		return "rejected", r.createdAt.Add(senderDecided)
	case age >= senderDecided:
		return "registered", r.createdAt.Add(senderDecided)
	case age >= senderInProgress:
		return "in_progress", r.createdAt.Add(senderInProgress)
	case age >= senderAccepted:
		return "accepted", r.createdAt.Add(senderAccepted)
	}
	return "new", time.Time{}
}

// senderRequestView is an application as the API writes it
// (SenderRequestSchema); the caller holds s.mu.
func (s *Sandbox) senderRequestView(r *senderRequest, now time.Time) map[string]any {
	status, changed := r.status(now)
	v := map[string]any{
		"id": r.id, "status": status, "created_at": s.accountTime(r.createdAt),
		"status_changed_at": s.accountTimeOrNull(changed), "registered_at": nil, "rejection_reason": nil,
		"name": nil, "legal_name": nil, "address": nil, "tax_number": nil, "site_url": nil, "comment": nil,
	}
	for k, val := range r.fields {
		v[k] = val
	}
	switch status {
	case "registered":
		v["registered_at"] = s.accountTime(changed)
	case "rejected":
		v["rejection_reason"] = r.reason
	}
	return v
}

// handleSenderRequests serves GET /api/senders/requests/sms.
func (s *Sandbox) handleSenderRequests(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c := &checker{}
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 30, 500)
	sortBy := queryEnum(c, q.Get("sort"), "sort", "id", "id", "sender", "status", "country_code", "created_at")
	way := queryEnum(c, q.Get("way"), "way", "asc", "asc", "desc")
	filter := queryEnum(c, q.Get("filter[status]"), "filter[status]", "", "new", "accepted", "in_progress", "registered", "rejected")
	id := queryInt(c, q.Get("filter[id]"), "filter[id]", 0, 1, 1<<62)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	st := s.senders()
	var match []*senderRequest
	for _, rid := range st.order {
		r := st.byID[rid]
		status, _ := r.status(now)
		if (id == 0 || rid == id) && (filter == "" || status == filter) &&
			(q.Get("filter[sender]") == "" || r.fields["sender"] == q.Get("filter[sender]")) &&
			(q.Get("filter[country_code]") == "" || r.fields["country_code"] == q.Get("filter[country_code]")) &&
			(q.Get("filter[created_at]") == "" || s.accountTime(r.createdAt)[:10] == q.Get("filter[created_at]")) {
			match = append(match, r)
		}
	}
	key := func(r *senderRequest) string {
		switch sortBy {
		case "status":
			status, _ := r.status(now)
			return status
		case "created_at":
			return s.accountTime(r.createdAt)
		case "id":
			return fmt.Sprintf("%020d", r.id)
		}
		return r.fields[sortBy]
	}
	sort.SliceStable(match, func(i, j int) bool {
		if way == "desc" {
			return key(match[i]) > key(match[j])
		}
		return key(match[i]) < key(match[j])
	})
	total := int64(len(match))
	data := []any{}
	for i := offset; i < total && i < offset+limit; i++ {
		data = append(data, s.senderRequestView(match[i], now))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"data": data,
		"meta": map[string]any{"page": map[string]int64{"total": total, "offset": offset, "limit": limit}},
	})
}
