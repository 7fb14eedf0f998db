package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// Short-link domains and short links, as the OpenAPI file documents them
// (/api/short-url/domains, /api/short-url/links, .../statistics).
// Choices the file leaves open are marked "Undocumented:".

// shortURLs is the account's short-link state; the caller of every method
// holds s.mu.
type shortURLs struct {
	domains     map[string]*shortDomain
	domainOrder []string
	links       map[string]*shortLink
	linkOrder   []string
	// domainLimit is the tariff's number of own domains (Undocumented: the
	// file documents the refusal, not the number; 2 by default, the system
	// domains not counted, since the platform provides them).
	domainLimit int
	// recordDelay hides the DNS record of the next domain created from
	// that many answers (SetShortDomainRecordDelay).
	recordDelay int
}

type shortDomain struct {
	id, name, slugType string
	system             bool
	status             string
	isDefault          bool
	notFoundPage       *string
	createdAt          time.Time
	// recordHidden is the number of answers that still leave out the DNS
	// record.
	recordHidden int
}

type shortLink struct {
	id, domainID, slug, original string
	name                         *string
	status                       string
	createdAt                    time.Time
	deletedAt                    *time.Time
	clicks                       int64
	firstClick                   *time.Time
	firstClickID                 string
}

// SystemShortDomainID is the id of the platform's domain every account
// has (the OpenAPI file's example, dev.shorty.tel): active at once.
const SystemShortDomainID = "db05af9e-107e-4ed6-b1ac-a373d90109c8"

// systemCNAME is where an account's own domain points (the file's example).
const systemCNAME = "dev.shorty.tel"

// Documented answers about short links.
const (
	msgShortDomainLimit    = "short-link.exceptions.domain_exceeded_allowed_limit"
	msgShortDomainName     = "Invalid domain name"
	msgShortDomainNotFound = "Domain not found"
	msgShortLinkNotFound   = "Short link not found"
	msgShortLinkExists     = "The short link already exists"
)

func (s *Sandbox) short() *shortURLs {
	if s.shortState == nil {
		st := &shortURLs{domains: map[string]*shortDomain{}, links: map[string]*shortLink{}, domainLimit: 2}
		st.domains[SystemShortDomainID] = &shortDomain{id: SystemShortDomainID, name: systemCNAME, slugType: "random", system: true,
			status: "active", isDefault: true, createdAt: s.cfg.Start}
		st.domainOrder = []string{SystemShortDomainID}
		s.shortState = st
	}
	return s.shortState
}

func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func (s *Sandbox) shortDomainView(d *shortDomain, full bool) map[string]any {
	st := s.short()
	n := 0
	for _, l := range st.links {
		if l.domainID == d.id {
			n++
		}
	}
	var systemID any
	if d.system {
		systemID = "53992a80-2b8c-4509-b1e2-844893c4f6c5"
	}
	v := map[string]any{
		"id": d.id, "system_domain_id": systemID, "status": d.status, "name": d.name, "is_default": d.isDefault,
		"init_deleted_at": nil, "created_at": s.accountTime(d.createdAt), "can_refresh_status": !d.system && d.status == "inactive",
		"can_restore": false, "count_short_links": n,
	}
	if !full {
		return v // ShortUrlDomainListSchema
	}
	v["slug_type"], v["not_found_page"] = d.slugType, d.notFoundPage
	v["record_type"], v["hostname"], v["cname"] = nil, nil, nil
	if d.recordHidden > 0 {
		d.recordHidden--
	} else if !d.system {
		v["record_type"], v["hostname"], v["cname"] = "CNAME", d.name, systemCNAME
	}
	return v
}

func (s *Sandbox) shortLinkView(l *shortLink) map[string]any {
	var deleted any
	if l.deletedAt != nil {
		deleted = s.accountTime(*l.deletedAt)
	}
	return map[string]any{
		"id": l.id, "status": l.status, "name": l.name, "slug": l.slug, "campaign_id": nil, "message_id": nil,
		"init_deleted_at": deleted, "created_at": s.accountTime(l.createdAt),
		"short_link": "http://" + s.short().domains[l.domainID].name + "/" + l.slug, "original_link": l.original,
		"can_restore": l.status == "deleted", "count_clicks": l.clicks, "count_human_clicks": l.clicks, "count_unique_clicks": l.clicks,
	}
}

// maxURL is the longest URL the file documents (maxLength 2048).
const maxURL = 2048

// checkURL checks an url field (format: url) of at most maxURL characters.
func checkURL(c *checker, b body, field string, required bool) (string, bool) {
	v, ok := c.str(b, field, field, required)
	if !ok {
		return "", false
	}
	u, err := url.Parse(v)
	switch {
	case v == "" || utf16Len(v) > maxURL:
		c.add(field, "The %s must be 1 to %d characters.", field, maxURL)
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		c.add(field, "The %s format is invalid.", field)
	}
	return v, true
}

func checkSlugType(c *checker, b body, required bool) string {
	v, ok := c.str(b, "slug_type", "slug_type", required)
	if ok && !slices.Contains([]string{"random", "from_original", "numeric"}, v) {
		c.add("slug_type", "The selected slug type is invalid.")
	}
	return v
}

// checkPeriod reads the lists' required from and to (yyyy-mm-dd) and
// their page and per_page.
func checkPeriod(c *checker, r *http.Request) (from, to time.Time, page, perPage int64) {
	q := r.URL.Query()
	for _, f := range []string{"from", "to"} {
		t, err := time.Parse("2006-01-02", q.Get(f))
		if err != nil {
			c.add(f, "The %s is not a valid date (yyyy-mm-dd).", f)
		}
		if f == "from" {
			from = t
		} else {
			to = t
		}
	}
	page = queryInt(c, q.Get("page"), "page", 1, 1, 1<<31)
	perPage = queryInt(c, q.Get("per_page"), "per_page", 20, 10, 500)
	if !slices.Contains([]int64{10, 20, 50, 100, 200, 500}, perPage) {
		c.add("per_page", "The selected per page is invalid.")
	}
	return from, to, page, perPage
}

// inPeriod: Undocumented: the period is read as the days the objects were
// created, from and to included, in the account's zone.
func (s *Sandbox) inPeriod(t, from, to time.Time) bool {
	day, _ := time.Parse("2006-01-02", t.In(s.cfg.AccountZone).Format("2006-01-02"))
	return !day.Before(from) && !day.After(to)
}

func writeShortPage(w http.ResponseWriter, items []any, page, perPage int64) {
	data := []any{}
	for i := (page - 1) * perPage; i < int64(len(items)) && i < page*perPage; i++ {
		data = append(data, items[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "total": len(items)})
}

// handleShortDomains serves GET /api/short-url/domains.
func (s *Sandbox) handleShortDomains(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	from, to, page, perPage := checkPeriod(c, r)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.short()
	items := []any{}
	for _, id := range st.domainOrder {
		if d := st.domains[id]; s.inPeriod(d.createdAt, from, to) {
			items = append(items, s.shortDomainView(d, false))
		}
	}
	writeShortPage(w, items, page, perPage)
}

// handleCreateShortDomain serves POST /api/short-url/domains: 201 with the
// domain, inactive until its DNS record is seen (ActivateShortDomain).
func (s *Sandbox) handleCreateShortDomain(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, _ := c.str(b, "name", "name", true)
	if n := utf16Len(name); name != "" && n > 20 {
		c.add("name", "The name may not be greater than 20 characters.")
	}
	slugType := checkSlugType(c, b, true)
	page, hasPage := checkURL(c, b, "not_found_page", false)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	st := s.short()
	if msg := st.refusal(name); msg != "" {
		s.mu.Unlock()
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": msg})
		return
	}
	d := &shortDomain{id: newUUID(), name: name, slugType: slugType, status: "inactive", createdAt: s.clock.Now(), recordHidden: st.recordDelay}
	if hasPage {
		d.notFoundPage = &page
	}
	st.recordDelay = 0
	st.domains[d.id] = d
	st.domainOrder = append(st.domainOrder, d.id)
	view := s.shortDomainView(d, true)
	s.mu.Unlock()
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": view})
}

// refusal is the documented refusal of one more domain of this name: a
// taken name, or the tariff's limit; "" when there is none.
func (st *shortURLs) refusal(name string) string {
	own := 0
	for _, d := range st.domains {
		if d.name == name {
			return msgShortDomainName
		}
		if !d.system {
			own++
		}
	}
	if own >= st.domainLimit {
		return msgShortDomainLimit
	}
	return ""
}

// forShortDomain runs h with the domain of the path, or answers the
// documented 422 "Domain not found".
func (s *Sandbox) forShortDomain(h func(w http.ResponseWriter, r *http.Request, d *shortDomain)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		d := s.short().domains[r.PathValue("uuid")]
		s.mu.Unlock()
		if d == nil {
			writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": msgShortDomainNotFound})
			return
		}
		h(w, r, d)
	}
}

func (s *Sandbox) handleGetShortDomain(w http.ResponseWriter, _ *http.Request, d *shortDomain) {
	s.mu.Lock()
	view := s.shortDomainView(d, true)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"data": view})
}

// handleUpdateShortDomain serves PUT: not_found_page, slug_type and
// is_default (Undocumented: a domain made default takes the flag from the
// others, since a default is one domain).
func (s *Sandbox) handleUpdateShortDomain(w http.ResponseWriter, r *http.Request, d *shortDomain) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	slugType := checkSlugType(c, b, false)
	page, hasPage := checkURL(c, b, "not_found_page", false)
	c.boolean(b, "is_default", "is_default")
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if slugType != "" {
		d.slugType = slugType
	}
	if hasPage {
		d.notFoundPage = &page
	}
	if raw, ok := b["is_default"]; ok && present(raw) {
		def := string(raw) == "true"
		if def {
			for _, o := range s.short().domains {
				o.isDefault = false
			}
		}
		d.isDefault = def
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": s.shortDomainView(d, true)})
}

// handleDeleteShortDomain serves DELETE: 204 {}. Undocumented: the
// domain's links stay listed.
func (s *Sandbox) handleDeleteShortDomain(w http.ResponseWriter, _ *http.Request, d *shortDomain) {
	s.mu.Lock()
	st := s.short()
	delete(st.domains, d.id)
	st.domainOrder = slices.DeleteFunc(st.domainOrder, func(id string) bool { return id == d.id })
	s.mu.Unlock()
	writeJSON(w, http.StatusNoContent, map[string]any{})
}

// handleShortLinks serves GET /api/short-url/links.
func (s *Sandbox) handleShortLinks(w http.ResponseWriter, r *http.Request) {
	c := &checker{}
	from, to, page, perPage := checkPeriod(c, r)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.short()
	items := []any{}
	for _, id := range st.linkOrder {
		if l := st.links[id]; s.inPeriod(l.createdAt, from, to) {
			items = append(items, s.shortLinkView(l))
		}
	}
	writeShortPage(w, items, page, perPage)
}

// newSlug makes a slug of the domain's slug type, unique on the domain.
func (st *shortURLs) newSlug(d *shortDomain) string {
	for {
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		slug := hex.EncodeToString(b)[:6]
		if d.slugType == "numeric" {
			slug = strconv.FormatUint(uint64(b[0])<<16|uint64(b[1])<<8|uint64(b[2]), 10)
		}
		if !st.slugTaken(d.id, slug, "") {
			return slug
		}
	}
}

func (st *shortURLs) slugTaken(domain, slug, except string) bool {
	for _, l := range st.links {
		if l.domainID == domain && l.slug == slug && l.id != except {
			return true
		}
	}
	return false
}

// handleCreateShortLink serves POST /api/short-url/links: 201 with the
// link in {"data": ...}, as the response schema writes it (its example
// writes it bare). Only an active domain is accepted (Undocumented: the
// refusal's wording, a 422 on domain_id).
func (s *Sandbox) handleCreateShortLink(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	domainID, _ := c.str(b, "domain_id", "domain_id", true)
	link, _ := checkURL(c, b, "link", true)
	s.mu.Lock()
	st := s.short()
	d := st.domains[domainID]
	if domainID != "" && (d == nil || d.status != "active") {
		c.add("domain_id", "The selected domain id is invalid.")
	}
	s.mu.Unlock()
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	if s.takeCreateFaultBefore() {
		answerAfterCommit(w, "drop")
		return
	}
	s.mu.Lock()
	l := &shortLink{id: newUUID(), domainID: d.id, slug: st.newSlug(d), original: link, status: "active", createdAt: s.clock.Now()}
	st.links[l.id] = l
	st.linkOrder = append(st.linkOrder, l.id)
	view := s.shortLinkView(l)
	s.mu.Unlock()
	if !s.holdCreateAnswer(r) {
		return
	}
	if mode := s.takeCreateFault(); mode != "" {
		answerAfterCommit(w, mode)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": view})
}

// forShortLink runs h with the link of the path, or answers notFound.
func (s *Sandbox) forShortLink(notFound func(http.ResponseWriter), h func(w http.ResponseWriter, r *http.Request, l *shortLink)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		l := s.short().links[r.PathValue("uuid")]
		s.mu.Unlock()
		if l == nil {
			notFound(w)
			return
		}
		h(w, r, l)
	}
}

func linkNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": msgShortLinkNotFound})
}

// handleUpdateShortLink serves PUT: name (1..50, null clears it), slug
// (1..25, unique on the domain) and original_link.
func (s *Sandbox) handleUpdateShortLink(w http.ResponseWriter, r *http.Request, l *shortLink) {
	b, ok := decodeBody(w, r)
	if !ok {
		return
	}
	c := &checker{}
	name, hasName := c.str(b, "name", "name", false)
	if n := utf16Len(name); hasName && (n < 1 || n > 50) {
		c.add("name", "The name must be 1 to 50 characters.")
	}
	slug, hasSlug := c.str(b, "slug", "slug", false)
	if n := utf16Len(slug); hasSlug && (n < 1 || n > 25) {
		c.add("slug", "The slug must be 1 to 25 characters.")
	}
	original, hasOriginal := checkURL(c, b, "original_link", false)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if hasSlug && s.short().slugTaken(l.domainID, slug, l.id) {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": msgShortLinkExists})
		return
	}
	if raw, ok := b["name"]; ok {
		l.name = nil
		if present(raw) {
			l.name = &name
		}
	}
	if hasSlug {
		l.slug = slug
	}
	if hasOriginal {
		l.original = original
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": s.shortLinkView(l)})
}

// handleDeleteShortLink serves DELETE: an active link becomes deleted
// (restorable), a deleted or blocked one is removed for good.
func (s *Sandbox) handleDeleteShortLink(w http.ResponseWriter, _ *http.Request, l *shortLink) {
	s.mu.Lock()
	st := s.short()
	if l.status == "active" {
		now := s.clock.Now()
		l.status, l.deletedAt = "deleted", &now
	} else {
		delete(st.links, l.id)
		st.linkOrder = slices.DeleteFunc(st.linkOrder, func(id string) bool { return id == l.id })
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusNoContent, []any{})
}

// handleShortLinkStatistics serves GET .../statistics: the clicks and
// the first click (Undocumented: null click fields before any click).
func (s *Sandbox) handleShortLinkStatistics(w http.ResponseWriter, _ *http.Request, l *shortLink) {
	s.mu.Lock()
	view := s.shortLinkView(l)
	data := map[string]any{
		"count_clicks": l.clicks, "short_link": view["short_link"], "original_link": l.original,
		"click_date": nil, "click_id": nil, "user_agent": nil, "client_ip": nil, "phone": nil, "message_id": nil,
		"campaign_id": nil, "is_human": nil,
	}
	if l.firstClick != nil {
		data["click_date"], data["click_id"], data["is_human"] = s.accountTime(*l.firstClick), l.firstClickID, true
		data["user_agent"], data["client_ip"] = "Mozilla/5.0 (X11; Linux x86_64)", "92.249.100.91"
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// SetShortDomainLimit sets the tariff's number of own domains.
func (s *Sandbox) SetShortDomainLimit(n int) {
	s.mu.Lock()
	s.short().domainLimit = n
	s.mu.Unlock()
}

// SetShortDomainRecordDelay leaves the DNS record out of the next created
// domain's first n answers (its create's included), as a platform that
// prepares the record after answering would.
func (s *Sandbox) SetShortDomainRecordDelay(n int) {
	s.mu.Lock()
	s.short().recordDelay = n
	s.mu.Unlock()
}

// ShowShortDomainRecords puts the DNS record in every domain's answers
// from now on, as a platform that has written it does.
func (s *Sandbox) ShowShortDomainRecords() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.short().domains {
		d.recordHidden = 0
	}
}

// ActivateShortDomain marks a domain active, as the platform does once
// it sees the domain's DNS record.
func (s *Sandbox) ActivateShortDomain(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.short().domains[id]
	if d == nil {
		return fmt.Errorf("no short-link domain %s", id)
	}
	d.status = "active"
	return nil
}

// ShortDomainNames lists the account's domains by name, in creation order.
func (s *Sandbox) ShortDomainNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.short()
	out := make([]string, 0, len(st.domainOrder))
	for _, id := range st.domainOrder {
		out = append(out, st.domains[id].name)
	}
	return out
}

// ShortDomainExists reports whether the domain is there.
func (s *Sandbox) ShortDomainExists(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.short().domains[id] != nil
}

// ShortLinkStatus is a link's status, "" when it is gone for good.
func (s *Sandbox) ShortLinkStatus(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l := s.short().links[id]; l != nil {
		return l.status
	}
	return ""
}

// ShortLinkCount is the number of links, deleted ones included.
func (s *Sandbox) ShortLinkCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.short().links)
}

// ListedShortLink is one link as GET /_sandbox/short-links lists it.
type ListedShortLink struct {
	ID           string `json:"id"`
	OriginalLink string `json:"original_link"`
	Status       string `json:"status"`
}

// ShortLinks lists every link in the order they were made, deleted ones
// included.
func (s *Sandbox) ShortLinks() []ListedShortLink {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.short()
	out := []ListedShortLink{}
	for _, id := range st.linkOrder {
		if l := st.links[id]; l != nil {
			out = append(out, ListedShortLink{ID: l.id, OriginalLink: l.original, Status: l.status})
		}
	}
	return out
}

// ClickShortLink records n clicks on a link.
func (s *Sandbox) ClickShortLink(id string, n int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.short().links[id]
	if l == nil {
		return fmt.Errorf("no short link %s", id)
	}
	if l.firstClick == nil && n > 0 {
		now := s.clock.Now()
		l.firstClick, l.firstClickID = &now, newUUID()
	}
	l.clicks += n
	return nil
}
