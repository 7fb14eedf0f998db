// Package sandbox is an in-memory stand-in for the One-API platform, written
// from the API documentation (the vendor's developer web pages, then the
// platform's published OpenAPI description), not from the client's types,
// so that a misreading of the documentation by the client is caught rather
// than mirrored. It serves the API paths the provider uses and a
// control surface under /_sandbox/ to drive the clock, force statuses,
// inject faults and read request counters.
package sandbox

import (
	"crypto/rand"
	"encoding/json"
	"math/big"
	mrand "math/rand/v2"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Config configures a stand-in.
type Config struct {
	// APIKeys are the keys POST /api/auth/login accepts.
	APIKeys []string
	// TokenLifetime is the JWT lifetime on the stand-in's clock (default 1h).
	TokenLifetime time.Duration
	// ClockSpeed scales real time; 0 freezes the clock so that only
	// Advance moves it (tests).
	ClockSpeed float64
	// Start is the clock's starting time (default: now).
	Start time.Time
	// AccountZone is the account's time zone: the stand-in reads start_at
	// and the list filters in it and writes every yyyy-mm-dd hh:mm:ss time
	// in it (default UTC). The platform documents no zone; one zone for all
	// fields is the only reading under which its times compare.
	AccountZone *time.Location
	// Groups seeds the contact book: each id becomes a contact list named
	// "List <id>" holding that many contacts (default 101: 3, 102: 5, and
	// the documentation's example list 1864275: 3).
	Groups map[int64]int
	// Senders are the registered senders by type, sms and viber (default
	// sms: Shop, Demo, testsms, Vet klinika; viber: ViberShop).
	Senders map[string][]string
	// Balance and Credit are what GET /api/accounts/balance answers, in
	// USD (default 100 and 0).
	Balance, Credit float64
	// FirstID is the first campaign id (default above 2^31).
	FirstID int64
	// Seed seeds the fault injection's randomness.
	Seed uint64
	// RateLimit, when above 0, answers 429 with Retry-After to API requests
	// beyond this many per second, as a rate-limited account would.
	RateLimit float64
	// ListTypesAsDocumented refuses the list's filter[type]=viber and
	// =voice (422), as the OpenAPI file's enum (sms, rcs, whatsapp) would.
	// By default the stand-in lists Viber and voice campaigns too: the
	// campaign's message_type names viber, and the platform sends both.
	ListTypesAsDocumented bool
}

// Sandbox is the stand-in API. It is an http.Handler.
type Sandbox struct {
	cfg    Config
	clock  *clock
	secret []byte
	mux    *http.ServeMux

	mu          sync.Mutex
	campaigns   map[int64]*campaign
	order       []int64
	nextID      int64
	references  map[string]bool
	counters    map[string]int
	faults      Faults
	rng         *mrand.Rand
	tokenSeq    int64
	revokedUpTo int64
	issued      []string
	injected    map[string]int
	journal     []string

	groups        map[int64]*group
	groupOrder    []int64
	nextGroupID   int64
	contacts      map[int64]*contact
	contactOrder  []int64
	nextContactID int64
	phones        map[string]int64

	fields      map[int64]*field
	nextFieldID int64
	// fieldMark is nextFieldID when the faults were last set (HideNewFields).
	fieldMark int64

	stopList     map[string]*stopEntry // by phone
	nextStopID   int64
	recentWrites map[string]time.Time

	senderRequests senderRequests

	messages   []message
	nextMsgID  int64
	tariffs    []Tariff // nil: defaultTariffs (tariffs.go)
	arrivals   []time.Time
	userAgents map[string]bool
	// limiter is nil without a rate limit; SetRateLimit swaps it while
	// requests are served.
	limiter atomic.Pointer[rate.Limiter]

	// shortState is the short-link domains and links (shortlinks.go).
	shortState *shortURLs
	otp        *otpStore // 2FA templates (otp_templates.go), made on first use
}

// New returns a stand-in with cfg's defaults filled in.
func New(cfg Config) *Sandbox {
	if len(cfg.APIKeys) == 0 {
		cfg.APIKeys = []string{"test_sandbox"}
	}
	if cfg.TokenLifetime == 0 {
		cfg.TokenLifetime = time.Hour
	}
	if cfg.Start.IsZero() {
		cfg.Start = time.Now().UTC()
	}
	if cfg.AccountZone == nil {
		cfg.AccountZone = time.UTC
	}
	if cfg.Groups == nil {
		cfg.Groups = map[int64]int{101: 3, 102: 5, 1864275: 3}
	}
	if cfg.Senders == nil {
		cfg.Senders = map[string][]string{"sms": {"Shop", "Demo", "testsms", "Vet klinika"}, "viber": {"ViberShop"}}
	}
	if cfg.Balance == 0 {
		cfg.Balance = 100
	}
	if cfg.FirstID == 0 {
		cfg.FirstID = 3_000_000_001
	}
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	seed := cfg.Seed
	if seed == 0 {
		n, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
		seed = n.Uint64()
	}
	s := &Sandbox{
		cfg:        cfg,
		clock:      newClock(cfg.Start, cfg.ClockSpeed),
		secret:     secret,
		campaigns:  map[int64]*campaign{},
		nextID:     cfg.FirstID,
		references: map[string]bool{},
		counters:   map[string]int{},
		injected:   map[string]int{},
		rng:        mrand.New(mrand.NewPCG(seed, seed>>1)), //nolint:gosec // fault injection, not a secret
		nextMsgID:  4_400_000_001,

		groups:        map[int64]*group{},
		nextGroupID:   1_864_700,
		contacts:      map[int64]*contact{},
		nextContactID: 248_460_001,
		phones:        map[string]int64{},
		fields:        map[int64]*field{},
		stopList:      map[string]*stopEntry{},
		nextStopID:    24_142_001,
		recentWrites:  map[string]time.Time{},
	}
	s.seedContactBook()
	s.seedFields()
	s.SetRateLimit(cfg.RateLimit)
	s.routes()
	return s
}

// apiRoutes are the API calls the stand-in serves, method and path.
var apiRoutes = []struct {
	pattern string
	authed  bool
}{
	{"POST /api/auth/login", false},
	{"POST /api/auth/refresh", true},
	{"GET /api/campaigns", true},
	{"GET /api/messages", true},
	{"GET /api/campaigns/{id}", true},
	{"GET /api/campaigns/{id}/detail", true},
	{"PUT /api/campaigns/{id}/stop", true},
	{"PATCH /api/campaigns/{id}/stop", true},
	{"PUT /api/campaigns/{id}/renew", true},
	{"POST /api/campaigns/rcs/send", true},
	{"POST /api/campaigns/rcs/send-groups", true},
	{"POST /api/campaigns/sms/send", true},
	{"POST /api/campaigns/send", true},
	{"POST /api/campaigns/viber/send", true},
	{"POST /api/campaigns/whatsapp/send", true},
	{"POST /api/campaigns/sms/send-individual", true},
	{"POST /api/messages/send", true},
	{"GET /api/groups", true},
	{"POST /api/groups", true},
	{"GET /api/groups/{id}", true},
	{"PUT /api/groups/{id}", true},
	{"DELETE /api/groups/{id}", true},
	{"GET /api/contacts", true},
	{"POST /api/contacts", true},
	{"GET /api/contacts/search", true},
	{"GET /api/contacts/{id}", true},
	{"PUT /api/contacts/{id}", true},
	{"DELETE /api/contacts/{id}", true},
	{"GET /api/senders", true},
	{"GET /api/accounts/balance", true},
	{"GET /api/accounts/tariff", true},
	{"POST /api/campaigns/price", true},
	{"POST /api/campaigns/sms/send-groups", true},
	{"POST /api/stoplist/attach", true},
	{"POST /api/stoplist/detach", true},
	{"GET /api/stoplist", true},
	{"GET /api/stoplist/search", true},
	{"GET /api/contacts/fields", true},
	{"POST /api/contacts/fields", true},
	{"PATCH /api/contacts/fields/{id}", true},
	{"POST /api/contacts/fields/delete", true},
	{"POST /api/groups/attach", true},
	{"POST /api/groups/detach", true},
	{"GET /api/senders/requests/sms", true},
	{"POST /api/senders/requests/legal", true},
	{"POST /api/senders/requests/natural", true},
	{"GET /api/short-url/domains", true},
	{"POST /api/short-url/domains", true},
	{"GET /api/short-url/domains/{uuid}", true},
	{"PUT /api/short-url/domains/{uuid}", true},
	{"DELETE /api/short-url/domains/{uuid}", true},
	{"GET /api/short-url/links", true},
	{"POST /api/short-url/links", true},
	{"PUT /api/short-url/links/{uuid}", true},
	{"DELETE /api/short-url/links/{uuid}", true},
	{"GET /api/short-url/links/{uuid}/statistics", true},
	{"GET /api/2fa/authentications/templates", true},
	{"POST /api/2fa/authentications/templates", true},
	{"GET /api/2fa/authentications/templates/{templateId}", true},
	{"DELETE /api/2fa/authentications/templates/{templateId}", true},
}

// handlers are the handlers of apiRoutes, by pattern.
func (s *Sandbox) handlers() map[string]http.HandlerFunc { //nolint:funlen // the route table, one line per documented path
	return map[string]http.HandlerFunc{
		"POST /api/auth/login":                    s.handleLogin,
		"POST /api/auth/refresh":                  s.handleRefresh,
		"GET /api/campaigns":                      s.handleList,
		"GET /api/messages":                       s.handleMessages,
		"GET /api/campaigns/{id}":                 s.forCampaign(s.handleGet),
		"GET /api/campaigns/{id}/detail":          s.forCampaign(s.handleDetail),
		"PUT /api/campaigns/{id}/stop":            s.forCampaign(s.handleStop),
		"PATCH /api/campaigns/{id}/stop":          s.forCampaign(s.handleStop),
		"PUT /api/campaigns/{id}/renew":           s.forCampaign(s.handleRenew),
		"POST /api/campaigns/rcs/send":            s.handleCreate(kindRCS, false),
		"POST /api/campaigns/rcs/send-groups":     s.handleCreate(kindRCS, true),
		"POST /api/campaigns/sms/send":            s.handleCreate(kindSMS, false),
		"POST /api/campaigns/sms/send-groups":     s.handleCreate(kindSMS, true),
		"POST /api/campaigns/send":                s.createWith(s.checkCascade),
		"POST /api/campaigns/viber/send":          s.createWith(s.checkViberSend),
		"POST /api/campaigns/whatsapp/send":       s.createWith(s.checkWhatsAppSend),
		"POST /api/campaigns/sms/send-individual": s.createWith(s.checkSendIndividual),
		"POST /api/messages/send":                 s.handleSendMessage,
		"GET /api/groups":                         s.handleGroups,
		"POST /api/groups":                        s.handleCreateGroup,
		"GET /api/groups/{id}":                    forID(s, s.groups, writeNotFound, s.handleGetGroup),
		"PUT /api/groups/{id}":                    forID(s, s.groups, groupNotFound, s.handleUpdateGroup),
		"DELETE /api/groups/{id}":                 forID(s, s.groups, writeNotFound, s.handleDeleteGroup),
		"GET /api/contacts":                       s.handleContacts,
		"POST /api/contacts":                      s.handleCreateContact,
		"GET /api/contacts/search":                s.handleSearchContacts,
		"GET /api/contacts/{id}":                  forID(s, s.contacts, invalidContact, s.handleGetContact),
		"PUT /api/contacts/{id}":                  forID(s, s.contacts, invalidContact, s.handleUpdateContact),
		"DELETE /api/contacts/{id}":               forID(s, s.contacts, writeNotFound, s.handleDeleteContact),
		"GET /api/senders":                        s.handleSenders,
		"GET /api/accounts/balance":               s.handleBalance,
		"GET /api/accounts/tariff":                s.handleTariffs,
		"POST /api/campaigns/price":               s.handlePrice,
		"POST /api/stoplist/attach":               s.handleStopAttach,
		"POST /api/stoplist/detach":               s.handleStopDetach,
		"GET /api/stoplist":                       s.handleStopList,
		"GET /api/stoplist/search":                s.handleStopSearch,
		"GET /api/contacts/fields":                s.handleFields,
		"POST /api/contacts/fields":               s.handleCreateField,
		"PATCH /api/contacts/fields/{id}":         forID(s, s.fields, writeNotFound, s.handleUpdateField),
		"POST /api/contacts/fields/delete":        s.handleDeleteFields,
		"POST /api/groups/attach":                 s.handleMembership(true),
		"POST /api/groups/detach":                 s.handleMembership(false),
		"GET /api/senders/requests/sms":           s.handleSenderRequests,
		"POST /api/senders/requests/legal":        s.handleSenderRequest(true),
		"POST /api/senders/requests/natural":      s.handleSenderRequest(false),

		// Short links (shortlinks.go).
		"GET /api/short-url/domains":                 s.handleShortDomains,
		"POST /api/short-url/domains":                s.handleCreateShortDomain,
		"GET /api/short-url/domains/{uuid}":          s.forShortDomain(s.handleGetShortDomain),
		"PUT /api/short-url/domains/{uuid}":          s.forShortDomain(s.handleUpdateShortDomain),
		"DELETE /api/short-url/domains/{uuid}":       s.forShortDomain(s.handleDeleteShortDomain),
		"GET /api/short-url/links":                   s.handleShortLinks,
		"POST /api/short-url/links":                  s.handleCreateShortLink,
		"PUT /api/short-url/links/{uuid}":            s.forShortLink(linkNotFound, s.handleUpdateShortLink),
		"DELETE /api/short-url/links/{uuid}":         s.forShortLink(linkNotFound, s.handleDeleteShortLink),
		"GET /api/short-url/links/{uuid}/statistics": s.forShortLink(writeNotFound, s.handleShortLinkStatistics),

		"GET /api/2fa/authentications/templates":                 s.handleOTPTemplates,
		"POST /api/2fa/authentications/templates":                s.handleCreateOTPTemplate,
		"GET /api/2fa/authentications/templates/{templateId}":    s.handleGetOTPTemplate(),
		"DELETE /api/2fa/authentications/templates/{templateId}": s.handleDeleteOTPTemplate(),
	}
}

func (s *Sandbox) routes() {
	handlers := s.handlers()
	mux := http.NewServeMux()
	allowed := map[string][]string{}
	for _, rt := range apiRoutes {
		mux.Handle(rt.pattern, s.apiMiddleware(rt.pattern, rt.authed, handlers[rt.pattern]))
		method, p, _ := strings.Cut(rt.pattern, " ")
		allowed[p] = append(allowed[p], method)
	}
	// A known path asked with another method answers 405 with Allow, as an
	// HTTP server does, not 404: a client that sends the wrong method must
	// be able to tell the two apart.
	for p, methods := range allowed {
		allow := strings.Join(methods, ", ")
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if slices.Contains(methods, m) {
				continue
			}
			mux.Handle(m+" "+p, s.apiMiddleware("405 "+p, false, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Allow", allow)
				writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"message": "Method Not Allowed"})
			}))
		}
	}
	mux.Handle("/api/", s.apiMiddleware("unknown", false, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
	}))
	s.controlRoutes(mux)
	s.mux = mux
}

// SetRateLimit answers 429 with Retry-After to API requests beyond rps
// per second from now on (a burst of rps), as Config.RateLimit does; 0
// lifts the limit. A harness creates campaigns unlimited, then measures
// their refresh under a limit.
func (s *Sandbox) SetRateLimit(rps float64) {
	if rps <= 0 {
		s.limiter.Store(nil)
		return
	}
	s.limiter.Store(rate.NewLimiter(rate.Limit(rps), int(max(1, rps))))
}

// ServeHTTP serves the API and the control surface.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// apiMiddleware counts the request, applies injected faults and checks the
// JWT, in that order, as a gateway in front of the real API would.
func (s *Sandbox) apiMiddleware(pattern string, authed bool, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.count(pattern, r)
		if l := s.limiter.Load(); l != nil && !l.Allow() {
			s.mu.Lock()
			s.injected["rate_limited"]++
			s.mu.Unlock()
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"message": "Too Many Requests"})
			return
		}
		if s.applyFaults(w, r, pattern) {
			return
		}
		if authed {
			if reason := s.checkToken(r); reason != "" {
				s.mu.Lock()
				s.injected["401"]++
				s.mu.Unlock()
				writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 401, "message": reason})
				return
			}
		}
		h(w, r)
	})
}

func (s *Sandbox) count(key string, r *http.Request) {
	s.mu.Lock()
	s.counters[key]++
	s.journal = append(s.journal, r.Method+" "+r.URL.RequestURI())
	s.arrivals = append(s.arrivals, time.Now())
	if s.userAgents == nil {
		s.userAgents = map[string]bool{}
	}
	s.userAgents[r.UserAgent()] = true
	s.mu.Unlock()
}

// MaxInWindow is the largest number of API requests that arrived within
// any window of length d (real time), windows starting at each arrival.
func (s *Sandbox) MaxInWindow(d time.Duration) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	best, j := 0, 0
	for i := range s.arrivals {
		for j < len(s.arrivals) && s.arrivals[j].Sub(s.arrivals[i]) < d {
			j++
		}
		best = max(best, j-i)
	}
	return best
}

// UserAgents lists the distinct User-Agent headers of the API requests.
func (s *Sandbox) UserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.userAgents))
	for ua := range s.userAgents {
		out = append(out, ua)
	}
	sort.Strings(out)
	return out
}

// Journal lists every API request so far as "METHOD /path?query", in order.
func (s *Sandbox) Journal() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.journal...)
}

// Counters returns the number of requests per "METHOD /pattern" key, e.g.
// "GET /api/campaigns/{id}", faulted requests included.
func (s *Sandbox) Counters() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counters))
	for k, v := range s.counters {
		out[k] = v
	}
	return out
}

// Count is Counters()[key].
func (s *Sandbox) Count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counters[key]
}

// CountCreates sums the create endpoints (campaigns, sender registration requests).
func (s *Sandbox) CountCreates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, k := range createKeys {
		n += s.counters[k]
	}
	return n
}

var createKeys = []string{
	"POST /api/campaigns/rcs/send", "POST /api/campaigns/rcs/send-groups",
	"POST /api/campaigns/sms/send", "POST /api/campaigns/sms/send-groups",
	"POST /api/campaigns/send", "POST /api/campaigns/viber/send", "POST /api/campaigns/whatsapp/send",
	"POST /api/campaigns/sms/send-individual",
	"POST /api/senders/requests/legal", "POST /api/senders/requests/natural",
}

// ResetCounters sets every counter to zero.
func (s *Sandbox) ResetCounters() {
	s.mu.Lock()
	s.counters = map[string]int{}
	s.injected = map[string]int{}
	s.journal = nil
	s.arrivals = nil
	s.userAgents = nil
	s.mu.Unlock()
}

// IssuedTokens returns every JWT handed out so far (to check they never
// leak into logs or state).
func (s *Sandbox) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}

// RevokeTokens makes every JWT issued so far answer 401, as an early expiry.
func (s *Sandbox) RevokeTokens() { s.RevokeTokensUpTo(s.TokenSeq()) }

// TokenSeq is the number of JWTs issued so far.
func (s *Sandbox) TokenSeq() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenSeq
}

// RevokeTokensUpTo makes the first seq JWTs answer 401.
func (s *Sandbox) RevokeTokensUpTo(seq int64) {
	s.mu.Lock()
	s.revokedUpTo = max(s.revokedUpTo, seq)
	s.mu.Unlock()
}

// Advance moves the stand-in's clock forward.
func (s *Sandbox) Advance(d time.Duration) { s.clock.Advance(d) }

// FreezeClock stops the stand-in's clock (for comparing states at rest).
func (s *Sandbox) FreezeClock() { s.clock.Freeze() }

// Now is the stand-in's current time.
func (s *Sandbox) Now() time.Time { return s.clock.Now() }

// CampaignIDs lists the ids of all campaigns in creation order.
func (s *Sandbox) CampaignIDs() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := append([]int64(nil), s.order...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

type fieldErrors map[string][]string

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeValidation answers 422 with the field errors keyed as the OpenAPI
// file's example writes them: the path without its dots
// ("messages0phone" for messages.0.phone).
func writeValidation(w http.ResponseWriter, errs fieldErrors) {
	undotted := make(fieldErrors, len(errs))
	for k, v := range errs {
		key := strings.ReplaceAll(k, ".", "")
		undotted[key] = append(undotted[key], v...)
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": "The given data was invalid.", "errors": undotted})
}

func writeInvalidStatus(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"message": "Invalid campaign status", "errors": []any{}})
}

func writeNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
}
