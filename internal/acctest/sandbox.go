package acctest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// Sandbox is an in-process stand-in API for one test.
type Sandbox struct {
	*sandbox.Sandbox
	URL  string
	t    *testing.T
	zone *time.Location
}

// StartSandbox starts a stand-in whose clock only moves when the test
// advances it. Tests that need it skip in live mode.
func StartSandbox(t *testing.T) *Sandbox {
	t.Helper()
	return StartSandboxWith(t, sandbox.Config{})
}

// StartSandboxWith starts a stand-in with cfg (its API key is the tests').
func StartSandboxWith(t *testing.T, cfg sandbox.Config) *Sandbox {
	t.Helper()
	if Live() {
		t.Skip("needs the stand-in's control surface (clock, forced statuses, faults or request counters): skipped in live mode")
	}
	cfg.APIKeys = []string{APIKey}
	if cfg.AccountZone == nil {
		cfg.AccountZone = time.UTC
	}
	sb := sandbox.New(cfg)
	RegisterSandbox(sb)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	// Once a test has failed, keep the clock moving so that the destroy at
	// the end of resource.Test does not wait forever for a campaign frozen in
	// "creation".
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Millisecond):
				if t.Failed() {
					sb.Advance(10 * time.Second)
				}
			}
		}
	}()
	return &Sandbox{Sandbox: sb, URL: srv.URL, t: t, zone: cfg.AccountZone}
}

// ProviderBlock configures the provider against this stand-in. The key
// comes from ONEAPI_API_KEY (TestMain), as the README recommends, so that
// it is not in any configuration text the test harness logs.
func (s *Sandbox) ProviderBlock() string {
	return fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
}
`, s.URL)
}

// Client returns a client for arranging the stand-in through its API.
func (s *Sandbox) Client() *client.Client {
	s.t.Helper()
	c, err := client.New(client.WithEndpoint(s.URL), client.WithAPIKey(APIKey), client.WithTimeZone(s.zone))
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

// CreateRCSCampaign creates a campaign through the API, as another tool
// or the web UI would.
func (s *Sandbox) CreateRCSCampaign(numbers ...string) *client.Campaign {
	s.t.Helper()
	req := client.RCSCampaignRequest{Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hello"}}
	for _, n := range numbers {
		req.Phones = append(req.Phones, client.Phone{Number: n})
	}
	cp, err := s.Client().CreateRCSCampaign(context.Background(), req)
	if err != nil {
		s.t.Fatal(err)
	}
	return cp
}

// ProviderBlockWith configures the provider against this stand-in with
// extra settings.
func (s *Sandbox) ProviderBlockWith(extra string) string {
	return fmt.Sprintf("\nprovider \"oneapi\" {\n  endpoint = %q\n  %s\n}\n", s.URL, extra)
}

// CampaignStartAt asks the stand-in, through the API, what start_at it
// recorded for the campaign in state at addr.
func (s *Sandbox) CampaignStartAt(addr, want string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		var id int64
		if err := IDOf(addr, &id)(st); err != nil {
			return err
		}
		cp, err := s.Client().GetCampaign(context.Background(), id)
		if err != nil {
			return err
		}
		got := "null"
		if cp.StartAt != nil {
			got = *cp.StartAt
		}
		if got != want {
			return fmt.Errorf("%s: the platform has start_at %s, want %s", addr, got, want)
		}
		return nil
	}
}

func (s *Sandbox) CampaignConfig(body string) string {
	return s.ProviderBlock() + "resource \"oneapi_campaign\" \"test\" {\n" + body + "\n}\n"
}

// CheckDestroyed asks the stand-in what became of every campaign in state.
func (s *Sandbox) CheckDestroyed(wantStatus ...string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		for _, rs := range st.RootModule().Resources {
			if rs.Type != "oneapi_campaign" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			got := s.Status(id)
			ok := false
			for _, w := range wantStatus {
				ok = ok || got == w
			}
			if !ok {
				return fmt.Errorf("campaign %d is %q after destroy, want one of %v", id, got, wantStatus)
			}
		}
		return nil
	}
}

// ExpectCountErr is ExpectCount for a Check: an error when key was not
// requested exactly want times.
func (s *Sandbox) ExpectCountErr(key string, want int) error {
	if got := s.Count(key); got != want {
		return fmt.Errorf("%s: %d requests, want %d", key, got, want)
	}
	return nil
}

func (s *Sandbox) ExpectCount(key string, want int) func() {
	return func() {
		s.t.Helper()
		if got := s.Count(key); got != want {
			s.t.Errorf("%s: %d requests, want %d", key, got, want)
		}
	}
}

// ImportConfig imports an existing campaign with an import block and only
// the settings given: no content.
func (s *Sandbox) ImportConfig(id int64, extra string) string {
	return s.ProviderBlock() + fmt.Sprintf(`
import {
  to = oneapi_campaign.test
  id = "%d"
}
resource "oneapi_campaign" "test" {
%s
}
`, id, extra)
}

// Balance reads the account's balance through the API, as the
// oneapi_balance data source does.
func (s *Sandbox) Balance() float64 {
	s.t.Helper()
	b, err := s.Client().GetBalance(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return b.Balance
}

// AdvanceWhenRead moves the clock once the stand-in has served n reads of
// campaigns, while the provider is waiting: it lets a test see the
// provider wait out the "creation" status without touching wall time.
func (s *Sandbox) AdvanceWhenRead(n int, d time.Duration) {
	go func() {
		deadline := time.Now().Add(time.Minute)
		for s.Count("GET /api/campaigns/{id}") < n && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		s.Advance(d)
	}()
}

// OnlyReads fails when the stand-in saw anything but campaign reads (one
// by one or by list pages, as a refresh reads them) and logins since its
// counters were reset.
func (s *Sandbox) OnlyReads() {
	s.t.Helper()
	for key, n := range s.Counters() {
		if key != "GET /api/campaigns/{id}" && key != "GET /api/campaigns" && key != "POST /api/auth/login" {
			s.t.Errorf("unexpected requests: %s x%d (want only refresh reads)", key, n)
		}
	}
}

// CallsTo lists the requests to one campaign's paths with these suffixes.
func (s *Sandbox) CallsTo(id int64, suffixes ...string) []string {
	var out []string
	for _, r := range s.Journal() {
		for _, suffix := range suffixes {
			if strings.Contains(r, fmt.Sprintf("/api/campaigns/%d%s", id, suffix)) {
				out = append(out, r)
			}
		}
	}
	return out
}

// StopsAndRenews counts the stop and renew requests the stand-in saw.
func (s *Sandbox) StopsAndRenews() int {
	return s.Count("PUT /api/campaigns/{id}/stop") + s.Count("PATCH /api/campaigns/{id}/stop") + s.Count("PUT /api/campaigns/{id}/renew")
}

// Force returns an arrange step that puts a campaign into a status, as the
// platform or another tool would.
func Force(status string) func(sb *Sandbox, id int64) {
	return func(sb *Sandbox, id int64) {
		sb.Advance(20 * time.Second) // out of creation and moderation
		if err := sb.SetStatus(id, status); err != nil {
			sb.t.Fatal(err)
		}
	}
}

// SeedCampaigns creates n campaigns through the API.
func (s *Sandbox) SeedCampaigns(n int, sms bool, sender string) []int64 {
	s.t.Helper()
	c := s.Client()
	var ids []int64
	for i := range n {
		phone := []client.Phone{{Number: fmt.Sprintf("3806%08d", i)}}
		var cp *client.Campaign
		var err error
		if sms {
			cp, err = c.CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{Phones: phone, Sender: sender, Text: "Hi"})
		} else {
			cp, err = c.CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{Phones: phone, Sender: sender, Options: client.RCSOptions{Text: "Hi"}})
		}
		if err != nil {
			s.t.Fatal(err)
		}
		ids = append(ids, cp.ID)
	}
	return ids
}

// CheckTruth compares the state with the stand-in: exactly the campaigns
// in state exist (no duplicates), each with the status the state records.
func (s *Sandbox) CheckTruth(n int, report *FaultReport, compareStatus bool) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		inState := map[int64]string{}
		for _, rs := range st.RootModule().Resources {
			if rs.Type == "oneapi_campaign" {
				id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
				inState[id] = rs.Primary.Attributes["status"]
			}
		}
		ids := s.CampaignIDs()
		report.Duplicates = len(ids) - len(inState)
		if len(inState) != n || len(ids) != n {
			return fmt.Errorf("%d campaigns in state, %d at the stand-in, want %d each", len(inState), len(ids), n)
		}
		for _, id := range ids {
			status, ok := inState[id]
			if !ok {
				return fmt.Errorf("campaign %d exists at the stand-in but not in state (a duplicate)", id)
			}
			if truth := s.Status(id); compareStatus && truth != status {
				return fmt.Errorf("campaign %d: state says %s, the stand-in %s", id, status, truth)
			}
		}
		return nil
	}
}

// CheckNothingLeftSending is the CheckDestroy of a test that expects no
// particular status (see NothingLeftSending). A campaign the stand-in no
// longer has (the not-found tests) is passed over.
func (s *Sandbox) CheckNothingLeftSending() resource.TestCheckFunc {
	return NothingLeftSending(func(id int64) (string, error) { return s.Status(id), nil })
}

// FaultsCreateAfterCommit loses the answer of the next create, in mode
// (drop, 500 or 429), after the object was made.
func FaultsCreateAfterCommit(mode string) sandbox.Faults {
	return sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1}
}

// StringSaved is a known-value check that passes for any string and keeps
// it, for a later step.
func StringSaved(dst *string) knownvalue.Check { return savedString{dst} }

type savedString struct{ dst *string }

func (s savedString) CheckValue(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("value %v is not a string", v)
	}
	*s.dst = str
	return nil
}

func (s savedString) String() string { return "any string (saved)" }
