package provider

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const campaignAddr = "oneapi_campaign.test"

// rcsCampaign is a small RCS campaign body; extra lines are appended.
func rcsCampaign(extra string) string {
	return `
  recipients = {
    phones = ["380661231231", "380661231232", "380661231233", "380661231234", "380661231235"]
  }
  rcs = {
    sender = "rcs_sender"
    text   = "Hello from Terraform"
  }
` + extra
}

func (s *testSandbox) campaignConfig(body string) string {
	return s.providerBlock() + "resource \"oneapi_campaign\" \"test\" {\n" + body + "\n}\n"
}

func stateValue(addr, attr string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check)
}

// checkDestroyed asks the stand-in what became of every campaign in state.
func (s *testSandbox) checkDestroyed(wantStatus ...string) resource.TestCheckFunc {
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

func (s *testSandbox) expectCount(key string, want int) func() {
	return func() {
		s.t.Helper()
		if got := s.Count(key); got != want {
			s.t.Errorf("%s: %d requests, want %d", key, got, want)
		}
	}
}

func TestAccCampaign_createRefreshStop(t *testing.T) {
	sb := startSandbox(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             sb.checkDestroyed("stopped"),
		Steps: []resource.TestStep{
			{
				Config: sb.campaignConfig(rcsCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(campaignAddr, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(campaignAddr, "id", knownvalue.StringRegexp(regexp.MustCompile(`^\d{10}$`))),
					stateValue(campaignAddr, "status", knownvalue.StringExact("creation")),
					stateValue(campaignAddr, "message_type", knownvalue.StringExact("rcs")),
					stateValue(campaignAddr, "calculated_price", knownvalue.Float64Exact(0.1)),
					stateValue(campaignAddr, "currency", knownvalue.StringExact("USD")),
					stateValue(campaignAddr, "desired_state", knownvalue.StringExact("active")),
					stateValue(campaignAddr, "stop_on_destroy", knownvalue.Bool(true)),
					stateValue(campaignAddr, "sms_fallback_statistics", knownvalue.Null()),
					stateValue(campaignAddr, "statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0)})),
				},
			},
			{
				// The refresh sees the campaign sending and its figures moving;
				// nothing configured changed, so the plan is empty.
				PreConfig: func() { sb.Advance(20 * time.Second) },
				Config:    sb.campaignConfig(rcsCampaign(`desired_state = "active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(campaignAddr, "status", knownvalue.StringExact("sending")),
					stateValue(campaignAddr, "statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sent": knownvalue.Int64Exact(3), "delivered": knownvalue.Int64Exact(2)})),
					stateValue(campaignAddr, "calculated_price", knownvalue.Float64Exact(0.1)),
					stateValue(campaignAddr, "real_start_at", knownvalue.NotNull()),
				},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    sb.campaignConfig(rcsCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(campaignAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(campaignAddr, tfjsonpath.New("status")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(campaignAddr, "status", knownvalue.StringExact("stopped")),
					stateValue(campaignAddr, "desired_state", knownvalue.StringExact("stopped")),
					stateValue(campaignAddr, "finished_at", knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() {
					sb.expectCount("PUT /api/campaigns/{id}/stop", 1)()
					sb.Advance(time.Minute)
				},
				Config: sb.campaignConfig(rcsCampaign(`desired_state = "stopped"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
