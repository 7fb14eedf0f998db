package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func benchSandbox(b *testing.B, campaigns int) (*Sandbox, string) {
	b.Helper()
	sb := New(Config{APIKeys: []string{"k"}})
	token := sb.issueToken()
	for i := range campaigns {
		req := httptest.NewRequest(http.MethodPost, "/api/campaigns/rcs/send",
			strings.NewReader(fmt.Sprintf(`{"phones":[{"number":"3806%08d"}],"sender":"s","options":{"text":"x"}}`, i)))
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		sb.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
	return sb, token
}

// BenchmarkGetCampaign is the stand-in's hot path during a refresh.
func BenchmarkGetCampaign(b *testing.B) {
	sb, token := benchSandbox(b, 1000)
	b.ReportAllocs()
	benchGET(b, sb, token, "/api/campaigns/3000000500")
}

// BenchmarkCreateCampaign validates and commits a 100-phone campaign.
func BenchmarkCreateCampaign(b *testing.B) {
	sb, token := benchSandbox(b, 0)
	phones := make([]string, 100)
	for i := range phones {
		phones[i] = fmt.Sprintf(`{"number":"3806%08d"}`, i)
	}
	body := `{"phones":[` + strings.Join(phones, ",") + `],"sender":"s","options":{"text":"x"}}`
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/api/campaigns/rcs/send", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		sb.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
}

// BenchmarkListPage500 serves one full page of the list.
func BenchmarkListPage500(b *testing.B) {
	sb, token := benchSandbox(b, 1000)
	b.ReportAllocs()
	benchGET(b, sb, token, "/api/campaigns?page[limit]=500")
}

// benchGET serves an authorized GET of url in a loop.
func benchGET(b *testing.B, sb *Sandbox, token, url string) {
	b.Helper()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		sb.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
