package campaign_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// The voice channel through its whole life (channelLifecycle): create,
// statistics, stop, import, an empty plan; alone and as a voice-then-SMS
// cascade. And the configurations refused at plan, with no request.

const voiceCascade = `
  recipients = { phones = ["380661231230", "380661231231", "380661231232"] }
  voice = {
    sender   = "Clinic"
    text     = "Your appointment is tomorrow at ten"
    category = "transactional"
    voice    = "dariya"
    language = "en"
  }
  sms_fallback = {
    sender = "Clinic"
    text   = "Your appointment is tomorrow at 10:00"
  }
  validity_hours = 24
`

// TestAccCampaign_voiceCascade: a voice-then-SMS cascade to three phones.
// 4 seconds into sending (the stand-in sends a message every 2 s and
// reports it 3 s later), the three calls are out and the first reached
// its phone; every phone takes calls, so no SMS went out.
func TestAccCampaign_voiceCascade(t *testing.T) {
	t.Parallel()
	channelLifecycle(t, voiceCascade, "voice",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(3), "delivered": knownvalue.Int64Exact(1)},
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0)},
		"POST /api/campaigns/send")
}

// TestAccCampaign_voiceAlone: voice without an SMS; no fallback
// statistics.
func TestAccCampaign_voiceAlone(t *testing.T) {
	t.Parallel()
	body := `
  recipients = { phones = ["380661231230", "380661231231", "380661231232"] }
  voice      = { sender = "Clinic", text = "Your code is 1234", category = "otp" }
`
	channelLifecycle(t, body, "voice",
		map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(3), "delivered": knownvalue.Int64Exact(1)}, nil,
		"POST /api/campaigns/send")
}

const voiceMin = `voice = { sender = "Clinic", text = "Hello", category = "otp" }`

// invalidVoice are voice campaigns refused at plan, with no request.
var invalidVoice = []acctest.InvalidCase{
	{Name: "empty text", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"\", category = \"otp\" }", Want: `voice.text`},
	{Name: "text over 1000", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"" + strings.Repeat("a", 1001) + "\", category = \"otp\" }", Want: `voice.text`},
	{Name: "text over 1000 in UTF-16", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"" + strings.Repeat("😀", 501) + "\", category = \"otp\" }", Want: `voice.text`},
	{Name: "sender over 40", Body: phones3 + "\nvoice = { sender = \"" + strings.Repeat("v", 41) + "\", text = \"Hello\", category = \"otp\" }", Want: `voice.sender`},
	{Name: "missing sender", Body: phones3 + "\nvoice = { text = \"Hello\", category = \"otp\" }", Want: `(?i)sender.*required|Missing Configuration|Incorrect attribute value type`},
	{Name: "missing category", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"Hello\" }", Want: `(?i)category.*required|Missing Configuration|Incorrect attribute value type`},
	{Name: "unknown category", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"Hello\", category = \"promo\" }", Want: `voice.category`},
	{Name: "unknown voice", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"Hello\", category = \"otp\", voice = \"hal\" }", Want: `voice.voice`},
	{Name: "empty language", Body: phones3 + "\nvoice = { sender = \"Clinic\", text = \"Hello\", category = \"otp\", language = \"\" }", Want: `voice.language`},
	{Name: "with viber", Body: phones3 + "\n" + voiceMin + "\n" + viberMin, Want: `cannot both be set`},
	{Name: "with sms", Body: phones3 + "\n" + voiceMin + "\nsms = { sender = \"Shop\", text = \"t\" }", Want: `cannot both be set`},
	{Name: "validity_seconds", Body: phones3 + "\n" + voiceMin + "\nvalidity_seconds = 600", Want: `Attribute Not Supported for Voice`},
	{Name: "no recipients", Body: voiceMin, Want: `Missing Recipients`},
	{Name: "too many phones", Body: `recipients = { phones = ` + manyPhones(10001) + ` }` + "\n" + voiceMin, Want: `recipients.phones`},
	{Name: "fallback validity_hours", Body: phones3 + "\n" + voiceMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\", validity_hours = 2 }", Want: `sms_fallback.validity_hours`},
	{Name: "fallback check_stop_list", Body: phones3 + "\n" + voiceMin + "\nsms_fallback = { sender = \"Shop\", text = \"t\", check_stop_list = false }", Want: `sms_fallback.check_stop_list`},
	{Name: "fallback sender too long", Body: phones3 + "\n" + voiceMin + "\nsms_fallback = { sender = \"TwelveLetter\", text = \"t\" }", Want: `sms_fallback.sender`},
}

func TestAccCampaign_invalidVoiceFailsAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_campaign" "test"`, invalidVoice)
}

// TestAccCampaign_voiceExample applies the documentation's voice example as
// written: a voice-then-SMS cascade, refreshed 4 seconds into sending with nothing to change.
func TestAccCampaign_voiceExample(t *testing.T) {
	t.Parallel()
	example, err := os.ReadFile("../../../examples/resources/oneapi_campaign/voice.tf")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + string(example)
	addr := "oneapi_campaign.appointment_calls"
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(addr, "message_type", knownvalue.StringExact("voice")),
				acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/campaigns/send", 1) }),
			},
		}, {
			PreConfig: func() { sb.Advance(19 * time.Second) },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("appointment_calls", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sent": knownvalue.Int64Exact(2), "delivered": knownvalue.Int64Exact(1)})),
				acctest.StateValue(addr, "sms_fallback_statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0)})),
			},
		}},
	})
}
