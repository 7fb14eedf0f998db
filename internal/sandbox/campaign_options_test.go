package sandbox

import (
	"strings"
	"testing"
)

const uuidA = "21b6f472-7e9a-4c71-9518-e9a0e0b09284"

// TestCampaignOptionsAreCheckedAndRecorded: the SMS calls and the cascade
// call's SMS refuse options against their schema and record those taken.
func TestCampaignOptionsAreCheckedAndRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	sms := `{"phones":[{"number":380661231231}],"sender":"Shop","text":"Sale LINK"`
	for _, tt := range []struct{ name, path, body, field string }{
		{"callback_url 101", "sms/send", sms + `,"callback_url":"https://e.com/` + strings.Repeat("a", 87) + `"}`, "callback_url"},
		{"link not a url", "sms/send", sms + `,"short_links":[{"link":"e.com","placeholder":"LINK","domain_ids":["` + uuidA + `"]}]}`, "short_links.0.link"},
		{"no domain ids", "sms/send", sms + `,"short_links":[{"link":"https://e.com","placeholder":"LINK"}]}`, "short_links.0.domain_ids"},
		{"domain id not a uuid", "sms/send", sms + `,"short_links":[{"link":"https://e.com","placeholder":"LINK","domain_ids":["7"]}]}`, "short_links.0.domain_ids.0"},
		{"no placeholder", "sms/send", sms + `,"short_links":[{"link":"https://e.com","domain_ids":["` + uuidA + `"]}]}`, "short_links.0.placeholder"},
		{"caption 51", "send", `{"channels":["viber","sms"],"recipients":{"phones":[{"number":"380661231231"}]},"viber":{"sender":"V","text":"t"},"sms":{"sender":"Shop","text":"t","unsubscribe_caption":"` + strings.Repeat("u", 51) + `"}}`, "sms.unsubscribe_caption"},
		{"individual callback_url not a string", "sms/send-individual", `{"messages":[{"phone":380661231231,"text":"t","sender":"Shop"}],"callback_url":7}`, "callback_url"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out := h.call("POST", "/api/campaigns/"+tt.path, tt.body)
			field := strings.ReplaceAll(tt.field, ".", "")
			errs, _ := out["errors"].(map[string]any)
			if code != 422 || errs[field] == nil {
				t.Errorf("want 422 naming %s, got %d %v", field, code, out)
			}
		})
	}
	if ids := h.sb.CampaignIDs(); len(ids) != 0 {
		t.Fatalf("invalid requests created campaigns: %v", ids)
	}
	code, out := h.call("POST", "/api/campaigns/sms/send", sms+`,"callback_url":"https://h.example.com/d","short_links":[{"link":"https://e.com","placeholder":"LINK","domain_ids":["`+uuidA+`"],"protocol":false}]}`)
	if code != 200 {
		t.Fatalf("create: %d %v", code, out)
	}
	id := int64(out["data"].(map[string]any)["id"].(float64))
	got := h.sb.CampaignOptions(id)
	want := map[string]string{"callback_url": `"https://h.example.com/d"`,
		"short_links": `[{"domain_ids":["` + uuidA + `"],"link":"https://e.com","placeholder":"LINK","protocol":false}]`}
	if len(got) != len(want) || got["callback_url"] != want["callback_url"] || got["short_links"] != want["short_links"] {
		t.Errorf("options %v, want %v", got, want)
	}
}

// TestTariffsArePaged: GET /api/accounts/tariff answers the tariffs page by
// page with their total.
func TestTariffsArePaged(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	var many []Tariff
	for i := range 20 {
		many = append(many, Tariff{ID: int64(100 + i), Name: "T", Code: int64(i % 10), IsActive: i%2 == 0})
	}
	h.sb.SetTariffs(many)
	code, out := h.call("GET", "/api/accounts/tariff?page[offset]=15&page[limit]=15", "")
	data, _ := out["data"].([]any)
	if code != 200 || len(data) != 5 || out["total"] != 20.0 {
		t.Fatalf("second page: %d, %d tariffs of %v, want 5 of 20", code, len(data), out["total"])
	}
	first := data[0].(map[string]any)
	if first["id"] != 115.0 || first["code"] != 5.0 || first["is_active"] != false || first["is_default"] != false || first["name"] != "T" {
		t.Errorf("tariff 15 is %v", first)
	}
	if code, _ := h.call("GET", "/api/accounts/tariff?page[limit]=14", ""); code != 422 {
		t.Errorf("page[limit]=14 answered %d, want 422", code)
	}
}
