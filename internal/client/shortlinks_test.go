package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The short-link examples of the OpenAPI file, verbatim: the link create
// and update examples write the link bare, where their schema wraps it in
// {"data": ...}; the client reads both.
var shortURLExamples = map[string]struct {
	status int
	body   string
}{
	"GET /api/short-url/domains/db05af9e-107e-4ed6-b1ac-a373d90109c8":          {200, `{"data":{"id":"db05af9e-107e-4ed6-b1ac-a373d90109c8","system_domain_id":"53992a80-2b8c-4509-b1e2-844893c4f6c5","status":"active","name":"dev.shorty.tel","is_default":true,"slug_type":"random","init_deleted_at":null,"created_at":"2024-03-28 12:43:44","not_found_page":"https://example.com/404","can_refresh_status":false,"can_restore":false,"record_type":null,"hostname":null,"cname":null,"count_short_links":40535}}`},
	"POST /api/short-url/domains":                                              {201, `{"data":{"id":"db05af9e-107e-4ed6-b1ac-a373d90109c8","system_domain_id":null,"status":"inactive","name":"short.ai","is_default":false,"slug_type":"random","init_deleted_at":null,"can_restore":false,"record_type":"CNAME","hostname":"short.ai","cname":"dev.shorty.tel","count_short_links":0}}`},
	"PUT /api/short-url/domains/db05af9e-107e-4ed6-b1ac-a373d90109c8":          {200, `{"data":{"id":"db05af9e-107e-4ed6-b1ac-a373d90109c8","system_domain_id":null,"status":"inactive","name":"short.ai","is_default":true,"slug_type":"random","init_deleted_at":null,"can_restore":false,"record_type":"CNAME","hostname":"short.ai","cname":"dev.shorty.tel","count_short_links":0}}`},
	"GET /api/short-url/domains":                                               {200, `{"data":[{"id":"db05af9e-107e-4ed6-b1ac-a373d90109c8","system_domain_id":"53992a80-2b8c-4509-b1e2-844893c4f6c5","status":"active","name":"dev.shorty.tel","is_default":true,"init_deleted_at":null,"created_at":"2024-03-28 12:43:44","can_refresh_status":false,"can_restore":false,"count_short_links":40535},{"id":"bc7166bf-eff7-4bc6-9e60-9c9f0a852fce","system_domain_id":"140d1f97-68e1-4af1-846c-d5a41b9001e1","status":"active","name":"hiso.love","is_default":false,"init_deleted_at":null,"created_at":"2024-03-25 07:46:24","can_refresh_status":false,"can_restore":false,"count_short_links":25153}],"total":2}`},
	"POST /api/short-url/links":                                                {201, `{"id":"3338470c-4647-4f8d-a503-afce21e6312a","status":"active","name":null,"slug":"IkUuUc","campaign_id":null,"message_id":null,"init_deleted_at":null,"created_at":"2025-02-13 12:21:53","short_link":"http://ssx.one/IkUuUc","original_link":"https://app.bsg.world","can_restore":false,"count_clicks":0,"count_human_clicks":0,"count_unique_clicks":0}`},
	"PUT /api/short-url/links/3338470c-4647-4f8d-a503-afce21e6312a":            {200, `{"id":"3338470c-4647-4f8d-a503-afce21e6312a","status":"active","name":"New name","slug":"IkUuUc","campaign_id":null,"message_id":null,"init_deleted_at":null,"created_at":"2025-02-13 12:21:53","short_link":"http://ssx.one/IkUuUc","original_link":"https://app.bsg.world","can_restore":false,"count_clicks":0,"count_human_clicks":0,"count_unique_clicks":0}`},
	"GET /api/short-url/links":                                                 {200, `{"data":[{"id":"e25d87d5-ce6d-4697-8627-57ef0ec5a96b","status":"active","name":null,"slug":"8IF68O","campaign_id":53703374,"message_id":null,"init_deleted_at":null,"created_at":"2025-03-05 13:05:33","short_link":"http://dev.shorty.tel/8IF68O","original_link":"https://google.com/?q=ZZXXCC","can_restore":false,"count_clicks":2,"count_human_clicks":5,"count_unique_clicks":1},{"id":"1e2ed97d-4a1f-4eab-ac56-93841759e15b","status":"deleted","name":null,"slug":"hrik16","campaign_id":null,"message_id":null,"init_deleted_at":"2025-03-10 06:43:49","created_at":"2025-03-10 06:42:10","short_link":"http://dev.shorty.tel/hrik16","original_link":"https://app.bsg.world","can_restore":true,"count_clicks":0,"count_human_clicks":0,"count_unique_clicks":0}],"total":2}`},
	"GET /api/short-url/links/e25d87d5-ce6d-4697-8627-57ef0ec5a96b/statistics": {200, `{"data":{"count_clicks":5,"short_link":"http://dev.shorty.tel/8IF68O","click_date":"2025-03-05 00:00:00","click_id":"d7587224-5fe2-4bfe-8b49-10ae4a3ae17d","user_agent":"Mozilla/5.0","client_ip":"92.249.100.91","original_link":"https://google.com/?q=ZZXXCC","phone":380971430241,"message_id":12345,"campaign_id":67890,"is_human":true}}`},
	"GET /api/short-url/links/00000000-0000-4000-8000-000000000000/statistics": {404, `{"message":"Not Found"}`},
	"GET /api/short-url/domains/00000000-0000-4000-8000-000000000000":          {422, `{"message":"Domain not found"}`},
	"DELETE /api/short-url/links/00000000-0000-4000-8000-000000000000":         {422, `{"message":"Short link not found"}`},
}

// shortURLServer answers the short-link paths with the documented
// examples, and the login with the stand-in.
func shortURLServer(t *testing.T) *client.Client {
	t.Helper()
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	mux := http.NewServeMux()
	mux.Handle("/api/auth/", sb)
	mux.HandleFunc("/api/short-url/", func(w http.ResponseWriter, r *http.Request) {
		ex, ok := shortURLExamples[r.Method+" "+r.URL.Path]
		if !ok {
			t.Errorf("unexpected %s %s", r.Method, r.URL)
			ex.status, ex.body = 500, `{}`
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(ex.status)
		_, _ = w.Write([]byte(ex.body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL)
}

func TestShortURLExamplesDecode(t *testing.T) {
	c := shortURLServer(t)
	ctx := context.Background()
	const domain, link = "db05af9e-107e-4ed6-b1ac-a373d90109c8", "3338470c-4647-4f8d-a503-afce21e6312a"
	d, err := c.GetShortDomain(ctx, domain)
	if err != nil || d.Name != "dev.shorty.tel" || !d.Usable() || *d.CreatedAt != "2024-03-28 12:43:44" {
		t.Errorf("get domain: %+v, %v", d, err)
	}
	d, err = c.CreateShortDomain(ctx, client.ShortDomainRequest{Name: "short.ai", SlugType: "random"})
	if err != nil || *d.CNAME != "dev.shorty.tel" || !d.Usable() || d.Status != "inactive" {
		t.Errorf("create domain: %+v, %v", d, err)
	}
	isDefault := true
	if d, err = c.UpdateShortDomain(ctx, domain, client.ShortDomainUpdate{IsDefault: &isDefault}); err != nil || !d.IsDefault {
		t.Errorf("update domain: %+v, %v", d, err)
	}
	var names []string
	if err := c.EachShortDomain(ctx, func(d *client.ShortDomain) bool { names = append(names, d.Name); return true }); err != nil || len(names) != 2 {
		t.Errorf("domains %v, %v", names, err)
	}
	l, err := c.CreateShortLink(ctx, client.ShortLinkRequest{DomainID: domain, Link: "https://app.bsg.world"})
	if err != nil || l.ID != link || l.Slug != "IkUuUc" || l.Host() != "ssx.one" {
		t.Errorf("create link (bare example): %+v, %v", l, err)
	}
	name := "New name"
	if l, err = c.UpdateShortLink(ctx, link, client.ShortLinkUpdate{Name: &name}); err != nil || *l.Name != "New name" {
		t.Errorf("update link (bare example): %+v, %v", l, err)
	}
	found, err := c.FindShortLink(ctx, "1e2ed97d-4a1f-4eab-ac56-93841759e15b")
	if err != nil || found == nil || found.Status != "deleted" || !found.CanRestore {
		t.Errorf("find link: %+v, %v", found, err)
	}
	s, err := c.ShortLinkStats(ctx, "e25d87d5-ce6d-4697-8627-57ef0ec5a96b")
	if err != nil || s.CountClicks != 5 || *s.ClickDate != "2025-03-05 00:00:00" {
		t.Errorf("statistics: %+v, %v", s, err)
	}
}

func TestShortURLGoneAnswers(t *testing.T) {
	c := shortURLServer(t)
	ctx := context.Background()
	const gone = "00000000-0000-4000-8000-000000000000"
	if _, err := c.ShortLinkStats(ctx, gone); !client.IsNotFound(err) {
		t.Errorf("statistics of a gone link: %v, want not found", err)
	}
	if _, err := c.GetShortDomain(ctx, gone); !client.IsNotFound(err) {
		t.Errorf("a gone domain (422 Domain not found): %v, want not found", err)
	}
	if err := c.DeleteShortLink(ctx, gone); err != nil {
		t.Errorf("deleting a gone link: %v, want nil", err)
	}
}

func TestShortLinkUpdateSendsOnlyWhatIsSet(t *testing.T) {
	slug := "bf"
	for _, tc := range []struct {
		u    client.ShortLinkUpdate
		want string
	}{
		{client.ShortLinkUpdate{Slug: &slug}, `{"slug":"bf"}`},
		{client.ShortLinkUpdate{ClearName: true}, `{"name":null}`},
		{client.ShortLinkUpdate{}, `{}`},
	} {
		b, err := tc.u.MarshalJSON()
		if err != nil || string(b) != tc.want {
			t.Errorf("%+v: %s (%v), want %s", tc.u, b, err, tc.want)
		}
	}
}

// TestLostDomainAnswerNeverAdoptsAnOlderDomain: after a lost create answer,
// a domain of the name whose created_at is older than the request, in
// either of the sources' spellings, or unreadable, is refused and named,
// never taken as this request's; one made since is taken.
func TestLostDomainAnswerNeverAdoptsAnOlderDomain(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		created string
		adopted bool
	}{
		"older, as the examples write it":    {"2020-01-01 10:00:00", false},
		"older, as the schemas type it":      {"2020-01-01T10:00:00.000+00:00", false},
		"unreadable":                         {"yesterday", false},
		"made since, as the schemas type it": {time.Now().UTC().Add(time.Minute).Format(time.RFC3339), true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
			mux := http.NewServeMux()
			mux.Handle("/api/auth/", sb)
			mux.HandleFunc("/api/short-url/domains", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.Method == http.MethodPost {
					w.WriteHeader(http.StatusInternalServerError)
					_, _ = w.Write([]byte(`{"message":"Server Error"}`))
					return
				}
				_, _ = fmt.Fprintf(w, `{"data":[{"id":"bc7166bf-eff7-4bc6-9e60-9c9f0a852fce","status":"inactive","name":"short.ai",`+
					`"is_default":false,"init_deleted_at":null,"created_at":%q}],"total":1}`, tc.created)
			})
			mux.HandleFunc("/api/short-url/domains/", func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = fmt.Fprintf(w, `{"data":{"id":"bc7166bf-eff7-4bc6-9e60-9c9f0a852fce","status":"inactive","name":"short.ai",`+
					`"created_at":%q,"record_type":"CNAME","hostname":"short.ai","cname":"dev.shorty.tel"}}`, tc.created)
			})
			srv := httptest.NewServer(mux)
			t.Cleanup(srv.Close)
			c := newClient(t, srv.URL)
			d, err := c.CreateShortDomain(context.Background(), client.ShortDomainRequest{Name: "short.ai", SlugType: "random"})
			var dup *client.DuplicateDomainError
			switch {
			case tc.adopted && (err != nil || d == nil || d.Recovered == ""):
				t.Errorf("a domain made since the request: %v, %+v; want it found", err, d)
			case !tc.adopted && !errors.As(err, &dup):
				t.Errorf("created_at %q: %v, %+v; want the domain refused and named, not adopted", tc.created, err, d)
			}
		})
	}
}
