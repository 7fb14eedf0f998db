package functions_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccFunction_resultsFeedACampaign: what phone and start_at return is
// what a campaign takes and sends: the stand-in receives the phone as the
// function wrote it and schedules the campaign at the instant given, and
// the next plan is empty.
func TestAccFunction_resultsFeedACampaign(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandboxWith(t, sandbox.Config{AccountZone: kyiv})
	start := sb.Now().Add(2 * time.Hour).Truncate(time.Second).UTC()
	wall := start.In(kyiv).Format(client.TimeLayout)
	config := sb.ProviderBlockWith(`time_zone = "Europe/Kyiv"`) + fmt.Sprintf(`
resource "oneapi_campaign" "test" {
  recipients = { phones = [provider::oneapi::phone("+380 (66) 123-12-31")] }
  sms        = { sender = "Shop", text = "Doors open at ten" }
  start_at   = provider::oneapi::start_at(%q, "Europe/Kyiv")
}
`, start.Format(time.RFC3339))
	var id string
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: functionsCLI,
		CheckDestroy:           sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  sb.CampaignStartAt("oneapi_campaign.test", wall),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue("oneapi_campaign.test", "start_at", knownvalue.StringExact(wall)),
					statecheck.ExpectKnownValue("oneapi_campaign.test", tfjsonpath.New("id"), acctest.StringSaved(&id)),
				},
			},
			{
				PreConfig: func() {
					n, _ := strconv.ParseInt(id, 10, 64)
					if got := sb.Recipients(n); !slices.Equal(got, []string{"380661231231"}) {
						t.Errorf("the campaign went to %v, want [380661231231]", got)
					}
				},
				Config:           config,
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
}
