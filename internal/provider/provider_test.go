package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// testAccProtoV6ProviderFactories runs the provider in-process for the
// Terraform CLI that terraform-plugin-testing drives.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"oneapi": func() (tfprotov6.ProviderServer, error) { return NewProtocol6Server("test")(), nil },
}

const testAPIKey = "test_acceptance_key"

// testSandbox is an in-process stand-in API for one test.
type testSandbox struct {
	*sandbox.Sandbox
	URL  string
	t    *testing.T
	zone *time.Location
}

// liveMode reports ONEAPI_ACC_LIVE=1: tests that can run against a real
// account do so, and the others skip and say why.
func liveMode() bool { return os.Getenv("ONEAPI_ACC_LIVE") == "1" }

// accTarget is where a live-capable test runs: the stand-in, or the account
// named by ONEAPI_ENDPOINT and ONEAPI_API_KEY in live mode.
type accTarget struct {
	sb        *testSandbox // nil in live mode
	provider  string
	phone     string
	rcsSender string
}

func newAccTarget(t *testing.T) accTarget {
	t.Helper()
	if !liveMode() {
		sb := startSandbox(t)
		return accTarget{sb: sb, provider: sb.providerBlock(), phone: "380661231231", rcsSender: "rcs_sender"}
	}
	for _, v := range []string{EnvAPIKey, EnvEndpoint, "ONEAPI_TEST_PHONE", "ONEAPI_TEST_RCS_SENDER"} {
		if os.Getenv(v) == "" {
			t.Fatalf("live mode (ONEAPI_ACC_LIVE=1) needs %s", v)
		}
	}
	return accTarget{provider: `provider "oneapi" {}` + "\n", phone: os.Getenv("ONEAPI_TEST_PHONE"), rcsSender: os.Getenv("ONEAPI_TEST_RCS_SENDER")}
}

// startSandbox starts a stand-in whose clock only moves when the test
// advances it. Tests that need it skip in live mode.
func startSandbox(t *testing.T) *testSandbox {
	t.Helper()
	return startSandboxWith(t, sandbox.Config{})
}

// startSandboxWith starts a stand-in with cfg (its API key is the tests').
func startSandboxWith(t *testing.T, cfg sandbox.Config) *testSandbox {
	t.Helper()
	if liveMode() {
		t.Skip("needs the stand-in's control surface (clock, forced statuses, faults or request counters): skipped in live mode")
	}
	cfg.APIKeys = []string{testAPIKey}
	if cfg.AccountZone == nil {
		cfg.AccountZone = time.UTC
	}
	sb := sandbox.New(cfg)
	registerSandbox(sb)
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
	return &testSandbox{Sandbox: sb, URL: srv.URL, t: t, zone: cfg.AccountZone}
}

// providerBlock configures the provider against this stand-in. The key
// comes from ONEAPI_API_KEY (TestMain), as the README recommends, so that
// it is not in any configuration text the test harness logs.
func (s *testSandbox) providerBlock() string {
	return fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
}
`, s.URL)
}

// client returns a client for arranging the stand-in through its API.
func (s *testSandbox) client() *client.Client {
	s.t.Helper()
	c, err := client.New(client.WithEndpoint(s.URL), client.WithAPIKey(testAPIKey), client.WithTimeZone(s.zone))
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

// createRCSCampaign creates a campaign through the API, as another tool
// or the web UI would.
func (s *testSandbox) createRCSCampaign(numbers ...string) *client.Campaign {
	s.t.Helper()
	req := client.RCSCampaignRequest{Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hello"}}
	for _, n := range numbers {
		req.Phones = append(req.Phones, client.Phone{Number: n})
	}
	cp, err := s.client().CreateRCSCampaign(context.Background(), req)
	if err != nil {
		s.t.Fatal(err)
	}
	return cp
}

// testAccPreCheck keeps acceptance tests honest about what they need.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Fatal("acceptance tests need TF_ACC=1; run them with `make test`")
	}
}
