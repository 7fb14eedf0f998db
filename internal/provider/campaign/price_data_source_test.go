package campaign_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccCampaignPriceDataSource: the estimate of an SMS campaign to phones
// and to a contact list, with no campaign created.
func TestAccCampaignPriceDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_campaign_price" "phones" {
  recipients = { phones = ["380661231231", "380661231232"] }
  sender     = "Shop"
  text       = "Sale on Friday"
}
data "oneapi_campaign_price" "list" {
  message_type = "sms"
  recipients   = { groups = [102] }
  sender       = "Shop"
  text         = "Sale on Friday"
  tariff_code  = 9
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("data.oneapi_campaign_price.phones", "currency", knownvalue.StringExact("USD")),
				acctest.StateValue("data.oneapi_campaign_price.phones", "price", knownvalue.NotNull()),
			},
			Check: func(st *terraform.State) error {
				if err := resource.TestCheckResourceAttrPair("data.oneapi_campaign_price.phones", "currency", "data.oneapi_campaign_price.list", "currency")(st); err != nil {
					return err
				}
				if n := sb.CountCreates(); n != 0 {
					return fmt.Errorf("campaign creates = %d: an estimate must send nothing", n)
				}
				return sb.ExpectCountErr("POST /api/campaigns/price", 2)
			},
		}},
	})
}

var invalidPriceReads = []acctest.InvalidCase{
	{Name: "rcs", Body: `message_type = "rcs"
recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"`, Want: `SMS Campaigns Only.*POST\s+/api/campaigns/price`},
	{Name: "no recipients", Body: `sender = "Shop"
text = "Hi"`, Want: `recipients.*is required`},
	{Name: "phones and groups", Body: `recipients = { phones = ["380661231231"], groups = [102] }
sender = "Shop"
text = "Hi"`, Want: `cannot both be set`},
	{Name: "neither phones nor groups", Body: `recipients = {}
sender = "Shop"
text = "Hi"`, Want: `Exactly one of`},
	{Name: "bad phone", Body: `recipients = { phones = ["+380661231231"] }
sender = "Shop"
text = "Hi"`, Want: `9 to 15 digits`},
	{Name: "list id 0", Body: `recipients = { groups = [0] }
sender = "Shop"
text = "Hi"`, Want: `groups`},
	{Name: "no sender", Body: `recipients = { phones = ["380661231231"] }
text = "Hi"`, Want: `sender.*is required`},
	{Name: "sender too long", Body: `recipients = { phones = ["380661231231"] }
sender = "ShopShopShop"
text = "Hi"`, Want: `Invalid SMS Sender`},
	{Name: "empty text", Body: `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = ""`, Want: `Empty SMS Text`},
	{Name: "text too long", Body: `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "` + strings.Repeat("a", 766) + `"`, Want: `SMS Text Too Long`},
	{Name: "tariff 10", Body: `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"
tariff_code = 10`, Want: `tariff_code`},
	{Name: "price set", Body: `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"
price = 1`, Want: `price`},
}

func TestAccCampaignPriceDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `data "oneapi_campaign_price" "test"`, invalidPriceReads)
}
