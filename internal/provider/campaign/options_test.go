package campaign_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The create calls' options (callback_url, short_links,
// unsubscribe_caption), each sent as configured to the calls that take
// them and refused at plan where a call does not; and tariff_code, checked
// at plan against the account's active tariffs with one request, and none
// when it is not set.

const (
	domainA     = "21b6f472-7e9a-4c71-9518-e9a0e0b09284"
	domainB     = "bc7166bf-eff7-4bc6-9e60-9c9f0a852fce"
	tariffsKey  = "GET /api/accounts/tariff"
	smsSendKey  = "POST /api/campaigns/sms/send"
	shortLinkA  = `{ link = "https://shop.example.com/sale", placeholder = "LINK", domain_ids = ["` + domainA + `", "` + domainB + `"], change_domain_after = 100, protocol = false }`
	shortLinkB  = `{ link = "https://shop.example.com/terms", placeholder = "TERMS", domain_ids = ["` + domainA + `"] }`
	smsWithOpts = `
  recipients   = { phones = ["380661231231", "380661231232"] }
  sms = {
    sender      = "Shop"
    text        = "Spring sale: LINK (TERMS)"
    short_links = [` + shortLinkA + `, ` + shortLinkB + `]
  }
  callback_url = "https://hooks.example.com/dlr"
  tariff_code  = 9
`
)

// optionsOf checks the options the stand-in recorded for the campaign in
// state: want maps each option's path in the request to its JSON.
func optionsOf(sb *acctest.Sandbox, want map[string]string) resource.TestCheckFunc {
	var id int64
	idOf := acctest.IDOf(acctest.CampaignAddr, &id)
	return func(s *terraform.State) error {
		if err := idOf(s); err != nil {
			return err
		}
		got := sb.CampaignOptions(id)
		if len(got) != len(want) {
			return fmt.Errorf("campaign %d was created with options %v, want %v", id, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				return fmt.Errorf("campaign %d: option %s is %s, want %s", id, k, got[k], v)
			}
		}
		return nil
	}
}

// TestAccCampaign_smsOptions: an SMS campaign's short links, callback_url
// and tariff_code reach the SMS call as configured; a refresh plans
// nothing and asks for no tariffs.
func TestAccCampaign_smsOptions(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped", "done"),
		Steps: []resource.TestStep{{
			PreConfig:          sb.ResetCounters,
			Config:             sb.CampaignConfig(smsWithOpts),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}, {
			PreConfig: sb.ExpectCount(smsSendKey, 0), // the plans above sent nothing
			Config:    sb.CampaignConfig(smsWithOpts),
			Check: resource.ComposeTestCheckFunc(
				func(*terraform.State) error { return sb.ExpectCountErr(smsSendKey, 1) },
				optionsOf(sb, map[string]string{
					"callback_url": `"https://hooks.example.com/dlr"`,
					"short_links": `[{"change_domain_after":100,"domain_ids":["` + domainA + `","` + domainB + `"],"link":"https://shop.example.com/sale","placeholder":"LINK","protocol":false},` +
						`{"domain_ids":["` + domainA + `"],"link":"https://shop.example.com/terms","placeholder":"TERMS"}]`,
				}),
			),
		}, {
			PreConfig:        sb.ResetCounters,
			Config:           sb.CampaignConfig(smsWithOpts),
			ConfigPlanChecks: acctest.EmptyPlan(),
			Check:            func(*terraform.State) error { return sb.ExpectCountErr(tariffsKey, 0) }, // not a new campaign: not checked again
		}},
	})
}

// TestAccCampaign_noTariffNoRequest: without tariff_code, the tariffs are
// never asked for.
func TestAccCampaign_noTariffNoRequest(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := `
  recipients   = { groups = [101] }
  sms          = { sender = "Shop", text = "Spring sale: LINK", short_links = [` + shortLinkA + `] }
  callback_url = "https://hooks.example.com/dlr"
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped", "done"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(body), // list 101: the stand-in's seeded contact list
			Check: resource.ComposeTestCheckFunc(
				func(*terraform.State) error { return sb.ExpectCountErr("POST /api/campaigns/sms/send-groups", 1) },
				func(*terraform.State) error { return sb.ExpectCountErr(tariffsKey, 0) },
				optionsOf(sb, map[string]string{
					"callback_url": `"https://hooks.example.com/dlr"`,
					"short_links":  `[{"change_domain_after":100,"domain_ids":["` + domainA + `","` + domainB + `"],"link":"https://shop.example.com/sale","placeholder":"LINK","protocol":false}]`,
				}),
			),
		}},
	})
}

// TestAccCampaign_tariffCodeCheckedAgainstTheAccount: an inactive tariff's
// code and a code of no tariff are refused at plan, naming the active
// ones, with one request each and nothing sent.
func TestAccCampaign_tariffCodeCheckedAgainstTheAccount(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetTariffs([]sandbox.Tariff{
		{ID: 1, Name: "Standard", Code: 0, IsActive: true, IsDefault: true},
		{ID: 2, Name: "Old", Code: 5},
	})
	base := `
  recipients = { phones = ["380661231231"] }
  sms        = { sender = "Shop", text = "Sale" }
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			PreConfig:   sb.ResetCounters,
			Config:      sb.CampaignConfig(base + "tariff_code = 5"),
			ExpectError: regexp.MustCompile(`(?s)Unknown Tariff Code.*Tariff "Old" has code 5 but is\s+not\s+active.*0\s+\(Standard\)`),
		}, {
			PreConfig: func() {
				sb.ExpectCount(tariffsKey, 1)()
				sb.ResetCounters()
			},
			Config:      sb.CampaignConfig(base + "tariff_code = 7"),
			ExpectError: regexp.MustCompile(`(?s)Attribute tariff_code is 7, but the account has no active tariff`),
		}},
	})
	sb.ExpectCount(tariffsKey, 1)()
	if n := sb.CountCreates(); n != 0 {
		t.Errorf("%d creates, want 0", n)
	}
}

// TestAccCampaign_cascadeSMSOptions: a Viber campaign's fallback SMS
// takes the cascade call's unsubscribe_caption and short links.
func TestAccCampaign_cascadeSMSOptions(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := `
  recipients = { phones = ["380661231230", "380661231231"] }
  viber      = { sender = "ViberShop", text = "Spring sale" }
  sms_fallback = {
    sender              = "Shop"
    text                = "Spring sale: LINK"
    unsubscribe_caption = "Unsubscribe: "
    short_links         = [` + shortLinkA + `]
  }
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped", "done"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(body),
			Check: optionsOf(sb, map[string]string{
				"sms.unsubscribe_caption": `"Unsubscribe: "`,
				"sms.short_links":         `[{"change_domain_after":100,"domain_ids":["` + domainA + `","` + domainB + `"],"link":"https://shop.example.com/sale","placeholder":"LINK","protocol":false}]`,
			}),
		}, {
			PreConfig:        func() { sb.Advance(19 * time.Second) }, // sending: the destroy can stop it
			Config:           sb.CampaignConfig(body),
			ConfigPlanChecks: acctest.EmptyPlan(),
		}},
	})
}

// TestAccCampaign_personalSMSCallback: the personal SMS call takes
// callback_url.
func TestAccCampaign_personalSMSCallback(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := personalSMS + "\n  callback_url = \"https://hooks.example.com/dlr?src=tf\"\n"
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped", "done"),
		Steps: []resource.TestStep{{
			Config: sb.CampaignConfig(body),
			Check:  optionsOf(sb, map[string]string{"callback_url": `"https://hooks.example.com/dlr?src=tf"`}),
		}},
	})
}

const (
	smsMin     = `sms = { sender = "Shop", text = "Sale LINK" }`
	rcsMin     = `rcs = { sender = "agent", text = "Sale" }`
	fallbackSL = "\nsms_fallback = { sender = \"Shop\", text = \"Sale LINK\", short_links = [" + shortLinkB + "] }"
)

// smsLinks is an SMS campaign with text and one short link.
func smsLinks(text, link string) string {
	return phones3 + "\nsms = { sender = \"Shop\", text = \"" + text + "\", short_links = [" + link + "] }"
}

// invalidOptions are options refused at plan, with no request.
var invalidOptions = []acctest.InvalidCase{
	{Name: "callback_url with rcs", Body: phones3 + "\n" + rcsMin + "\ncallback_url = \"https://h.example.com\"", Want: `Attribute Not Supported for RCS`},
	{Name: "callback_url with viber", Body: phones3 + "\n" + viberMin + "\ncallback_url = \"https://h.example.com\"", Want: `Attribute Not Supported for Viber`},
	{Name: "callback_url with whatsapp", Body: phones3 + "\n" + waMin + "\ncallback_url = \"https://h.example.com\"", Want: `Attribute Not Supported for WhatsApp`},
	{Name: "callback_url with voice", Body: phones3 + "\n" + voiceMin + "\ncallback_url = \"https://h.example.com\"", Want: `Attribute Not Supported for Voice`},
	{Name: "callback_url not a URL", Body: phones3 + "\n" + smsMin + "\ncallback_url = \"hooks.example.com\"", Want: `callback_url must be an http or https URL`},
	{Name: "callback_url over 100", Body: phones3 + "\n" + smsMin + "\ncallback_url = \"https://example.com/" + strings.Repeat("a", 81) + "\"", Want: `callback_url`},
	{Name: "placeholder not in text", Body: smsLinks("Sale", shortLinkA), Want: `Short Link Placeholder Not in Text`},
	{Name: "placeholder twice", Body: phones3 + "\nsms = { sender = \"Shop\", text = \"Sale LINK\", short_links = [" + shortLinkA + ", " + shortLinkA + "] }", Want: `Duplicate Short Link Placeholder`},
	{Name: "domain id not a uuid", Body: smsLinks("Sale LINK", `{ link = "https://e.com", placeholder = "LINK", domain_ids = ["21"] }`), Want: `short-link\s+domain\s+id`},
	{Name: "no domain ids", Body: smsLinks("Sale LINK", `{ link = "https://e.com", placeholder = "LINK", domain_ids = [] }`), Want: `domain_ids`},
	{Name: "link not a URL", Body: smsLinks("Sale LINK", `{ link = "e.com/sale", placeholder = "LINK", domain_ids = ["`+domainA+`"] }`), Want: `link must be an http or https URL`},
	{Name: "link over 2048", Body: smsLinks("Sale LINK", `{ link = "https://e.com/`+strings.Repeat("a", 2040)+`", placeholder = "LINK", domain_ids = ["`+domainA+`"] }`), Want: `link`},
	{Name: "change_domain_after 0", Body: smsLinks("Sale LINK", `{ link = "https://e.com", placeholder = "LINK", domain_ids = ["`+domainA+`"], change_domain_after = 0 }`), Want: `change_domain_after`},
	{Name: "empty short_links", Body: phones3 + "\nsms = { sender = \"Shop\", text = \"Sale\", short_links = [] }", Want: `short_links`},
	{Name: "protocol not a bool", Body: smsLinks("Sale LINK", `{ link = "https://e.com", placeholder = "LINK", domain_ids = ["`+domainA+`"], protocol = "maybe" }`), Want: `protocol`},
	{Name: "fallback short_links with rcs", Body: phones3 + "\n" + rcsMin + fallbackSL, Want: `(?s)Attribute Not Supported for RCS.*sms_fallback.short_links`},
	{Name: "fallback unsubscribe_caption with whatsapp", Body: phones3 + "\n" + waMin + "\nsms_fallback = { sender = \"Shop\", text = \"Sale\", unsubscribe_caption = \"Stop: \" }", Want: `Attribute Not Supported for WhatsApp`},
	{Name: "unsubscribe_caption over 50", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"Sale\", unsubscribe_caption = \"" + strings.Repeat("u", 51) + "\" }", Want: `unsubscribe_caption`},
	{Name: "fallback placeholder not in text", Body: phones3 + "\n" + viberMin + "\nsms_fallback = { sender = \"Shop\", text = \"Sale\", short_links = [" + shortLinkB + "] }", Want: `(?s)Short Link Placeholder Not in Text.*sms_fallback`},
	{Name: "tariff_code with whatsapp", Body: phones3 + "\n" + waMin + "\ntariff_code = 9", Want: `Attribute Not Supported for WhatsApp`},
}

func TestAccCampaign_invalidOptionsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidOptions)
}

// TestAccCampaign_tariffCheckIsOneRequestPerPlan: one terraform plan of
// new campaigns with tariff_code asks for the tariffs once, however many
// campaigns; without tariff_code, never.
func TestAccCampaign_tariffCheckIsOneRequestPerPlan(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	for _, c := range []struct {
		name, body string
		want       int
	}{
		{"with tariff_code", smsWithOpts, 1},
		{"five campaigns with tariff_code", "count = 5\n" + smsWithOpts, 1},
		{"without tariff_code", strings.Replace(smsWithOpts, "tariff_code  = 9", "", 1), 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			cli := acctest.NewCLI(t, nil)
			cli.Write("main.tf", acctest.RequiredProviders+sb.CampaignConfig(c.body))
			cli.Init()
			sb.ResetCounters()
			if out, err := cli.Run("plan", "-no-color"); err != nil {
				t.Fatalf("plan: %v\n%s", err, out)
			}
			if n := sb.Count(tariffsKey); n != c.want {
				t.Errorf("%d requests for the tariffs in one plan, want %d", n, c.want)
			}
			if n := sb.CountCreates(); n != 0 {
				t.Errorf("%d creates in a plan, want 0", n)
			}
		})
	}
}

// TestAccCampaign_optionsSurviveALostCreateAnswer: an SMS campaign with
// short links and a callback whose create answer is lost is recovered
// without a duplicate, and the campaign at the stand-in carries the
// options as configured.
func TestAccCampaign_optionsSurviveALostCreateAnswer(t *testing.T) {
	t.Parallel()
	for _, fault := range []string{"drop", "drop_before"} {
		t.Run(fault, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: fault, CreateAfterCommitCount: 1})
			body := smsWithOpts + "\n  stop_on_destroy = false\n"
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{{
					Config: sb.CampaignConfig(body),
					Check: optionsOf(sb, map[string]string{
						"callback_url": `"https://hooks.example.com/dlr"`,
						"short_links": `[{"change_domain_after":100,"domain_ids":["` + domainA + `","` + domainB + `"],"link":"https://shop.example.com/sale","placeholder":"LINK","protocol":false},` +
							`{"domain_ids":["` + domainA + `"],"link":"https://shop.example.com/terms","placeholder":"TERMS"}]`,
					}),
				}, {
					Config:           sb.CampaignConfig(body),
					ConfigPlanChecks: acctest.EmptyPlan(),
				}},
			})
			if ids := sb.CampaignIDs(); len(ids) != 1 {
				t.Errorf("campaigns at the stand-in %v: want exactly one", ids)
			}
		})
	}
}
