package sandbox

import (
	"fmt"
	"testing"
	"time"
)

// TestSenderRequestsAsDocumented: an application is refused with field
// errors when the applicant's schema is not met, filed with 201 under
// either spelling of the legal fields, moderated over time (new, accepted,
// in_progress, registered, or rejected with a reason), and listed with
// filter[id] and filter[status].
func TestSenderRequestsAsDocumented(t *testing.T) {
	h := newHarness(t)
	code, out := h.call("POST", "/api/senders/requests/legal", `{"type":"rcs","country_code":"ua","sender":"Flower Shop","code_of_company":"1",
		"description":"d","informing_purpose":"p","legal_name":"L","address":"A"}`)
	errs, _ := out["errors"].(map[string]any)
	if code != 422 || errs["type"] == nil || errs["country_code"] == nil || errs["sender"] == nil || errs["tax_number"] == nil {
		t.Fatalf("a bad legal application: %d %v, want 422 on type, country_code, sender and tax_number", code, out)
	}
	legal := `{"country_code":"UA","sender":"FlowerShop","code_of_company":"1","tax_number":"2","description":"d",
		"informing_purpose":"p","juridical_name":"Flowers LLC","juridical_address":"Kyiv"}`
	code, out = h.call("POST", "/api/senders/requests/legal", legal)
	data, _ := out["data"].(map[string]any)
	if code != 201 || data["status"] != "new" || data["legal_name"] != "Flowers LLC" || data["type"] != "sms" {
		t.Fatalf("a legal application under the required list's names: %d %v", code, out)
	}
	id := data["id"].(float64)
	h.sb.RefuseSenderRegistration("Anna", "no such brand")
	if code, out := h.call("POST", "/api/senders/requests/natural", `{"type":"viber","country_code":"DE","sender":"Anna","name":"Anna S",
		"code_of_company":"1","description":"d","informing_purpose":"p"}`); code != 201 {
		t.Fatalf("a natural application: %d %v", code, out)
	}
	status := func(id float64) map[string]any {
		code, out := h.call("GET", fmt.Sprintf("/api/senders/requests/sms?filter[id]=%.0f", id), "")
		list, _ := out["data"].([]any)
		if code != 200 || len(list) != 1 {
			t.Fatalf("filter[id]=%.0f: %d %v", id, code, out)
		}
		return list[0].(map[string]any)
	}
	for _, step := range []struct {
		after time.Duration
		want  string
	}{{time.Minute, "accepted"}, {time.Minute, "in_progress"}, {3 * time.Minute, "registered"}} {
		h.sb.Advance(step.after)
		if got := status(id); got["status"] != step.want {
			t.Errorf("status %v, want %s", got["status"], step.want)
		}
	}
	if got := status(id); got["registered_at"] == nil || got["rejection_reason"] != nil {
		t.Errorf("a registered application: %v", got)
	}
	if got := status(id + 1); got["status"] != "rejected" || got["rejection_reason"] != "no such brand" {
		t.Errorf("a refused application: %v, want rejected with its reason", got)
	}
	_, out = h.call("GET", "/api/senders/requests/sms?filter[status]=registered", "")
	if list, _ := out["data"].([]any); len(list) != 2 { // with the one the stand-in starts with
		t.Errorf("filter[status]=registered: %v, want 2", out)
	}
	if code, _ := h.call("GET", "/api/senders/requests/sms?page[limit]=10", ""); code != 422 {
		t.Errorf("page[limit]=10: %d, want 422 (30..500)", code)
	}
}
