package provider

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// invalidCampaigns are configurations the API would refuse (API-NOTES.md
// limits) or that make no sense; each must fail at plan time, naming the
// attribute, before any request reaches One-API.
var invalidCampaigns = []struct {
	name, body, want string
}{
	{"phone too short", `recipients = { phones = ["12345678"] }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*9 to 15 digits`},
	{"phone too long", `recipients = { phones = ["1234567890123456"] }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*9 to 15 digits`},
	{"phone with plus", `recipients = { phones = ["+380661231231"] }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*without a plus`},
	{"phones and groups", `recipients = { phones = ["380661231231"], groups = [101] }
rcs = { sender = "s", text = "x" }`, `recipients.phones`},
	{"no phones and no groups", `recipients = {}
rcs = { sender = "s", text = "x" }`, `recipients.phones`},
	{"5001 phones", `recipients = { phones = slice([for p in setproduct(range(51), range(100)) : format("3806%02d%06d", p[0], p[1])], 0, 5001) }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*RCS\s+campaign\s+takes\s+at\s+most\s+5000`},
	{"10001 SMS phones", `recipients = { phones = slice([for p in setproduct(range(101), range(100)) : format("3806%02d%06d", p[0], p[1])], 0, 10001) }
sms = { sender = "Shop", text = "x" }`, `recipients.phones.*10000`},
	{"group id 0", `recipients = { groups = [0] }
rcs = { sender = "s", text = "x" }`, `recipients.groups`},
	{"empty rcs sender", `recipients = { phones = ["380661231231"] }
rcs = { sender = "", text = "x" }`, `rcs.sender`},
	{"rcs sender 41", `recipients = { phones = ["380661231231"] }
rcs = { sender = "` + strings.Repeat("a", 41) + `", text = "x" }`, `rcs.sender`},
	{"text and cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x", cards = [{ text = "y" }] }`, `rcs.text|rcs.cards`},
	{"neither text nor cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s" }`, `rcs.text|rcs.cards`},
	{"rcs text 161", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "` + strings.Repeat("a", 161) + `" }`, `rcs.text.*160`},
	{"rcs text of 81 emoji", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "` + strings.Repeat("😀", 81) + `" }`, `rcs.text.*160`},
	{"rcs sender of 41 Cyrillic letters", `recipients = { phones = ["380661231231"] }
rcs = { sender = "` + strings.Repeat("я", 41) + `", text = "x" }`, `rcs.sender.*it\s+has\s+41`},
	{"11 cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [` + strings.Repeat(`{ text = "y" }, `, 11) + `] }`, `rcs.cards`},
	{"5 buttons", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [` + strings.Repeat(`{ type = "link", text = "Go", url = "https://x" }, `, 5) + `] }] }`, `suggestions.*at\s+most\s+4`},
	{"sms sender 12", `recipients = { phones = ["380661231231"] }
sms = { sender = "abcdefghijkl", text = "x" }`, `sms.sender`},
	{"sms sender Cyrillic", `recipients = { phones = ["380661231231"] }
sms = { sender = "Клиника", text = "x" }`, `sms.sender`},
	{"sms sender 16 digits", `recipients = { phones = ["380661231231"] }
sms = { sender = "1234567890123456", text = "x" }`, `sms.sender`},
	{"sms UCS-2 356", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "` + strings.Repeat("я", 356) + `" }`, `sms.text.*355`},
	{"sms tariff 10", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
tariff_code = 10`, `tariff_code.*0\s+to\s+9`},
	{"sms with validity_seconds", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
validity_seconds = 60`, `validity_seconds.*SMS\s+endpoints`},
	{"sms with check_stop_list", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
check_stop_list = false`, `check_stop_list.*SMS\s+endpoints`},
	{"sms with add_to_contact_book", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
add_to_contact_book = false`, `add_to_contact_book.*SMS\s+endpoints`},
	{"start_at empty", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = ""`, `start_at.*Omit\s+the\s+attribute`},
	{"start_at past", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "2020-01-01 09:00:00"`, `start_at.*Omit\s+start_at\s+to\s+send\s+now`},
	{"start_at 31 days ahead", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "` + time.Now().UTC().AddDate(0, 0, 31).Format("2006-01-02") + ` 00:00:00"`, `start_at.*more\s+than\s+30\s+days\s+ahead`},
	{"card title 201", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ title = "` + strings.Repeat("t", 201) + `", text = "y" }] }`, `rcs.cards\[0\].title`},
	{"card without text or media", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ title = "t" }] }`, `media_url|rcs.cards\[0\].text`},
	{"media url not http", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", media_url = "ftp://x/y.png" }] }`, `media_url`},
	{"button type", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "email", text = "Go" }] }] }`, `suggestions\[0\].type`},
	{"button text 26", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "` + strings.Repeat("b", 26) + `", url = "https://x" }] }] }`, `suggestions\[0\].text`},
	{"link without url", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "Go" }] }] }`, `suggestions\[0\].url`},
	{"button with link and phone", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "Go", url = "https://x", phone = "380991112233" }] }] }`, `suggestions\[0\].url.*suggestions\[0\].phone`},
	{"postback 26", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "call", text = "Call", phone = "380991112233", postback_data = "` + strings.Repeat("p", 26) + `" }] }] }`, `postback_data`},
	{"rcs and sms", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms = { sender = "s", text = "x" }`, `rcs|sms`},
	{"sms sender 12 letters", `recipients = { phones = ["380661231231"] }
sms = { sender = "abcdefghijkl", text = "x" }`, `sms.sender`},
	{"sms sender 16 digits", `recipients = { phones = ["380661231231"] }
sms = { sender = "1234567890123456", text = "x" }`, `sms.sender`},
	{"sms text 766 GSM", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("a", 766) + `" }`, `sms.text.*765`},
	{"sms text 383 GSM extension characters", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("€", 383) + `" }`, `sms.text.*766 GSM`},
	{"sms text 356 UCS-2", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("я", 356) + `" }`, `sms.text.*355`},
	{"fallback with sms", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x" }`, `sms_fallback`},
	{"fallback validity 73", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x", validity_hours = 73 }`, `sms_fallback.validity_hours`},
	{"fallback both validities", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x", validity_hours = 2, validity_seconds = 60 }`, `validity_seconds|validity_hours`},
	{"fallback text UCS-2 356", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "` + strings.Repeat("ж", 356) + `" }`, `sms_fallback.text`},
	{"validity_hours 0", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_hours = 0`, `validity_hours`},
	{"validity_seconds 29", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_seconds = 29`, `validity_seconds`},
	{"validity_seconds 86401", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_seconds = 86401`, `validity_seconds`},
	{"both validities", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_hours = 2
validity_seconds = 60`, `validity_seconds|validity_hours`},
	{"start_at words", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "tomorrow"`, `start_at`},
	{"start_at without seconds", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "2030-01-01 10:00"`, `start_at`},
	{"desired_state paused", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
desired_state = "paused"`, `desired_state`},
	{"stopped at creation", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
desired_state = "stopped"`, `Cannot Create a Stopped Campaign.*desired_state`},
	{"missing recipients", `rcs = { sender = "s", text = "x" }`, `Missing Recipients.*recipients`},
	{"missing content", `recipients = { phones = ["380661231231"] }`, `Missing Campaign Content`},
	{"negative tariff", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
tariff_code = -1`, `tariff_code`},
}

func TestAccCampaign_invalidConfigurationsFailAtPlan(t *testing.T) {
	if len(invalidCampaigns) < 30 {
		t.Fatalf("only %d invalid configurations", len(invalidCampaigns))
	}
	for _, tc := range invalidCampaigns {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := newAccTarget(t) // no request is ever sent: safe against a real account
			accTest(t, resource.TestCase{
				PreCheck:                 func() { testAccPreCheck(t) },
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      target.provider + "resource \"oneapi_campaign\" \"test\" {\n" + tc.body + "\n}\n",
					ExpectError: regexp.MustCompile("(?s)" + tc.want),
				}},
			})
			if target.sb == nil {
				return
			}
			if c := target.sb.Counters(); len(c) != 0 {
				t.Errorf("requests reached the API: %v", c)
			}
		})
	}
}
