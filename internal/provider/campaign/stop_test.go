package campaign_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccCampaign_stopWaitsOutCreation(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.ImportConfig(cp.ID, "")},
			{
				PreConfig: func() {
					sb.ResetCounters()
					// refresh (1) and the first read of the stop (2) find
					// "creation"; then moderation begins.
					sb.AdvanceWhenRead(2, 6*time.Second)
				},
				Config: sb.ImportConfig(cp.ID, `desired_state = "stopped"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
		},
	})
	if n := sb.Count("GET /api/campaigns/{id}"); n < 3 {
		t.Errorf("reads = %d: the stop did not wait for the campaign to leave creation", n)
	}
	if n := sb.Count("PUT /api/campaigns/{id}/stop"); n != 1 {
		t.Errorf("stops = %d, want exactly 1 (none while in creation)", n)
	}
}

func TestAccCampaign_pausedIsRenewed(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				Check: func(s *terraform.State) error {
					id, _ = strconv.ParseInt(s.RootModule().Resources[acctest.CampaignAddr].Primary.ID, 10, 64)
					return nil
				},
			},
			{
				PreConfig: func() {
					sb.Advance(17 * time.Second)
					if err := sb.SetStatus(id, "paused"); err != nil { // out of funds
						t.Fatal(err)
					}
					sb.ResetCounters()
				},
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: acctest.PlansACallTo(acctest.CampaignAddr, "status"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("sending")),
				},
			},
			{
				PreConfig:        sb.ExpectCount("PUT /api/campaigns/{id}/renew", 1),
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

func TestAccCampaign_stopRacesWithCompletion(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign(""))},
			{
				PreConfig: func() {
					sb.Advance(20 * time.Second) // sending
					sb.SetFaults(sandbox.Faults{CompleteBeforeStop: 1})
					sb.ResetCounters()
				},
				Config: sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("done")),
					acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.StringExact("stopped")),
				},
			},
			{
				PreConfig: func() {
					if got := sb.Injected()["complete_before_stop"]; got != 1 {
						t.Errorf("the race was not injected (%d)", got)
					}
					sb.ExpectCount("PUT /api/campaigns/{id}/stop", 1)()
				},
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

func TestAccCampaign_stopOnDoneOrSpamMakesNoCall(t *testing.T) {
	t.Parallel()
	for _, status := range []string{"done", "spam"} {
		t.Run(status, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			var id int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckDestroyed(status),
				Steps: []resource.TestStep{
					{Config: sb.CampaignConfig(acctest.RCSCampaign("")), Check: acctest.IDOf(acctest.CampaignAddr, &id)},
					{
						PreConfig: func() {
							if err := sb.SetStatus(id, status); err != nil {
								t.Fatal(err)
							}
							sb.ResetCounters()
						},
						Config: sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
								plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("status"), knownvalue.StringExact(status)),
							},
						},
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact(status)),
							acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.StringExact("stopped")),
						},
					},
				},
			})
			sb.OnlyReads()
		})
	}
}

func TestAccCampaign_externalStopIsAWarning(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	two := func(secondDesired string) string {
		return sb.ProviderBlock() +
			"resource \"oneapi_campaign\" \"a\" {\n" + acctest.RCSCampaign(`desired_state = "active"`) + "\n}\n" +
			"resource \"oneapi_campaign\" \"b\" {\n" + acctest.RCSCampaign(`desired_state = "`+secondDesired+`"`) + "\n}\n"
	}
	var idA int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: two("active"), Check: acctest.IDOf("oneapi_campaign.a", &idA)},
			{
				PreConfig: func() {
					sb.Advance(20 * time.Second)
					if err := sb.SetStatus(idA, "stopped"); err != nil { // someone used the web UI
						t.Fatal(err)
					}
				},
				Config: two("stopped"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("oneapi_campaign.a", plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction("oneapi_campaign.b", plancheck.ResourceActionUpdate),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue("oneapi_campaign.a", "status", knownvalue.StringExact("stopped")),
					acctest.StateValue("oneapi_campaign.a", "desired_state", knownvalue.StringExact("active")),
					acctest.StateValue("oneapi_campaign.b", "status", knownvalue.StringExact("stopped")),
				},
			},
		},
	})
}

func TestAccCampaign_interruptedStopIsPlannedAgain(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231") // frozen in "creation"
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.ImportConfig(cp.ID, "")},
			{
				// The stop waits for "creation" to end and runs out of time.
				Config:      sb.ImportConfig(cp.ID, `desired_state = "stopped"`+"\n"+`timeouts = { update = "2s" }`),
				ExpectError: regexp.MustCompile(`(?s)Timed Out Stopping Campaign.*still\s+in\s+status\s+"creation"`),
			},
			{
				// The advice: apply again, with timeouts.update raised. Nothing
				// was recorded, so the stop is planned again; the campaign
				// leaves creation while the apply waits, and the stop applies.
				PreConfig: func() { sb.AdvanceWhenRead(sb.Count("GET /api/campaigns/{id}")+3, 6*time.Second) },
				Config:    sb.ImportConfig(cp.ID, `desired_state = "stopped"`+"\n"+`timeouts = { update = "1m" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped"))},
			},
		},
	})
}

// TestAccCampaign_scheduledCreateThenStop runs against the stand-in, or
// against a real account in live mode: the campaign is scheduled a day
// ahead and stopped before it starts, so no message is delivered.
func TestAccCampaign_scheduledCreateThenStop(t *testing.T) {
	t.Parallel()
	target := acctest.NewTarget(t)
	startAt := time.Now().UTC().Add(24 * time.Hour).Format(client.TimeLayout)
	config := func(desired string) string {
		return target.Provider + fmt.Sprintf(`
resource "oneapi_campaign" "test" {
  recipients    = { phones = [%q] }
  rcs           = { sender = %q, text = "terraform-provider-oneapi acceptance test" }
  start_at      = %q
  desired_state = %q
}
`, target.Phone, target.RCSSender, startAt, desired)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: target.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: config("active"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "start_at", knownvalue.StringExact(startAt)),
					acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact("rcs")),
				},
			},
			{
				PreConfig: func() {
					if target.SB != nil {
						target.SB.Advance(16 * time.Second) // creation and moderation are over
					}
				},
				Config: config("stopped"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
		},
	})
}

// TestAccCampaign_smsStopWaitsOutModeration: the SMS cancel pages allow a
// stop in creation, paused, sending and scheduled, not in moderation. The
// stop is refused there (422) and the provider waits, backing off, until the
// campaign is scheduled and the stop goes through: it never fails because
// the stop came early.
func TestAccCampaign_smsStopWaitsOutModeration(t *testing.T) {
	sb := acctest.StartSandbox(t)
	start := sb.Now().Add(48 * time.Hour).UTC().Format(client.TimeLayout)
	config := func(desired string) string {
		return sb.CampaignConfig(fmt.Sprintf(`
  recipients    = { phones = ["380661231231"] }
  sms           = { sender = "Shop", text = "Sale on Friday" }
  start_at      = %q
  desired_state = %q
`, start, desired))
	}
	// The provider's clock is a fake one: the waits between refused stops
	// take no time, and the test sees the waits the provider asked for.
	clk := clock.NewFake(time.Now())
	acctest.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"oneapi": func() (tfprotov6.ProviderServer, error) {
				return provider.NewProtocol6ServerWithClock("test", clk)(), nil
			},
		},
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{Config: config("active")},
			{
				PreConfig: func() {
					sb.Advance(6 * time.Second) // creation -> moderation, where an SMS campaign cannot be stopped
					sb.ResetCounters()
					// Let the stand-in refuse three stops, then leave moderation.
					go func() {
						deadline := time.Now().Add(time.Minute)
						for sb.Count("PUT /api/campaigns/{id}/stop") < 3 && time.Now().Before(deadline) {
							time.Sleep(20 * time.Millisecond)
						}
						sb.Advance(10 * time.Second) // moderation -> scheduled
					}()
				},
				Config: config("stopped"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
			{
				PreConfig: func() {
					if n := sb.Count("PUT /api/campaigns/{id}/stop"); n < 4 {
						t.Errorf("PUT stops = %d, want at least 4 (3 refused in moderation, then the one that worked)", n)
					}
					// One wait after each refusal, doubling from campaign.StopPollMin
					// up to campaign.StopPollMax.
					waits := clk.Sleeps()
					if len(waits) < 3 || waits[0] != campaign.StopPollMin || waits[1] != 2*campaign.StopPollMin || waits[2] != 4*campaign.StopPollMin {
						t.Errorf("waits between refused stops = %v, want %v, %v, %v, ...", waits, campaign.StopPollMin, 2*campaign.StopPollMin, 4*campaign.StopPollMin)
					}
					for _, w := range waits {
						if w > campaign.StopPollMax {
							t.Errorf("a wait of %v is longer than campaign.StopPollMax (%v)", w, campaign.StopPollMax)
						}
					}
				},
				Config:           config("stopped"),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

// TestAccCampaign_stopMethodUnderEveryReading: whichever method the
// platform serves the stop under (PUT as the seed says, PATCH as the SMS
// pages and the OpenAPI file say, PUT answered with 404 by a router), the
// campaign is stopped, and the method that worked is kept for the next one.
func TestAccCampaign_stopMethodUnderEveryReading(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		mode          string
		puts, patches int
	}{
		{"put_405", 1, 2}, // PUT refused once, then PATCH for both campaigns
		{"put_404", 1, 2},
		{"put_only", 2, 0},
	} {
		t.Run(tt.mode, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			config := func(desired string) string {
				return sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_campaign" "a" {
  recipients    = { phones = ["380661231231"] }
  rcs           = { sender = "rcs_sender", text = "a" }
  desired_state = %[1]q
}
resource "oneapi_campaign" "b" {
  recipients    = { phones = ["380661231232"] }
  rcs           = { sender = "rcs_sender", text = "b" }
  desired_state = %[1]q
  depends_on    = [oneapi_campaign.a]
}
`, desired)
			}
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckDestroyed("stopped"),
				Steps: []resource.TestStep{
					{Config: config("active")},
					{
						PreConfig: func() {
							sb.Advance(6 * time.Second) // moderation: stoppable
							sb.SetFaults(sandbox.Faults{StopMethod: tt.mode})
							sb.ResetCounters()
						},
						Config: config("stopped"),
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.StateValue("oneapi_campaign.a", "status", knownvalue.StringExact("stopped")),
							acctest.StateValue("oneapi_campaign.b", "status", knownvalue.StringExact("stopped")),
						},
					},
					{
						PreConfig: func() {
							sb.ExpectCount("PUT /api/campaigns/{id}/stop", tt.puts)()
							sb.ExpectCount("PATCH /api/campaigns/{id}/stop", tt.patches)()
						},
						Config:           config("stopped"),
						ConfigPlanChecks: acctest.EmptyPlan(),
					},
				},
			})
		})
	}
}
