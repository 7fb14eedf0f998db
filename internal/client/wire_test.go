package client_test

// What the client trusts of the wire: where its credentials go, what an
// answer must hold to be used, and what a lost create leaves to look for.

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// elsewhere is a second listener: it records every request and whether it
// carried a bearer token or the api_key.
type elsewhere struct {
	*httptest.Server
	mu                    sync.Mutex
	requests, credentials int
}

func newElsewhere(t *testing.T) *elsewhere {
	e := &elsewhere{}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body bytes.Buffer
		_, _ = body.ReadFrom(r.Body)
		e.mu.Lock()
		defer e.mu.Unlock()
		e.requests++
		if r.Header.Get("Authorization") != "" || strings.Contains(body.String(), testKey) {
			e.credentials++
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"data": {"id": 1, "status": "sending"}}`))
	}))
	t.Cleanup(e.Close)
	return e
}

// front serves the stand-in, except where redirect returns a target.
func front(t *testing.T, sb *sandbox.Sandbox, tls bool, redirect func(r *http.Request) string) *httptest.Server {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to := redirect(r); to != "" {
			http.Redirect(w, r, to, http.StatusTemporaryRedirect)
			return
		}
		sb.ServeHTTP(w, r)
	})
	srv := httptest.NewUnstartedServer(h)
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	return srv
}

func TestRedirectElsewhereIsNotFollowed(t *testing.T) {
	for _, tc := range []struct{ name, path string }{
		{"read", "/api/campaigns/"},
		{"login", "/api/auth/login"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
			other := newElsewhere(t)
			srv := front(t, sb, false, func(r *http.Request) string {
				if strings.HasPrefix(r.URL.Path, tc.path) {
					return other.URL + r.URL.Path
				}
				return ""
			})
			c := newClient(t, srv.URL, client.WithMaxRetries(2))
			_, err := c.GetCampaign(context.Background(), 7)
			var re *client.RedirectError
			if !errors.As(err, &re) || re.To != other.URL || re.Loop {
				t.Fatalf("want a RedirectError to %s, got %v", other.URL, err)
			}
			if !strings.Contains(err.Error(), other.URL) || !strings.Contains(err.Error(), "not the configured endpoint") {
				t.Errorf("the error does not name the target: %v", err)
			}
			if other.requests != 0 || other.credentials != 0 {
				t.Errorf("the second listener got %d requests (%d with credentials), want none", other.requests, other.credentials)
			}
			if c.Retries() != 0 {
				t.Errorf("a refused redirect was retried %d times", c.Retries())
			}
		})
	}
}

// TestRedirectFromHTTPSToHTTPIsRefused: a downgrade is another origin even
// on the same host name.
func TestRedirectFromHTTPSToHTTPIsRefused(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	plain := newElsewhere(t)
	srv := front(t, sb, true, func(r *http.Request) string {
		if r.URL.Path == "/api/accounts/balance" {
			return plain.URL + r.URL.Path
		}
		return ""
	})
	c := newClient(t, srv.URL, client.WithTransport(srv.Client().Transport))
	_, err := c.GetBalance(context.Background())
	var re *client.RedirectError
	if !errors.As(err, &re) || !strings.HasPrefix(re.To, "http://") {
		t.Fatalf("want the https to http redirect refused, got %v", err)
	}
	if plain.requests != 0 {
		t.Errorf("the plain listener got %d requests", plain.requests)
	}
}

// TestRedirectWithinTheEndpointKeepsWorking: a redirect to the endpoint's
// own origin is followed with the token (the stand-in requires it).
func TestRedirectWithinTheEndpointKeepsWorking(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	srv := front(t, sb, false, func(r *http.Request) string {
		if rest, ok := strings.CutPrefix(r.URL.Path, "/v0"); ok {
			return rest
		}
		return ""
	})
	setup := newClient(t, srv.URL)
	cp := createCampaign(t, setup)
	moved := newClient(t, srv.URL+"/v0")
	got, err := moved.GetCampaign(context.Background(), cp.ID)
	if err != nil || got.ID != cp.ID {
		t.Fatalf("a same-origin redirect was not followed with the token: %v, %v", got, err)
	}
}

func TestRedirectLoopIsNamed(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	srv := front(t, sb, false, func(r *http.Request) string {
		if strings.HasPrefix(r.URL.Path, "/api/campaigns/") {
			return r.URL.Path
		}
		return ""
	})
	_, err := newClient(t, srv.URL).GetCampaign(context.Background(), 7)
	var re *client.RedirectError
	if !errors.As(err, &re) || !re.Loop || !strings.Contains(err.Error(), "redirect loop") {
		t.Fatalf("want a redirect loop, got %v", err)
	}
}

// answering serves body (status 200) for GET path and the stand-in for
// everything else.
func answering(t *testing.T, path, body string) string {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == path {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
			return
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestAnswersThatDoNotDescribeTheCampaign: each is a BadAnswerError that
// says what is wrong in the API's terms (no Go type), never a campaign.
func TestAnswersThatDoNotDescribeTheCampaign(t *testing.T) {
	for body, want := range map[string]string{
		`{"data": null}`: "it has no data object",
		`{}`:             "it has no data object",
		`{"data": {"id": 0, "status": "sending"}}`:                         "the campaign has no id (or id 0)",
		`{"data": {"id": 8, "status": "sending"}}`:                         "it describes campaign 8, not 7",
		`{"data": {"id": 7}}`:                                              "campaign 7 has no status",
		`{"data": {"id": "7", "status": "done"}}`:                          "data.id is a JSON string where an integer (within 64 bits) belongs",
		`{"data": {"id": 7, "statistics": {"sent": 9223372036854775808}}}`: "data.statistics.sent is a JSON number 9223372036854775808 where an integer (within 64 bits) belongs",
		`[1, 2]`:                   "the top level is a JSON array where an object belongs",
		`<html>maintenance</html>`: "it is an HTML page, not JSON",
		`{"data": {"id": 7, "sta`:  "its JSON ends early (truncated)",
		`{"data": {"id": 7,, }}`:   "it is not valid JSON (at byte 19)",
		``:                         "it is empty",
	} {
		url := answering(t, "/api/campaigns/7", body)
		cp, err := newClient(t, url).GetCampaign(context.Background(), 7)
		if !client.IsBadAnswer(err) || !strings.Contains(err.Error(), want) || cp != nil {
			t.Errorf("%s: got %v, %v; want a bad answer saying %q", body, cp, err, want)
		}
		if err != nil && (strings.Contains(err.Error(), "client.") || strings.Contains(err.Error(), "Go ")) {
			t.Errorf("%s: the error names a Go type: %v", body, err)
		}
	}
}

// TestAnswersOfOtherObjectsAreChecked: lists, contacts and the account
// are held to the same rule.
func TestAnswersOfOtherObjectsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		path, body, want string
		call             func(*client.Client) error
	}{
		{"/api/groups/5", `{"data": null}`, "it has no data object", func(c *client.Client) error {
			_, err := c.GetContactList(context.Background(), 5)
			return err
		}},
		{"/api/groups/5", `{"data": {"id": 6, "name": "x"}}`, "it describes contact list 6, not 5", func(c *client.Client) error {
			_, err := c.GetContactList(context.Background(), 5)
			return err
		}},
		{"/api/groups", `{"data": [{"id": 0, "name": "x"}]}`, "data[0]: the contact list has no id", func(c *client.Client) error {
			_, err := c.ListContactLists(context.Background())
			return err
		}},
		{"/api/accounts/balance", `{"data": {}}`, "the balance has no currency", func(c *client.Client) error {
			_, err := c.GetBalance(context.Background())
			return err
		}},
		{"/api/senders", `{"message": "ok"}`, "it has no data list", func(c *client.Client) error {
			_, err := c.ListSenders(context.Background(), "sms")
			return err
		}},
	} {
		url := answering(t, tc.path, tc.body)
		if err := tc.call(newClient(t, url)); !client.IsBadAnswer(err) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: got %v, want a bad answer saying %q", tc.path, tc.body, err, tc.want)
		}
	}
}

func TestAnswerOverTheReadLimitSaysSo(t *testing.T) {
	url := answering(t, "/api/campaigns/7", `{"data": {"id": 7, "status": "done", "name": "`+strings.Repeat("a", 33<<20)+`"}}`)
	_, err := newClient(t, url).GetCampaign(context.Background(), 7)
	if err == nil || !strings.Contains(err.Error(), "larger than the 32 MiB the provider reads") {
		t.Fatalf("got %v", err)
	}
}

// TestBadAnswerToACreateIsAmbiguous: a create answered 200 with no
// campaign may have made one: it is never taken for a refusal, and what
// identifies the request is kept for a later search.
func TestBadAnswerToACreateIsAmbiguous(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/campaigns/rcs/send" {
			rec := httptest.NewRecorder()
			sb.ServeHTTP(rec, r) // the campaign is made; the answer is replaced
			_, _ = w.Write([]byte(`{"data": null}`))
			return
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	cp, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231"))
	if err != nil {
		t.Fatalf("the campaign made was not recovered by its reference_id: %v", err)
	}
	if ids := sb.CampaignIDs(); len(ids) != 1 || ids[0] != cp.ID || sb.CountCreates() != 1 {
		t.Errorf("campaigns %v, recovered %d, creates %d: want the one made, found, not sent again", ids, cp.ID, sb.CountCreates())
	}
}

// TestPendingCreateIsFoundLater: a lost create whose messages are not
// listed yet is an AmbiguousCreateError carrying the request's record;
// FindPendingCreate finds nothing while they are hidden, and the campaign
// once they are listed, sending nothing either time.
func TestPendingCreateIsFoundLater(t *testing.T) {
	for _, reading := range []string{"request", "messages"} {
		t.Run(reading, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1, RepeatedReference: reading, HideMessages: 1 << 20})
			_, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231231", "380661231232"))
			var amb *client.AmbiguousCreateError
			if !errors.As(err, &amb) || amb.Pending == nil {
				t.Fatalf("want an ambiguous create with its record, got %v", err)
			}
			p := *amb.Pending
			if len(p.ReferenceIDs) != 2 || len(p.Fingerprint) != 64 || p.Path != "/api/campaigns/rcs/send" || p.Started.IsZero() {
				t.Fatalf("the record is incomplete: %+v", p)
			}
			creates := sb.CountCreates()
			cp, detail, err := c.FindPendingCreate(context.Background(), p, 2)
			if cp != nil || err != nil || !strings.Contains(detail, p.ReferenceIDs[0]) {
				t.Fatalf("while hidden: %v, %q, %v; want nothing found, saying which reference_id", cp, detail, err)
			}
			sb.SetFaults(sandbox.Faults{})
			cp, _, err = c.FindPendingCreate(context.Background(), p, 2)
			if err != nil || cp == nil || !strings.Contains(cp.Recovered, p.ReferenceIDs[0]) {
				t.Fatalf("once listed: %v, %v; want the campaign found by its reference_id", cp, err)
			}
			if got := sendingIDs(t, sb); len(got) != 1 || got[0] != cp.ID || sb.CountCreates() != creates {
				t.Errorf("campaigns with messages %v, found %d, creates %d then %d: want the one found, nothing sent", got, cp.ID, creates, sb.CountCreates())
			}
		})
	}
}

// sendingIDs are the stand-in's campaigns that carry messages.
func sendingIDs(t *testing.T, sb *sandbox.Sandbox) (ids []int64) {
	t.Helper()
	for _, id := range sb.CampaignIDs() {
		if len(sb.Recipients(id)) > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}
