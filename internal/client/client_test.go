package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const testKey = "test_clientkey"

func newSandbox(t *testing.T, cfg sandbox.Config) (*sandbox.Sandbox, string) {
	t.Helper()
	cfg.APIKeys = []string{testKey}
	sb := sandbox.New(cfg)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	return sb, srv.URL
}

// newClient is a client of url on a fake clock (clock.Fake): its waits
// (backoff, rate limit, a lost create's polling) move the clock instead of
// taking time. An option WithClock replaces it.
func newClient(t *testing.T, url string, opts ...client.Option) *client.Client {
	t.Helper()
	opts = append([]client.Option{client.WithEndpoint(url), client.WithAPIKey(testKey),
		client.WithRetryWait(time.Millisecond, 10*time.Millisecond), client.WithClock(clock.NewFake(time.Now()))}, opts...)
	c, err := client.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func rcsRequest(numbers ...string) client.RCSCampaignRequest {
	req := client.RCSCampaignRequest{Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hello"}}
	for _, n := range numbers {
		req.Phones = append(req.Phones, client.Phone{Number: n})
	}
	return req
}

func createCampaign(t *testing.T, c *client.Client) *client.Campaign {
	t.Helper()
	cp, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231", "380661231232"))
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

func TestConcurrentFirstCallsLogInOnce(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	setup := newClient(t, url)
	cp := createCampaign(t, setup)
	sb.ResetCounters()

	c := newClient(t, url)
	var wg sync.WaitGroup
	var failures atomic.Int32
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.GetCampaign(context.Background(), cp.ID); err != nil {
				failures.Add(1)
			}
		}()
	}
	wg.Wait()
	if failures.Load() != 0 {
		t.Fatalf("%d of 50 reads failed", failures.Load())
	}
	if got := sb.Count("POST /api/auth/login"); got != 1 {
		t.Errorf("logins = %d, want exactly 1", got)
	}
	if got := sb.Count("GET /api/campaigns/{id}"); got != 50 {
		t.Errorf("reads = %d, want 50", got)
	}
}

func TestTokenIsRefreshedBeforeExpiry(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{TokenLifetime: time.Hour})
	clk := clock.NewFake(time.Now())
	c := newClient(t, url, client.WithClock(clk))
	cp := createCampaign(t, c)

	clk.Advance(59*time.Minute + 30*time.Second) // within the last minute of the lifetime
	if _, err := c.GetCampaign(context.Background(), cp.ID); err != nil {
		t.Fatal(err)
	}
	if got := sb.Count("POST /api/auth/refresh"); got != 1 {
		t.Errorf("refreshes = %d, want 1", got)
	}
	if got := sb.Count("POST /api/auth/login"); got != 1 {
		t.Errorf("logins = %d, want 1 (refresh, not a new login)", got)
	}
}

func TestUnauthorizedLogsInAgainAndReplaysOnce(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	cp := createCampaign(t, c)
	sb.RevokeTokens() // the server forgets the JWT before its exp
	sb.ResetCounters()

	got, err := c.GetCampaign(context.Background(), cp.ID)
	if err != nil || got.ID != cp.ID {
		t.Fatalf("read after revocation: %v", err)
	}
	if n := sb.Count("POST /api/auth/login"); n != 1 {
		t.Errorf("logins = %d, want 1", n)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 2 {
		t.Errorf("reads = %d, want 2 (the refused one and one replay)", n)
	}
}

func TestWrongAPIKeyIsAnAuthenticationError(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c, err := client.New(client.WithEndpoint(url), client.WithAPIKey("test_wrong"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetCampaign(context.Background(), 1)
	var loginErr *client.LoginError
	if !errors.As(err, &loginErr) || loginErr.StatusCode != 401 || !loginErr.KeyRefused() {
		t.Fatalf("want the key refused (401), got %v", err)
	}
	// Every later call, concurrent or not, fails the same way without
	// another login: the key was refused once and for all.
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.GetCampaign(context.Background(), 2); !client.IsLoginRefused(err) {
				t.Errorf("want the refusal again, got %v", err)
			}
		}()
	}
	wg.Wait()
	if n := sb.Count("POST /api/auth/login"); n != 1 {
		t.Errorf("logins = %d, want 1 (a refused key is not tried again)", n)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 0 {
		t.Errorf("reads = %d, want 0 (nothing is sent without a token)", n)
	}
}

// TestEndpointWithoutLoginSaysTheLoginFailed: an endpoint with a path that
// does not serve One-API answers 404 at login; the error says the login
// failed, not that a campaign is missing.
func TestEndpointWithoutLoginSaysTheLoginFailed(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url+"/v2")
	_, err := c.GetCampaign(context.Background(), 1)
	var loginErr *client.LoginError
	if !errors.As(err, &loginErr) || loginErr.KeyRefused() || client.IsNotFound(err) || !strings.Contains(err.Error(), "the login failed") {
		t.Fatalf("want a failed login (404 at POST /api/auth/login), got %v", err)
	}
	if n := len(sb.Journal()); n != 0 {
		t.Errorf("the stand-in saw %d API requests at the wrong path", n)
	}
}

func TestReadsSurviveServerErrorsAndTooManyRequests(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	cp := createCampaign(t, c)

	sb.SetFaults(sandbox.Faults{NextErrors: 3})
	sb.ResetCounters()
	if _, err := c.GetCampaign(context.Background(), cp.ID); err != nil {
		t.Fatalf("read through three 503s: %v", err)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 4 {
		t.Errorf("reads = %d, want 4", n)
	}

	sb.SetFaults(sandbox.Faults{TooManyRequests: 1, RetryAfter: time.Second})
	sb.ResetCounters()
	if _, err := c.GetCampaign(context.Background(), cp.ID); err != nil {
		t.Fatalf("read through a 429: %v", err)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 2 {
		t.Errorf("reads = %d, want 2", n)
	}
	if c.Retries() < 4 {
		t.Errorf("retries = %d, want at least 4", c.Retries())
	}
}

func TestReadsGiveUpAfterMaxRetries(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url, client.WithMaxRetries(2))
	cp := createCampaign(t, c)
	sb.SetFaults(sandbox.Faults{NextErrors: 10})
	sb.ResetCounters()
	_, err := c.GetCampaign(context.Background(), cp.ID)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("want the last 503 as an APIError, got %v", err)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 3 {
		t.Errorf("reads = %d, want 3 (1 + 2 retries)", n)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	var calls atomic.Int32
	var first time.Time
	var gap time.Duration
	clk := clock.NewFake(time.Now())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/auth/login":
			_, _ = w.Write([]byte(`{"bearer":"x.y.z"}`))
		default:
			if calls.Add(1) == 1 {
				first = clk.Now()
				w.Header().Set("Retry-After", "2")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"message":"Too many duplicate request detected"}`))
				return
			}
			gap = clk.Now().Sub(first)
			_, _ = w.Write([]byte(`{"data":{"id":7,"status":"done"}}`))
		}
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, client.WithClock(clk))
	if _, err := c.GetCampaign(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	// The gap is on the client's (fake) clock, which only its waits move.
	// The configured backoff is at most 10ms; only the header explains a
	// wait of 2s or more.
	if gap < 2*time.Second {
		t.Errorf("retried after %v, before the Retry-After of 2s", gap)
	}
}

// TestRetryWaitEndsWithItsContext: the wait before a retry is the
// client's clock's, and a context that ends during it ends the call with
// the context's error; nothing more is sent.
func TestRetryWaitEndsWithItsContext(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	clk := newHeldClock()
	c := newClient(t, url, client.WithClock(clk))
	cp := createCampaign(t, c) // logs in
	sb.SetFaults(sandbox.Faults{TooManyRequests: 1, RetryAfter: 2 * time.Second})
	sb.ResetCounters()
	clk.hold()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waited := make(chan time.Duration, 1)
	go func() {
		waited <- <-clk.held
		cancel()
	}()
	_, err := c.GetCampaign(ctx, cp.ID)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a read whose context ended before its retry = %v, want context.Canceled", err)
	}
	if d := <-waited; d < 2*time.Second {
		t.Errorf("the wait before the retry was %v, want the Retry-After of 2s at least", d)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 1 {
		t.Errorf("reads = %d, want 1 (the refused one, not retried)", n)
	}
}

func TestLostCreateAnswerIsRecoveredByReferenceID(t *testing.T) {
	for _, mode := range []string{"drop", "500", "429"} {
		t.Run(mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
			cp, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231", "380661231232"))
			if err != nil {
				t.Fatalf("the committed campaign was not recovered: %v", err)
			}
			// The campaign was found, not sent again.
			checkOneCampaign(t, sb, cp, 1, "reference_id")
		})
	}
}

func TestLostCreateThatNeverCommittedIsSentOnceGuarded(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	cp, err := c.CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231231"}}, Sender: "testsms", Text: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	// The lost create and the guarded one.
	checkOneCampaign(t, sb, cp, 2, "guarded")
}

// TestLostGroupsCreateNamesItsCandidateAndAdoptsNothing: a campaign to
// contact lists carries no reference_id, so even the only new campaign of
// the sender may be another workspace's: it is named, never adopted.
func TestLostGroupsCreateNamesItsCandidateAndAdoptsNothing(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	createCampaign(t, c) // an older campaign of the same sender
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "500", CreateAfterCommitCount: 1})
	req := client.RCSCampaignRequest{Groups: []int64{101}, Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hi"}}
	cp, err := c.CreateRCSCampaign(context.Background(), req)
	var amb *client.AmbiguousCreateError
	if cp != nil || !errors.As(err, &amb) {
		t.Fatalf("adopted %v, err %v: want an unresolved create", cp, err)
	}
	ids := sb.CampaignIDs()
	if len(ids) != 2 || len(amb.Candidates) != 1 || amb.Candidates[0].ID != ids[1] || sb.CountCreates() != 2 || amb.Pending == nil {
		t.Errorf("candidates %v; campaigns %v; creates %d; pending %v", amb.Candidates, ids, sb.CountCreates(), amb.Pending)
	}
	if !strings.Contains(err.Error(), "none is adopted") {
		t.Errorf("the error does not say nothing was adopted: %v", err)
	}
}

// TestLostGroupsCreateListsTheTypeAndWindowOnly: the recovery of a contact-
// list create asks the list for the campaign's type and creation window and
// filters by sender itself: no server-side search, whose parameter names
// the sources disagree on. Many newer campaigns of other senders do not
// hide it.
func TestLostGroupsCreateListsTheTypeAndWindowOnly(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	other := newClient(t, url)
	createCampaign(t, c)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	c2 := newClient(t, url, client.WithTransport(crowd{base: http.DefaultTransport, other: other, n: 40}))
	req := client.RCSCampaignRequest{Groups: []int64{101}, Sender: "our_agent", Options: client.RCSOptions{Text: "Hi"}}
	_, err := c2.CreateRCSCampaign(context.Background(), req)
	var amb *client.AmbiguousCreateError
	if !errors.As(err, &amb) || len(amb.Candidates) != 1 || amb.Candidates[0].Sender != "our_agent" || amb.Candidates[0].MessageType != "rcs" {
		t.Fatalf("want our_agent's one rcs campaign named among 40 of another sender, got %v", err)
	}
	for _, r := range sb.Journal() {
		if strings.HasPrefix(r, "GET /api/campaigns?") && (strings.Contains(r, "search") || strings.Contains(r, "field") || !strings.Contains(r, "filter%5Btype%5D=rcs")) {
			t.Errorf("list request %s: want filter[type]=rcs and no server-side search", r)
		}
	}
}

// crowd creates n campaigns of another sender right after a groups create,
// as a busy account would.
type crowd struct {
	base  http.RoundTripper
	other *client.Client
	n     int
}

func (c crowd) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(r)
	if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/send-groups") {
		for i := range c.n {
			req := rcsRequest(fmt.Sprintf("3806612%05d", i))
			req.Sender = "someone_else"
			if _, cerr := c.other.CreateRCSCampaign(context.Background(), req); cerr != nil {
				return nil, cerr
			}
		}
	}
	return resp, err
}

// TestGuardedResendWhenOnlyRepeatedMessagesAreDropped: under the reading
// in which One-API drops only the messages whose reference_id it has seen,
// the guarded second request after a lost answer makes an empty campaign.
// The client adopts the first campaign, which carries the messages, and
// says what the second one is.
func TestGuardedResendWhenOnlyRepeatedMessagesAreDropped(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	// The answer is lost after the campaign is committed, and the message
	// search answers nothing for its first three tries, so the client sends
	// the guarded request.
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1, RepeatedReference: "messages", HideMessages: 3})
	cp, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231", "380661231232"))
	if err != nil {
		t.Fatal(err)
	}
	ids := sb.CampaignIDs()
	if len(ids) != 2 || sb.CountCreates() != 2 {
		t.Fatalf("campaigns %v, creates %d: want the lost one and the guarded one", ids, sb.CountCreates())
	}
	if cp.ID != ids[0] {
		t.Errorf("adopted campaign %d, want %d, the one that carries the messages", cp.ID, ids[0])
	}
	if !strings.Contains(cp.Recovered, fmt.Sprint(ids[1])) || !strings.Contains(cp.Recovered, "dropped") {
		t.Errorf("Recovered does not name the empty campaign %d: %q", ids[1], cp.Recovered)
	}
	d, err := c.GetCampaignDetail(context.Background(), ids[1])
	if err != nil || d.TotalMessages != 0 {
		t.Errorf("the guarded campaign carries %v messages (%v), want 0: nothing sent twice", d, err)
	}
}

// interloper creates another campaign of the same sender while a groups
// create's answer is being lost, so that two candidates exist.
type interloper struct {
	base  http.RoundTripper
	other *client.Client
}

func (i interloper) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := i.base.RoundTrip(r)
	if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/send-groups") {
		if _, cerr := i.other.CreateRCSCampaign(context.Background(), rcsRequest("380661239999")); cerr != nil {
			return nil, cerr
		}
	}
	return resp, err
}

func TestLostGroupsCreateWithTwoCandidatesIsAnError(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	other := newClient(t, url)
	c := newClient(t, url, client.WithTransport(interloper{base: http.DefaultTransport, other: other}))
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	req := client.RCSCampaignRequest{Groups: []int64{101}, Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hi"}}
	_, err := c.CreateRCSCampaign(context.Background(), req)
	var amb *client.AmbiguousCreateError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("want an ambiguity naming 2 candidates, got %v", err)
	}
	if !strings.Contains(err.Error(), "may be the one created") {
		t.Errorf("error does not name the candidates: %v", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("creates = %d, want 2 (ours once, the interloper's)", n)
	}
}

func TestCreateIsRetriedWhenTheConnectionWasNeverOpened(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	c := newClient(t, url, client.WithMaxRetries(1))
	_, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231"))
	if err == nil || client.IsAmbiguousCreate(err) {
		t.Fatalf("a refused connection cannot have created anything; got %v", err)
	}
}

// TestStopMethodUnderEveryReading: PUT first (the seed); on 404 or 405 PATCH
// once (the SMS pages, the OpenAPI file), and the method that worked is
// kept; a server that serves only PUT never sees a PATCH.
func TestStopMethodUnderEveryReading(t *testing.T) {
	for _, tt := range []struct {
		mode             string
		puts, patches    int
		methodAfterwards string
	}{
		{"put_405", 1, 2, "PATCH"},
		{"put_404", 1, 2, "PATCH"},
		{"put_only", 2, 0, "PUT"},
		{"", 2, 0, "PUT"},
	} {
		t.Run("mode "+tt.mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			first, second := createCampaign(t, c), createCampaign(t, c)
			sb.Advance(10 * time.Second) // creation -> moderation
			sb.SetFaults(sandbox.Faults{StopMethod: tt.mode})
			sb.ResetCounters()
			for _, cp := range []*client.Campaign{first, second} {
				got, err := c.StopCampaign(context.Background(), cp.ID)
				if err != nil || got.Status != client.StatusStopped {
					t.Fatalf("stop %d: %v %+v", cp.ID, err, got)
				}
			}
			puts, patches := sb.Count("PUT /api/campaigns/{id}/stop"), sb.Count("PATCH /api/campaigns/{id}/stop")
			if puts != tt.puts || patches != tt.patches || c.StopMethod() != tt.methodAfterwards {
				t.Errorf("PUT %d, PATCH %d, then %s; want PUT %d, PATCH %d, then %s", puts, patches, c.StopMethod(), tt.puts, tt.patches, tt.methodAfterwards)
			}
			// An unknown campaign is 404 under both methods: reported as not
			// found, and the method kept.
			if _, err := c.StopCampaign(context.Background(), 42); !client.IsNotFound(err) || c.StopMethod() != tt.methodAfterwards {
				t.Errorf("unknown campaign: %v, method %s", err, c.StopMethod())
			}
		})
	}
}

func TestStopFallsBackFromPutToPatch(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	first, second := createCampaign(t, c), createCampaign(t, c)
	sb.Advance(10 * time.Second) // creation -> moderation
	sb.SetFaults(sandbox.Faults{StopMethodNotAllowed: true})
	sb.ResetCounters()

	for _, cp := range []*client.Campaign{first, second} {
		got, err := c.StopCampaign(context.Background(), cp.ID)
		if err != nil || got.Status != client.StatusStopped {
			t.Fatalf("stop %d: %v %+v", cp.ID, err, got)
		}
	}
	if n := sb.Count("PUT /api/campaigns/{id}/stop"); n != 1 {
		t.Errorf("PUT stops = %d, want 1 (the fallback is remembered)", n)
	}
	if n := sb.Count("PATCH /api/campaigns/{id}/stop"); n != 2 {
		t.Errorf("PATCH stops = %d, want 2", n)
	}
}

func TestNotFoundIsTyped(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	_, err := c.GetCampaign(context.Background(), 42)
	if !client.IsNotFound(err) {
		t.Fatalf("want IsNotFound, got %v", err)
	}
}

func TestCreateValidationErrorsAreFieldErrors(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	_, err := c.CreateRCSCampaign(context.Background(), rcsRequest("12345"))
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 422 || len(apiErr.FieldErrors["phones0number"]) == 0 {
		t.Fatalf("want a 422 naming phones0number (the documented undotted key), got %v", err)
	}
	if got := client.FieldPath("phones0number"); strings.Join(got, ".") != "phones.0.number" {
		t.Errorf("FieldPath(phones0number) = %v", got)
	}
}

// TestFieldPath: 422 keys come undotted, as the OpenAPI file's example
// "messages0phone"; the dotted form is read too.
func TestFieldPath(t *testing.T) {
	for key, want := range map[string]string{
		"messages0phone":                         "messages.0.phone",
		"phones12number":                         "phones.12.number",
		"phones0reference_id":                    "phones.0.reference_id",
		"optionstext":                            "options.text",
		"optionscards1suggestions0postback_data": "options.cards.1.suggestions.0.postback_data",
		"alternative_channelsmsvalidity_seconds": "alternative_channel.sms.validity_seconds",
		"alternative_channelsmsvalidity":         "alternative_channel.sms.validity",
		"validity_seconds":                       "validity_seconds",
		"add_to_contact_book":                    "add_to_contact_book",
		"start_at":                               "start_at",
		"groups3":                                "groups.3",
		"phones.0.number":                        "phones.0.number",
		"alternative_channel.sms.text":           "alternative_channel.sms.text",
		"somethingelse":                          "somethingelse",
	} {
		if got := strings.Join(client.FieldPath(key), "."); got != want {
			t.Errorf("FieldPath(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestSMSCampaignSendsNumbersAsIntegers(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	cp, err := c.CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231231", ReferenceID: "ref1"}}, Sender: "Vet klinika", Text: "test"})
	if err != nil {
		t.Fatalf("the stand-in refused the SMS wire form: %v", err)
	}
	if cp.MessageType != "sms" {
		t.Errorf("message_type = %q", cp.MessageType)
	}
}

func TestUserAgentAndContext(t *testing.T) {
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		_, _ = w.Write([]byte(`{"data":{"id":7,"status":"done"}}`))
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, client.WithToken("a.b.c"), client.WithUserAgent("terraform-provider-oneapi/1.2.3"))
	if _, err := c.GetCampaign(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	if ua != "terraform-provider-oneapi/1.2.3" {
		t.Errorf("User-Agent = %q", ua)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.GetCampaign(ctx, 7); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context must stop the call, got %v", err)
	}
}

func TestListReadsEveryPage(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	for i := range 65 {
		if _, err := c.CreateRCSCampaign(context.Background(), rcsRequest("3806612300"+string(rune('0'+i/10))+string(rune('0'+i%10)))); err != nil {
			t.Fatal(err)
		}
	}
	sb.ResetCounters()
	all, err := c.ListCampaigns(context.Background(), client.ListOptions{Type: "rcs", PageLimit: 30})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 65 {
		t.Errorf("listed %d campaigns, want 65", len(all))
	}
	if n := sb.Count("GET /api/campaigns"); n != 3 {
		t.Errorf("list requests = %d, want 3 pages of 30", n)
	}
	if _, err := c.ListCampaigns(context.Background(), client.ListOptions{}); err == nil {
		t.Error("a list without a type was sent: filter[type] defaults to sms and would miss RCS campaigns")
	}
}

// TestListSplitsLongRangesInTheAccountZone: a creation range longer than
// the API's three months is read in consecutive windows, each sent as
// yyyy-mm-dd hh:mm:ss in the account's zone, always with filter[type].
func TestListSplitsLongRangesInTheAccountZone(t *testing.T) {
	zone := time.FixedZone("UTC-5", -5*3600)
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	sb, url := newSandbox(t, sandbox.Config{Start: start, AccountZone: zone})
	c := newClient(t, url, client.WithTimeZone(zone))
	for range 8 { // one campaign a month, 2026-01-01 to 2026-08-01
		createCampaign(t, c)
		sb.Advance(31 * 24 * time.Hour)
	}
	sb.ResetCounters()
	all, err := c.ListCampaigns(context.Background(), client.ListOptions{Type: "rcs", From: start.Add(-time.Hour), To: start.AddDate(0, 8, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 8 {
		t.Errorf("listed %d campaigns over 8 months, want 8", len(all))
	}
	var lists []string
	for _, req := range sb.Journal() {
		if strings.HasPrefix(req, "GET /api/campaigns?") {
			lists = append(lists, req)
		}
	}
	if len(lists) != 3 {
		t.Errorf("list requests = %d, want 3 windows: %v", len(lists), lists)
	}
	for _, req := range lists {
		u, _ := neturl.Parse(strings.TrimPrefix(req, "GET "))
		q := u.Query()
		from, errFrom := time.ParseInLocation(client.TimeLayout, q.Get("filter[from]"), zone)
		to, errTo := time.ParseInLocation(client.TimeLayout, q.Get("filter[to]"), zone)
		if q.Get("filter[type]") != "rcs" || errFrom != nil || errTo != nil || to.After(from.AddDate(0, 3, 0)) {
			t.Errorf("request %s: want filter[type]=rcs and a window of at most 3 months in yyyy-mm-dd hh:mm:ss", req)
		}
	}
	if first := lists[0]; !strings.Contains(first, "filter%5Bfrom%5D=2026-01-01+06%3A00%3A00") {
		t.Errorf("the first window does not start at 11:00 UTC written in UTC-5 (06:00): %s", first)
	}
}

func TestEndpointMustBeAbsoluteHTTP(t *testing.T) {
	for _, e := range []string{"one-api.wwt.world", "ftp://x", "https://", "https://u:p@host", "http://host?x=1"} {
		if _, err := client.New(client.WithEndpoint(e), client.WithAPIKey("k")); err == nil {
			t.Errorf("endpoint %q accepted", e)
		}
	}
	if _, err := client.New(client.WithEndpoint("https://one-api.bsg.world/")); err == nil {
		t.Error("a client without credentials was accepted")
	}
}

func TestInterruptedCreateIsNotSentAgain(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	createCampaign(t, c) // logs in
	sb.SetFaults(sandbox.Faults{CreateLatency: 10 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelOnceReceived(sb, 2, cancel)
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	if !client.IsAmbiguousCreate(err) || !strings.Contains(err.Error(), "not sent again") {
		t.Fatalf("want an ambiguity that was searched but not re-sent, got %v", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("create requests = %d, want 2 (the setup's and the interrupted one)", n)
	}
	if ids := sb.CampaignIDs(); len(ids) != 1 {
		t.Errorf("campaigns = %v, want only the setup's", ids)
	}
}

// checkOneCampaign checks the end of a lost create: the stand-in has exactly
// the campaign the client returned, received creates create requests, and
// the client says how it found the campaign (Recovered contains how).
func checkOneCampaign(t *testing.T, sb *sandbox.Sandbox, cp *client.Campaign, creates int, how string) {
	t.Helper()
	if ids := sb.CampaignIDs(); len(ids) != 1 || ids[0] != cp.ID {
		t.Errorf("campaigns = %v, want exactly %d", ids, cp.ID)
	}
	if n := sb.CountCreates(); n != creates {
		t.Errorf("create requests = %d, want %d", n, creates)
	}
	if !strings.Contains(cp.Recovered, how) {
		t.Errorf("Recovered = %q, want it to say %q", cp.Recovered, how)
	}
}
