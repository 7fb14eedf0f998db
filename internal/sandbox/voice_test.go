package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// voicePhones are five recipients, the first ending in 0 (who has no
// Viber on the stand-in, and whom a call reaches all the same).
const voicePhones = `"recipients":{"phones":[{"number":"380661231230"},{"number":"380661231231"},{"number":"380661231232"},` +
	`{"number":"380661231233"},{"number":"380661231234"}]}`

// TestVoiceCampaignAndCascade: a voice campaign, alone or followed by SMS,
// is a campaign of message_type voice ("Voice api campaign / ...") with
// the statistics of every channel: of five calls, the fifth does not get
// through and goes by the cascade's SMS when there is one; no recipient
// counts as not_viber_user. The create is counted as every create is.
func TestVoiceCampaignAndCascade(t *testing.T) {
	for _, tc := range []struct {
		name, channels, sms string
		fallback            float64
	}{
		{"voice", `["voice"]`, ``, 0},
		{"voice then sms", `["voice","sms"]`, `,"sms":{"sender":"Shop","text":"Your code is 1234"}`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			cp := data(h.mustCall("POST", "/api/campaigns/send", `{"channels":`+tc.channels+`,`+voicePhones+
				`,"voice":{"sender":"VoiceShop","text":"Your code is 1234","category":"otp","voice":"dariya","lang":"en"}`+tc.sms+`}`, http.StatusOK))
			if cp["message_type"] != "voice" || !strings.HasPrefix(cp["name"].(string), "Voice api campaign / ") ||
				cp["sender"] != "VoiceShop" || cp["calculated_price"] != 0.25 || cp["status"] != "creation" {
				t.Errorf("answer = %v", cp)
			}
			if n, all := h.sb.Count("POST /api/campaigns/send"), h.sb.CountCreates(); n != 1 || all != 1 {
				t.Errorf("counters: %d cascade-call creates, %d creates; want 1 and 1", n, all)
			}
			h.sb.Advance(50 * time.Second) // done: every report and read in
			id := fmt.Sprintf("%.0f", cp["id"])
			got := data(h.mustCall("GET", "/api/campaigns/"+id, "", http.StatusOK))
			if st := got["statistics"].(map[string]any); got["status"] != "done" || st["sent"] != 3.0 || st["delivered"] != 4.0 {
				t.Errorf("campaign = %v, want done with sent 3 and delivered 4", got)
			}
			d := data(h.mustCall("GET", "/api/campaigns/"+id+"/detail", "", http.StatusOK))
			st := d["statistics"].(map[string]any)
			if d["type"] != "voice" || st["delivered"] != 2.0 || st["read"] != 2.0 || st["undelivered"] != 1.0 || st["not_viber_user"] != 0.0 {
				t.Errorf("detail = %v", d)
			}
			var shortSMS, fullSMS float64
			if alt, ok := got["alternative_channels"].(map[string]any); ok {
				shortSMS = alt["sms"].(map[string]any)["statistic"].(map[string]any)["delivered"].(float64)
			}
			if alt, ok := d["alternative_channels"].(map[string]any); ok {
				fullSMS = alt["sms"].(map[string]any)["statistics"].(map[string]any)["delivered"].(float64)
			}
			if shortSMS != tc.fallback || fullSMS != tc.fallback {
				t.Errorf("SMS delivered %v (campaign) and %v (detail), want %v: %v / %v", shortSMS, fullSMS, tc.fallback,
					got["alternative_channels"], d["alternative_channels"])
			}
		})
	}
}

// TestVoiceRefusals: the Voice schema's limits, its required fields and
// enums, and the channels rules are refused with a 422 naming the field
// (undotted, as every refusal is), and make no campaign; the edges the
// schema allows are taken. Lengths are UTF-16 units (501 emoji are 1002).
func TestVoiceRefusals(t *testing.T) {
	h := newHarness(t)
	const phones = `"recipients":{"phones":[{"number":"380661231231"}]}`
	send := func(channels, voice string) string {
		return `{"channels":` + channels + `,` + phones + `,"voice":` + voice + `}`
	}
	block := func(fields string) string { return `{"sender":"VoiceShop","text":"Hello",` + fields + `}` }
	for _, tc := range []struct{ name, body, field string }{
		{"no text", send(`["voice"]`, `{"sender":"V","category":"otp"}`), "voicetext"},
		{"empty text", send(`["voice"]`, `{"sender":"V","text":"","category":"otp"}`), "voicetext"},
		{"text of 1001", send(`["voice"]`, `{"sender":"V","text":"`+strings.Repeat("a", 1001)+`","category":"otp"}`), "voicetext"},
		{"text of 1002 UTF-16 units", send(`["voice"]`, `{"sender":"V","text":"`+strings.Repeat("😀", 501)+`","category":"otp"}`), "voicetext"},
		{"sender of 41", send(`["voice"]`, `{"sender":"`+strings.Repeat("s", 41)+`","text":"t","category":"otp"}`), "voicesender"},
		{"empty sender", send(`["voice"]`, `{"sender":"","text":"t","category":"otp"}`), "voicesender"},
		{"no category", send(`["voice"]`, `{"sender":"V","text":"t"}`), "voicecategory"},
		{"category not in the enum", send(`["voice"]`, block(`"category":"promo"`)), "voicecategory"},
		{"voice not in the enum", send(`["voice"]`, block(`"category":"otp","voice":"robot"`)), "voicevoice"},
		{"lang not a string", send(`["voice"]`, block(`"category":"otp","lang":7`)), "voicelang"},
		{"voice then viber", `{"channels":["voice","viber"],` + phones + `,"voice":` + block(`"category":"otp"`) + `,"viber":{"sender":"V","text":"t"}}`, "channels1"},
		{"viber then voice", `{"channels":["viber","voice"],` + phones + `,"voice":` + block(`"category":"otp"`) + `,"viber":{"sender":"V","text":"t"}}`, "channels1"},
		{"voice then rcs", `{"channels":["voice","rcs"],` + phones + `,"voice":` + block(`"category":"otp"`) + `,"rcs":{"sender":"R","text":"t"}}`, "channels1"},
		{"sms then voice", `{"channels":["sms","voice"],` + phones + `,"voice":` + block(`"category":"otp"`) + `,"sms":{"sender":"Shop","text":"t"}}`, "channels1"},
		{"voice block missing", `{"channels":["voice"],` + phones + `}`, "voice"},
		{"voice block without the channel", `{"channels":["sms"],` + phones + `,"sms":{"sender":"Shop","text":"t"},"voice":` + block(`"category":"otp"`) + `}`, "voice"},
		{"voice as a single message", `{"channels":["voice"],"phone":{"number":"380661231231"},"voice":` + block(`"category":"otp"`) + `}`, "channels0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := "/api/campaigns/send"
			if strings.Contains(tc.body, `"phone":`) {
				path = "/api/messages/send"
			}
			before := len(h.sb.CampaignIDs())
			out := h.mustCall("POST", path, tc.body, http.StatusUnprocessableEntity)
			if errs, _ := out["errors"].(map[string]any); errs[tc.field] == nil || out["message"] != "The given data was invalid." {
				t.Errorf("answer = %v, want an error on %s", out, tc.field)
			}
			if n := len(h.sb.CampaignIDs()); n != before {
				t.Errorf("a refused request made a campaign")
			}
		})
	}
	for name, voice := range map[string]string{
		"the longest":                 `{"sender":"` + strings.Repeat("s", 40) + `","text":"` + strings.Repeat("😀", 500) + `","category":"marketing"}`,
		"no sender, voice, lang null": `{"text":"t","category":"transactional","voice":null,"lang":null}`,
		"every voice's last":          block(`"category":"otp","voice":"amala","lang":"en_UK"`),
	} {
		t.Run(name, func(t *testing.T) {
			h.mustCall("POST", "/api/campaigns/send", send(`["voice"]`, voice), http.StatusOK)
		})
	}
}

// TestVoiceListedByType: filter[type]=voice lists the voice campaigns
// only, as filter[type]=viber lists Viber's; under the documented enum
// (sms, rcs, whatsapp) it is refused, as viber is.
func TestVoiceListedByType(t *testing.T) {
	h := newHarness(t)
	voice := idOf(h.mustCall("POST", "/api/campaigns/send", `{"channels":["voice"],`+voicePhones+`,"voice":{"sender":"V","text":"t","category":"otp"}}`, http.StatusOK))
	h.mustCall("POST", "/api/campaigns/send", `{"channels":["viber"],`+voicePhones+`,"viber":{"sender":"V","text":"t"}}`, http.StatusOK)
	h.create(simple)
	var ids []int64
	for _, cp := range h.mustCall("GET", "/api/campaigns?filter[type]=voice", "", http.StatusOK)["data"].([]any) {
		ids = append(ids, int64(cp.(map[string]any)["id"].(float64)))
	}
	if !slices.Equal(ids, []int64{voice}) {
		t.Errorf("filter[type]=voice lists %v, want [%d]", ids, voice)
	}
	documented := newHarnessWith(t, Config{Start: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC), ListTypesAsDocumented: true})
	documented.mustCall("GET", "/api/campaigns?filter[type]=voice", "", http.StatusUnprocessableEntity)
}

// TestVoiceStopAsViber: no page names the statuses of a voice campaign's
// stop; as for Viber, the stand-in refuses one in creation and moderation
// and takes one in sending.
func TestVoiceStopAsViber(t *testing.T) {
	h := newHarness(t)
	id := fmt.Sprint(idOf(h.mustCall("POST", "/api/campaigns/send", `{"channels":["voice","sms"],`+voicePhones+
		`,"voice":{"sender":"V","text":"t","category":"otp"},"sms":{"sender":"Shop","text":"t"}}`, http.StatusOK)))
	h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusUnprocessableEntity)
	h.sb.Advance(6 * time.Second) // moderation
	h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusUnprocessableEntity)
	h.sb.Advance(10 * time.Second) // sending
	if got := data(h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusOK))["status"]; got != "stopped" {
		t.Errorf("status = %v, want stopped", got)
	}
}

// TestVoiceSkipsNoStopListedPhone: the stop list has no voice flag, so a
// voice campaign skips no recipient, whichever channels' lists hold it.
func TestVoiceSkipsNoStopListedPhone(t *testing.T) {
	h := newHarness(t)
	h.mustCall("POST", "/api/stoplist/attach", `{"phones":[380661231231],"types":["sms","viber","rcs"]}`, http.StatusOK)
	id := idOf(h.mustCall("POST", "/api/campaigns/send", `{"channels":["voice"],"recipients":{"phones":[{"number":"380661231231"}]},`+
		`"voice":{"sender":"V","text":"t","category":"otp"},"check_stop_list":true}`, http.StatusOK))
	if got := h.sb.Recipients(id); !slices.Equal(got, []string{"380661231231"}) {
		t.Errorf("voice campaign went to %v, want the phone", got)
	}
}

// TestSeedCoversVoice: SeedEveryChannelAndStatus makes voice campaigns,
// alone and with the SMS cascade, in every status.
func TestSeedCoversVoice(t *testing.T) {
	h := newHarness(t)
	ids, err := h.sb.SeedEveryChannelAndStatus(SeedRun)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		cp := h.get(id)
		if cp["message_type"] == "voice" {
			seen[fmt.Sprintf("%v/%v", cp["status"], cp["alternative_channels"] != nil)] = true
		}
	}
	if len(seen) != 2*len(Statuses) {
		t.Errorf("voice campaigns seeded: %v, want every status alone and with the cascade", seen)
	}
}
