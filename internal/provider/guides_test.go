package provider_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The guide "Guarding cost and senders with preconditions"
// (examples/guides/preconditions/main.tf), applied as written.

const guideCampaign = "oneapi_campaign.sale"

// preconditionsCLI: the guide's configuration calls provider::oneapi::sms_parts,
// which CLIs before Terraform 1.8 do not have.
var preconditionsCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// TestAccGuide_preconditionsLetAnAffordableCampaignThrough: one apply makes
// the list, its contacts and the campaign to it; the campaign reaches
// exactly the list's contacts.
func TestAccGuide_preconditionsLetAnAffordableCampaignThrough(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + readExample(t, "guides/preconditions/main.tf")
	var campaignID string
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: preconditionsCLI,
		CheckDestroy: func(st *terraform.State) error {
			if err := sb.CheckDestroyed("stopped")(st); err != nil {
				return err
			}
			return sb.CheckGone()(st)
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(guideCampaign, "message_type", knownvalue.StringExact("sms")),
					acctest.StateValue("data.oneapi_campaign_price.sale", "price", knownvalue.NotNull()),
					statecheck.ExpectKnownValue(guideCampaign, tfjsonpath.New("id"), acctest.StringSaved(&campaignID)),
				},
			},
			{
				PreConfig: func() {
					id, _ := strconv.ParseInt(campaignID, 10, 64)
					got := sb.Recipients(id)
					slices.Sort(got)
					if want := []string{"380661231231", "380661231232", "380661231233"}; !slices.Equal(got, want) {
						t.Errorf("the campaign went to %v, want the list's contacts %v", got, want)
					}
					sb.Advance(16 * time.Second) // out of creation, so that the destroy can stop it
				},
				Config:           config,
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}

// TestAccGuide_preconditionRefusesAnUnregisteredSender: the sender check is
// known at plan, so the plan fails and nothing at all is created.
func TestAccGuide_preconditionRefusesAnUnregisteredSender(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := strings.Replace(readExample(t, "guides/preconditions/main.tf"), `default = "Shop"`, `default = "Nobody"`, 1)
	acctest.Test(t, resource.TestCase{TerraformVersionChecks: preconditionsCLI, Steps: []resource.TestStep{{Config: sb.ProviderBlock() + config,
		ExpectError: regexp.MustCompile(`(?s)Resource precondition failed.*SMS\s+sender\s+Nobody\s+is\s+not\s+registered`)}}})
	if n := sb.Count("POST /api/groups") + sb.Count("POST /api/contacts") + sb.CountCreates(); n != 0 {
		t.Errorf("%d creates, want none: the plan failed", n)
	}
}

// TestAccGuide_preconditionRefusesTooManyPartsAtPlan: a text of 3 SMS
// parts (sms_parts) to the 3 phones at 0.045 for one part to all of them
// (oneapi_campaign_price, read at plan) costs 0.135, more than max_cost
// 0.1: the plan fails with the precondition's message, and nothing is
// created, not the list, not its contacts, not the campaign; the only
// requests are the plan's reads. The same text with max_cost 0.2 plans.
func TestAccGuide_preconditionRefusesTooManyPartsAtPlan(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	long := strings.Repeat("Friday sale: 20% off everything. ", 10) // 330 GSM 7-bit characters: 3 parts
	guide := strings.Replace(readExample(t, "guides/preconditions/main.tf"), `"Friday sale: 20% off everything"`, fmt.Sprintf("%q", long), 1)
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: preconditionsCLI,
		CheckDestroy:           sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:          sb.ProviderBlock() + guide,
				ConfigVariables: config.Variables{"max_cost": config.FloatVariable(0.1)},
				ExpectError: acctest.WrappedRE(`Resource precondition failed.*The text is 3 SMS part\(s\) in gsm7 to 3 phones: 0\.135 USD, ` +
					`more than max_cost 0\.1\. Shorten the text`),
			},
			{
				PreConfig: func() {
					if n := sb.Count("POST /api/groups") + sb.Count("POST /api/contacts") + sb.CountCreates(); n != 0 {
						t.Errorf("%d creates, want none: the plan failed", n)
					}
					if n := sb.Count("POST /api/campaigns/price"); n == 0 {
						t.Errorf("no price was asked: the refusal did not come from the estimate at plan (%v)", sb.Counters())
					}
				},
				Config:             sb.ProviderBlock() + guide,
				ConfigVariables:    config.Variables{"max_cost": config.FloatVariable(0.2)},
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if n := sb.Count("POST /api/groups") + sb.Count("POST /api/contacts") + sb.CountCreates(); n != 0 {
		t.Errorf("%d creates, want none: nothing was applied", n)
	}
}

// TestAccGuide_preconditionRefusesACampaignBeyondTheBalance: the price is
// known only once the contacts exist, so the check runs during apply,
// before the campaign is created: no campaign is sent.
func TestAccGuide_preconditionRefusesACampaignBeyondTheBalance(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: 0.01})
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: preconditionsCLI,
		CheckDestroy:           sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config:      sb.ProviderBlock() + readExample(t, "guides/preconditions/main.tf"),
			ExpectError: regexp.MustCompile(`(?s)Resource precondition failed.*would\s+cost\s+0\.045\s+USD,\s+more\s+than\s+the\s+account\s+had:\s+balance\s+0\.01\s+plus\s+credit\s+0`),
		}},
	})
	if n := sb.CountCreates(); n != 0 {
		t.Errorf("campaign creates = %d, want 0", n)
	}
}

// TestAccGuide_preconditionHoldsAfterTheCampaignSpendsTheBalance: the
// balance covers the campaign once; once its messages are sent, what is
// left (0.015) is less than its price (0.045). The next plan checks the
// values recorded when the campaign was sent, not today's balance: it is
// empty, where a check of the balance itself would fail every plan.
func TestAccGuide_preconditionHoldsAfterTheCampaignSpendsTheBalance(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: 0.06})
	config := sb.ProviderBlock() + readExample(t, "guides/preconditions/main.tf")
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: preconditionsCLI,
		CheckDestroy:           sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(guideCampaign, "status", knownvalue.NotNull()),
					statecheck.ExpectKnownValue("terraform_data.sale_budget", tfjsonpath.New("output").AtMapKey("balance"), knownvalue.Float64Exact(0.06)),
				},
			},
			{
				PreConfig: func() {
					sb.Advance(3 * time.Minute) // every message sent and charged
					if got := sb.Balance(); got >= 0.045 {
						t.Fatalf("balance %v after the campaign, want less than its price 0.045", got)
					}
				},
				Config:           config,
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("campaign creates = %d, want 1", n)
	}
}

// TestAccGuide_preconditionRefusedReplacementStopsNothing: a sent campaign
// gets a new sender when the account can no longer pay for it. The
// replacement's budget is checked during apply, and create_before_destroy
// checks it before the old campaign is stopped: the apply fails with the
// message, nothing is created or stopped, the sent campaign is still
// sending, and the next plan refuses again, at plan.
func TestAccGuide_preconditionRefusedReplacementStopsNothing(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: 0.06})
	guide := sb.ProviderBlock() + readExample(t, "guides/preconditions/main.tf")
	demo := config.Variables{"sender": config.StringVariable("Demo")}
	refused := acctest.WrappedRE(`Resource precondition failed.*would cost 0\.045 USD, more than the account had: balance -?[0-9.]+ plus credit 0`)
	var id int64
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: preconditionsCLI,
		CheckDestroy: func(st *terraform.State) error {
			if err := sb.CheckDestroyed("stopped")(st); err != nil {
				return err
			}
			return sb.CheckGone()(st)
		},
		Steps: []resource.TestStep{
			{
				Config: guide,
				Check:  acctest.IDOf(guideCampaign, &id),
			},
			{
				PreConfig: func() {
					sb.Advance(16 * time.Second) // out of creation: a stop would be sent
					sb.SetBalance(0.01, 0)       // the campaign spent what the account had
					sb.ResetCounters()
				},
				Config:          guide,
				ConfigVariables: demo,
				ExpectError:     refused,
			},
			{
				PreConfig: func() {
					if n := sb.StopsAndRenews() + sb.CountCreates(); n != 0 {
						t.Errorf("%d stops and creates in the refused replacement, want 0", n)
					}
					if got := sb.Status(id); got != "sending" {
						t.Errorf("the sent campaign is %s after the refused replacement, want sending", got)
					}
				},
				Config:          guide,
				ConfigVariables: demo,
				PlanOnly:        true,
				ExpectError:     refused,
			},
		},
	})
}

// TestAccGuide_bulkStop applies the GitOps guide's bulk stop
// (examples/guides/bulk-stop) as written: one stop per campaign of the
// sender, none for another sender's; the next plan destroys the imported
// resources, as the guide says, and that destroy calls nothing.
func TestAccGuide_bulkStop(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	ours := sb.SeedCampaigns(2, false, "rcs_sender")
	other := sb.SeedCampaigns(1, false, "other_agent")
	sb.Advance(20 * time.Second)
	config := sb.ProviderBlock() + readExample(t, "guides/bulk-stop/main.tf")
	addr := func(id int64) string { return fmt.Sprintf("oneapi_campaign.runaway[%q]", strconv.FormatInt(id, 10)) }
	statuses := func(want string) error {
		for _, id := range ours {
			if got := sb.Status(id); got != want {
				return fmt.Errorf("campaign %d is %s, want %s", id, got, want)
			}
		}
		if got := sb.Status(other[0]); got != "sending" {
			return fmt.Errorf("the other sender's campaign is %s, want sending", got)
		}
		return nil
	}
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		CheckDestroy:           func(*terraform.State) error { return statuses("stopped") },
		Steps: []resource.TestStep{
			{
				PreConfig: sb.ResetCounters,
				Config:    config,
				// What the guide says: once stopped, the campaigns leave the
				// filter, and the next plan destroys them.
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr(ours[0]), plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(addr(ours[1]), plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					if n := sb.StopsAndRenews(); n != 2 {
						return fmt.Errorf("%d stops, want 2", n)
					}
					return statuses("stopped")
				})},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr(ours[0]), plancheck.ResourceActionDestroy),
					plancheck.ExpectResourceAction(addr(ours[1]), plancheck.ResourceActionDestroy),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					for key := range sb.Counters() {
						if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
							return fmt.Errorf("destroying the stopped campaigns called %s", key)
						}
					}
					return nil
				})},
			},
		},
	})
}

// The guide "Opt-outs as code" (examples/guides/opt-outs/main.tf), applied
// as written.

const guideOptOutCampaign = "oneapi_campaign.promo"

// phones is the guide's var.customers.
func phones(numbers ...string) config.Variables {
	vs := make([]config.Variable, len(numbers))
	for i, n := range numbers {
		vs[i] = config.StringVariable(n)
	}
	return config.Variables{"customers": config.ListVariable(vs...)}
}

// TestAccGuide_optOutsRefuseAnOptedOutPhone reads the guide's promises as
// a user would. (a) A new campaign to a phone on the SMS stop list (a
// subscriber's own opt-out, or a phone the guide's resource adds in the
// same apply) fails `terraform plan`, naming the phone: no create, no
// stop, not even the resource's own attach. Following the message sends
// the campaign to the others. (b) Adding an opted-out phone to the sent
// campaign fails the plan before the old campaign is stopped. (c) A
// customer who opts out after the send blocks no later plan: the next plan
// is empty, desired_state = "stopped" stops the campaign, and the destroy
// runs.
func TestAccGuide_optOutsRefuseAnOptedOutPhone(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231232"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	guide := sb.ProviderBlock() + readExample(t, "guides/opt-outs/main.tf")
	stopped := strings.Replace(guide, "text   = \"Spring sale: 20% off\"\n  }\n", "text   = \"Spring sale: 20% off\"\n  }\n  desired_state = \"stopped\"\n", 1)
	if stopped == guide {
		t.Fatal("the guide's campaign block changed: desired_state could not be added")
	}
	sent := phones("380661231231", "380661231233")
	var id int64
	nothingSent := func(creates int) func() {
		return func() {
			if n := sb.CountCreates(); n != creates {
				t.Errorf("%d campaign creates, want %d: the plan failed", n, creates)
			}
			if n := sb.StopsAndRenews() + sb.Count("POST /api/stoplist/attach"); n != 0 {
				t.Errorf("%d stops and attaches, want 0: the plan failed", n)
			}
		}
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{ // (a) a subscriber's opt-out: the plan fails
				PreConfig:   sb.ResetCounters,
				Config:      guide,
				PlanOnly:    true,
				ExpectError: acctest.WrappedRE(`Resource precondition failed.*must not be messaged: 380661231232\. Take them out of var\.customers`),
			},
			{ // (a) a phone the guide's resource adds in this very apply
				PreConfig:       nothingSent(0),
				Config:          guide,
				ConfigVariables: phones("380661231231", "380661231239"),
				PlanOnly:        true,
				ExpectError:     acctest.WrappedRE(`Resource precondition failed.*must not be messaged: 380661231239\. Take them out of var\.customers`),
			},
			{ // the message's advice
				PreConfig:       nothingSent(0),
				Config:          guide,
				ConfigVariables: sent,
				Check:           acctest.IDOf(guideOptOutCampaign, &id),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					if !sb.StopListed("380661231239", "sms") {
						return fmt.Errorf("the guide's own opt-out is not on the SMS stop list")
					}
					if got := sb.Recipients(id); !slices.Equal(got, []string{"380661231231", "380661231233"}) {
						return fmt.Errorf("the campaign went to %v", got)
					}
					return nil
				})},
			},
			{ // (b) an opted-out phone added to the sent campaign: refused before the stop
				PreConfig: func() {
					sb.Advance(16 * time.Second) // out of creation: a replacement would stop it
					sb.ResetCounters()
				},
				Config:          guide,
				ConfigVariables: phones("380661231231", "380661231233", "380661231232"),
				PlanOnly:        true,
				ExpectError:     acctest.WrappedRE(`Resource precondition failed.*must not be messaged: 380661231232\.`),
			},
			{ // (c) a customer opts out after the send: the next plan is empty
				PreConfig: func() {
					nothingSent(0)()
					if got := sb.Status(id); got != "sending" {
						t.Errorf("the sent campaign is %s after the refused plan, want sending", got)
					}
					if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231231"}, []string{"sms"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           guide,
				ConfigVariables:  sent,
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
			{ // (c) and stopping it is not blocked either
				Config:          stopped,
				ConfigVariables: sent,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(guideOptOutCampaign, "status", knownvalue.StringExact("stopped")),
					acctest.Verify(func() error { return sb.ExpectCountErr("PUT /api/campaigns/{id}/stop", 1) }),
				},
			},
		},
	})
}

// TestAccGuide_cascade applies the multichannel cascade guide as written:
// the cascade goes to the list's three members; the one without Viber
// (380661231250) is the one sent the SMS; the guide's way to stop it stops
// the one campaign, and the plan afterwards is empty. An unregistered
// Viber sender is refused at plan, before any create.
func TestAccGuide_cascade(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	guide := sb.ProviderBlock() + readExample(t, "guides/cascades/main.tf")
	stopped := config.Variables{"sale_state": config.StringVariable("stopped")}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config:          guide,
			ConfigVariables: config.Variables{"viber_sender": config.StringVariable("NotOurs")},
			ExpectError:     acctest.WrappedRE(`Resource precondition failed.*The Viber sender NotOurs is not registered`),
		}, {
			PreConfig: func() {
				if n := sb.CountCreates(); n != 0 {
					t.Errorf("%d creates after the refusal, want 0", n)
				}
			},
			Config: guide,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_campaign.members_sale", "message_type", knownvalue.StringExact("viber")),
			},
		}, {
			// 9 seconds into sending: every message is reported, the
			// campaign still sending. (The list's order decides which
			// message is read and which SMS is delivered yet: not checked.)
			PreConfig: func() { sb.Advance(24 * time.Second) },
			Config:    guide,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("reach", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"status": knownvalue.StringExact("sending"),
					"viber":  knownvalue.ObjectPartial(map[string]knownvalue.Check{"delivered": knownvalue.Int64Exact(2)}),
					"sms":    knownvalue.ObjectPartial(map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(1)}),
				})),
			},
		}, {
			Config:          guide,
			ConfigVariables: stopped,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_campaign.members_sale", "status", knownvalue.StringExact("stopped")),
				acctest.Verify(func() error { return sb.ExpectCountErr("PUT /api/campaigns/{id}/stop", 1) }),
			},
		}, {
			Config:          guide,
			ConfigVariables: stopped,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("oneapi_campaign.members_sale", plancheck.ResourceActionNoop),
			}},
		}},
	})
}

// incidentCLI is the guide "Stopping campaigns in an incident"
// (examples/guides/incident) as one working directory.
func incidentCLI(t *testing.T, sb *acctest.Sandbox) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, nil)
	for _, f := range []string{"one-campaign.tf", "every-campaign-of-a-sender.tf", "declared-incident.tf"} {
		cli.Write(f, readExample(t, "guides/incident/"+f))
	}
	cli.Write("provider.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Init()
	return cli
}

// TestAccGuide_incident applies each example of the guide as
// written: the kill switch for one id, for every campaign of a sender
// (for_each: -invoke runs each instance), and the incident declared in
// code (action_trigger).
func TestAccGuide_incident(t *testing.T) {
	acctest.RequireNative(t)
	t.Run("one campaign", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(2, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", fmt.Sprintf("campaign_id=%d", ids[0]), "-auto-approve", "-no-color")
		if sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusSending || sb.StopsAndRenews() != 1 {
			t.Errorf("statuses %s, %s, %d stops: want only the first stopped, with one stop", sb.Status(ids[0]), sb.Status(ids[1]), sb.StopsAndRenews())
		}
	})
	t.Run("every campaign of a sender", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(3, false, "rcs_sender")
		other := sb.SeedCampaigns(1, false, "other_agent")
		sb.Advance(20 * time.Second)
		if err := sb.SetStatus(ids[2], client.StatusDone); err != nil {
			t.Fatal(err)
		}
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		out := cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.sender", "-auto-approve", "-no-color")
		if !strings.Contains(out, "Actions: 2 invoked.") {
			t.Errorf("want 2 invocations (the done campaign is not listed):\n%s", out)
		}
		if sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusStopped || sb.Status(other[0]) != client.StatusSending {
			t.Errorf("statuses %s %s, other sender %s: want stopped stopped sending", sb.Status(ids[0]), sb.Status(ids[1]), sb.Status(other[0]))
		}
		if n := sb.StopsAndRenews(); n != 2 {
			t.Errorf("%d stops, want 2", n)
		}
	})
	t.Run("declared incident", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(2, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		cli.MustRun("apply", "-auto-approve", "-no-color")
		if n := sb.StopsAndRenews(); n != 0 {
			t.Errorf("%d stops without an incident, want 0", n)
		}
		out := cli.MustRun("apply", "-auto-approve", "-no-color", "-var", "incident=INC-42")
		if !strings.Contains(out, "Actions: 2 invoked.") || sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusStopped {
			t.Errorf("the declared incident did not stop both campaigns (%s, %s):\n%s", sb.Status(ids[0]), sb.Status(ids[1]), out)
		}
		later := sb.SeedCampaigns(1, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		out = cli.MustRun("apply", "-auto-approve", "-no-color", "-var", "incident=INC-42")
		if sb.Status(later[0]) != client.StatusStopped || sb.StopsAndRenews() != 3 {
			t.Errorf("while the incident is open, a new campaign of the sender is stopped at the next apply (%s, %d stops):\n%s", sb.Status(later[0]), sb.StopsAndRenews(), out)
		}
		cli.MustRun("apply", "-auto-approve", "-no-color")
		if n := sb.StopsAndRenews(); n != 3 {
			t.Errorf("%d stops after the incident was cleared, want still 3", n)
		}
	})
}

// TestAccGuide_samplesAreTheRealText: the CLI output the guides quote
// is what the CLI prints, run as the guides describe (campaign 53708808,
// sending).
func TestAccGuide_samplesAreTheRealText(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to = oneapi_campaign.runaway
  id = "53708808"
}

resource "oneapi_campaign" "runaway" {
  desired_state = "stopped"
}
`)
	cli.Init()
	requireSamples(t, "guides/stopping-campaigns-gitops.md", "Warning: Stopping a Campaign Is Irreversible", cli.MustRun("plan", "-no-color"))

	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+readExample(t, "guides/incident/one-campaign.tf"))
	requireSamples(t, "guides/stopping-campaigns-in-an-incident.md", "Action action.oneapi_campaign_stop.runaway",
		cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", "campaign_id=53708808", "-auto-approve", "-no-color"))
}

// requireSamples checks that every line of the code block of doc (under
// docs/) that starts with first appears in out, white space aside (the
// CLI wraps lines).
func requireSamples(t *testing.T, doc, first, out string) {
	t.Helper()
	b, err := os.ReadFile("../../docs/" + doc)
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	got := squash(out)
	found := false
	for _, block := range strings.Split(string(b), "```")[1:] {
		block = strings.TrimPrefix(block, "\n")
		if !strings.HasPrefix(block, first) {
			continue
		}
		found = true
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			if want := squash(line); !strings.Contains(got, want) {
				t.Errorf("%s quotes %q, which the CLI did not print:\n%s", doc, want, out)
			}
		}
	}
	if !found {
		t.Errorf("%s has no sample that starts with %q", doc, first)
	}
}

// TestAccGuide_costAdviceIsFollowed: a campaign beyond the balance is
// refused before it is sent; after a top-up, the plain apply still checks
// the values recorded at the refusal, and the error's advice (apply
// -replace=terraform_data.sale_budget) checks again and sends it, once.
func TestAccGuide_costAdviceIsFollowed(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: 0.01})
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+readExample(t, "guides/preconditions/main.tf"))
	cli.Init()
	refused := regexp.MustCompile(`(?s)Resource precondition failed.*would\s+cost\s+0\.045\s+USD.*terraform\s+apply\s+-replace=terraform_data\.sale_budget`)
	out, err := cli.Run("apply", "-auto-approve", "-no-color")
	if err == nil || !refused.MatchString(out) {
		t.Fatalf("apply beyond the balance: err %v, want the precondition's refusal:\n%s", err, out)
	}
	sb.SetBalance(100, 0)
	if out, err := cli.Run("apply", "-auto-approve", "-no-color"); err == nil || !refused.MatchString(out) {
		t.Fatalf("apply after the top-up without -replace: err %v, want the recorded values refused again:\n%s", err, out)
	}
	if n := sb.CountCreates(); n != 0 {
		t.Fatalf("%d campaign creates before the check passed, want 0", n)
	}
	out = cli.MustRun("apply", "-replace=terraform_data.sale_budget", "-auto-approve", "-no-color")
	if !strings.Contains(out, "oneapi_campaign.sale: Creation complete") {
		t.Errorf("following the advice did not create the campaign:\n%s", out)
	}
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("campaign creates = %d, want 1", n)
	}
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}

// requirePromise checks that the guide template (under templates/guides)
// still makes the promise its test reads, white space aside.
func requirePromise(t *testing.T, guide, promise string) {
	t.Helper()
	b, err := os.ReadFile("../../templates/guides/" + guide)
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(squash(string(b)), squash(promise)) {
		t.Errorf("%s no longer says %q: the test reads that promise", guide, promise)
	}
}

// TestAccGuide_incidentForgottenVarFailsAtPlan: the one-campaign kill
// switch invoked without -var campaign_id (or with an id that is not
// digits) fails at plan, naming var.campaign_id; no action starts, no stop
// is sent, and the campaign the example's id names keeps sending.
func TestAccGuide_incidentForgottenVarFailsAtPlan(t *testing.T) {
	acctest.RequireNative(t)
	requirePromise(t, "stopping-campaigns-in-an-incident.md.tmpl", "an `-invoke` that forgets `-var campaign_id=...` fails at plan, naming `var.campaign_id`")
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	ids := sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := incidentCLI(t, sb)
	for _, c := range []struct {
		args  []string
		named string
	}{
		{nil, `var.campaign_id is null`},
		{[]string{"-var", "campaign_id=abc"}, `var.campaign_id is "abc"`},
	} {
		sb.ResetCounters()
		out, err := cli.Run(append([]string{"apply", "-invoke=action.oneapi_campaign_stop.runaway", "-auto-approve", "-no-color"}, c.args...)...)
		if err == nil || !strings.Contains(out, c.named) || strings.Contains(out, "Action started") {
			t.Errorf("invoke %v: err %v, want a plan-time error naming %q and no action started:\n%s", c.args, err, c.named, out)
		}
		if n := sb.StopsAndRenews(); n != 0 {
			t.Errorf("invoke %v: %d stops, want 0", c.args, n)
		}
	}
	if got := sb.Status(ids[0]); got != client.StatusSending {
		t.Errorf("campaign %d is %s, want still sending", ids[0], got)
	}
}

// TestAccGuide_incidentDesiredStateAfterTheAction: after the kill
// switch stops a campaign that a resource manages, setting its
// desired_state to "stopped" plans one in-place update of desired_state
// alone, without a warning; the apply sends nothing but reads, and the
// next plan is empty.
func TestAccGuide_incidentDesiredStateAfterTheAction(t *testing.T) {
	acctest.RequireNative(t)
	requirePromise(t, "stopping-campaigns-in-an-incident.md.tmpl", "Setting its `desired_state` to `\"stopped\"` then plans one in-place update, of `desired_state` alone and without a warning; the apply records it with no stop request (the campaign is already stopped), and the plan after it is empty.")
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := acctest.NewCLI(t, nil)
	managed := func(extra string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + readExample(t, "guides/incident/one-campaign.tf") +
			"import {\n  to = oneapi_campaign.runaway\n  id = \"53708808\"\n}\n\nresource \"oneapi_campaign\" \"runaway\" {\n" + extra + "}\n"
	}
	cli.Write("main.tf", managed(""))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", "campaign_id=53708808", "-auto-approve", "-no-color")
	if got := sb.Status(53708808); got != client.StatusStopped {
		t.Fatalf("the kill switch left the campaign %s", got)
	}
	cli.Write("main.tf", managed("  desired_state = \"stopped\"\n"))
	plan := cli.PlanJSON()
	if got := acctest.Actions(plan); !maps.Equal(got, map[string]int{"update": 1}) {
		t.Errorf("plan actions %v, want one update", got)
	}
	if changed := changedAttributes(plan, "oneapi_campaign.runaway"); !slices.Equal(changed, []string{"desired_state"}) {
		t.Errorf("the update changes %v, want desired_state alone", changed)
	}
	if out := cli.MustRun("show", "-no-color", "tfplan"); strings.Contains(out, "Warning") {
		t.Errorf("the plan warns:\n%s", out)
	}
	sb.ResetCounters()
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	for key := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
			t.Errorf("recording desired_state called %s", key)
		}
	}
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after it is not empty: %v\n%s", err, out)
	}
}

// changedAttributes lists the top-level attributes whose values differ
// before and after the planned change of addr.
func changedAttributes(plan map[string]any, addr string) []string {
	changes, _ := plan["resource_changes"].([]any)
	for _, rc := range changes {
		r, _ := rc.(map[string]any)
		if r["address"] != addr {
			continue
		}
		change, _ := r["change"].(map[string]any)
		before, _ := change["before"].(map[string]any)
		after, _ := change["after"].(map[string]any)
		unknown, _ := change["after_unknown"].(map[string]any)
		var out []string
		for k := range after {
			if fmt.Sprint(before[k]) != fmt.Sprint(after[k]) || unknown[k] == true {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	return nil
}

// TestAccGuide_optOutsGuardAddedAfterTheSend: the opt-out guide's
// check added next to a campaign that was already sent, after a customer
// opted out, fails every plan (naming the phone) although nothing would be
// sent; the guide's way in, terraform apply
// -target=terraform_data.promo_sent_at, creates promo_sent_at alone, and
// the plan after it passes: the apply creates the check, and no campaign
// is created or stopped.
func TestAccGuide_optOutsGuardAddedAfterTheSend(t *testing.T) {
	acctest.RequireNative(t)
	requirePromise(t, "opt-outs-as-code.md.tmpl", "terraform apply -target=terraform_data.promo_sent_at ``` It creates `promo_sent_at` and nothing else")
	sb := acctest.StartSandbox(t)
	guide := readExample(t, "guides/opt-outs/main.tf")
	cut := strings.Index(guide, "# The time of the plan that sent the campaign")
	if cut < 0 {
		t.Fatal("the guide's promo_sent_at comment changed: the test cannot leave the check out")
	}
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+guide[:cut])
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	if n := sb.CountCreates(); n != 1 {
		t.Fatalf("%d campaign creates before the check was added, want 1", n)
	}
	if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231232"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+guide)
	sb.ResetCounters()
	nothingSent := func(when string) {
		t.Helper()
		if n := sb.CountCreates() + sb.StopsAndRenews(); n != 0 {
			t.Errorf("%s: %d campaign creates and stops, want 0", when, n)
		}
	}
	out, err := cli.Run("plan", "-no-color")
	if err == nil || !acctest.WrappedRE(`must not be messaged: 380661231232\.`).MatchString(out) {
		t.Errorf("the plan with the check added after the send: err %v, want the check's error:\n%s", err, out)
	}
	nothingSent("the refused plan")
	out = cli.MustRun("apply", "-target=terraform_data.promo_sent_at", "-auto-approve", "-no-color")
	if !strings.Contains(out, "Resources: 1 added, 0 changed, 0 destroyed.") || !strings.Contains(out, "terraform_data.promo_sent_at: Creation complete") {
		t.Errorf("the targeted apply did not create promo_sent_at alone:\n%s", out)
	}
	nothingSent("the targeted apply")
	// plantimestamp() counts seconds: a plan in the targeted apply's
	// second would read its time as its own.
	time.Sleep(time.Second)
	if got := acctest.Actions(cli.PlanJSON()); !maps.Equal(got, map[string]int{"create": 1, "no-op": 3}) {
		t.Errorf("the plan after the targeted apply: actions %v, want one create (the check), the rest unchanged", got)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color")
	nothingSent("the apply after it")
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after it is not empty: %v\n%s", err, out)
	}
}

// TestAccGuide_brandSetup applies the "Brand setup as code" guide as
// written: the first apply sends nothing; launch = true is refused at plan
// (no link, no campaign) while the domain is inactive, then while the
// sender is in moderation; once the stand-in's moderation has registered
// the sender, the same apply creates the link and sends the campaign once,
// with the link in its text, and a plan after is empty.
func TestAccGuide_brandSetup(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	guide := sb.ProviderBlock() + readExample(t, "guides/brand-setup/main.tf")
	launch := config.Variables{"launch": config.BoolVariable(true)}
	var domainID string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: guide,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_sender_registration.brand", "status", knownvalue.StringExact("new")),
				acctest.StateValue("oneapi_short_url_domain.go", "status", knownvalue.StringExact("inactive")),
				acctest.StateValue("oneapi_otp_template.login", "status", knownvalue.StringExact("requested")),
				statecheck.ExpectKnownValue("terraform_data.go_dns_record", tfjsonpath.New("output").AtMapKey("value"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("oneapi_short_url_domain.go", tfjsonpath.New("id"), knownvalue.StringFunc(func(id string) error {
					domainID = id
					return nil
				})),
				acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/short-url/links", 0) }),
			},
		}, {
			// The domain has not seen its DNS record yet.
			Config:          guide,
			ConfigVariables: launch,
			ExpectError:     acctest.WrappedRE(`Resource precondition failed.*The domain go.flowers.example is inactive: create its DNS record`),
		}, {
			// The domain is live; the sender is still in moderation.
			PreConfig: func() {
				if err := sb.ActivateShortDomain(domainID); err != nil {
					t.Fatal(err)
				}
			},
			Config:          guide,
			ConfigVariables: launch,
			ExpectError:     acctest.WrappedRE(`Resource precondition failed.*The sender FlowerShop is not registered yet`),
		}, {
			PreConfig: func() {
				if n := sb.Count("POST /api/campaigns/sms/send"); n != 0 {
					t.Errorf("%d campaign creates after the refusals, want 0", n)
				}
				if n := sb.Count("POST /api/short-url/links"); n != 0 {
					t.Errorf("%d link creates after the refusals, want 0", n)
				}
				sb.Advance(6 * time.Minute) // moderation registers the sender
			},
			Config:          guide,
			ConfigVariables: launch,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_sender_registration.brand", "status", knownvalue.StringExact("registered")),
				acctest.StateValue("oneapi_campaign.spring[0]", "message_type", knownvalue.StringExact("sms")),
				statecheck.ExpectKnownValue("oneapi_campaign.spring[0]", tfjsonpath.New("sms").AtMapKey("text"),
					knownvalue.StringRegexp(regexp.MustCompile(`until Sunday\. https?://go\.flowers\.example/\S+$`))),
				acctest.Verify(func() error {
					if n := sb.Count("POST /api/campaigns/sms/send"); n != 1 {
						return fmt.Errorf("%d campaign creates, want 1", n)
					}
					return sb.ExpectCountErr("POST /api/short-url/links", 1)
				}),
			},
		}, {
			Config:           guide,
			ConfigVariables:  launch,
			ConfigPlanChecks: acctest.EmptyPlan(),
		}},
	})
}
