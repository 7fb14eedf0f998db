package campaign_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
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

// TestAccCampaignPriceDataSource_refusedListNamesItsAttribute: a contact
// list the account does not have is refused by the platform (422,
// "groups0"); the error names recipients.groups and the list, not the
// API's key alone.
func TestAccCampaignPriceDataSource_refusedListNamesItsAttribute(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_campaign_price" "list" {
  recipients = { groups = [987654] }
  sender     = "Shop"
  text       = "Sale on Friday"
}
`,
			ExpectError: acctest.WrappedRE(`Unable to Estimate Campaign Price.*Attribute recipients\.groups: One-API refused it \(422.*groups0 is contact list 987654\. Nothing was sent`),
		}},
	})
}

// TestPriceFieldPath: each key of a price 422, dotted or undotted, names
// the data source's attribute, and its index the phone or list.
func TestPriceFieldPath(t *testing.T) {
	t.Parallel()
	recipients := path.Root("recipients")
	tests := []struct {
		field string
		want  path.Path
		value string
	}{
		{"groups.0", recipients.AtName("groups"), " groups.0 is contact list 101."},
		{"groups0", recipients.AtName("groups"), " groups0 is contact list 101."},
		{"groups1", recipients.AtName("groups"), " groups1 is contact list 102."},
		{"groups", recipients.AtName("groups"), ""},
		{"phones.3", recipients.AtName("phones"), ""},
		{"messages.1.phone", recipients.AtName("phones"), " messages.1.phone is phone 380661231232."},
		{"messages1phone", recipients.AtName("phones"), " messages1phone is phone 380661231232."},
		{"messages", recipients.AtName("phones"), ""},
		{"sender", path.Root("sender"), ""},
		{"text", path.Root("text"), ""},
		{"tariff_code", path.Root("tariff_code"), ""},
	}
	phones, groups := []string{"380661231231", "380661231232"}, []int64{101, 102}
	for _, tt := range tests {
		got, ok := campaign.PriceFieldPath(tt.field)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s -> %s, want %s", tt.field, got, tt.want)
		}
		if v := campaign.PriceFieldValue(tt.field, phones, groups); v != tt.value {
			t.Errorf("%s names %q, want %q", tt.field, v, tt.value)
		}
	}
	if _, ok := campaign.PriceFieldPath("something_new"); ok {
		t.Error("an unknown field must not be attached to an attribute")
	}
}
