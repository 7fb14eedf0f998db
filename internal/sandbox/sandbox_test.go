package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// These tests speak raw HTTP, as the documentation describes it, without
// the provider's client.

type harness struct {
	t     *testing.T
	sb    *Sandbox
	url   string
	token string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	sb := New(Config{APIKeys: []string{"test_key"}, Start: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	h := &harness{t: t, sb: sb, url: srv.URL}
	code, out := h.call("POST", "/api/auth/login", `{"api_key":"test_key"}`)
	if code != 200 {
		t.Fatalf("login: %d %v", code, out)
	}
	h.token = out["bearer"].(string)
	return h
}

func (h *harness) call(method, path, body string) (int, map[string]any) {
	h.t.Helper()
	req, _ := http.NewRequest(method, h.url+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if h.token != "" {
		req.Header.Set("Authorization", "Bearer "+h.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (h *harness) create(body string) int64 {
	h.t.Helper()
	code, out := h.call("POST", "/api/campaigns/rcs/send", body)
	if code != 200 {
		h.t.Fatalf("create: %d %v", code, out)
	}
	return int64(out["data"].(map[string]any)["id"].(float64))
}

func (h *harness) get(id int64) map[string]any {
	h.t.Helper()
	code, out := h.call("GET", fmt.Sprintf("/api/campaigns/%d", id), "")
	if code != 200 {
		h.t.Fatalf("get %d: %d %v", id, code, out)
	}
	return out["data"].(map[string]any)
}

const simple = `{"phones":[{"number":"380661231231"},{"number":"380661231232"},{"number":"380661231233"}],"sender":"rcs_sender","options":{"text":"Hi"}}`

func scheduled(start string) string {
	return `{"phones":[{"number":"380661231231"}],"sender":"rcs_sender","options":{"text":"Hi"},"start_at":"` + start + `"}`
}

func TestLifeCycleThroughEveryStatus(t *testing.T) {
	h := newHarness(t)
	id := h.create(scheduled("2026-01-01 12:10:00"))
	steps := []struct {
		advance time.Duration
		want    string
	}{
		{0, "creation"}, {5 * time.Second, "moderation"}, {10 * time.Second, "scheduled"},
		{10*time.Minute - 15*time.Second, "sending"}, {time.Minute, "done"},
	}
	for _, s := range steps {
		h.sb.Advance(s.advance)
		if got := h.get(id)["status"]; got != s.want {
			t.Fatalf("after +%v: status %v, want %s", s.advance, got, s.want)
		}
	}
	c := h.get(id)
	if c["real_start_at"] != "2026-01-01 12:10:00" || c["finished_at"] == nil {
		t.Errorf("times wrong: %v", c)
	}
	if c["created_at"] != "2026-01-01 15:00:00" || c["start_at"] != "2026-01-01 12:10:00" {
		t.Errorf("created_at is in the account zone (+03:00) and start_at in UTC: %v", c)
	}
}

func TestStatisticsGrowWhileSending(t *testing.T) {
	h := newHarness(t)
	id := h.create(simple)
	h.sb.Advance(15 * time.Second) // sending starts
	var lastSent float64 = -1
	grew := 0
	for range 6 {
		st := h.get(id)["statistics"].(map[string]any)
		if st["sent"].(float64) > lastSent {
			grew++
		}
		lastSent = st["sent"].(float64)
		h.sb.Advance(2 * time.Second)
	}
	if grew < 2 {
		t.Errorf("statistics did not move while sending (grew %d times)", grew)
	}
}

// TestStopAndRenewFollowTheSeed: stop is accepted exactly in moderation,
// paused, sending and scheduled; renew only in paused; others answer 422
// {"message": "Invalid campaign status", "errors": []}.
func TestStopAndRenewFollowTheSeed(t *testing.T) {
	for _, status := range []string{"creation", "moderation", "scheduled", "sending", "paused", "spam", "stopped", "done"} {
		t.Run(status, func(t *testing.T) {
			h := newHarness(t)
			stopID, renewID := h.create(simple), h.create(simple)
			for _, id := range []int64{stopID, renewID} {
				if err := h.sb.SetStatus(id, status); err != nil {
					t.Fatal(err)
				}
			}
			code, out := h.call("PUT", fmt.Sprintf("/api/campaigns/%d/stop", stopID), "")
			wantStop := map[string]bool{"moderation": true, "paused": true, "sending": true, "scheduled": true}[status]
			checkAnswer(t, "stop", code, out, wantStop, "stopped")
			code, out = h.call("PUT", fmt.Sprintf("/api/campaigns/%d/renew", renewID), "")
			checkAnswer(t, "renew", code, out, status == "paused", "sending")
		})
	}
}

func checkAnswer(t *testing.T, op string, code int, out map[string]any, accepted bool, wantStatus string) {
	t.Helper()
	if accepted {
		if code != 200 || out["data"].(map[string]any)["status"] != wantStatus {
			t.Errorf("%s: %d %v, want 200 with status %s", op, code, out, wantStatus)
		}
		return
	}
	errs, isList := out["errors"].([]any)
	if code != 422 || out["message"] != "Invalid campaign status" || !isList || len(errs) != 0 {
		t.Errorf("%s: %d %v, want 422 Invalid campaign status", op, code, out)
	}
}

func TestStopViaPatchAndUnknownIDs(t *testing.T) {
	h := newHarness(t)
	id := h.create(simple)
	h.sb.Advance(5 * time.Second)
	if code, _ := h.call("PATCH", fmt.Sprintf("/api/campaigns/%d/stop", id), ""); code != 200 {
		t.Errorf("PATCH stop: %d", code)
	}
	code, out := h.call("GET", "/api/campaigns/999", "")
	if code != 404 || out["message"] != "Not Found" {
		t.Errorf("unknown id: %d %v", code, out)
	}
}

func TestAuthentication(t *testing.T) {
	h := newHarness(t)
	h.token = ""
	if code, out := h.call("GET", "/api/campaigns", ""); code != 401 {
		t.Errorf("no token: %d %v", code, out)
	}
	h.token = "a.b.c"
	if code, _ := h.call("GET", "/api/campaigns", ""); code != 401 {
		t.Errorf("forged token: %d", code)
	}
	if code, _ := h.call("POST", "/api/auth/login", `{"api_key":"live_nope"}`); code != 401 {
		t.Errorf("wrong key: %d", code)
	}
	h2 := newHarness(t)
	h2.sb.Advance(2 * time.Hour)
	if code, out := h2.call("GET", "/api/campaigns", ""); code != 401 || out["message"] != "Expired JWT Token" {
		t.Errorf("expired token: %d %v", code, out)
	}
	h3 := newHarness(t)
	code, out := h3.call("POST", "/api/auth/refresh", "")
	if code != 200 || out["bearer"] == h3.token {
		t.Errorf("refresh: %d %v", code, out)
	}
}

func phones(n int, prefix string) string {
	var b bytes.Buffer
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"number":"%s%06d"}`, prefix, i)
	}
	return b.String()
}

func TestCreateValidation(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, path, body, field string
	}{
		{"short number", "rcs/send", `{"phones":[{"number":"12345678"}],"sender":"s","options":{"text":"x"}}`, "phones.0.number"},
		{"long number", "rcs/send", `{"phones":[{"number":"1234567890123456"}],"sender":"s","options":{"text":"x"}}`, "phones.0.number"},
		{"plus sign", "rcs/send", `{"phones":[{"number":"+380661231231"}],"sender":"s","options":{"text":"x"}}`, "phones.0.number"},
		{"integer number for RCS", "rcs/send", `{"phones":[{"number":380661231231}],"sender":"s","options":{"text":"x"}}`, "phones.0.number"},
		{"string number for SMS", "sms/send", `{"phones":[{"number":"380661231231"}],"sender":"s","text":"x"}`, "phones.0.number"},
		{"duplicate", "rcs/send", `{"phones":[{"number":"380661231231"},{"number":"380661231231"}],"sender":"s","options":{"text":"x"}}`, "phones.1.number"},
		{"5001 phones", "rcs/send", `{"phones":[` + phones(5001, "380") + `],"sender":"s","options":{"text":"x"}}`, "phones"},
		{"no phones", "rcs/send", `{"sender":"s","options":{"text":"x"}}`, "phones"},
		{"sender 41", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"` + long(41) + `","options":{"text":"x"}}`, "sender"},
		{"no sender", "rcs/send", `{"phones":[{"number":"380661231231"}],"options":{"text":"x"}}`, "sender"},
		{"text and cards", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x","cards":[{"text":"y"}]}}`, "options"},
		{"text 1001", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"` + long(1001) + `"}}`, "options.text"},
		{"card title 201", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"title":"` + long(201) + `","text":"y"}]}}`, "options.cards.0.title"},
		{"button text 26", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"text":"y","suggestions":[{"type":"link","text":"` + long(26) + `","url":"https://x"}]}]}}`, "options.cards.0.suggestions.0.text"},
		{"validity 73", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"validity":73}`, "validity"},
		{"validity_seconds 29", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"validity_seconds":29}`, "validity_seconds"},
		{"both validities", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"validity":1,"validity_seconds":60}`, "validity_seconds"},
		{"start_at RFC 3339", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"start_at":"2026-01-01T10:00:00Z"}`, "start_at"},
		{"sms sender 12", "sms/send", `{"phones":[{"number":380661231231}],"sender":"abcdefghijkl","text":"x"}`, "sender"},
		{"sms text GSM 766", "sms/send", `{"phones":[{"number":380661231231}],"sender":"s","text":"` + long(766) + `"}`, "text"},
		{"sms text UCS-2 356", "sms/send", `{"phones":[{"number":380661231231}],"sender":"s","text":"` + strings.Repeat("я", 356) + `"}`, "text"},
		{"fallback text", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"alternative_channel":{"sms":{"sender":"s","text":""}}}`, "alternative_channel.sms.text"},
		{"unknown group", "rcs/send-groups", `{"groups":[7],"sender":"s","options":{"text":"x"}}`, "groups.0"},
		{"bad reference_id", "rcs/send", `{"phones":[{"number":"380661231231","reference_id":"no-dashes"}],"sender":"s","options":{"text":"x"}}`, "phones.0.reference_id"},
	}
	h := newHarness(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := h.call("POST", "/api/campaigns/"+tt.path, tt.body)
			errs, _ := out["errors"].(map[string]any)
			if code != 422 || errs[tt.field] == nil {
				t.Errorf("want 422 naming %s, got %d %v", tt.field, code, out)
			}
		})
	}
	if ids := h.sb.CampaignIDs(); len(ids) != 0 {
		t.Errorf("invalid requests created campaigns: %v", ids)
	}
	// Valid edge cases pass.
	for _, body := range []string{
		`{"phones":[{"number":"123456789"},{"number":"123456789012345"}],"sender":"` + long(40) + `","options":{"text":"` + long(1000) + `"}}`,
		`{"phones":[` + phones(5000, "380") + `],"sender":"s","options":{"text":"x"}}`,
	} {
		h.create(body)
	}
}

func TestReferenceIDIsNeverAcceptedTwice(t *testing.T) {
	h := newHarness(t)
	body := `{"phones":[{"number":"380661231231","reference_id":"abc123"}],"sender":"s","options":{"text":"x"}}`
	h.create(body)
	code, out := h.call("POST", "/api/campaigns/rcs/send", body)
	if errs, _ := out["errors"].(map[string]any); code != 422 || errs["phones.0.reference_id"] == nil {
		t.Errorf("second use of a reference_id: %d %v", code, out)
	}
	if n := len(h.sb.CampaignIDs()); n != 1 {
		t.Errorf("campaigns = %d, want 1", n)
	}
}

func TestListPagingFiltersAndSort(t *testing.T) {
	h := newHarness(t)
	for i := range 70 {
		sender := "alpha"
		if i%2 == 1 {
			sender = "beta"
		}
		h.create(`{"phones":[{"number":"380661231231"}],"sender":"` + sender + `","options":{"text":"x"}}`)
	}
	h.create(`{"phones":[{"number":380661231231}],"sender":"smsy","text":"x"}`[0:0] + `{"phones":[{"number":"380661231231"}],"sender":"gamma","options":{"text":"x"}}`)
	code, out := h.call("GET", "/api/campaigns?page[limit]=30&page[offset]=60", "")
	page := out["meta"].(map[string]any)["page"].(map[string]any)
	if code != 200 || len(out["data"].([]any)) != 11 || page["total"].(float64) != 71 || page["limit"].(float64) != 30 {
		t.Errorf("paging: %d meta=%v n=%d", code, page, len(out["data"].([]any)))
	}
	_, out = h.call("GET", "/api/campaigns?search[field]=sender&search[value]=beta&page[limit]=500", "")
	if n := len(out["data"].([]any)); n != 35 {
		t.Errorf("sender search found %d, want 35", n)
	}
	_, out = h.call("GET", "/api/campaigns?sort=id&way=desc", "")
	first := out["data"].([]any)[0].(map[string]any)
	if first["sender"] != "gamma" || len(out["data"].([]any)) != 50 {
		t.Errorf("desc sort / default limit wrong: %v", first)
	}
	for _, bad := range []string{"page[limit]=29", "page[limit]=501", "sort=name", "filter[type]=email", "search[field]=text"} {
		if code, _ := h.call("GET", "/api/campaigns?"+bad, ""); code != 422 {
			t.Errorf("%s: %d, want 422", bad, code)
		}
	}
	_, out = h.call("GET", "/api/campaigns?filter[type]=sms", "")
	if n := len(out["data"].([]any)); n != 0 {
		t.Errorf("type filter found %d sms campaigns, want 0", n)
	}
}

func TestFaultsAndCounters(t *testing.T) {
	h := newHarness(t)
	id := h.create(simple)
	h.sb.SetFaults(Faults{NextErrors: 1, TooManyRequests: 1, RetryAfter: 2 * time.Second})
	if code, _ := h.call("GET", fmt.Sprintf("/api/campaigns/%d", id), ""); code != 503 {
		t.Errorf("first read: %d, want 503", code)
	}
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/campaigns/%d", h.url, id), nil)
	req.Header.Set("Authorization", "Bearer "+h.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("second read: %d Retry-After=%q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if code, _ := h.call("GET", fmt.Sprintf("/api/campaigns/%d", id), ""); code != 200 {
		t.Errorf("third read: %d", code)
	}
	if n := h.sb.Count("GET /api/campaigns/{id}"); n != 3 {
		t.Errorf("read counter = %d, want 3", n)
	}
	code, out := h.call("GET", "/_sandbox/counters", "")
	if code != 200 || out["counters"].(map[string]any)["POST /api/auth/login"].(float64) != 1 {
		t.Errorf("control counters: %d %v", code, out)
	}
}
