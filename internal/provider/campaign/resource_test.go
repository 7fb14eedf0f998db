package campaign_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccCampaign_priceWorksAsANumber follows the calculated_price docs:
// the estimate is a decimal string, and Terraform converts it wherever a
// number is needed (a comparison, arithmetic after tonumber, format's %f,
// a postcondition).
func TestAccCampaign_priceWorksAsANumber(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + `
data "oneapi_balance" "current" {}

resource "oneapi_campaign" "test" {` + acctest.RCSCampaign("") + `
  lifecycle {
    postcondition {
      condition     = self.calculated_price <= data.oneapi_balance.current.balance
      error_message = "The campaign costs more than the balance."
    }
  }
}

output "affordable" {
  value = oneapi_campaign.test.calculated_price <= data.oneapi_balance.current.balance
}
output "doubled" {
  value = tonumber(oneapi_campaign.test.calculated_price) * 2
}
output "shown" {
  value = format("%.2f %s", oneapi_campaign.test.calculated_price, oneapi_campaign.test.currency)
}
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "calculated_price", knownvalue.StringExact("0.1")),
				statecheck.ExpectKnownOutputValue("affordable", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("doubled", knownvalue.Float64Exact(0.2)),
				statecheck.ExpectKnownOutputValue("shown", knownvalue.StringExact("0.10 USD")),
			},
		}, {
			// Sending: later reads carry no estimate, the one of the create
			// stays, and the plan is empty. The campaign can now be stopped
			// when the test destroys it.
			PreConfig:        func() { sb.Advance(20 * time.Second) },
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlan(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("sending")),
				acctest.StateValue(acctest.CampaignAddr, "calculated_price", knownvalue.StringExact("0.1")),
				statecheck.ExpectKnownOutputValue("affordable", knownvalue.Bool(true)),
			},
		}},
	})
}

func TestAccCampaign_createRefreshStop(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{
				Config: sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "id", knownvalue.StringRegexp(regexp.MustCompile(`^\d{10}$`))),
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("creation")),
					acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact("rcs")),
					acctest.StateValue(acctest.CampaignAddr, "calculated_price", knownvalue.StringExact("0.1")),
					acctest.StateValue(acctest.CampaignAddr, "currency", knownvalue.StringExact("USD")),
					acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.StringExact("active")),
					acctest.StateValue(acctest.CampaignAddr, "stop_on_destroy", knownvalue.Bool(true)),
					acctest.StateValue(acctest.CampaignAddr, "sms_fallback_statistics", knownvalue.Null()),
					acctest.StateValue(acctest.CampaignAddr, "statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0)})),
				},
			},
			{
				// The refresh sees the campaign sending and its figures moving;
				// nothing configured changed, so the plan is empty.
				PreConfig:        func() { sb.Advance(20 * time.Second) },
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("sending")),
					acctest.StateValue(acctest.CampaignAddr, "statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sent": knownvalue.Int64Exact(3), "delivered": knownvalue.Int64Exact(2)})),
					acctest.StateValue(acctest.CampaignAddr, "calculated_price", knownvalue.StringExact("0.1")),
					acctest.StateValue(acctest.CampaignAddr, "real_start_at", knownvalue.NotNull()),
				},
			},
			{
				// A plan refreshes the campaign with exactly one read.
				PreConfig: sb.ResetCounters,
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					sb.ExpectCount("GET /api/campaigns/{id}", 1)()
					sb.ResetCounters()
				},
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: acctest.PlansACallTo(acctest.CampaignAddr, "status"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
					acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.StringExact("stopped")),
					acctest.StateValue(acctest.CampaignAddr, "finished_at", knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() {
					sb.ExpectCount("PUT /api/campaigns/{id}/stop", 1)()
					sb.Advance(time.Minute)
				},
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

func TestAccCampaign_importVerify(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign(fmt.Sprintf("start_at = %q", sb.Now().Add(24*time.Hour).In(time.FixedZone("", 2*3600)).Format(time.RFC3339))))},
			{
				ResourceName:      acctest.CampaignAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The API does not return content: an imported state has none.
				ImportStateVerifyIgnore: []string{"recipients", "rcs", "start_at", "timeouts", "calculated_price", "currency"},
			},
			{
				// Out of "creation" (which cannot be stopped) before the destroy.
				PreConfig:     func() { sb.Advance(6 * time.Second) },
				ResourceName:  acctest.CampaignAddr,
				ImportState:   true,
				ImportStateId: "campaign-7",
				ExpectError:   regexp.MustCompile(`(?s)Invalid Import Id.*numeric id`),
			},
		},
	})
}

func TestAccCampaign_importBlockThenStop(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231", "380661231232")
	sb.Advance(6 * time.Second) // moderation: stoppable
	sb.ResetCounters()
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				// Import alone: a configuration that matches plans nothing.
				Config: sb.ImportConfig(cp.ID, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("moderation")),
					acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.Null()),
					acctest.StateValue(acctest.CampaignAddr, "stop_on_destroy", knownvalue.Bool(true)),
					acctest.StateValue(acctest.CampaignAddr, "recipients", knownvalue.Null()),
				},
			},
			{
				Config: sb.ImportConfig(cp.ID, `desired_state = "stopped"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
			{
				PreConfig: func() {
					sb.ExpectCount("PUT /api/campaigns/{id}/stop", 1)()
					sb.ExpectCount("PATCH /api/campaigns/{id}/stop", 0)()
					if n := sb.CountCreates(); n != 0 {
						t.Errorf("creates = %d, want 0", n)
					}
				},
				Config:           sb.ImportConfig(cp.ID, `desired_state = "stopped"`),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

func TestAccCampaign_importAdoptsContentWithoutReplacement(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.ImportConfig(cp.ID, "")},
			{
				Config: sb.ImportConfig(cp.ID, `
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "Hello" }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "id", knownvalue.StringExact(strconv.FormatInt(cp.ID, 10))),
					acctest.StateValue(acctest.CampaignAddr, "rcs", knownvalue.ObjectPartial(map[string]knownvalue.Check{"text": knownvalue.StringExact("Hello")})),
				},
			},
			{
				// Once adopted, content is content: a change sends a new campaign.
				PreConfig: func() { sb.Advance(6 * time.Second) },
				Config: sb.ImportConfig(cp.ID, `
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "Hello again" }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
			},
			{
				PreConfig: func() { sb.Advance(6 * time.Second) }, // the new campaign leaves creation
				Config: sb.ImportConfig(cp.ID, `
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "Hello again" }
`),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("creates = %d, want 2 (the campaign made for the test and its replacement only)", n)
	}
}

func TestAccCampaign_destroy(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, extra, force, want string
		stops                    int
	}{
		{"sending campaign is stopped", "", "", "stopped", 1},
		{"done campaign makes no call", "", "done", "done", 0},
		{"stop_on_destroy false makes no call", "stop_on_destroy = false", "", "sending", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			var id int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: func(s *terraform.State) error {
					if got := sb.Status(id); got != tc.want {
						return fmt.Errorf("after destroy the campaign is %q, want %q", got, tc.want)
					}
					if got := sb.Count("PUT /api/campaigns/{id}/stop"); got != tc.stops {
						return fmt.Errorf("stop requests = %d, want %d", got, tc.stops)
					}
					return nil
				},
				Steps: []resource.TestStep{
					{Config: sb.CampaignConfig(acctest.RCSCampaign(tc.extra)), Check: acctest.IDOf(acctest.CampaignAddr, &id)},
					{
						PreConfig: func() {
							sb.Advance(17 * time.Second)
							if tc.force != "" {
								if err := sb.SetStatus(id, tc.force); err != nil {
									t.Fatal(err)
								}
							}
						},
						Config: sb.CampaignConfig(acctest.RCSCampaign(tc.extra)),
					},
				},
			})
		})
	}
}

func TestAccCampaign_replacementStopsTheOldCampaignFirst(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var oldID, newID int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign("")), Check: acctest.IDOf(acctest.CampaignAddr, &oldID)},
			{
				PreConfig: func() { sb.Advance(17 * time.Second); sb.ResetCounters() },
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`validity_hours = 24`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: acctest.IDOf(acctest.CampaignAddr, &newID),
			},
			{
				PreConfig:        func() { sb.Advance(6 * time.Second) }, // the new one leaves creation before the final destroy
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`validity_hours = 24`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
	stopAt, createAt := -1, -1
	for i, req := range sb.Journal() {
		switch req {
		case fmt.Sprintf("PUT /api/campaigns/%d/stop", oldID):
			stopAt = i
		case "POST /api/campaigns/rcs/send":
			if createAt < 0 {
				createAt = i
			}
		}
	}
	if stopAt < 0 || createAt < 0 || stopAt > createAt {
		t.Errorf("stop of the old campaign at request %d, create of the new at %d: want the stop first", stopAt, createAt)
	}
	if sb.Status(oldID) != "stopped" || newID == oldID {
		t.Errorf("old campaign %d is %s; new id %d", oldID, sb.Status(oldID), newID)
	}
}

func TestAccCampaign_apiRefusalNamesTheAttribute(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{{
			// Contact list 7 does not exist: only the API can know.
			Config: sb.CampaignConfig(`
  recipients = { groups = [7] }
  rcs        = { sender = "rcs_sender", text = "Hello" }
`),
			// The API keys field errors without dots ("groups0", as the
			// OpenAPI file's "messages0phone"); the error is still attached
			// to the attribute.
			ExpectError: regexp.MustCompile(`(?s)Unable to Create Campaign.*Attribute\s+recipients.groups.*groups0:\s+Contact\s+group\s+is\s+not\s+found.*Nothing\s+was\s+sent`),
		}},
	})
	if ids := sb.CampaignIDs(); len(ids) != 0 {
		t.Errorf("campaigns created: %v", ids)
	}
}

func TestAccCampaign_lostCreateAnswerIsRecovered(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, recipients, fault string }{
		{"phones, connection dropped after commit", `recipients = { phones = ["380661231231", "380661231232"] }`, "drop"},
		{"phones, 500 after commit", `recipients = { phones = ["380661231231"] }`, "500"},
		{"phones, dropped before commit", `recipients = { phones = ["380661231231"] }`, "drop_before"},
	}
	// A campaign to contact lists is never adopted by a search: see
	// adoption_test.go.
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: tc.fault, CreateAfterCommitCount: 1})
			report := acctest.FaultReport{Scenario: "lost create answer: " + tc.name, Operations: "1 create", SB: sb}
			defer func() { report.Duplicates = len(sb.CampaignIDs()) - 1; report.Print(t) }()
			config := sb.CampaignConfig(tc.recipients + "\n" + `rcs = { sender = "rcs_sender", text = "Hello" }` + "\n" + `stop_on_destroy = false`)
			var id int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{
					{Config: config, Check: acctest.IDOf(acctest.CampaignAddr, &id)},
					{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
			if ids := sb.CampaignIDs(); len(ids) != 1 || ids[0] != id {
				t.Errorf("campaigns at the stand-in %v, in state %d: want exactly the one in state", ids, id)
			}
		})
	}
}

// TestAccCampaign_lostAnswerWhenOnlyRepeatedMessagesAreDropped: the docs say
// messages with a repeated reference_id are rejected, not whether the
// whole request is. Under the reading that only those messages are
// dropped, the guarded second request after a lost answer (sent because
// the message search did not list the first campaign's messages in time)
// makes an empty campaign. The state must point at the campaign that
// carries the messages, and nothing is sent twice.
func TestAccCampaign_lostAnswerWhenOnlyRepeatedMessagesAreDropped(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1, RepeatedReference: "messages", HideMessages: 3})
	report := acctest.FaultReport{Scenario: "lost create answer: phones, only repeated messages dropped, messages listed late", Operations: "1 create", SB: sb}
	defer func() {
		// A duplicate is a second campaign that sends messages; the empty
		// one the guarded request made sends none.
		report.Duplicates = -1
		for _, cid := range sb.CampaignIDs() {
			if d, err := sb.Client().GetCampaignDetail(context.Background(), cid); err != nil || d.TotalMessages > 0 {
				report.Duplicates++
			}
		}
		report.Print(t)
	}()
	config := sb.CampaignConfig(`recipients = { phones = ["380661231231", "380661231232"] }` + "\n" +
		`rcs = { sender = "rcs_sender", text = "Hello" }` + "\n" + `stop_on_destroy = false`)
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: config, Check: acctest.IDOf(acctest.CampaignAddr, &id)},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
	ids := sb.CampaignIDs()
	if len(ids) != 2 || id != ids[0] {
		t.Fatalf("campaigns at the stand-in %v, in state %d: want the first (with the messages) in state", ids, id)
	}
	for want, cid := range map[int64]int64{2: ids[0], 0: ids[1]} {
		d, err := sb.Client().GetCampaignDetail(context.Background(), cid)
		if err != nil || d.TotalMessages != want {
			t.Errorf("campaign %d carries %v messages (%v), want %d", cid, d, err, want)
		}
	}
	if got := sb.Injected()["reference_dropped"]; got != 2 {
		t.Errorf("messages dropped as repeated = %d, want 2", got)
	}
}

func TestAccCampaign_interruptedCreateLeavesNothingHalfDone(t *testing.T) {
	sb := acctest.StartSandbox(t)
	// The create takes 3s to be acted on and may take 1s: the apply gives
	// up while the request is in flight (the stand-in then drops it unsent),
	// the search finds nothing, and nothing is sent again in that apply:
	// the resource is kept without an id. The next apply (with settings
	// that are not part of the request changed) looks for it, finds none,
	// and sends the very same request with the same reference_ids, which
	// the platform would refuse had the first been taken: one campaign.
	sb.SetFaults(sandbox.Faults{CreateLatency: 3 * time.Second})
	report := acctest.FaultReport{Scenario: "create interrupted by its timeout, then applied again", Operations: "3 applies", SB: sb}
	defer func() { report.Duplicates = len(sb.CampaignIDs()) - 1; report.Print(t) }()
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			unresolvedStep(sb, sb.CampaignConfig(acctest.RCSCampaign(`timeouts = { create = "1s" }`)), 1),
			{
				PreConfig: func() {
					if ids := sb.CampaignIDs(); len(ids) != 0 || sb.CountCreates() != 1 {
						t.Errorf("after the interrupted create: campaigns %v, create requests %d; want none and 1", ids, sb.CountCreates())
					}
					sb.SetFaults(sandbox.Faults{})
				},
				Config: sb.CampaignConfig(acctest.RCSCampaign(`stop_on_destroy = false`)),
				Check: func(*terraform.State) error {
					if ids := sb.CampaignIDs(); len(ids) != 1 || sb.CountCreates() != 2 {
						return fmt.Errorf("campaigns %v, creates %d after the second apply: want one, 2", ids, sb.CountCreates())
					}
					return nil
				},
			},
			{Config: sb.CampaignConfig(acctest.RCSCampaign(`stop_on_destroy = false`)), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

func TestAPIFieldPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		field, block string
		want         path.Path
	}{
		{"phones.3.number", "rcs", path.Root("recipients").AtName("phones")},
		{"phones", "sms", path.Root("recipients").AtName("phones")},
		{"groups.0", "rcs", path.Root("recipients").AtName("groups")},
		{"sender", "rcs", path.Root("rcs").AtName("sender")},
		{"sender", "sms", path.Root("sms").AtName("sender")},
		{"text", "sms", path.Root("sms").AtName("text")},
		{"options.text", "rcs", path.Root("rcs").AtName("text")},
		{"options.cards.0.title", "rcs", path.Root("rcs").AtName("cards")},
		{"alternative_channel.sms.validity", "rcs", path.Root("sms_fallback").AtName("validity_hours")},
		{"alternative_channel.sms.text", "rcs", path.Root("sms_fallback").AtName("text")},
		{"validity", "rcs", path.Root("validity_hours")},
		{"validity_seconds", "rcs", path.Root("validity_seconds")},
		{"start_at", "sms", path.Root("start_at")},
		// The cascade call (viber), undotted as the API writes them.
		{"recipientsphones2number", "viber", path.Root("recipients").AtName("phones")},
		{"viberbutton_caption", "viber", path.Root("viber").AtName("button_caption")},
		{"smstext", "viber", path.Root("sms_fallback").AtName("text")},
		{"channels1", "viber", path.Root("viber")},
		// WhatsApp and personal SMS.
		{"templatelanguagecode", "whatsapp", path.Root("whatsapp").AtName("template")},
		{"sender", "whatsapp", path.Root("whatsapp").AtName("sender")},
		{"alternative_channelsmssender", "whatsapp", path.Root("sms_fallback").AtName("sender")},
		{"messages3text", "personal_sms", path.Root("personal_sms").AtName("messages").AtListIndex(3).AtName("text")},
		{"messages0sender", "personal_sms", path.Root("personal_sms").AtName("sender")},
		{"messages", "personal_sms", path.Root("personal_sms").AtName("messages")},
	}
	for _, tt := range tests {
		got, ok := campaign.APIFieldPath(tt.field, tt.block)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s (%s) -> %s, want %s", tt.field, tt.block, got, tt.want)
		}
	}
	if _, ok := campaign.APIFieldPath("something_new", "rcs"); ok {
		t.Error("an unknown field must not be attached to an attribute")
	}
}

// TestAccCampaign_toAListWithoutContactsIsRefused: a campaign to a list made
// in the same apply but left empty is refused by the platform, the error
// names recipients.groups, and nothing is sent.
func TestAccCampaign_toAListWithoutContactsIsRefused(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
resource "oneapi_contact_list" "empty" {
  name = "Nobody yet"
}
resource "oneapi_campaign" "test" {
  recipients = { groups = [oneapi_contact_list.empty.id] }
  sms        = { sender = "Shop", text = "Sale on Friday" }
}
`,
			ExpectError: regexp.MustCompile(`(?s)Unable to Create Campaign.*recipients\.groups.*no\s+contacts.*Nothing\s+was\s+sent`),
		}},
	})
	if ids := sb.CampaignIDs(); len(ids) != 0 {
		t.Errorf("campaigns = %v, want none", ids)
	}
}
