package acctest

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const CampaignAddr = "oneapi_campaign.test"

func StateValue(addr, attr string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check)
}

// IDOf reads a resource's id from state into *id.
func IDOf(addr string, id *int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		*id, _ = strconv.ParseInt(rs.Primary.ID, 10, 64)
		return nil
	}
}

// RCSCampaign is a small RCS campaign body; extra lines are appended.
func RCSCampaign(extra string) string {
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

// CampaignDataSourceConfig reads campaign id with the oneapi_campaign data
// source.
func CampaignDataSourceConfig(sb *Sandbox, id string) string {
	return sb.ProviderBlock() + fmt.Sprintf(`
data "oneapi_campaign" "test" {
  id = %q
}
`, id)
}

// Verify is a state check that runs f: a check of the stand-in after a
// step, where terraform-plugin-testing's Check cannot read the state
// (instances keyed by for_each).
func Verify(f func() error) statecheck.StateCheck { return verify(f) }

type verify func() error

func (f verify) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}
