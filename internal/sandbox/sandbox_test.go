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
	return newHarnessIn(t, time.UTC)
}

// newHarnessIn starts a stand-in whose account is in zone, with its clock
// frozen at 2026-01-01 12:00:00 UTC.
func newHarnessIn(t *testing.T, zone *time.Location) *harness {
	t.Helper()
	return newHarnessWith(t, Config{Start: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC), AccountZone: zone})
}

// newHarnessWith starts a stand-in of cfg (its API key test_key) and logs in.
func newHarnessWith(t *testing.T, cfg Config) *harness {
	t.Helper()
	cfg.APIKeys = []string{"test_key"}
	sb := New(cfg)
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
	if c["created_at"] != "2026-01-01 12:00:00" || c["start_at"] != "2026-01-01 12:10:00" {
		t.Errorf("created_at and start_at are both in the account zone (UTC here): %v", c)
	}
}

// TestOneAccountZoneForEveryTime: with the account in UTC+09:00, start_at is
// read in that zone and every time field and the name are written in it, so
// that finished_at never precedes created_at.
func TestOneAccountZoneForEveryTime(t *testing.T) {
	h := newHarnessIn(t, time.FixedZone("UTC+9", 9*3600))
	// 21:10 in UTC+9 is 12:10 UTC, ten minutes after the clock's start.
	id := h.create(scheduled("2026-01-01 21:10:00"))
	h.sb.Advance(15 * time.Second)
	if c := h.get(id); c["status"] != "scheduled" || c["created_at"] != "2026-01-01 21:00:00" ||
		c["name"] != "RCS api campaign / 2026-01-01 21:00:00" || c["start_at"] != "2026-01-01 21:10:00" {
		t.Fatalf("before the start: %v", c)
	}
	h.sb.Advance(10*time.Minute - 16*time.Second)
	if st := h.get(id)["status"]; st != "scheduled" {
		t.Fatalf("a second before 21:10 UTC+9: %v", st)
	}
	h.sb.Advance(2 * time.Second)
	h.sb.Advance(time.Minute)
	c := h.get(id)
	if c["status"] != "done" || c["real_start_at"] != "2026-01-01 21:10:00" || c["finished_at"].(string) < c["created_at"].(string) {
		t.Errorf("after the start: %v", c)
	}
	code, out := h.call("GET", fmt.Sprintf("/api/campaigns/%d/detail", id), "")
	if d := out["data"].(map[string]any); code != 200 || d["created_at"] != "2026-01-01 21:00:00" || d["actual_start_at"] != "2026-01-01 21:10:00" {
		t.Errorf("detail: %d %v", code, out)
	}
}

// TestStartAtWindow: at most 30 days ahead counting today, to 23:59:59 of
// the 30th day in the account's zone; a past time is taken (sent at once).
func TestStartAtWindow(t *testing.T) {
	h := newHarnessIn(t, time.FixedZone("UTC+9", 9*3600))
	// Today in UTC+9 is 2026-01-01 (21:00); the 30th day is 2026-01-30.
	h.create(scheduled("2026-01-30 23:59:59"))
	past := h.create(scheduled("2025-04-10 09:00:00"))
	code, out := h.call("POST", "/api/campaigns/rcs/send", scheduled("2026-01-31 00:00:00"))
	if errs, _ := out["errors"].(map[string]any); code != 422 || errs["start_at"] == nil {
		t.Errorf("31st day: %d %v", code, out)
	}
	h.sb.Advance(16 * time.Second)
	if st := h.get(past)["status"]; st != "sending" {
		t.Errorf("a past start_at: %v, want sending at once", st)
	}
}

// TestNothingSentBeforeSending: statistics.sent stays 0 until a message goes
// out, however the campaign got where it is.
func TestNothingSentBeforeSending(t *testing.T) {
	h := newHarness(t)
	far := h.create(scheduled("2026-01-30 10:00:00"))
	paused := h.create(simple)
	if err := h.sb.SetStatus(paused, "paused"); err != nil {
		t.Fatal(err)
	}
	h.sb.Advance(time.Minute)
	for _, id := range []int64{far, paused} {
		c := h.get(id)
		if st := c["statistics"].(map[string]any); st["sent"].(float64) != 0 || st["delivered"].(float64) != 0 {
			t.Errorf("campaign %d (%v) shows %v", id, c["status"], st)
		}
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

// TestStopAndRenewFollowTheDocs: an RCS campaign stops in moderation,
// paused, sending and scheduled (the seed); an SMS campaign in creation,
// paused, sending and scheduled (the SMS cancel pages); renew only in
// paused; others answer 422 {"message": "Invalid campaign status",
// "errors": []}.
func TestStopAndRenewFollowTheDocs(t *testing.T) {
	const smsBody = `{"phones":[{"number":380661231231}],"sender":"sms","text":"Hi"}`
	stops := map[string]map[string]bool{
		"rcs": {"moderation": true, "paused": true, "sending": true, "scheduled": true},
		"sms": {"creation": true, "paused": true, "sending": true, "scheduled": true},
	}
	for _, kind := range []string{"rcs", "sms"} {
		for _, status := range []string{"creation", "moderation", "scheduled", "sending", "paused", "spam", "stopped", "done"} {
			t.Run(kind+"/"+status, func(t *testing.T) {
				h := newHarness(t)
				create := func() int64 {
					if kind == "rcs" {
						return h.create(simple)
					}
					code, out := h.call("POST", "/api/campaigns/sms/send", smsBody)
					if code != 200 {
						t.Fatalf("create: %d %v", code, out)
					}
					return int64(out["data"].(map[string]any)["id"].(float64))
				}
				stopID, renewID := create(), create()
				for _, id := range []int64{stopID, renewID} {
					if err := h.sb.SetStatus(id, status); err != nil {
						t.Fatal(err)
					}
				}
				code, out := h.call("PUT", fmt.Sprintf("/api/campaigns/%d/stop", stopID), "")
				checkAnswer(t, "stop", code, out, stops[kind][status], "stopped")
				code, out = h.call("PUT", fmt.Sprintf("/api/campaigns/%d/renew", renewID), "")
				checkAnswer(t, "renew", code, out, status == "paused", "sending")
			})
		}
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

// TestStopMethodModes: the stand-in can answer each reading of the stop
// method: PUT refused with 405 or 404 (PATCH works), or PUT only.
func TestStopMethodModes(t *testing.T) {
	for _, tt := range []struct {
		mode           string
		putCode, patch int
	}{{"", 200, 200}, {"put_405", 405, 200}, {"put_404", 404, 200}, {"put_only", 200, 405}} {
		t.Run("mode "+tt.mode, func(t *testing.T) {
			h := newHarness(t)
			h.sb.SetFaults(Faults{StopMethod: tt.mode})
			a, b := h.create(simple), h.create(simple)
			h.sb.Advance(5 * time.Second)
			if code, out := h.call("PUT", fmt.Sprintf("/api/campaigns/%d/stop", a), ""); code != tt.putCode {
				t.Errorf("PUT: %d %v, want %d", code, out, tt.putCode)
			}
			if code, out := h.call("PATCH", fmt.Sprintf("/api/campaigns/%d/stop", b), ""); code != tt.patch {
				t.Errorf("PATCH: %d %v, want %d", code, out, tt.patch)
			}
		})
	}
}

// TestWrongMethodIs405: a known path asked with a method it does not serve
// answers 405 with Allow; an unknown path answers 404.
func TestWrongMethodIs405(t *testing.T) {
	h := newHarness(t)
	id := h.create(simple)
	for _, tt := range []struct{ method, path, allow string }{
		{"POST", fmt.Sprintf("/api/campaigns/%d/stop", id), "PUT, PATCH"},
		{"GET", "/api/campaigns/rcs/send", "POST"},
		{"DELETE", fmt.Sprintf("/api/campaigns/%d", id), "GET"},
		{"PATCH", fmt.Sprintf("/api/campaigns/%d/renew", id), "PUT"},
	} {
		req, _ := http.NewRequest(tt.method, h.url+tt.path, nil)
		req.Header.Set("Authorization", "Bearer "+h.token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d Allow=%q, want 405 Allow=%q", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Allow"), tt.allow)
		}
	}
	if code, _ := h.call("GET", "/api/nothing/here", ""); code != 404 {
		t.Errorf("unknown path: %d, want 404", code)
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
		{"10001 sms phones", "sms/send", `{"phones":[` + strings.ReplaceAll(strings.ReplaceAll(phones(10001, "380"), `"number":"`, `"number":`), `"}`, `}`) + `],"sender":"s","text":"x"}`, "phones"},
		{"5001 phones", "rcs/send", `{"phones":[` + phones(5001, "380") + `],"sender":"s","options":{"text":"x"}}`, "phones"},
		{"no phones", "rcs/send", `{"sender":"s","options":{"text":"x"}}`, "phones"},
		{"sender 41", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"` + long(41) + `","options":{"text":"x"}}`, "sender"},
		{"no sender", "rcs/send", `{"phones":[{"number":"380661231231"}],"options":{"text":"x"}}`, "sender"},
		{"text and cards", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x","cards":[{"text":"y"}]}}`, "options"},
		{"text 161", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"` + long(161) + `"}}`, "options.text"},
		{"11 cards", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[` + strings.Repeat(`{"text":"y"},`, 10) + `{"text":"y"}]}}`, "options.cards"},
		{"5 buttons", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"text":"y","suggestions":[` + strings.Repeat(`{"text":"b","url":"https://x"},`, 4) + `{"text":"b","url":"https://x"}]}]}}`, "options.cards.0.suggestions"},
		{"card title 201", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"title":"` + long(201) + `","text":"y"}]}}`, "options.cards.0.title"},
		{"button text 26", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"text":"y","suggestions":[{"type":"link","text":"` + long(26) + `","url":"https://x"}]}]}}`, "options.cards.0.suggestions.0.text"},
		{"validity 73", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"validity":73}`, "validity"},
		{"validity_seconds 29", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"validity_seconds":29}`, "validity_seconds"},
		{"start_at RFC 3339", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"start_at":"2026-01-01T10:00:00Z"}`, "start_at"},
		{"start_at day 31", "rcs/send", `{"phones":[{"number":"380661231231"}],"sender":"s","options":{"text":"x"},"start_at":"2026-01-31 00:00:00"}`, "start_at"},
		{"sms tariff 10", "sms/send", `{"phones":[{"number":380661231231}],"sender":"s","text":"x","tariff_code":10}`, "tariff_code"},
		{"sms sender Cyrillic", "sms/send", `{"phones":[{"number":380661231231}],"sender":"Клиника","text":"x"}`, "sender"},
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
			// The API keys field errors by the path without its dots
			// (the OpenAPI file's "messages0phone").
			field := strings.ReplaceAll(tt.field, ".", "")
			errs, _ := out["errors"].(map[string]any)
			if code != 422 || errs[field] == nil {
				t.Errorf("want 422 naming %s, got %d %v", field, code, out)
			}
		})
	}
	if ids := h.sb.CampaignIDs(); len(ids) != 0 {
		t.Errorf("invalid requests created campaigns: %v", ids)
	}
	// Valid edge cases pass.
	for _, body := range []string{
		`{"phones":[{"number":"123456789"},{"number":"123456789012345"}],"sender":"` + long(40) + `","options":{"text":"` + long(160) + `"}}`,
		`{"phones":[` + phones(5000, "380") + `],"sender":"s","options":{"text":"x"}}`,
		`{"phones":[{"number":"380661231231"}],"sender":"s","options":{"cards":[{"text":"y","suggestions":[]}]},"validity":1,"validity_seconds":60}`,
	} {
		h.create(body)
	}
	for _, body := range []string{
		`{"phones":[{"number":380661231231}],"sender":"A-B.C!","text":"x","tariff_code":9}`,
		`{"phones":[{"number":380661231231}],"sender":"s","text":"x"}`,
	} {
		if code, out := h.call("POST", "/api/campaigns/sms/send", body); code != 200 {
			t.Errorf("%s: %d %v", body, code, out)
		}
	}
}

func TestReferenceIDIsNeverAcceptedTwice(t *testing.T) {
	h := newHarness(t)
	body := `{"phones":[{"number":"380661231231","reference_id":"abc123"}],"sender":"s","options":{"text":"x"}}`
	h.create(body)
	code, out := h.call("POST", "/api/campaigns/rcs/send", body)
	if errs, _ := out["errors"].(map[string]any); code != 422 || errs["phones0reference_id"] == nil {
		t.Errorf("second use of a reference_id: %d %v", code, out)
	}
	if n := len(h.sb.CampaignIDs()); n != 1 {
		t.Errorf("campaigns = %d, want 1", n)
	}
}

// TestRepeatedReferenceDropsMessages: under the other reading, only the
// repeated messages are dropped; a request of nothing but repeated ones
// makes an empty campaign.
func TestRepeatedReferenceDropsMessages(t *testing.T) {
	h := newHarness(t)
	h.sb.SetFaults(Faults{RepeatedReference: "messages"})
	h.create(`{"phones":[{"number":"380661231231","reference_id":"abc1"}],"sender":"s","options":{"text":"x"}}`)
	partial := h.create(`{"phones":[{"number":"380661231231","reference_id":"abc1"},{"number":"380661231232","reference_id":"abc2"}],"sender":"s","options":{"text":"x"}}`)
	empty := h.create(`{"phones":[{"number":"380661231231","reference_id":"abc1"}],"sender":"s","options":{"text":"x"}}`)
	for id, want := range map[int64]float64{partial: 1, empty: 0} {
		_, out := h.call("GET", fmt.Sprintf("/api/campaigns/%d/detail", id), "")
		if got := out["data"].(map[string]any)["total_messages"]; got != want {
			t.Errorf("campaign %d: total_messages %v, want %v", id, got, want)
		}
	}
	_, out := h.call("GET", "/api/messages?filter[reference_id]=abc1", "")
	if n := len(out["data"].([]any)); n != 1 {
		t.Errorf("messages with reference_id abc1: %d, want 1", n)
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
	code, out := h.call("GET", "/api/campaigns?filter[type]=rcs&page[limit]=30&page[offset]=60", "")
	page := out["meta"].(map[string]any)["page"].(map[string]any)
	if code != 200 || len(out["data"].([]any)) != 11 || page["total"].(float64) != 71 || page["limit"].(float64) != 30 {
		t.Errorf("paging: %d meta=%v n=%d", code, page, len(out["data"].([]any)))
	}
	_, out = h.call("GET", "/api/campaigns?filter[type]=rcs&filter[field]=sender&filter[value]=beta&page[limit]=500", "")
	if n := len(out["data"].([]any)); n != 35 {
		t.Errorf("sender search (the RCS list page's filter[field]) found %d, want 35", n)
	}
	_, out = h.call("GET", "/api/campaigns?filter[type]=rcs&search[field]=sender&search[value]=beta&page[limit]=500", "")
	if n := len(out["data"].([]any)); n != 71 {
		t.Errorf("search[field] (the OpenAPI file's name) is ignored: found %d, want all 71", n)
	}
	_, out = h.call("GET", "/api/campaigns?filter[type]=rcs&sort=id&way=desc", "")
	first := out["data"].([]any)[0].(map[string]any)
	if first["sender"] != "gamma" || len(out["data"].([]any)) != 50 {
		t.Errorf("desc sort / default limit wrong: %v", first)
	}
	for _, bad := range []string{"page[limit]=29", "page[limit]=501", "sort=name", "filter[type]=email", "filter[field]=text",
		"filter[from]=2026-01-01T10:00:00Z", "filter[from]=2025-09-30%2012:00:00&filter[to]=2026-01-01%2012:00:01"} {
		if code, _ := h.call("GET", "/api/campaigns?"+bad, ""); code != 422 {
			t.Errorf("%s: %d, want 422", bad, code)
		}
	}
	// filter[type] defaults to sms: the RCS campaigns are not listed.
	_, out = h.call("GET", "/api/campaigns", "")
	if n := len(out["data"].([]any)); n != 0 {
		t.Errorf("without filter[type] found %d campaigns, want 0 (the default type is sms)", n)
	}
	// The default window is the three months before now.
	h.sb.Advance(93 * 24 * time.Hour)
	h.token = ""
	_, login := h.call("POST", "/api/auth/login", `{"api_key":"test_key"}`)
	h.token = login["bearer"].(string)
	_, out = h.call("GET", "/api/campaigns?filter[type]=rcs", "")
	if n := len(out["data"].([]any)); n != 0 {
		t.Errorf("93 days later the default window found %d, want 0", n)
	}
	_, out = h.call("GET", "/api/campaigns?filter[type]=rcs&filter[from]=2026-01-01%2000:00:00&filter[to]=2026-03-31%2023:59:59&page[limit]=500", "")
	if n := len(out["data"].([]any)); n != 71 {
		t.Errorf("an explicit window found %d, want 71", n)
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

// TestRateLimitSetWhileServing: PUT /_sandbox/rate-limit limits the API
// requests that follow (429 with Retry-After, counted as rate_limited)
// and 0 lifts the limit; a benchmark creates campaigns unlimited and then
// refreshes them under a limit.
func TestRateLimitSetWhileServing(t *testing.T) {
	h := newHarness(t)
	id := h.create(simple)
	read := func() int {
		code, _ := h.call("GET", fmt.Sprintf("/api/campaigns/%d", id), "")
		return code
	}
	for range 5 {
		if code := read(); code != 200 {
			t.Fatalf("unlimited read: %d", code)
		}
	}
	if code, _ := h.call("PUT", "/_sandbox/rate-limit", `{"requests_per_second": 1}`); code != 200 {
		t.Fatalf("set the limit: %d", code)
	}
	limited := 0
	for range 10 {
		switch code := read(); code {
		case 429:
			limited++
		case 200:
		default:
			t.Fatalf("limited read: %d", code)
		}
	}
	// A burst of 1 and one more a second: 10 reads in a row cannot all pass.
	if limited == 0 {
		t.Error("no read of 10 answered 429 at 1 request/s")
	}
	if got := h.sb.Injected()["rate_limited"]; got != limited {
		t.Errorf("rate_limited = %d, want %d", got, limited)
	}
	if code, _ := h.call("PUT", "/_sandbox/rate-limit", `{"requests_per_second": 0}`); code != 200 {
		t.Fatalf("lift the limit: %d", code)
	}
	for range 5 {
		if code := read(); code != 200 {
			t.Fatalf("read after the limit was lifted: %d", code)
		}
	}
	for _, body := range []string{`{}`, `{"requests_per_second": -1}`, `x`} {
		if code, _ := h.call("PUT", "/_sandbox/rate-limit", body); code != 400 {
			t.Errorf("PUT /_sandbox/rate-limit %s: %d, want 400", body, code)
		}
	}
}

// TestMessagesAsDocumented: GET /api/messages lists a campaign's messages
// with a source from the documented enum (web, rest) and the phone.
func TestMessagesAsDocumented(t *testing.T) {
	h := newHarness(t)
	id := h.create(`{"phones":[{"number":"380661231231","reference_id":"abc1"}],"sender":"s","options":{"text":"x"}}`)
	code, out := h.call("GET", "/api/messages?filter[reference_id]=abc1", "")
	data, _ := out["data"].([]any)
	if code != 200 || len(data) != 1 {
		t.Fatalf("messages: %d %v", code, out)
	}
	m := data[0].(map[string]any)
	if src := m["source"]; src != "web" && src != "rest" {
		t.Errorf("source %v, want web or rest (the documented enum)", src)
	}
	if m["campaign_id"].(float64) != float64(id) || m["reference_id"] != "abc1" {
		t.Errorf("message %v", m)
	}
}

// TestCampaignsSpendTheBalance: the balance falls by what the campaigns'
// messages cost as they are sent (the detail's total_price), and the
// control surface tops it up.
func TestCampaignsSpendTheBalance(t *testing.T) {
	h := newHarness(t)
	balance := func() float64 {
		h.t.Helper()
		code, out := h.call("GET", "/api/accounts/balance", "")
		if code != 200 {
			t.Fatalf("balance: %d %v", code, out)
		}
		return out["data"].(map[string]any)["balance"].(float64)
	}
	if got := balance(); got != 100 {
		t.Fatalf("balance %v before any campaign, want the configured 100", got)
	}
	id := h.create(simple)
	if got := balance(); got != 100 {
		t.Errorf("balance %v before anything was sent, want 100", got)
	}
	h.sb.Advance(2 * time.Minute) // every message delivered or read
	_, out := h.call("GET", fmt.Sprintf("/api/campaigns/%d/detail", id), "")
	price := out["data"].(map[string]any)["total_price"].(string)
	if price == "0.00" {
		t.Fatalf("the campaign cost nothing after two minutes: %v", out)
	}
	if got, want := balance(), 100-mustFloat(t, price); fmt.Sprintf("%.2f", got) != fmt.Sprintf("%.2f", want) {
		t.Errorf("balance %v after the campaign cost %s, want %v", got, price, want)
	}
	req, _ := http.NewRequest("PUT", h.url+"/_sandbox/balance", strings.NewReader(`{"balance": 500, "credit": 20}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("top-up: %v %v", resp, err)
	}
	resp.Body.Close()
	_, out = h.call("GET", "/api/accounts/balance", "")
	if got := out["data"].(map[string]any); fmt.Sprintf("%.2f %v", got["balance"], got["credit"]) != fmt.Sprintf("%.2f 20", 500-mustFloat(t, price)) {
		t.Errorf("after the top-up: %v, want balance 500 less %s and credit 20", got, price)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if _, err := fmt.Sscan(s, &f); err != nil {
		t.Fatal(err)
	}
	return f
}
