package campaign_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The channels beyond RCS and SMS, each through its whole life through the
// CLI: create, statistics per channel, stop with desired_state, import,
// and an empty plan afterwards. The stand-in's recipients without Viber or
// WhatsApp are the numbers ending in 0.

const viberCascade = `
  recipients = { phones = ["380661231230", "380661231231", "380661231232"] }
  viber = {
    sender         = "ViberShop"
    text           = "Spring sale: 20% off until Sunday"
    image_url      = "https://example.com/sale.png"
    button_caption = "Open the shop"
    link_url       = "https://example.com/sale"
  }
  sms_fallback = {
    sender = "Shop"
    text   = "Spring sale: 20% off until Sunday https://example.com/sale"
  }
  validity_hours = 24
`

const whatsappCampaign = `
  recipients = { phones = ["380661231230", "380661231231"] }
  whatsapp = {
    sender = "whatsapp_sender"
    template = {
      name     = "order_ready"
      language = "en"
      components = [{
        type       = "body"
        parameters = [{ type = "text", text = "Ann" }]
      }]
    }
  }
  sms_fallback = { sender = "Shop", text = "Ann, your order is ready", validity_hours = 12 }
`

const personalSMS = `
  personal_sms = {
    sender = "Vet klinika"
    messages = [
      { phone = "380661231231", text = "Jack, Rex is due for his shots on Friday" },
      { phone = "380661231232", text = "Anna, Tom is due for his shots on Monday" },
    ]
  }
  validity_hours = 48
`

// importIgnore is what an import cannot read back: the content, which the
// API does not return, and desired_state, which is the configuration's.
var importIgnore = append([]string{"desired_state", "recipients", "sms_fallback", "validity_hours", "start_at",
	"timeouts", "calculated_price", "currency"}, contentBlocks()...)

// contentBlocks are the campaign's content blocks: one per channel.
func contentBlocks() []string {
	var out []string
	for _, c := range framework.Channels {
		out = append(out, c.Block)
	}
	return out
}

// channelLifecycle is one channel's life: create (the plan names the
// message type), a refresh while sending (statistics per channel), a stop,
// an import of the stopped campaign, and an empty plan.
func channelLifecycle(t *testing.T, body, messageType string, sending, fallback map[string]knownvalue.Check, createPath string) {
	t.Helper()
	sb := acctest.StartSandbox(t)
	var fallbackCheck knownvalue.Check = knownvalue.Null()
	if fallback != nil {
		fallbackCheck = knownvalue.ObjectExact(fallback)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(body),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("message_type"), knownvalue.StringExact(messageType)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact(messageType)),
				acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("creation")),
				acctest.Verify(func() error { return sb.ExpectCountErr(createPath, 1) }),
			},
		}, {
			PreConfig:        func() { sb.Advance(19 * time.Second) }, // 4 seconds of sending
			Config:           sb.CampaignConfig(body),
			ConfigPlanChecks: acctest.EmptyPlan(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("sending")),
				acctest.StateValue(acctest.CampaignAddr, "statistics", knownvalue.ObjectExact(sending)),
				acctest.StateValue(acctest.CampaignAddr, "sms_fallback_statistics", fallbackCheck),
			},
		}, {
			Config:           sb.CampaignConfig(body + `desired_state = "stopped"`),
			ConfigPlanChecks: acctest.PlansACallTo(acctest.CampaignAddr, "status"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "status", knownvalue.StringExact("stopped")),
				acctest.Verify(func() error { return sb.ExpectCountErr(createPath, 1) }),
			},
		}, {
			ResourceName:            acctest.CampaignAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: importIgnore,
		}, {
			Config:           sb.CampaignConfig(body + `desired_state = "stopped"`),
			ConfigPlanChecks: acctest.EmptyPlan(),
		}},
	})
}

// TestAccCampaign_viberCascade: a Viber-then-SMS cascade to one phone
// without Viber and two with it. 4 seconds into sending, the two Viber messages are
// out (sent), and the phone without Viber was sent the SMS.
func TestAccCampaign_viberCascade(t *testing.T) {
	t.Parallel()
	channelLifecycle(t, viberCascade, "viber",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(2), "delivered": knownvalue.Int64Exact(0)},
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(1), "delivered": knownvalue.Int64Exact(0)},
		"POST /api/campaigns/send")
}

// TestAccCampaign_viberWithoutFallback: Viber alone; the phone without
// Viber gets nothing, and there are no fallback statistics.
func TestAccCampaign_viberWithoutFallback(t *testing.T) {
	t.Parallel()
	body := `
  recipients = { phones = ["380661231230", "380661231231", "380661231232"] }
  viber      = { sender = "ViberShop", text = "Spring sale" }
`
	channelLifecycle(t, body, "viber",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(2), "delivered": knownvalue.Int64Exact(0)}, nil,
		"POST /api/campaigns/send")
}

// TestAccCampaign_whatsappTemplate: a WhatsApp template campaign with an
// SMS fallback for the phone without WhatsApp.
func TestAccCampaign_whatsappTemplate(t *testing.T) {
	t.Parallel()
	channelLifecycle(t, whatsappCampaign, "whatsapp",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(1), "delivered": knownvalue.Int64Exact(0)},
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(1), "delivered": knownvalue.Int64Exact(0)},
		"POST /api/campaigns/whatsapp/send")
}

// TestAccCampaign_personalSMS: a text per phone, one SMS campaign; 4
// seconds into sending, the first is delivered and the second out.
func TestAccCampaign_personalSMS(t *testing.T) {
	t.Parallel()
	channelLifecycle(t, personalSMS, "sms",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(2), "delivered": knownvalue.Int64Exact(1)}, nil,
		"POST /api/campaigns/sms/send-individual")
}

// TestAccCampaign_viberToContactList: a Viber cascade to a contact list
// goes through the same call, with recipients.groups.
func TestAccCampaign_viberToContactList(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := `
  recipients   = { groups = [101] }
  viber        = { sender = "ViberShop", text = "Members' sale" }
  sms_fallback = { sender = "Shop", text = "Members' sale" }
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(body),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(acctest.CampaignAddr, "message_type", knownvalue.StringExact("viber")),
				acctest.StateValue(acctest.CampaignAddr, "name", knownvalue.StringRegexp(regexp.MustCompile(`^Viber api campaign / `))),
			},
		}, {
			// Into sending, so that the destroy's stop is accepted.
			PreConfig:        func() { sb.Advance(16 * time.Second) },
			Config:           sb.CampaignConfig(body),
			ConfigPlanChecks: acctest.EmptyPlan(),
		}},
	})
}

// TestAccCampaign_channelContentChangeReplaces: a Viber text edit sends a
// new campaign (replacement), as every content edit does.
func TestAccCampaign_channelContentChangeReplaces(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(viberCascade),
		}, {
			PreConfig: func() { sb.Advance(16 * time.Second) },
			Config:    sb.CampaignConfig(regexp.MustCompile(`20% off`).ReplaceAllString(viberCascade, "30% off")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/campaigns/send", 2) })},
		}, {
			PreConfig: func() { sb.Advance(16 * time.Second) },
			Config:    sb.CampaignConfig(regexp.MustCompile(`20% off`).ReplaceAllString(viberCascade, "30% off")),
		}},
	})
}

// TestAccCampaign_channelsImportByBlock: Viber, WhatsApp and personal SMS
// campaigns made outside Terraform are imported with import blocks and no
// content (a no-op plan, no create), then stopped with desired_state; the
// plan afterwards is empty.
func TestAccCampaign_channelsImportByBlock(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	ctx := context.Background()
	c := sb.Client()
	viber, err := c.CreateViberCampaign(ctx, client.ViberCampaignRequest{Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"},
		CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}}, SMSFallback: &client.CascadeSMS{Sender: "Shop", Text: "Sale"}}})
	if err != nil {
		t.Fatal(err)
	}
	whatsapp, err := c.CreateWhatsAppCampaign(ctx, client.WhatsAppCampaignRequest{Phones: []client.Phone{{Number: "380661231231"}},
		Sender: "whatsapp_sender", Template: client.WhatsAppTemplate{Name: "t", Language: client.WhatsAppLanguage{Code: "en"},
			Components: []client.WhatsAppComponent{}}})
	if err != nil {
		t.Fatal(err)
	}
	personal, err := c.CreatePersonalSMSCampaign(ctx, client.PersonalSMSRequest{Sender: "Shop",
		Messages: []client.PersonalSMS{{Phone: "380661231231", Text: "Hi Jack"}}})
	if err != nil {
		t.Fatal(err)
	}
	config := func(extra string) string {
		out := sb.ProviderBlock()
		for name, id := range map[string]int64{"viber": viber.ID, "whatsapp": whatsapp.ID, "personal": personal.ID} {
			out += fmt.Sprintf("import {\n  to = oneapi_campaign.%s\n  id = \"%d\"\n}\nresource \"oneapi_campaign\" %q {\n%s\n}\n", name, id, name, extra)
		}
		return out
	}
	sb.ResetCounters()
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: config(""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("oneapi_campaign.viber", plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction("oneapi_campaign.whatsapp", plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction("oneapi_campaign.personal", plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_campaign.viber", "message_type", knownvalue.StringExact("viber")),
				acctest.StateValue("oneapi_campaign.whatsapp", "message_type", knownvalue.StringExact("whatsapp")),
				acctest.StateValue("oneapi_campaign.personal", "message_type", knownvalue.StringExact("sms")),
				acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/campaigns/send", 0) }),
			},
		}, {
			PreConfig: func() { sb.Advance(16 * time.Second) },
			Config:    config(`desired_state = "stopped"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("oneapi_campaign.viber", plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction("oneapi_campaign.whatsapp", plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction("oneapi_campaign.personal", plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_campaign.viber", "status", knownvalue.StringExact("stopped")),
				acctest.StateValue("oneapi_campaign.whatsapp", "status", knownvalue.StringExact("stopped")),
				acctest.StateValue("oneapi_campaign.personal", "status", knownvalue.StringExact("stopped")),
				acctest.Verify(func() error {
					if n := sb.CountCreates(); n != 0 {
						return fmt.Errorf("%d create requests; an import and a stop send none", n)
					}
					return nil
				}),
			},
		}, {
			Config:           config(`desired_state = "stopped"`),
			ConfigPlanChecks: acctest.EmptyPlan(),
		}},
	})
}

const (
	phones3  = `recipients = { phones = ["380661231231", "380661231232", "380661231233"] }`
	viberMin = `viber = { sender = "ViberShop", text = "Sale" }`
	waMin    = `whatsapp = { sender = "wa", template = { name = "t", language = "en", components = [] } }`
)

// manyPhones is an expression of n distinct phones (range makes at most
// 1024 values at a time).
func manyPhones(n int) string {
	return fmt.Sprintf(`slice(flatten([for a in range(%d) : [for b in range(1000) : format("3806%%02d%%05d", a, b)]]), 0, %d)`, n/1000+1, n)
}

// invalidViber are Viber campaigns refused at plan, with no request.
var invalidViber = []acctest.InvalidCase{
	{Name: "empty text", Body: phones3 + "\nviber = { sender = \"ViberShop\", text = \"\" }", Want: `viber.text`},
	{Name: "text over 1000", Body: phones3 + "\nviber = { sender = \"ViberShop\", text = \"" + strings.Repeat("a", 1001) + "\" }", Want: `viber.text`},
	{Name: "sender over 40", Body: phones3 + "\nviber = { sender = \"" + strings.Repeat("v", 41) + "\", text = \"Sale\" }", Want: `viber.sender`},
	{Name: "missing sender", Body: phones3 + "\nviber = { text = \"Sale\" }", Want: `(?i)sender.*required|Missing Configuration|Incorrect attribute value type`},
	{Name: "image not a picture", Body: phones3 + "\nviber = { sender = \"V\", text = \"Sale\", image_url = \"https://example.com/a.pdf\" }", Want: `viber.image_url`},
	{Name: "image not http", Body: phones3 + "\nviber = { sender = \"V\", text = \"Sale\", image_url = \"ftp://example.com/a.png\" }", Want: `viber.image_url`},
	{Name: "caption over 20", Body: phones3 + "\nviber = { sender = \"V\", text = \"Sale\", button_caption = \"" + strings.Repeat("b", 21) + "\", link_url = \"https://example.com\" }", Want: `viber.button_caption`},
	{Name: "caption without link", Body: phones3 + "\nviber = { sender = \"V\", text = \"Sale\", button_caption = \"Open\" }", Want: `Missing Button Link`},
	{Name: "link not a URL", Body: phones3 + "\nviber = { sender = \"V\", text = \"Sale\", button_caption = \"Open\", link_url = \"example\" }", Want: `viber.link_url`},
	{Name: "with rcs", Body: phones3 + "\n" + viberMin + "\nrcs = { sender = \"r\", text = \"t\" }", Want: `cannot both be set`},
	{Name: "with sms", Body: phones3 + "\n" + viberMin + "\nsms = { sender = \"Shop\", text = \"t\" }", Want: `cannot both be set`},
	{Name: "validity_seconds", Body: phones3 + "\n" + viberMin + "\nvalidity_seconds = 600", Want: `Attribute Not Supported for Viber`},
	{Name: "no recipients", Body: viberMin, Want: `Missing Recipients`},
	{Name: "too many phones", Body: `recipients = { phones = ` + manyPhones(10001) + ` }` + "\n" + viberMin, Want: `recipients.phones`},
}

// invalidCascade are Viber-then-SMS cascades refused at plan.
var invalidCascade = []acctest.InvalidCase{
	{Name: "fallback validity_hours", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\", validity_hours = 2 }", Want: `sms_fallback.validity_hours`},
	{Name: "fallback validity_seconds", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\", validity_seconds = 60 }", Want: `sms_fallback.validity_seconds`},
	{Name: "fallback check_stop_list", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\", check_stop_list = false }", Want: `sms_fallback.check_stop_list`},
	{Name: "fallback sender too long", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"TwelveLetter\", text = \"t\" }", Want: `sms_fallback.sender`},
	{Name: "fallback text too long", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"" + strings.Repeat("a", 766) + "\" }", Want: `SMS Text Too Long`},
	{Name: "fallback empty text", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"\" }", Want: `Empty SMS Text`},
	{Name: "fallback missing text", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\" }", Want: `(?i)text.*required|Incorrect attribute value type`},
	{Name: "fallback with sms", Body: phones3 + "\nsms = { sender = \"Shop\", text = \"t\" }\nsms_fallback = { sender = \"Shop\", text = \"t\" }", Want: `sms_fallback`},
	{Name: "fallback alone", Body: phones3 + "\nsms_fallback = { sender = \"Shop\", text = \"t\" }", Want: `SMS Fallback Needs RCS, Viber, WhatsApp or Voice Content`},
	{Name: "fallback with personal", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"t\" }] }\nsms_fallback = { sender = \"Shop\", text = \"t\" }", Want: `sms_fallback`},
	{Name: "stopped at create", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\" }\ndesired_state = \"stopped\"", Want: `Cannot Create a Stopped Campaign`},
	{Name: "start in the past", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\" }\nstart_at = \"2020-01-01 10:00:00\"", Want: `in the past`},
}

// invalidWhatsApp are WhatsApp campaigns refused at plan.
var invalidWhatsApp = []acctest.InvalidCase{
	{Name: "contact lists", Body: "recipients = { groups = [101] }\n" + waMin, Want: `Contact Lists Not Supported for WhatsApp`},
	{Name: "validity_hours", Body: phones3 + "\n" + waMin + "\nvalidity_hours = 2", Want: `Attribute Not Supported for WhatsApp`},
	{Name: "validity_seconds", Body: phones3 + "\n" + waMin + "\nvalidity_seconds = 60", Want: `Attribute Not Supported for WhatsApp`},
	{Name: "tariff_code", Body: phones3 + "\n" + waMin + "\ntariff_code = 1", Want: `Attribute Not Supported for WhatsApp`},
	{Name: "sender over 40", Body: phones3 + "\nwhatsapp = { sender = \"" + strings.Repeat("w", 41) + "\", template = { name = \"t\", language = \"en\", components = [] } }", Want: `whatsapp.sender`},
	{Name: "empty template name", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"\", language = \"en\", components = [] } }", Want: `whatsapp.template.name`},
	{Name: "unknown language", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"english\", components = [] } }", Want: `whatsapp.template.language`},
	{Name: "component type", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"en\", components = [{ type = \"footer\" }] } }", Want: `components\[0\].type`},
	{Name: "sub_type", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"en\", components = [{ type = \"button\", sub_type = \"call\" }] } }", Want: `sub_type`},
	{Name: "index over 9", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"en\", components = [{ type = \"button\", index = \"0123456789\" }] } }", Want: `index`},
	{Name: "parameter type", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"en\", components = [{ type = \"body\", parameters = [{ type = \"image\" }] }] } }", Want: `parameters\[0\].type`},
	{Name: "text parameter without text", Body: phones3 + "\nwhatsapp = { sender = \"wa\", template = { name = \"t\", language = \"en\", components = [{ type = \"body\", parameters = [{ type = \"text\" }] }] } }", Want: `Missing Template Parameter Value`},
	{Name: "missing template", Body: phones3 + "\nwhatsapp = { sender = \"wa\" }", Want: `(?i)template.*required|Incorrect attribute value type`},
	{Name: "too many phones", Body: `recipients = { phones = ` + manyPhones(5001) + ` }` + "\n" + waMin, Want: `Too Many Phones`},
}

// invalidPersonal are personal SMS campaigns refused at plan.
var invalidPersonal = []acctest.InvalidCase{
	{Name: "with recipients", Body: phones3 + "\npersonal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"t\" }] }", Want: `recipients cannot be set with personal_sms`},
	{Name: "no messages", Body: "personal_sms = { sender = \"Shop\", messages = [] }", Want: `personal_sms.messages`},
	{Name: "duplicate phone", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }, { phone = \"380661231231\", text = \"b\" }] }", Want: `Duplicate Phone`},
	{Name: "bad phone", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"+380661231231\", text = \"a\" }] }", Want: `phone`},
	{Name: "text too long", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"" + strings.Repeat("я", 356) + "\" }] }", Want: `SMS Text Too Long`},
	{Name: "empty text", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"\" }] }", Want: `Empty SMS Text`},
	{Name: "sender too long", Body: "personal_sms = { sender = \"TwelveLetter\", messages = [{ phone = \"380661231231\", text = \"a\" }] }", Want: `personal_sms.sender`},
	{Name: "start_at", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\nstart_at = \"2030-01-01 10:00:00\"", Want: `Start Time Not Supported for Personal SMS`},
	{Name: "validity_seconds", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\nvalidity_seconds = 60", Want: `Attribute Not Supported for Personal SMS`},
	{Name: "check_stop_list", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\ncheck_stop_list = false", Want: `Attribute Not Supported for Personal SMS`},
	{Name: "add_to_contact_book", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\nadd_to_contact_book = false", Want: `Attribute Not Supported for Personal SMS`},
	{Name: "tariff over 9", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\ntariff_code = 10", Want: `Invalid SMS Tariff Code`},
	{Name: "with sms", Body: "personal_sms = { sender = \"Shop\", messages = [{ phone = \"380661231231\", text = \"a\" }] }\nsms = { sender = \"Shop\", text = \"t\" }", Want: `cannot both be set`},
	{Name: "too many messages", Body: `personal_sms = { sender = "Shop", messages = [for p in ` + manyPhones(10001) + ` : { phone = p, text = "a" }] }`, Want: `personal_sms.messages`},
}

func TestAccCampaign_invalidViberFailsAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidViber)
}

func TestAccCampaign_invalidCascadeFailsAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidCascade)
}

func TestAccCampaign_invalidWhatsAppFailsAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidWhatsApp)
}

func TestAccCampaign_invalidPersonalSMSFailsAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidPersonal)
}

// seedChannels makes one Viber and one WhatsApp campaign outside Terraform.
func seedChannels(t *testing.T, sb *acctest.Sandbox) {
	t.Helper()
	ctx, c := context.Background(), sb.Client()
	if _, err := c.CreateViberCampaign(ctx, client.ViberCampaignRequest{CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}}},
		Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateWhatsAppCampaign(ctx, client.WhatsAppCampaignRequest{Phones: []client.Phone{{Number: "380661231231"}},
		Sender: "whatsapp_sender", Template: client.WhatsAppTemplate{Name: "t", Language: client.WhatsAppLanguage{Code: "en"},
			Components: []client.WhatsAppComponent{}}}); err != nil {
		t.Fatal(err)
	}
}

// TestAccCampaignsDataSource_listsEveryChannel: without a type the data
// source lists the Viber and WhatsApp campaigns with the RCS and SMS ones;
// type = "viber" lists only those.
func TestAccCampaignsDataSource_listsEveryChannel(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SeedCampaigns(2, false, "rcs_sender")
	sb.SeedCampaigns(1, true, "Shop")
	seedChannels(t, sb)
	acctest.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: sb.ProviderBlock() + `
data "oneapi_campaigns" "all" {}
data "oneapi_campaigns" "viber" {
  type = "viber"
}
data "oneapi_campaigns" "whatsapp" {
  type = "whatsapp"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.oneapi_campaigns.all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(5)),
			statecheck.ExpectKnownValue("data.oneapi_campaigns.viber", tfjsonpath.New("campaigns"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"message_type": knownvalue.StringExact("viber"), "sender": knownvalue.StringExact("ViberShop")}),
			})),
			statecheck.ExpectKnownValue("data.oneapi_campaigns.whatsapp", tfjsonpath.New("campaigns"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"message_type": knownvalue.StringExact("whatsapp")}),
			})),
		},
	}}})
}

// TestAccCampaignsDataSource_viberRefusedAsDocumented: where the platform
// holds to the OpenAPI file's filter[type] (sms, rcs, whatsapp), a search
// without a type still lists the rest, with a warning, and type = "viber"
// fails naming the refusal.
func TestAccCampaignsDataSource_viberRefusedAsDocumented(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{ListTypesAsDocumented: true})
	sb.SeedCampaigns(1, true, "Shop")
	seedChannels(t, sb)
	acctest.Test(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: sb.ProviderBlock() + `data "oneapi_campaigns" "all" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			// The SMS and WhatsApp campaigns; the Viber one cannot be listed.
			statecheck.ExpectKnownValue("data.oneapi_campaigns.all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
		},
	}, {
		Config:      sb.ProviderBlock() + "data \"oneapi_campaigns\" \"viber\" {\n  type = \"viber\"\n}\n",
		ExpectError: regexp.MustCompile(`(?s)Unable to List Campaigns.*filter\[type\]`),
	}}})
}
