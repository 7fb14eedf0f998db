package campaign_test

import (
	"cmp"
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
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// Every plan has a way out: terraform destroy works from every state the
// resource can reach, with every valid configuration; the advice in each
// diagnostic is followed here through the CLI; nothing is sent that the
// plan did not show as a create or replacement; a final campaign is never
// changed by an API call.

// editedCampaign is acctest.RCSCampaign with another text and the given lines.
func editedCampaign(extra string) string {
	return strings.Replace(acctest.RCSCampaign(extra), "Hello from Terraform", "Hello again from Terraform", 1)
}

func TestAccCampaign_destroyFromEveryState(t *testing.T) {
	cases := []struct {
		name    string
		arrange func(sb *acctest.Sandbox, id int64) // the state the campaign reaches outside the test's applies
		config  string                              // the configuration terraform destroy runs with
		want    []string                            // the campaign's status afterwards
		stops   bool                                // whether the destroy may stop it
		create  string                              // the campaign created first (default: acctest.RCSCampaign)
	}{
		{"as created", func(*acctest.Sandbox, int64) {}, acctest.RCSCampaign(""), []string{"stopped"}, true, ""},
		{"sending, content edited and desired active", acctest.Force("sending"), editedCampaign(`desired_state = "active"`), []string{"stopped", "done"}, true, ""},
		{"paused, desired active", acctest.Force("paused"), acctest.RCSCampaign(`desired_state = "active"`), []string{"stopped"}, true, ""},
		{"stopped, desired active", acctest.Force("stopped"), acctest.RCSCampaign(`desired_state = "active"`), []string{"stopped"}, false, ""},
		{"stopped, content edited and desired active", acctest.Force("stopped"), editedCampaign(`desired_state = "active"`), []string{"stopped"}, false, ""},
		{"done, content edited", acctest.Force("done"), editedCampaign(""), []string{"done"}, false, ""},
		{"done, desired active", acctest.Force("done"), acctest.RCSCampaign(`desired_state = "active"`), []string{"done"}, false, ""},
		{"spam, desired stopped", acctest.Force("spam"), acctest.RCSCampaign(`desired_state = "stopped"`), []string{"spam"}, false, ""},
		{"not found at the endpoint", func(sb *acctest.Sandbox, id int64) { sb.Delete(id) }, acctest.RCSCampaign(`desired_state = "stopped"`), []string{""}, false, ""},
		// The new channels: no page names when a Viber or WhatsApp campaign
		// may be stopped, and the stand-in refuses it until sending; the
		// destroy waits that out.
		{"viber cascade as created", func(*acctest.Sandbox, int64) {}, viberCascade, []string{"stopped"}, true, viberCascade},
		{"viber cascade paused", acctest.Force("paused"), viberCascade, []string{"stopped"}, true, viberCascade},
		{"whatsapp as created", func(*acctest.Sandbox, int64) {}, whatsappCampaign, []string{"stopped"}, true, whatsappCampaign},
		{"personal SMS as created, desired stopped", func(*acctest.Sandbox, int64) {}, personalSMS + `desired_state = "stopped"`, []string{"stopped"}, true, personalSMS},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The clock runs (10x) so that a campaign in "creation" can be
			// stopped once it leaves it.
			sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 10})
			var id int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: func(*terraform.State) error {
					got := sb.Status(id)
					for _, w := range tc.want {
						if got == w {
							return nil
						}
					}
					return fmt.Errorf("campaign %d is %q after the destroy, want one of %v", id, got, tc.want)
				},
				Steps: []resource.TestStep{
					{Config: sb.CampaignConfig(cmp.Or(tc.create, acctest.RCSCampaign(""))), Check: acctest.IDOf(acctest.CampaignAddr, &id)},
					{
						PreConfig: func() {
							tc.arrange(sb, id)
							sb.ResetCounters()
						},
						Config:  sb.CampaignConfig(tc.config),
						Destroy: true,
					},
				},
			})
			if n := sb.StopsAndRenews(); !tc.stops && n != 0 {
				t.Errorf("the destroy sent %d stop or renew requests; the campaign was final or not found", n)
			}
			if n := sb.CountCreates(); n != 0 {
				t.Errorf("the destroy sent %d creates", n)
			}
		})
	}
}

// TestAccCampaign_destroyImportedWithoutContent: an imported campaign whose
// configuration carries no content is destroyed like any other.
func TestAccCampaign_destroyImportedWithoutContent(t *testing.T) {
	sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 10})
	cp := sb.CreateRCSCampaign("380661231231")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped", "done"),
		Steps: []resource.TestStep{
			{Config: sb.ImportConfig(cp.ID, `desired_state = "active"`)},
			{Config: sb.ImportConfig(cp.ID, `desired_state = "active"`), Destroy: true},
		},
	})
}

// TestAccCampaign_finalCampaignKeepsItsContentOrIsReplaced: on a final
// campaign, a content edit with desired_state = "stopped" is recorded
// without a call; following the replacement warning's advice the other way
// (desired_state "active" with an edit) replaces it with a new campaign, and
// the final one is never touched.
func TestAccCampaign_finalCampaignKeepsItsContentOrIsReplaced(t *testing.T) {
	for _, final := range []string{"done", "stopped"} {
		t.Run(final, func(t *testing.T) {
			// The clock runs, so that the new campaign leaves "creation" and
			// the destroy at the end can stop it.
			sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 10})
			var first, second int64
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{
					{Config: sb.CampaignConfig(acctest.RCSCampaign("")), Check: acctest.IDOf(acctest.CampaignAddr, &first)},
					{
						PreConfig: func() {
							acctest.Force(final)(sb, first)
							sb.ResetCounters()
						},
						Config: sb.CampaignConfig(editedCampaign(`desired_state = "stopped"`)),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
								plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("status"), knownvalue.StringExact(final)),
							},
						},
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.StateValue(acctest.CampaignAddr, "rcs", knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"text": knownvalue.StringExact("Hello again from Terraform")})),
							acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact(final)),
						},
					},
					{
						// Back to the first text, still "stopped": recorded again.
						PreConfig: sb.OnlyReads,
						Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)},
						},
					},
					{
						// With "active", the edit sends a new campaign.
						PreConfig: sb.OnlyReads,
						Config:    sb.CampaignConfig(editedCampaign(`desired_state = "active"`)),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate)},
						},
						Check: acctest.IDOf(acctest.CampaignAddr, &second),
					},
				},
			})
			if second == first || second == 0 || sb.CountCreates() != 1 {
				t.Errorf("ids %d then %d, creates since the first %d: want one new campaign", first, second, sb.CountCreates())
			}
			if got := sb.Status(first); got != final {
				t.Errorf("the final campaign is %q, want %q", got, final)
			}
			if calls := sb.CallsTo(first, "/stop", "/renew"); len(calls) != 0 {
				t.Errorf("the final campaign was called: %v", calls)
			}
		})
	}
}

// TestAccCampaign_stoppedThenActive: "stopped" back to "active" is a warning
// and no call (a stop is irreversible); the warning's two ways out work:
// desired_state = "stopped" again, or terraform apply -replace=ADDRESS (the
// test harness taints the address, which Terraform plans the same way).
func TestAccCampaign_stoppedThenActive(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var first, second int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign("")), Check: acctest.IDOf(acctest.CampaignAddr, &first)},
			{
				PreConfig: func() { sb.Advance(6 * time.Second) },
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("status"), knownvalue.StringExact("stopped")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "desired_state", knownvalue.StringExact("active")),
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				},
			},
			{
				// Advice 1: set desired_state = "stopped" to match.
				PreConfig: sb.OnlyReads,
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)},
				},
			},
			{
				// Advice 2: send it again as a new campaign (-replace).
				PreConfig: sb.OnlyReads,
				Taint:     []string{acctest.CampaignAddr},
				Config:    sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: acctest.IDOf(acctest.CampaignAddr, &second),
			},
			{
				// The new campaign leaves creation, so that the destroy can stop it.
				PreConfig:        func() { sb.Advance(6 * time.Second) },
				Config:           sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
	if second == first || second == 0 {
		t.Errorf("ids %d then %d: the replacement made no new campaign", first, second)
	}
	if got := sb.Status(first); got != "stopped" {
		t.Errorf("the stopped campaign is %q", got)
	}
}

// TestAccCampaign_notFoundStaysInState: pointing endpoint at another
// account answers 404 for every campaign. The campaign stays in state as
// last seen and nothing is planned (no create, no second send); pointing
// endpoint back finds it again; removing its block, as the warning
// advises, destroys it without any call.
func TestAccCampaign_notFoundStaysInState(t *testing.T) {
	t.Parallel()
	home := acctest.StartSandbox(t)
	other := acctest.StartSandbox(t)
	config := func(sb *acctest.Sandbox, body string) string { return sb.ProviderBlock() + body }
	block := "resource \"oneapi_campaign\" \"test\" {\n" + acctest.RCSCampaign("") + "\n}\n"
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: home.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: config(home, block), Check: acctest.IDOf(acctest.CampaignAddr, &id)},
			{
				PreConfig:        func() { home.Advance(6 * time.Second) },
				Config:           config(other, block),
				ConfigPlanChecks: acctest.EmptyPlan(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("status"), knownvalue.StringExact("creation")),
				},
			},
			{
				// The first way out: endpoint back to the account that has it.
				Config:           config(home, block),
				ConfigPlanChecks: acctest.EmptyPlan(),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("moderation")),
				},
			},
			{
				// The second: at the wrong endpoint, remove the block; the
				// destroy makes no call.
				PreConfig: other.ResetCounters,
				Config:    config(other, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroy)},
				},
			},
		},
	})
	if n := other.CountCreates() + other.StopsAndRenews(); n != 0 {
		t.Errorf("the other account saw %d creates, stops or renews", n)
	}
	if n := home.CountCreates(); n != 1 {
		t.Errorf("creates at the home account = %d, want 1", n)
	}
	if got := home.Status(id); got == "stopped" {
		t.Errorf("campaign %d was stopped, but the destroy ran against the other account", id)
	}
}

// TestAccCampaign_notFoundRemovedBlock follows the warning's last way out:
// a removed block (Terraform 1.7 or later) forgets the campaign.
func TestAccCampaign_notFoundRemovedBlock(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var id int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy:           sb.CheckNothingLeftSending(),
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign("")), Check: acctest.IDOf(acctest.CampaignAddr, &id)},
			{
				PreConfig: func() {
					sb.Delete(id)
					sb.ResetCounters()
				},
				Config: sb.ProviderBlock() + `
removed {
  from = oneapi_campaign.test
  lifecycle {
    destroy = false
  }
}
`,
				ConfigStateChecks: []statecheck.StateCheck{noResources{}},
			},
		},
	})
	if n := sb.CountCreates() + sb.StopsAndRenews(); n != 0 {
		t.Errorf("forgetting the campaign sent %d creates, stops or renews", n)
	}
}

// noResources checks that the state holds no resources.
type noResources struct{}

func (noResources) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		return
	}
	if n := len(req.State.Values.RootModule.Resources); n != 0 {
		resp.Error = fmt.Errorf("the state still holds %d resource(s)", n)
	}
}

// TestAccCampaign_resumeWarningIsTrueOnTheReplacePlan: "Stopped Campaign
// Cannot Be Resumed" advises terraform apply -replace=ADDRESS. Terraform
// plans the campaign as it is before it plans the replacement, so that
// plan shows the warning too: its text must be true there. Following the
// advice sends one new campaign; the stopped one stays stopped.
func TestAccCampaign_resumeWarningIsTrueOnTheReplacePlan(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(desired string) string {
		return acctest.RequiredProviders + sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "`+desired+`"`))
	}
	cli.Write("main.tf", config("active"))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	sb.Advance(6 * time.Second)
	cli.Write("main.tf", config("stopped"))
	cli.MustRun("apply", "-auto-approve", "-no-color")
	cli.Write("main.tf", config("active"))
	plain := cli.MustRun("plan", "-no-color")
	mustContain(t, plain, "Warning: Stopped Campaign Cannot Be Resumed", "Unless this plan replaces it", "1 to change")

	out := cli.MustRun("apply", "-replace="+acctest.CampaignAddr, "-auto-approve", "-no-color")
	mustContain(t, out, "Warning: Stopped Campaign Cannot Be Resumed",
		"Unless this plan replaces it, desired_state = \"active\" is recorded and no API call is made",
		"whose plan shows this warning too", "1 added, 0 changed, 1 destroyed")
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("%d campaign creates, want 2: the first and its replacement", n)
	}
	sb.Advance(6 * time.Second)
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}
