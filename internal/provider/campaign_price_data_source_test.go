package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccCampaignPriceDataSource: the estimate of an SMS campaign to phones
// and to a contact list, with no campaign created.
func TestAccCampaignPriceDataSource(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	accTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.providerBlock() + `
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
				stateValue("data.oneapi_campaign_price.phones", "currency", knownvalue.StringExact("USD")),
				stateValue("data.oneapi_campaign_price.phones", "price", knownvalue.NotNull()),
			},
			Check: func(st *terraform.State) error {
				if err := resource.TestCheckResourceAttrPair("data.oneapi_campaign_price.phones", "currency", "data.oneapi_campaign_price.list", "currency")(st); err != nil {
					return err
				}
				if n := sb.CountCreates(); n != 0 {
					return fmt.Errorf("campaign creates = %d: an estimate must send nothing", n)
				}
				return sb.expectCountErr("POST /api/campaigns/price", 2)
			},
		}},
	})
}

var invalidPriceReads = []invalidCase{
	{"rcs", `message_type = "rcs"
recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"`, `SMS Campaigns Only.*POST\s+/api/campaigns/price`},
	{"no recipients", `sender = "Shop"
text = "Hi"`, `recipients.*is required`},
	{"phones and groups", `recipients = { phones = ["380661231231"], groups = [102] }
sender = "Shop"
text = "Hi"`, `cannot both be set`},
	{"neither phones nor groups", `recipients = {}
sender = "Shop"
text = "Hi"`, `Exactly one of`},
	{"bad phone", `recipients = { phones = ["+380661231231"] }
sender = "Shop"
text = "Hi"`, `9 to 15 digits`},
	{"list id 0", `recipients = { groups = [0] }
sender = "Shop"
text = "Hi"`, `groups`},
	{"no sender", `recipients = { phones = ["380661231231"] }
text = "Hi"`, `sender.*is required`},
	{"sender too long", `recipients = { phones = ["380661231231"] }
sender = "ShopShopShop"
text = "Hi"`, `Invalid SMS Sender`},
	{"empty text", `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = ""`, `Empty SMS Text`},
	{"text too long", `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "` + strings.Repeat("a", 766) + `"`, `SMS Text Too Long`},
	{"tariff 10", `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"
tariff_code = 10`, `tariff_code`},
	{"price set", `recipients = { phones = ["380661231231"] }
sender = "Shop"
text = "Hi"
price = 1`, `price`},
}

func TestAccCampaignPriceDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `data "oneapi_campaign_price" "test"`, invalidPriceReads)
}
