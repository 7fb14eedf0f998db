package campaign_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// lostAndUnfound loses the answer of the next create after the campaign is
// made, and keeps the message search empty, under a reading of repeated
// reference_ids: the apply cannot tell what it made.
func lostAndUnfound(reading string) sandbox.Faults {
	return sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1, RepeatedReference: reading, HideMessages: 1 << 20}
}

// sendingCampaigns counts the stand-in's campaigns that carry messages (the
// guarded request may make an empty one, which sends nothing).
func sendingCampaigns(sb *acctest.Sandbox) (ids []int64) {
	for _, id := range sb.CampaignIDs() {
		if d, err := sb.Client().GetCampaignDetail(context.Background(), id); err != nil || d.TotalMessages > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// unresolvedStep is the first apply of a create whose outcome is lost: it
// succeeds with the resource in the state and no id, and the plan after it
// is not empty (the next apply looks again).
func unresolvedStep(sb *acctest.Sandbox, config string, creates int) resource.TestStep {
	return resource.TestStep{
		Config:             config,
		ExpectNonEmptyPlan: true,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("id"), knownvalue.Null()),
			statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("status"), knownvalue.Null()),
		},
		Check: func(*terraform.State) error { return sb.ExpectCountErr("POST /api/campaigns/rcs/send", creates) },
	}
}

// TestAccCampaign_lostCreateIsNeverSentAgain: a create whose answer is lost
// and whose messages cannot be found is kept in the state without an id;
// the next plan is an update that looks for it, the next apply looks and
// sends nothing (and fails, the state kept), and once the platform lists
// its messages the refresh adopts the campaign. Under both readings of a
// repeated reference_id, across three applies: one campaign sends.
func TestAccCampaign_lostCreateIsNeverSentAgain(t *testing.T) {
	t.Parallel()
	for _, reading := range []string{"request", "messages"} {
		t.Run(reading, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(lostAndUnfound(reading))
			report := acctest.FaultReport{Scenario: "lost create answer, messages never listed, 3 applies (" + reading + ")", Operations: "1 create", SB: sb}
			defer func() { report.Duplicates = len(sendingCampaigns(sb)) - 1; report.Print(t) }()
			config := sb.CampaignConfig(`recipients = { phones = ["380661231231", "380661231232"] }` + "\n" +
				`rcs = { sender = "rcs_sender", text = "Hello" }`)
			var id int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{
					// The first request and the guarded second one.
					unresolvedStep(sb, config, 2),
					{
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
							plancheck.ExpectUnknownValue(acctest.CampaignAddr, tfjsonpath.New("id")),
						}},
						ExpectError: acctest.WrappedRE(`Campaign Create Still Unresolved.*looked for again.*Nothing was sent, and the state is as it was.*-replace`),
					},
					{
						PreConfig: func() {
							if n := sb.CountCreates(); n != 2 {
								t.Errorf("create requests after the second apply: %d, want 2 (none sent again)", n)
							}
							sb.SetFaults(sandbox.Faults{RepeatedReference: reading}) // the platform lists the messages now
						},
						Config:           config,
						ConfigPlanChecks: acctest.EmptyPlan(),
						Check: resource.ComposeTestCheckFunc(acctest.IDOf(acctest.CampaignAddr, &id), func(*terraform.State) error {
							sending := sendingCampaigns(sb)
							if len(sending) != 1 || sending[0] != id || sb.CountCreates() != 2 {
								return fmt.Errorf("campaigns that send %v, in state %d, creates %d: want the one in state, 2 creates", sending, id, sb.CountCreates())
							}
							return nil
						}, resource.TestCheckResourceAttr(acctest.CampaignAddr, "status", "creation"),
							func(*terraform.State) error { sb.Advance(6 * time.Second); return nil }), // moderation: the destroy stops it
					},
				},
			})
		})
	}
}

// TestAccCampaign_unresolvedCreateIsSentAnewOnlyWhenReplaced follows the
// advice of the unresolved create, a replacement, in the two ways
// Terraform plans one: a tainted resource (the test framework's taint; its
// plan carries no private state, so the destroy forgets the record) and a
// replacement of an untainted one (a content change, planned as
// terraform apply -replace is: the record comes with the destroy, which
// looks once more). Either way the plan shows the create, one new campaign
// is sent, and the new campaign carries no record of the old create.
func TestAccCampaign_unresolvedCreateIsSentAnewOnlyWhenReplaced(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"taint", "content change"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(lostAndUnfound("request"))
			body := `recipients = { phones = ["380661231231"] }` + "\n" + `rcs = { sender = "rcs_sender", text = "Hello" }`
			config := sb.CampaignConfig(body)
			replace := resource.TestStep{Config: config, Taint: []string{acctest.CampaignAddr}}
			if how == "content change" {
				replace = resource.TestStep{Config: sb.CampaignConfig(strings.Replace(body, `"Hello"`, `"Hello again"`, 1))}
			}
			replace.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}}
			var id int64
			searches := 0
			replace.PreConfig = func() { searches = sb.Count("GET /api/messages") }
			replace.Check = resource.ComposeTestCheckFunc(acctest.IDOf(acctest.CampaignAddr, &id), func(*terraform.State) error {
				ids := sb.CampaignIDs()
				if sb.CountCreates() != 3 || len(ids) != 2 || ids[1] != id {
					return fmt.Errorf("creates %d, campaigns %v, in state %d: want 3 creates, the new campaign in state", sb.CountCreates(), ids, id)
				}
				// The refresh looks for the old campaign; the destroy looks
				// again only when it has the record.
				want := 1
				if how == "content change" {
					want = 2
				}
				if n := sb.Count("GET /api/messages") - searches; n < want {
					return fmt.Errorf("message searches during the replacement: %d, want at least %d", n, want)
				}
				return nil
			})
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckDestroyed("stopped"),
				Steps: []resource.TestStep{
					unresolvedStep(sb, config, 2),
					replace,
					// The new campaign is an ordinary one: no pending plan.
					{Config: replace.Config, ConfigPlanChecks: acctest.EmptyPlan(), PreConfig: func() { sb.Advance(6 * time.Second) }},
				},
			})
		})
	}
}
