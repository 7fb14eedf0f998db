package campaign_test

// Plans that say exactly what will happen: what a plan shows is known where
// the configuration decides it, and what is not known is null, never a
// default that reads as a fact.

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccCampaign_planShowsTheMessageType: the content decides the message
// type, so the plan of a new campaign shows it instead of "known after
// apply".
func TestAccCampaign_planShowsTheMessageType(t *testing.T) {
	t.Parallel()
	for kind, body := range map[string]string{
		"rcs": acctest.RCSCampaign(""),
		"sms": `  recipients = { phones = ["380661231231"] }
  sms = { sender = "Shop", text = "Hello" }`,
	} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{{
					Config: sb.CampaignConfig(body),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("message_type"), knownvalue.StringExact(kind)),
					}},
					ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact(kind))},
					Check:             func(*terraform.State) error { sb.Advance(20 * time.Second); return nil },
				}},
			})
		})
	}
}

// TestAccCampaign_importedPriceIsNullNotZero: a campaign's read answers
// calculated_price 0 without a currency (the estimate only comes with the
// create), which is not a price: an imported campaign has a null price and
// currency, not a "0" that reads as free.
func TestAccCampaign_importedPriceIsNullNotZero(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing := sb.CreateRCSCampaign("380661231231")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{{
			Config: sb.ImportConfig(existing.ID, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "calculated_price", knownvalue.Null()),
				acctest.StateValue(acctest.CampaignAddr, "currency", knownvalue.Null()),
				acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("creation")),
			},
			Check: func(*terraform.State) error { sb.Advance(20 * time.Second); return nil },
		}},
	})
}

// TestAccCampaign_stopPlansOnlyWhatAStopChanges: the plan of a stop shows
// status, statistics and finished_at as known after apply, and keeps what a
// stop cannot change: when sending really started, and the fallback
// statistics of a campaign without a fallback (null). The apply's result
// agrees with the plan.
func TestAccCampaign_stopPlansOnlyWhatAStopChanges(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing := sb.CreateRCSCampaign("380661231231", "380661231232")
	acctest.Force("sending")(sb, existing.ID)
	var started string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{
				Config: sb.ImportConfig(existing.ID, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("real_start_at"), acctest.StringSaved(&started)),
					acctest.StateValue(acctest.CampaignAddr, "sms_fallback_statistics", knownvalue.Null()),
				},
			},
			{
				Config: sb.ImportConfig(existing.ID, `desired_state = "stopped"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(acctest.CampaignAddr, tfjsonpath.New("status")),
					plancheck.ExpectUnknownValue(acctest.CampaignAddr, tfjsonpath.New("finished_at")),
					plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("real_start_at"), knownvalue.NotNull()),
					plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("sms_fallback_statistics"), knownvalue.Null()),
					plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("message_type"), knownvalue.StringExact("rcs")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
					acctest.StateValue(acctest.CampaignAddr, "finished_at", knownvalue.NotNull()),
					acctest.Verify(func() error {
						if started == "" {
							return fmt.Errorf("real_start_at was not known before the stop")
						}
						return nil
					}),
				},
			},
		},
	})
}
