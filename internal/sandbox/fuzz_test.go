package sandbox

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDocumentedRequestExamples sends every create example of the OpenAPI
// file (testdata/requests, extracted verbatim): every one is accepted,
// the "full" RCS examples too, which send validity with validity_seconds
// (the fallback's description allows both: "if not set, validity is
// used"). Each goes to a fresh stand-in, since they share reference_ids.
func TestDocumentedRequestExamples(t *testing.T) {
	files, _ := filepath.Glob("testdata/requests/*.json")
	// The WhatsApp campaign call has no request example: its file is the
	// single-message call's WhatsApp example sent as a campaign. The
	// single-message call's voice example is left out: the stand-in sends
	// no voice messages.
	if len(files) != 23 {
		t.Fatalf("want the 23 documented send examples, found %d", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			path := "/api/campaigns/" + strings.Join(strings.SplitN(strings.TrimPrefix(name, "api_campaigns_"), "_", 3)[:2], "/")
			if call, _, ok := strings.Cut(name, "__"); ok { // the newer files name the path before "__"
				path = "/" + strings.ReplaceAll(call, "_", "/")
			}
			// A clock before every example's start_at that is not past
			// (the latest is 2026-10-10), within the 30-day window; the
			// examples' contact lists.
			h := newHarnessWith(t, Config{Start: time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC),
				Groups: map[int64]int{1864275: 3, 1234: 3}})
			if code, out := h.call("POST", path, string(body)); code != 200 {
				t.Errorf("%s -> %s: %d %v, want 200", name, path, code, out)
			}
		})
	}
}

// FuzzCreateRequest feeds arbitrary bodies to the create endpoints: the
// stand-in answers 200, 400 or 422 and never panics.
func FuzzCreateRequest(f *testing.F) {
	files, _ := filepath.Glob("testdata/requests/*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), uint8(0))
	}
	f.Add(`{"phones":[{"number":123}],"options":{"cards":[{"suggestions":[{}]}]}}`, uint8(1))
	f.Add(`{"groups":["x"],"alternative_channel":{"sms":[]}}`, uint8(3))
	sb := New(Config{APIKeys: []string{"k"}})
	token := sb.issueToken()
	paths := []string{"/api/campaigns/rcs/send", "/api/campaigns/rcs/send-groups", "/api/campaigns/sms/send", "/api/campaigns/sms/send-groups",
		"/api/campaigns/send", "/api/campaigns/viber/send", "/api/campaigns/whatsapp/send", "/api/campaigns/sms/send-individual",
		"/api/messages/send"}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		req := httptest.NewRequest(http.MethodPost, paths[int(which)%len(paths)], strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		sb.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
	})
}
