package campaign_test

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The fault suite and the rate budget run at a size that keeps `make test`
// short; `make test-faults` runs them at full size (ONEAPI_FAULT_SUITE_N=200,
// ONEAPI_RATE_BUDGET_N=300).
func suiteSize(t *testing.T, env string, def int) int {
	t.Helper()
	if v := os.Getenv(env); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 2 {
			t.Fatalf("%s=%q: want a number of campaigns, at least 2", env, v)
		}
		return n
	}
	return def
}

// startFaultySandbox is a stand-in whose clock runs 30x faster than real
// time, so that 60-second JWTs expire every 2 seconds of a run.
func startFaultySandbox(t *testing.T, lifetime time.Duration) *acctest.Sandbox {
	t.Helper()
	return acctest.StartSandboxWith(t, sandbox.Config{TokenLifetime: lifetime, ClockSpeed: 30, Seed: 42})
}

// faultSuiteStartAt schedules the suite's campaigns two days ahead, one value
// per test process so that re-planning the same configuration replaces
// nothing.
var faultSuiteStartAt = time.Now().Add(48 * time.Hour).UTC().Format(client.TimeLayout)

func manyCampaigns(sb *acctest.Sandbox, n int, providerExtra, desired string) string {
	return fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
  %s
}
resource "oneapi_campaign" "c" {
  count      = %d
  recipients = { phones = [format("3806%%08d", count.index)] }
  rcs        = { sender = "fault_suite", text = "Fault suite" }
  start_at   = %q
  %s
}
`, sb.URL, providerExtra, n, faultSuiteStartAt, desired)
}

// TestAccFaultSuite applies N campaign creations, then stops half of them,
// through the real CLI (-parallelism=10, Terraform's default) against a
// stand-in with 10% 503s on reads and stops, 429 bursts with Retry-After,
// up to 200 ms of latency jitter, 60-second JWTs (on a clock 30x faster;
// JWTs older than a second or two are also refused), and three creates
// whose answer is lost after the campaign was committed.
func TestAccFaultSuite(t *testing.T) {
	n := suiteSize(t, "ONEAPI_FAULT_SUITE_N", 40)
	sb := startFaultySandbox(t, 60*time.Second)
	sb.SetFaults(sandbox.Faults{
		ErrorRate: 0.10, TooManyRequestsRate: 0.03, RetryAfter: time.Second,
		LatencyJitter: 200 * time.Millisecond, CreateAfterCommit: "500", CreateAfterCommitCount: 3,
	})
	report := acctest.FaultReport{Scenario: "create, then stop half", Operations: fmt.Sprintf("%d creates, %d stops", n, n/2), SB: sb}
	defer report.Print(t)
	// The CLI's commands are shorter than a JWT's 2 real seconds: also, once
	// a second, refuse the JWTs that were issued before the previous second,
	// as a server-side rotation would (a JWT lives 1 to 2 seconds, never
	// so short that a login and its replay could not both use it).
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		previous := sb.TokenSeq()
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Second):
				sb.RevokeTokensUpTo(previous)
				previous = sb.TokenSeq()
			}
		}
	}()
	half := fmt.Sprintf(`desired_state = count.index < %d ? "stopped" : "active"`, n/2)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: manyCampaigns(sb, n, "max_retries = 10", `desired_state = "active"`),
				Check:  sb.CheckTruth(n, &report, false),
			},
			{
				PreConfig: func() { time.Sleep(time.Second) }, // 30s of stand-in time: moderation is over
				Config:    manyCampaigns(sb, n, "max_retries = 10", half),
				Check: resource.ComposeTestCheckFunc(sb.CheckTruth(n, &report, false), func(st *terraform.State) error {
					stopped := 0
					for _, id := range sb.CampaignIDs() {
						if sb.Status(id) == "stopped" {
							stopped++
						}
					}
					if stopped != n/2 {
						return fmt.Errorf("%d campaigns stopped, want %d", stopped, n/2)
					}
					return nil
				}),
			},
			{
				// With the clock at rest, a refresh must agree with the stand-in.
				PreConfig:    sb.FreezeClock,
				RefreshState: true,
				Check:        sb.CheckTruth(n, &report, true),
			},
		},
	})
	if got := sb.Injected(); got["503"] == 0 || got["429"] == 0 || got["create_500"] != 3 || got["401"] == 0 {
		t.Errorf("the faults were not all exercised: %v", got)
	}
}

// TestAccRateBudget applies N campaigns with requests_per_second set and
// checks what the client's limiter guarantees: in any window of w seconds,
// at most burst + rate × w requests leave each client (burst 1, rate 95%
// of the budget), retries and logins included. The times are those the
// limiter let each request go (client.PaceRecorder, through the provider's
// clock), not the stand-in's arrival times: network and scheduling delays
// after the limiter cannot make the check fail, nor hide an excess.
func TestAccRateBudget(t *testing.T) {
	n := suiteSize(t, "ONEAPI_RATE_BUDGET_N", 30)
	const budget = 20
	sb := startFaultySandbox(t, time.Hour)
	report := acctest.FaultReport{Scenario: fmt.Sprintf("rate budget %d/s", budget), Operations: fmt.Sprintf("%d creates", n), SB: sb}
	defer report.Print(t)
	paced := &pacedClock{Clock: clock.Real()}
	acctest.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"oneapi": func() (tfprotov6.ProviderServer, error) {
				return provider.NewProtocol6ServerWithClock("test", paced)(), nil
			},
		},
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: manyCampaigns(sb, n, fmt.Sprintf("requests_per_second = %d", budget), `stop_on_destroy = false`),
				Check:  sb.CheckTruth(n, &report, false),
			},
			{PreConfig: sb.FreezeClock, RefreshState: true, Check: sb.CheckTruth(n, &report, true)},
		},
	})
	const burst, rate = 1, budget * 0.95
	total := 0
	for i, times := range paced.clients() {
		total += len(times)
		for _, w := range []time.Duration{time.Second, 250 * time.Millisecond, 3 * time.Second} {
			limit := burst + int(rate*w.Seconds()+1e-9)
			if got := maxInClosedWindow(times, w); got > limit {
				t.Errorf("client %d: %d requests left within %v; the limiter allows at most %d (burst %d + %g/s × %v)", i, got, w, limit, burst, rate, w)
			}
		}
	}
	if arrived := len(sb.Journal()); total < n || total < arrived {
		t.Errorf("%d requests went through the limiter, %d arrived at the stand-in, %d campaigns: every request must be paced", total, arrived, n)
	}
	fmt.Printf("rate budget: %d requests paced, at most %d in any second at the stand-in (budget %d)\n", total, sb.MaxInWindow(time.Second), budget)
}

// pacedClock is the real clock, recording when each client's rate limit
// let each request go (client.PaceRecorder).
type pacedClock struct {
	clock.Clock
	mu    sync.Mutex
	times [][]time.Time
}

func (c *pacedClock) PaceRecord() func(time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := len(c.times)
	c.times = append(c.times, nil)
	return func(at time.Time) {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.times[i] = append(c.times[i], at)
	}
}

func (c *pacedClock) clients() [][]time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([][]time.Time, len(c.times))
	for i, ts := range c.times {
		out[i] = append([]time.Time(nil), ts...)
		sort.Slice(out[i], func(a, b int) bool { return out[i][a].Before(out[i][b]) })
	}
	return out
}

// maxInClosedWindow is the most times within any closed window [t, t+w].
func maxInClosedWindow(times []time.Time, w time.Duration) int {
	best, j := 0, 0
	for i := range times {
		for j < len(times) && times[j].Sub(times[i]) <= w {
			j++
		}
		best = max(best, j-i)
	}
	return best
}

// channelBodies are the campaign bodies of TestAccFaultSuiteChannels, one
// per new create call, for `count` instances.
var channelBodies = map[string]string{
	"viber_cascade": `
  recipients   = { phones = [format("3806%08d", count.index)] }
  viber        = { sender = "fault_suite", text = "Fault suite" }
  sms_fallback = { sender = "Shop", text = "Fault suite" }
  start_at     = "` + faultSuiteStartAt + `"`,
	"whatsapp": `
  recipients = { phones = [format("3806%08d", count.index)] }
  whatsapp   = { sender = "fault_suite", template = { name = "fault_suite", language = "en", components = [] } }
  start_at   = "` + faultSuiteStartAt + `"`,
	// A personal SMS campaign cannot be scheduled: it goes out at once.
	"personal_sms": `
  personal_sms = { sender = "Shop", messages = [{ phone = format("3806%08d", count.index), text = "Fault suite" }] }`,
}

// TestAccFaultSuiteChannels creates N campaigns of each new create call
// (Viber-then-SMS, WhatsApp, personal SMS) through the CLI against the
// fault suite's stand-in: 10% 503s, 429 bursts, latency jitter, and three
// creates per call whose answer is lost after the campaign was committed.
// Each ends with exactly N campaigns at the stand-in, all in state: no
// duplicate. make test-faults runs it at ONEAPI_CHANNEL_FAULT_SUITE_N=60.
func TestAccFaultSuiteChannels(t *testing.T) {
	n := suiteSize(t, "ONEAPI_CHANNEL_FAULT_SUITE_N", 12)
	for name, body := range channelBodies {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sb := startFaultySandbox(t, time.Hour)
			sb.SetFaults(sandbox.Faults{
				ErrorRate: 0.10, TooManyRequestsRate: 0.03, RetryAfter: time.Second,
				LatencyJitter: 200 * time.Millisecond, CreateAfterCommit: "500", CreateAfterCommitCount: 3,
			})
			report := acctest.FaultReport{Scenario: "create " + name, Operations: fmt.Sprintf("%d creates", n), SB: sb}
			defer report.Print(t)
			config := fmt.Sprintf("provider \"oneapi\" {\n  endpoint = %q\n  max_retries = 10\n}\nresource \"oneapi_campaign\" \"c\" {\n  count = %d\n%s\n}\n",
				sb.URL, n, body)
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{
					{Config: config, Check: sb.CheckTruth(n, &report, false)},
					{PreConfig: sb.FreezeClock, RefreshState: true, Check: sb.CheckTruth(n, &report, true)},
				},
			})
			if got := sb.Injected(); got["create_500"] != 3 {
				t.Errorf("the lost answers were not all exercised: %v", got)
			}
		})
	}
}
