package client

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDecodeDocumentedExamples decodes every campaign, list, error and token
// example of the OpenAPI file and the seed (testdata/examples, extracted
// verbatim).
func TestDecodeDocumentedExamples(t *testing.T) {
	files, err := filepath.Glob("testdata/examples/*.json")
	if err != nil || len(files) < 25 {
		t.Fatalf("want at least 25 example files, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f)
			switch {
			case strings.Contains(name, "_429_") || strings.Contains(name, "422"):
				e := newAPIError("POST", "/x", 429, data)
				if e.Message == "" {
					t.Fatalf("no message decoded from %s", data)
				}
			case strings.Contains(name, "TokenSchema"):
				var tb tokenBody
				mustDecode(t, data, &tb)
				if jwtExpiry(tb.Bearer).IsZero() {
					t.Fatal("exp claim not read from the example JWT")
				}
			case strings.Contains(name, "SearchCampaignResource"):
				var l listPage[Campaign]
				mustDecode(t, data, &l)
				if len(l.items()) != 2 || l.items()[0].ID != 53651994 || l.problem() != "" {
					t.Fatalf("list decoded wrong: %+v", l)
				}
			case strings.Contains(name, "detail") || strings.Contains(name, "Detail"):
				var d CampaignDetail
				decodeMaybeEnveloped(t, data, &d)
				if d.ID != 53651994 || d.Type != "sms" || d.TotalPrice == nil || d.TotalPrice.Value <= 0 {
					t.Fatalf("detail decoded wrong: %+v", d)
				}
			default:
				var c Campaign
				decodeMaybeEnveloped(t, data, &c)
				if c.ID == 0 || c.Status == "" || c.Name == "" || c.CreatedAt == nil || c.StartAt == nil {
					t.Fatalf("campaign decoded wrong: %+v", c)
				}
			}
		})
	}
}

func decodeMaybeEnveloped(t *testing.T, data []byte, out any) {
	t.Helper()
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	mustDecode(t, data, &env)
	if len(env.Data) > 0 {
		data = env.Data
	}
	mustDecode(t, data, out)
}

func mustDecode(t *testing.T, data []byte, out any) {
	t.Helper()
	if err := json.Unmarshal(data, out); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
}

func TestDecodeCampaignEdgeCases(t *testing.T) {
	tests := []struct {
		name                  string
		json                  string
		wantID                int64
		wantSMS               *Statistics
		wantFinished, wantCur bool
	}{
		{"seed statistic spelling", `{"id":1,"alternative_channels":{"sms":{"statistic":{"delivered":2,"sent":3}}}}`, 1, &Statistics{3, 2}, false, false},
		{"table statistics spelling", `{"id":1,"alternative_channels":{"sms":{"statistics":{"delivered":4,"sent":5}}}}`, 1, &Statistics{5, 4}, false, false},
		{"empty array", `{"id":1,"alternative_channels":[]}`, 1, nil, false, false},
		{"null", `{"id":1,"alternative_channels":null,"finished_at":null,"currency":null,"calculated_price":null}`, 1, nil, false, false},
		{"absent", `{"id":1}`, 1, nil, false, false},
		{"id above 2^31", `{"id":3000000001,"finished_at":"2025-04-14 10:43:13","currency":"USD"}`, 3000000001, nil, true, true},
		{"id above 2^53 boundary", `{"id":9007199254740993}`, 9007199254740993, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Campaign
			mustDecode(t, []byte(tt.json), &c)
			if c.ID != tt.wantID {
				t.Errorf("id = %d, want %d", c.ID, tt.wantID)
			}
			var got *Statistics
			if c.AlternativeChannels != nil && c.AlternativeChannels.SMS != nil {
				got = &c.AlternativeChannels.SMS.Statistics
			}
			if (got == nil) != (tt.wantSMS == nil) || (got != nil && *got != *tt.wantSMS) {
				t.Errorf("sms statistics = %+v, want %+v", got, tt.wantSMS)
			}
			if (c.FinishedAt != nil) != tt.wantFinished || (c.Currency != nil) != tt.wantCur {
				t.Errorf("finished_at/currency presence wrong: %+v", c)
			}
		})
	}
}

func TestDecodeDecimal(t *testing.T) {
	for in, want := range map[string]float64{`"0.16"`: 0.16, `0.16`: 0.16, `"0.3000000"`: 0.3, `null`: 0, `""`: 0} {
		var d Decimal
		if err := json.Unmarshal([]byte(in), &d); err != nil || d.Value != want {
			t.Errorf("%s -> %v, %v; want %v", in, d.Value, err, want)
		}
	}
	var d Decimal
	if err := json.Unmarshal([]byte(`"abc"`), &d); err == nil {
		t.Error("want an error for a non-numeric price")
	}
}

func TestAPIErrorFieldErrors(t *testing.T) {
	e := newAPIError("POST", "/api/campaigns/rcs/send", 422, []byte(`{"message":"The given data was invalid.","errors":{"phones.0.number":["too long"],"sender":"blank"}}`))
	if !IsUnprocessable(e) || len(e.FieldErrors) != 2 || e.FieldErrors["sender"][0] != "blank" {
		t.Fatalf("field errors decoded wrong: %+v", e)
	}
	if !strings.Contains(e.Error(), "phones.0.number: too long") {
		t.Errorf("error text lacks the field error: %s", e.Error())
	}
	e = newAPIError("PUT", "/api/campaigns/1/stop", 422, []byte(`{"message":"Invalid campaign status","errors":[]}`))
	if e.Message != "Invalid campaign status" || len(e.FieldErrors) != 0 {
		t.Fatalf("status error decoded wrong: %+v", e)
	}
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		status     int
		retryAfter string
		want       time.Duration // 0: the backoff, at most 10ms here
	}{
		{429, "3", 3 * time.Second},
		{503, "2", 2 * time.Second},
		// A server asking for an hour gets at most MaxRetryAfter.
		{429, "3600", MaxRetryAfter},
		{503, time.Now().Add(2 * time.Hour).UTC().Format(http.TimeFormat), MaxRetryAfter},
		// Retry-After means something on 429 and 503 only: a 500 that
		// carries one gets the capped exponential backoff.
		{500, "1", 0},
		{429, "soon", 0},
	} {
		resp := &http.Response{StatusCode: tc.status, Header: http.Header{"Retry-After": []string{tc.retryAfter}}, Body: http.NoBody}
		d := backoff(time.Millisecond, 10*time.Millisecond, 0, resp, time.Now())
		_ = resp.Body.Close()
		switch {
		case tc.want == 0 && d > 10*time.Millisecond:
			t.Errorf("%d with Retry-After %q: %v, want the backoff (at most 10ms)", tc.status, tc.retryAfter, d)
		case tc.want != 0 && (d < tc.want || d > tc.want+max(tc.want/2, 250*time.Millisecond)):
			// The wait asked for, and a random part on top (up to half
			// again), so that requests refused together return apart.
			t.Errorf("%d with Retry-After %q: %v, want %v plus at most half of it", tc.status, tc.retryAfter, d, tc.want)
		}
	}
	for attempt := range 10 {
		d := backoff(100*time.Millisecond, time.Second, attempt, nil, time.Now())
		if d < 50*time.Millisecond || d > time.Second {
			t.Errorf("attempt %d: %v outside [50ms, 1s]", attempt, d)
		}
	}
}

// TestDecodeCalculatedPrice: the estimate is kept exactly as the API wrote
// it, whether as a JSON number or as a string holding one.
func TestDecodeCalculatedPrice(t *testing.T) {
	for in, want := range map[string]string{`0.0175696`: "0.0175696", `"0.0527088"`: "0.0527088", `0`: "0", `1.5e-05`: "1.5e-05", `123.4`: "123.4"} {
		var c Campaign
		mustDecode(t, []byte(`{"id":1,"calculated_price":`+in+`}`), &c)
		if c.CalculatedPrice == nil || c.CalculatedPrice.String() != want {
			t.Errorf("calculated_price %s decoded as %v, want %q", in, c.CalculatedPrice, want)
		}
	}
	var c Campaign
	if err := json.Unmarshal([]byte(`{"id":1,"calculated_price":"free"}`), &c); err == nil {
		t.Errorf("a price that is not a number must not decode: %v", *c.CalculatedPrice)
	}
}
