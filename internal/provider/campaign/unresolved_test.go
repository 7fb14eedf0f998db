package campaign_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccCampaign_createThatNeverLeftIsNotUnresolved: creates still
// waiting in the client's own rate limit when the create's time runs out
// never left the machine. With requests_per_second = 0.01 the first turn
// goes to the login, or to a create that then waits for its login, and
// the next comes 105 s later, far past the creates' 4 s however late a
// loaded machine starts one: a create sent just before its deadline may
// truly have reached the platform and be rightly left unresolved, so no
// turn comes near one. A create whose time ran out waiting for the login
// it started never left either (it waited past its deadline for the
// login and was taken as "may have created" until the client's
// TestCreateEndedWaitingForItsLoginWasNotSent). They fail
// as not sent (no "may have reached One-API", no resource without an id
// that blocks later applies); the next apply, with time and rate enough,
// sends them once: N campaigns, no duplicate, an empty plan after.
func TestAccCampaign_createThatNeverLeftIsNotUnresolved(t *testing.T) {
	t.Parallel()
	const n = 5
	sb := acctest.StartSandbox(t)
	config := func(rps, timeout string) string {
		return manyCampaigns(sb, n, "requests_per_second = "+rps, `stop_on_destroy = false`+"\n  timeouts = { create = \""+timeout+"\" }")
	}
	report := acctest.FaultReport{Scenario: "creates queued in the rate limit past their timeout", Operations: fmt.Sprintf("%d creates", n), SB: sb}
	defer report.Print(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config:      config("0.01", "4s"),
				ExpectError: acctest.WrappedRE(`was not sent, so it created nothing`),
			},
			{
				PreConfig: func() {
					if got, sent := sb.CountCreates(), len(sb.CampaignIDs()); got != sent || got == n {
						t.Errorf("after the first apply: %d create requests, %d campaigns; want as many, fewer than %d", got, sent, n)
					}
				},
				Config: config("20", "2m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					// Only creates: no resource was left without an id.
					plancheck.ExpectResourceAction("oneapi_campaign.c[4]", plancheck.ResourceActionCreate),
				}},
				Check: sb.CheckTruth(n, &report, false),
			},
			{Config: config("20", "2m"), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccCampaign_unresolvedCreateResolvesItself: the create's time runs
// out while the platform holds the request, and the platform drops an
// abandoned request (nothing created), as after a Ctrl-C. The create is
// unresolved; the next apply looks for it by its reference_ids, finds
// none, and sends the same request with the same reference_ids (which the
// platform would refuse had the first been taken): one campaign, adopted,
// and an empty plan after.
func TestAccCampaign_unresolvedCreateResolvesItself(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetFaults(sandbox.Faults{CreateLatency: 5 * time.Second})
	config := func(timeout string) string {
		return sb.CampaignConfig(`recipients = { phones = ["380661231231", "380661231232"] }` + "\n" +
			`rcs = { sender = "rcs_sender", text = "Hello" }` + "\n" + `timeouts = { create = "` + timeout + `" }`)
	}
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			unresolvedStep(sb, config("1s"), 1),
			{
				PreConfig: func() { sb.SetFaults(sandbox.Faults{}) },
				Config:    config("1s"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(acctest.IDOf(acctest.CampaignAddr, &id), func(*terraform.State) error {
					ids := sb.CampaignIDs()
					if len(ids) != 1 || ids[0] != id || sb.CountCreates() != 2 {
						return fmt.Errorf("campaigns %v, in state %d, creates %d: want the one in state, 2 creates", ids, id, sb.CountCreates())
					}
					return nil
				}),
			},
			{Config: config("1s"), ConfigPlanChecks: acctest.EmptyPlan(),
				// Past moderation: the destroy can stop it.
				Check: func(*terraform.State) error { sb.Advance(6 * time.Second); return nil }},
		},
	})
}

// TestAccCampaign_unresolvedContactListCreateNamesTheWayOut: a campaign to
// a contact list carries no reference_ids, so nothing can prove whether a
// create that got no answer was taken, and no resend is safe under every
// reading. It stays unresolved: the next apply looks again, sends nothing
// and fails naming the way out (terraform apply -replace); following it
// (the test framework's taint, which is how Terraform plans -replace)
// sends the campaign once.
func TestAccCampaign_unresolvedContactListCreateNamesTheWayOut(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	const create = "POST /api/campaigns/rcs/send-groups"
	config := sb.CampaignConfig(`recipients = { groups = [101] }` + "\n" + `rcs = { sender = "rcs_sender", text = "Hello" }`)
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config:             config,
				ExpectNonEmptyPlan: true,
				Check:              func(*terraform.State) error { return sb.ExpectCountErr(create, 1) },
			},
			{
				Config:      config,
				ExpectError: acctest.WrappedRE(`Campaign Create Still Unresolved.*Nothing was sent.*terraform apply -replace=ADDRESS`),
			},
			{
				PreConfig: func() {
					if n := sb.Count(create); n != 1 {
						t.Errorf("creates after the second apply: %d, want 1 (none sent again)", n)
					}
				},
				Config: config,
				Taint:  []string{acctest.CampaignAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(acctest.IDOf(acctest.CampaignAddr, &id), func(*terraform.State) error {
					if ids := sb.CampaignIDs(); len(ids) != 1 || ids[0] != id || sb.Count(create) != 2 {
						return fmt.Errorf("campaigns %v, in state %d, creates %d: want the one in state, 2 creates", ids, id, sb.Count(create))
					}
					return nil
				}),
			},
			{Config: config, ConfigPlanChecks: acctest.EmptyPlan(),
				Check: func(*terraform.State) error { sb.Advance(6 * time.Second); return nil }},
		},
	})
}
