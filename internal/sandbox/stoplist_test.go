package sandbox

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestStopListAsDocumented: attach answers the entries with a flag per
// channel; a phone has one entry whatever its channels; detach clears only
// the channels asked; the list pages and filters by type or types; search
// finds by phone; an identical write repeated at once answers the
// documented 429.
func TestStopListAsDocumented(t *testing.T) {
	h := newHarness(t)
	code, out := h.call("POST", "/api/stoplist/attach", `{"phones":[380661231231,380661231232],"types":["sms","rcs"]}`)
	if code != 200 {
		t.Fatalf("attach: %d %v", code, out)
	}
	data := out["data"].([]any)
	first := data[0].(map[string]any)
	if len(data) != 2 || first["phone"].(float64) != 380661231231 || first["sms_stoplist"] != true || first["rcs_stoplist"] != true || first["viber_stoplist"] != false {
		t.Fatalf("attach answered %v", out)
	}
	if code, out := h.call("POST", "/api/stoplist/attach", `{"phones":[380661231231,380661231232],"types":["sms","rcs"]}`); code != 429 || out["message"] != "Too many duplicate request detected" {
		t.Errorf("repeated attach: %d %v, want the documented 429", code, out)
	}
	h.sb.Advance(6 * time.Second)
	_, out = h.call("POST", "/api/stoplist/attach", `{"phones":[380661231231],"types":["viber"]}`)
	again := out["data"].([]any)[0].(map[string]any)
	if again["id"] != first["id"] || again["viber_stoplist"] != true || again["sms_stoplist"] != true {
		t.Errorf("a second channel for the phone: %v, want the same entry %v with viber added", again, first["id"])
	}
	if code, out := h.call("POST", "/api/stoplist/detach", fmt.Sprintf(`{"ids":[%.0f],"types":["sms"]}`, first["id"])); code != 200 {
		t.Fatalf("detach: %d %v", code, out)
	}
	if h.sb.StopListed("380661231231", "sms") || !h.sb.StopListed("380661231231", "rcs") || !h.sb.StopListed("380661231231", "viber") {
		t.Error("detach of sms cleared another channel, or not sms")
	}
	list := func(query string) []float64 {
		t.Helper()
		code, out := h.call("GET", "/api/stoplist?page[limit]=15"+query, "")
		if code != 200 {
			t.Fatalf("list %s: %d %v", query, code, out)
		}
		var phones []float64
		for _, e := range out["data"].([]any) {
			phones = append(phones, e.(map[string]any)["phone"].(float64))
		}
		return phones
	}
	if got := list("&type=sms"); !slices.Equal(got, []float64{380661231232}) {
		t.Errorf("type=sms lists %v", got)
	}
	if got := list("&types=rcs"); len(got) != 2 {
		t.Errorf("types=rcs lists %v, want both phones", got)
	}
	if code, _ := h.call("GET", "/api/stoplist?page[limit]=14", ""); code != 422 {
		t.Errorf("page[limit]=14: %d, want 422", code)
	}
	code, out = h.call("GET", "/api/stoplist/search?search[field]=phone&search[operator]==&search[value]=380661231232", "")
	if code != 200 || len(out["data"].([]any)) != 1 || out["meta"].(map[string]any)["page"].(map[string]any)["total"].(float64) != 1 {
		t.Errorf("search by phone: %d %v", code, out)
	}
	for _, bad := range []string{`{"phones":[],"types":["sms"]}`, `{"phones":["+380661231231"],"types":["sms"]}`, `{"phones":[38066],"types":["sms"]}`, `{"phones":[380661231231],"types":["fax"]}`, `{"phones":[380661231231]}`} {
		if code, out := h.call("POST", "/api/stoplist/attach", bad); code != 422 {
			t.Errorf("attach %s: %d %v, want 422", bad, code, out)
		}
	}
}

// TestCampaignsSkipStopListedPhones: an RCS campaign skips phones on the
// RCS stop list unless check_stop_list is false; an SMS campaign always
// skips phones on the SMS stop list; another channel's entry skips nothing.
func TestCampaignsSkipStopListedPhones(t *testing.T) {
	h := newHarness(t)
	if code, out := h.call("POST", "/api/stoplist/attach", `{"phones":[380661231231],"types":["rcs"]}`); code != 200 {
		t.Fatalf("attach: %d %v", code, out)
	}
	if code, out := h.call("POST", "/api/stoplist/attach", `{"phones":[380661231232],"types":["sms"]}`); code != 200 {
		t.Fatalf("attach: %d %v", code, out)
	}
	rcs := h.create(simple)
	if got := h.sb.Recipients(rcs); slices.Contains(got, "380661231231") || len(got) != 2 {
		t.Errorf("RCS campaign went to %v, want the two phones not on the RCS stop list", got)
	}
	unchecked := h.create(`{"phones":[{"number":"380661231231"}],"sender":"rcs_sender","options":{"text":"Hi"},"check_stop_list":false}`)
	if got := h.sb.Recipients(unchecked); len(got) != 1 {
		t.Errorf("check_stop_list false went to %v, want the stop-listed phone", got)
	}
	code, out := h.call("POST", "/api/campaigns/sms/send", `{"phones":[{"number":380661231231},{"number":380661231232}],"sender":"Shop","text":"Hi"}`)
	if code != 200 {
		t.Fatalf("sms create: %d %v", code, out)
	}
	sms := int64(out["data"].(map[string]any)["id"].(float64))
	if got := h.sb.Recipients(sms); !slices.Equal(got, []string{"380661231231"}) {
		t.Errorf("SMS campaign went to %v, want only the phone not on the SMS stop list", got)
	}
}
