package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// 2FA message templates, from the OpenAPI file (GET and POST
// /api/2fa/authentications/templates, GET and DELETE .../{templateId}):
// name (3..50 characters, unique: "User has a template with the identical
// name!"), text with the variable {code2fa} exactly once, countries
// (ISO 3166-1 alpha-2). A new template is "requested"; moderation makes it
// "approved" or "rejected"; at most 10 may wait in "requested". The
// default template cannot be deleted. The 2FA calls write their errors as
// a list of sentences, not as fields.
//
// Choices the documentation leaves open, made here:
//   - Moderation takes OTPModerationDelay on the stand-in's clock (default
//     10 minutes); a text with a link (http://, https:// or www.) is
//     rejected, every other one approved. SetOTPModeration and
//     ModerateOTPTemplate change that.
//   - The account's default template is template 1, "Default", approved,
//     for every country; nothing in a template's answer marks it default.
//   - A deleted template stays, in status "deleted": the list shows it
//     (the status filter names it) and a GET answers it; a second delete
//     answers 404 "Template not found". Its name is free again.
//   - A name of the wrong length or a country code that is not two capital
//     letters is refused with field errors (countries.0), as the other
//     calls refuse a bad field; the OpenAPI file shows no such answer.
//   - updated_at is written in UTC, "2000-01-23T04:56:07.000+00:00" as the
//     examples write it: the creation time, then the moderation's.

// otpTemplate is a 2FA message template.
type otpTemplate struct {
	id        int64
	name      string
	text      string
	countries []string
	createdAt time.Time
	// verdict and decidedAt are moderation's outcome, once decided (or
	// forced); deleted marks a deleted template.
	verdict   string
	decidedAt time.Time
	deleted   bool
	def       bool
}

// otpStore holds the templates; the caller holds s.mu.
type otpStore struct {
	templates map[int64]*otpTemplate
	order     []int64
	nextID    int64
	delay     time.Duration
	// verdict, when set, is every undecided template's outcome (else the
	// link rule decides).
	verdict string
}

// OTPModerationDelay is how long moderation takes by default, on the
// stand-in's clock.
const OTPModerationDelay = 10 * time.Minute

// Sentences of the documented 2FA answers.
const (
	msgOTPNoCode      = "The variable {code2fa} is required in the text"
	msgOTPCodeTwice   = "The {code2fa} variable must occur only once in the text"
	msgOTPNameTaken   = "User has a template with the identical name!"
	msgOTPTooMany     = "The number of requests to create a template is limited to 10. Please wait for the manager approve before making a new request."
	msgOTPDefault     = "Default template is not available for deletion"
	msgOTPNotFound    = "Template not found"
	otpCode           = "{code2fa}"
	otpMaxRequested   = 10
	otpTimeLayout     = "2006-01-02T15:04:05.000-07:00"
	otpDefaultName    = "Default"
	otpDefaultText    = "Your code is {code2fa}"
	otpDefaultID      = 1
	otpFirstCreatedID = 515
)

var (
	otpLink    = regexp.MustCompile(`(?i)https?://|www\.`)
	otpCountry = regexp.MustCompile(`^[A-Z]{2}$`)
)

// otpTemplates is the store, made with its default template on first
// use; the caller holds s.mu.
func (s *Sandbox) otpTemplates() *otpStore {
	if s.otp == nil {
		s.otp = &otpStore{templates: map[int64]*otpTemplate{}, nextID: otpFirstCreatedID, delay: OTPModerationDelay}
		start := s.cfg.Start
		s.otp.templates[otpDefaultID] = &otpTemplate{id: otpDefaultID, name: otpDefaultName, text: otpDefaultText,
			countries: []string{}, createdAt: start, verdict: "approved", decidedAt: start, def: true}
		s.otp.order = append(s.otp.order, otpDefaultID)
	}
	return s.otp
}

// status is the template's status now; the caller holds s.mu.
func (st *otpStore) status(t *otpTemplate, now time.Time) (string, time.Time) {
	switch {
	case t.deleted:
		return "deleted", t.decidedAt
	case t.verdict != "":
		return t.verdict, t.decidedAt
	case now.Before(t.createdAt.Add(st.delay)):
		return "requested", t.createdAt
	case st.verdict != "":
		return st.verdict, t.createdAt.Add(st.delay)
	case otpLink.MatchString(t.text):
		return "rejected", t.createdAt.Add(st.delay)
	}
	return "approved", t.createdAt.Add(st.delay)
}

func (s *Sandbox) otpView(t *otpTemplate) map[string]any {
	status, changed := s.otpTemplates().status(t, s.clock.Now())
	return map[string]any{
		"template_id": t.id, "name": t.name, "text": t.text, "countries": t.countries,
		"status": status, "updated_at": changed.UTC().Format(otpTimeLayout),
	}
}

// writeOTPRefusal answers with the 2FA calls' error form.
func writeOTPRefusal(w http.ResponseWriter, status int, message, sentence string) {
	writeJSON(w, status, map[string]any{"message": message, "errors": []string{sentence}})
}

// handleOTPTemplates serves GET /api/2fa/authentications/templates:
// page[offset], page[limit] (10..500, default 10), filter[status], sort
// and way; {"data": {"list": [...], "total": n}}.
func (s *Sandbox) handleOTPTemplates(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	q := r.URL.Query()
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 10, 10, 500)
	status := queryEnum(c, q.Get("filter[status]"), "filter[status]", "", "", "requested", "approved", "rejected", "deleted")
	sortBy := queryEnum(c, q.Get("sort"), "sort", "template_id", "template_id", "status", "name", "updated_at")
	way := queryEnum(c, q.Get("way"), "way", "asc", "asc", "desc")
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.otpTemplates()
	views := []map[string]any{}
	for _, id := range st.order {
		v := s.otpView(st.templates[id])
		if status == "" || v["status"] == status {
			views = append(views, v)
		}
	}
	sort.SliceStable(views, func(i, j int) bool {
		a, b := fmt.Sprint(views[i][sortBy]), fmt.Sprint(views[j][sortBy])
		if sortBy == "template_id" {
			a, b = fmt.Sprintf("%012d", views[i]["template_id"]), fmt.Sprintf("%012d", views[j]["template_id"])
		}
		if way == "desc" {
			return a > b
		}
		return a < b
	})
	list := []any{}
	for i := offset; i < int64(len(views)) && i < offset+limit; i++ {
		list = append(list, views[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"list": list, "total": len(views)}})
}

// checkOTPBody checks a create body: field errors, or the documented
// sentence about the code variable.
func checkOTPBody(c *checker, b body) (name, text string, countries []string, sentence string) {
	name, _ = c.str(b, "name", "name", true)
	if n := utf16Len(name); name != "" && (n < 3 || n > 50) {
		c.add("name", "The name must be 3 to 50 characters.")
	}
	text, _ = c.str(b, "text", "text", true)
	items, _ := c.array(b, "countries", "countries", 0, 300)
	countries = []string{}
	for i, raw := range items {
		var code string
		if json.Unmarshal(raw, &code) != nil || !otpCountry.MatchString(code) {
			c.add(fmt.Sprintf("countries.%d", i), "The country must be an ISO 3166-1 alpha-2 code.")
			continue
		}
		countries = append(countries, code)
	}
	switch n := strings.Count(text, otpCode); {
	case text != "" && n == 0:
		sentence = msgOTPNoCode
	case n > 1:
		sentence = msgOTPCodeTwice
	}
	return name, text, countries, sentence
}

// handleCreateOTPTemplate serves POST /api/2fa/authentications/templates:
// 200 with the new template, in status requested.
func (s *Sandbox) handleCreateOTPTemplate(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, text, countries, sentence := checkOTPBody(c, b)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if sentence != "" {
		writeOTPRefusal(w, http.StatusUnprocessableEntity, "The given data was invalid.", sentence)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	st, now := s.otpTemplates(), s.clock.Now()
	if refusal := st.refusal(name, now); refusal != "" {
		s.mu.Unlock()
		writeOTPRefusal(w, http.StatusUnprocessableEntity, "The given data was invalid.", refusal)
		return
	}
	t := &otpTemplate{id: st.nextID, name: name, text: text, countries: countries, createdAt: now}
	st.nextID++
	st.templates[t.id] = t
	st.order = append(st.order, t.id)
	view := s.otpView(t)
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	if !s.holdCreateAnswer(r) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": view})
}

// refusal is why a new template of this name is refused now (a taken
// name, 10 templates in moderation), or ""; the caller holds s.mu.
func (st *otpStore) refusal(name string, now time.Time) string {
	requested := 0
	for _, t := range st.templates {
		if !t.deleted && t.name == name {
			return msgOTPNameTaken
		}
		if status, _ := st.status(t, now); status == "requested" {
			requested++
		}
	}
	if requested >= otpMaxRequested {
		return msgOTPTooMany
	}
	return ""
}

// forOTPTemplate finds {templateId}, or answers the documented 404.
func (s *Sandbox) forOTPTemplate(notFound func(http.ResponseWriter), h func(w http.ResponseWriter, t *otpTemplate)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		id, err := strconv.ParseInt(r.PathValue("templateId"), 10, 64)
		t := s.otpTemplates().templates[id]
		if err != nil || t == nil {
			notFound(w)
			return
		}
		h(w, t)
	}
}

// handleGetOTPTemplate serves GET .../templates/{templateId}; an unknown
// id answers 404 {"message": "Model not found"}.
func (s *Sandbox) handleGetOTPTemplate() http.HandlerFunc {
	return s.forOTPTemplate(func(w http.ResponseWriter) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Model not found"})
	}, func(w http.ResponseWriter, t *otpTemplate) {
		writeJSON(w, http.StatusOK, map[string]any{"data": s.otpView(t)})
	})
}

// handleDeleteOTPTemplate serves DELETE .../templates/{templateId}: 200
// {"data": {"status": "Successfully removed"}}; the default template
// answers 422, an unknown or deleted one 404.
func (s *Sandbox) handleDeleteOTPTemplate() http.HandlerFunc {
	notFound := func(w http.ResponseWriter) {
		writeOTPRefusal(w, http.StatusNotFound, "TwoFA Service error.", msgOTPNotFound)
	}
	return s.forOTPTemplate(notFound, func(w http.ResponseWriter, t *otpTemplate) {
		switch {
		case t.deleted:
			notFound(w)
		case t.def:
			writeOTPRefusal(w, http.StatusUnprocessableEntity, "The given data was invalid.", msgOTPDefault)
		default:
			t.deleted, t.decidedAt = true, s.clock.Now()
			writeJSON(w, http.StatusOK, map[string]any{"data": map[string]string{"status": "Successfully removed"}})
		}
	})
}

// SetOTPModeration sets how long moderation takes and, when verdict is
// "approved" or "rejected", the outcome of every template not yet
// decided ("" lets the link rule decide).
func (s *Sandbox) SetOTPModeration(delay time.Duration, verdict string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.otpTemplates()
	st.delay, st.verdict = delay, verdict
}

// ModerateOTPTemplate decides a template's moderation now.
func (s *Sandbox) ModerateOTPTemplate(id int64, verdict string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.otpTemplates().templates[id]; t != nil {
		t.verdict, t.decidedAt = verdict, s.clock.Now()
	}
}

// CreateOTPTemplateDirect makes a template as the web interface would,
// already in the given status; it returns its id.
func (s *Sandbox) CreateOTPTemplateDirect(name, text, verdict string, countries ...string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, now := s.otpTemplates(), s.clock.Now()
	t := &otpTemplate{id: st.nextID, name: name, text: text, countries: append([]string{}, countries...), createdAt: now}
	if verdict != "" && verdict != "requested" {
		t.verdict, t.decidedAt = verdict, now
	}
	st.nextID++
	st.templates[t.id] = t
	st.order = append(st.order, t.id)
	return t.id
}

// OTPTemplateStatus is a template's status now ("" when unknown).
func (s *Sandbox) OTPTemplateStatus(id int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.otpTemplates()
	t := st.templates[id]
	if t == nil {
		return ""
	}
	status, _ := st.status(t, s.clock.Now())
	return status
}

// OTPTemplateNames lists the names of the templates not deleted, in
// creation order.
func (s *Sandbox) OTPTemplateNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.otpTemplates()
	var names []string
	for _, id := range st.order {
		if t := st.templates[id]; !t.deleted {
			names = append(names, t.name)
		}
	}
	return names
}

// OTPDefaultTemplateID is the id of the account's default template.
const OTPDefaultTemplateID = otpDefaultID
