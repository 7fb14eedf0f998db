package campaign_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// smsToList is an SMS campaign to the stand-in's list 101 with this text,
// after a field "city".
func smsToList(sb *acctest.Sandbox, text string) string {
	return sb.ProviderBlock() + `
resource "oneapi_contact_field" "city" {
  name = "city"
  type = "text"
}

resource "oneapi_campaign" "test" {
  recipients = { groups = [101] }
  sms = {
    sender = "Shop"
    text   = "` + text + `"
  }
}
`
}

// TestAccCampaign_placeholderOfNoFieldIsRefused: a known text naming a
// field the account lacks fails the plan on its attribute, and nothing is
// created; a text naming a field of this configuration, unknown at plan,
// is checked before the create, which is refused the same way.
func TestAccCampaign_placeholderOfNoFieldIsRefused(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config:      smsToList(sb, "Hello from {424242}"),
				ExpectError: acctest.WrappedRE(`Unknown Contact Field.*sms\.text names \{424242\}, but the account has no contact field 424242.*387714 \(country\)`),
			},
			{
				Config:      smsToList(sb, "Hello from {${oneapi_contact_field.city.id}0}"),
				ExpectError: regexp.MustCompile(`(?s)Unknown Contact Field.*Nothing was sent`),
			},
		},
	})
	if n := sb.CountCreates(); n != 0 {
		t.Errorf("%d campaign creates, want 0", n)
	}
}

// TestAccCampaign_viberPlaceholderOfNoFieldIsRefused: a Viber cascade to a
// list is checked as an SMS one is, in both its texts.
func TestAccCampaign_viberPlaceholderOfNoFieldIsRefused(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := func(viber, sms string) string {
		return sb.CampaignConfig(`
  recipients   = { groups = [101] }
  viber        = { sender = "ViberShop", text = "` + viber + `" }
  sms_fallback = { sender = "Shop", text = "` + sms + `" }
`)
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config("Hello {424242}", "Hello"), ExpectError: acctest.WrappedRE(`Unknown Contact Field.*viber\.text names \{424242\}`)},
			{Config: config("Hello {387714}", "Hello {424243}"), ExpectError: acctest.WrappedRE(`Unknown Contact Field.*sms_fallback\.text names \{424243\}`)},
		},
	})
	if n := sb.CountCreates(); n != 0 {
		t.Errorf("%d campaign creates, want 0", n)
	}
}

// TestAccCampaign_placeholderOfAFieldIsSent: a text naming the example
// field, and one naming a field made in the same apply, are sent.
func TestAccCampaign_placeholderOfAFieldIsSent(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{{
			PreConfig: func() { sb.Advance(time.Second) },
			Config:    smsToList(sb, "Hello {387714} from {${oneapi_contact_field.city.id}}"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact("sms")),
			},
		}},
	})
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("%d campaign creates, want 1", n)
	}
}

// TestAccCampaign_placeholderByNameIsRefused: a field written by its name
// is no placeholder (One-API fills in {field_id} only): a text to a list
// that names the account's field "country" fails the plan on its
// attribute with the id to write instead, and nothing is created. A
// {name} of no field of the account ("{Home city}") may be meant as
// written: it plans (with a warning, asserted by TestPlaceholderDiagnostics)
// and the campaign is created with the text as written. Following the
// advice, {387714}, plans and creates the campaign.
func TestAccCampaign_placeholderByNameIsRefused(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	creates := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := sb.CountCreates(); n != want {
				return fmt.Errorf("%d campaign creates, want %d", n, want)
			}
			return nil
		}
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: smsToList(sb, "Hello from {country}"),
				ExpectError: acctest.WrappedRE(`Contact Field Named, Not Its Id.*Attribute sms\.text names \{country\}\. One-API fills in a contact ` +
					`field by its id \(\{field_id\}\), never by its name.*Write \{387714\}, the id of the account's field "country"`),
			},
			{
				PreConfig: func() {
					if n := sb.CountCreates(); n != 0 {
						t.Errorf("%d campaign creates after the refused plan, want 0", n)
					}
					sb.Advance(time.Second)
				},
				Config: smsToList(sb, "Hello from {Home city}"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("sms").AtMapKey("text"), knownvalue.StringExact("Hello from {Home city}")),
				},
				Check: creates(1),
			},
			{
				PreConfig: func() { sb.Advance(time.Second) },
				Config:    smsToList(sb, "Hello from {387714}"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("sms").AtMapKey("text"), knownvalue.StringExact("Hello from {387714}")),
				},
				Check: creates(2),
			},
		},
	})
}

// TestAccCampaign_placeholderToPhonesIsAWarning: a {field_id} in a campaign
// to phones plans with a warning on the text's attribute; a text without
// one asks nothing of the API at plan.
func TestAccCampaign_placeholderToPhonesIsAWarning(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(text string) string {
		return acctest.RequiredProviders + sb.CampaignConfig(`
  recipients = { phones = ["380661231231"] }
  sms = {
    sender = "Shop"
    text   = "`+text+`"
  }
`)
	}
	cli.Write("main.tf", config("Hello {387714}"))
	cli.Init()
	mustContain(t, cli.MustRun("plan", "-no-color"), "Warning: Placeholders May Be Sent As Written",
		"Attribute sms.text names {387714}", "Plan: 1 to add")
	sb.ResetCounters()
	cli.Write("main.tf", config("Hello"))
	out := cli.MustRun("plan", "-no-color")
	if strings.Contains(out, "Placeholders") || sb.Count("GET /api/contacts/fields") != 0 {
		t.Errorf("a text without placeholders warned or read the fields:\n%s", out)
	}
}
