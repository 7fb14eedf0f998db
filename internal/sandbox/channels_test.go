package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestViberCascadeFallsBackToSMS: of a Viber-then-SMS cascade, the
// recipient without Viber (a number ending in 0) is counted not_viber_user
// and reached by SMS; the others get Viber. Without the SMS channel, that
// recipient gets nothing.
func TestViberCascadeFallsBackToSMS(t *testing.T) {
	for _, tc := range []struct {
		channels     string
		fallbackSent float64
	}{{`["viber","sms"]`, 1}, {`["viber"]`, 0}} {
		t.Run(tc.channels, func(t *testing.T) {
			h := newHarness(t)
			sms := ""
			if tc.fallbackSent > 0 {
				sms = `,"sms":{"sender":"Shop","text":"Sale"}`
			}
			cp := h.mustCall("POST", "/api/campaigns/send", `{"channels":`+tc.channels+`,"recipients":{"phones":[{"number":"380661231231"},{"number":"380661231230"}]},"viber":{"sender":"ViberShop","text":"Sale"}`+sms+`}`, http.StatusOK)["data"].(map[string]any)
			if cp["message_type"] != "viber" || cp["name"].(string)[:19] != "Viber api campaign " {
				t.Errorf("answer = %v", cp)
			}
			h.sb.Advance(50 * time.Second) // within the token's hour
			d := h.mustCall("GET", fmt.Sprintf("/api/campaigns/%.0f/detail", cp["id"]), "", http.StatusOK)["data"].(map[string]any)
			st := d["statistics"].(map[string]any)
			if st["not_viber_user"] != 1.0 || st["delivered"].(float64)+st["read"].(float64) != 1 {
				t.Errorf("statistics = %v, want 1 not_viber_user and 1 delivered or read", st)
			}
			var sent float64
			if alt, ok := d["alternative_channels"].(map[string]any); ok {
				sent = alt["sms"].(map[string]any)["statistics"].(map[string]any)["delivered"].(float64)
			}
			if sent != tc.fallbackSent {
				t.Errorf("SMS fallback delivered %v, want %v (%v)", sent, tc.fallbackSent, d["alternative_channels"])
			}
		})
	}
}

// TestNewChannelsRefuse: the documented refusals of the new create calls.
func TestNewChannelsRefuse(t *testing.T) {
	h := newHarness(t)
	phones := `"recipients":{"phones":[{"number":"380661231231"}]}`
	for _, tc := range []struct{ name, path, body, field string }{
		{"no channels", "/api/campaigns/send", `{` + phones + `,"viber":{"sender":"V","text":"t"}}`, "channels"},
		{"three channels", "/api/campaigns/send", `{"channels":["viber","sms","rcs"],` + phones + `}`, "channels"},
		{"fallback first", "/api/campaigns/send", `{"channels":["sms","viber"],` + phones + `,"viber":{"sender":"V","text":"t"},"sms":{"sender":"S","text":"t"}}`, "channels1"},
		{"telegram", "/api/campaigns/send", `{"channels":["telegram"],` + phones + `}`, "channels0"},
		{"viber block missing", "/api/campaigns/send", `{"channels":["viber"],` + phones + `}`, "viber"},
		{"viber text too long", "/api/campaigns/viber/send", `{"phones":[{"number":"380661231231"}],"sender":"V","text":"` + strings.Repeat("a", 1001) + `"}`, "text"},
		{"caption without link", "/api/campaigns/viber/send", `{"phones":[{"number":"380661231231"}],"sender":"V","text":"t","button_caption":"Go"}`, "link_url"},
		{"image not a picture", "/api/campaigns/viber/send", `{"phones":[{"number":"380661231231"}],"sender":"V","text":"t","image_url":"https://example.com/a.txt"}`, "image_url"},
		{"whatsapp not a template", "/api/campaigns/whatsapp/send", `{"phones":[{"number":"380661231231"}],"sender":"W","type":"text"}`, "type"},
		{"whatsapp language", "/api/campaigns/whatsapp/send", `{"phones":[{"number":"380661231231"}],"sender":"W","type":"template","template":{"name":"n","language":{"code":"xx"},"components":[]}}`, "templatelanguagecode"},
		{"personal without messages", "/api/campaigns/sms/send-individual", `{"messages":[]}`, "messages"},
		{"personal phone as string", "/api/campaigns/sms/send-individual", `{"messages":[{"phone":"380661231231","sender":"Shop","text":"t"}]}`, "messages0phone"},
		{"dry run", "/api/campaigns/send", `{"channels":["viber"],` + phones + `,"viber":{"sender":"V","text":"t"},"dry_run":true}`, "dry_run"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(h.sb.CampaignIDs())
			out := h.mustCall("POST", tc.path, tc.body, http.StatusUnprocessableEntity)
			if errs, _ := out["errors"].(map[string]any); errs[tc.field] == nil {
				t.Errorf("errors = %v, want one on %s", out["errors"], tc.field)
			}
			if n := len(h.sb.CampaignIDs()); n != before {
				t.Errorf("a refused request made a campaign")
			}
		})
	}
}

// TestViberAndWhatsAppStopOnlyWhereEveryReadingAllows: no page names the
// statuses of a Viber or WhatsApp stop; the stand-in refuses one in
// creation and moderation (where one of the RCS and SMS lists does).
func TestViberAndWhatsAppStopOnlyWhereEveryReadingAllows(t *testing.T) {
	h := newHarness(t)
	cp := h.mustCall("POST", "/api/campaigns/viber/send", `{"phones":[{"number":"380661231231"}],"sender":"V","text":"t"}`, http.StatusOK)["data"].(map[string]any)
	id := fmt.Sprintf("%.0f", cp["id"])
	h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusUnprocessableEntity)
	h.sb.Advance(6 * time.Second) // moderation
	h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusUnprocessableEntity)
	h.sb.Advance(10 * time.Second) // sending
	if got := h.mustCall("PUT", "/api/campaigns/"+id+"/stop", "", http.StatusOK)["data"].(map[string]any)["status"]; got != "stopped" {
		t.Errorf("status = %v, want stopped", got)
	}
}
