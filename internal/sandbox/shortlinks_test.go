package sandbox

import (
	"net/http"
	"testing"
)

// The URL shortener as the OpenAPI file documents it.

const period = "?from=2015-01-01&to=2030-01-01"

// TestShortURLDomainRefusals: the documented refusals of a domain create
// (a taken name, the tariff's limit) and the unknown domain's 422.
func TestShortURLDomainRefusals(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/short-url/domains", `{"name":"short.ai","slug_type":"random"}`, http.StatusCreated)
	if d := data(out); d["status"] != "inactive" || d["record_type"] != "CNAME" || d["hostname"] != "short.ai" || d["cname"] != systemCNAME || d["system_domain_id"] != nil {
		t.Errorf("created domain = %v", d)
	}
	if code, out := h.call("POST", "/api/short-url/domains", `{"name":"short.ai","slug_type":"random"}`); code != 422 || out["message"] != "Invalid domain name" {
		t.Errorf("taken name: %d %v", code, out)
	}
	h.mustCall("POST", "/api/short-url/domains", `{"name":"two.ai","slug_type":"numeric"}`, http.StatusCreated)
	if code, out := h.call("POST", "/api/short-url/domains", `{"name":"three.ai","slug_type":"random"}`); code != 422 || out["message"] != "short-link.exceptions.domain_exceeded_allowed_limit" {
		t.Errorf("beyond the tariff: %d %v", code, out)
	}
	if code, out := h.call("POST", "/api/short-url/domains", `{"name":"a-name-of-21-chars.io","slug_type":"sequential"}`); code != 422 || out["errors"] == nil {
		t.Errorf("invalid body: %d %v", code, out)
	}
	if code, out := h.call("GET", "/api/short-url/domains/00000000-0000-4000-8000-000000000000", ""); code != 422 || out["message"] != "Domain not found" {
		t.Errorf("unknown domain: %d %v", code, out)
	}
}

// TestShortURLListsNeedTheirPeriod: from and to are required, per_page
// is one of the documented values.
func TestShortURLListsNeedTheirPeriod(t *testing.T) {
	h := newHarness(t)
	for _, path := range []string{"/api/short-url/domains", "/api/short-url/links"} {
		if code, _ := h.call("GET", path, ""); code != 422 {
			t.Errorf("%s without a period: %d, want 422", path, code)
		}
		if code, _ := h.call("GET", path+period+"&per_page=30", ""); code != 422 {
			t.Errorf("%s with per_page 30: %d, want 422", path, code)
		}
	}
	out := h.mustCall("GET", "/api/short-url/domains"+period, "", http.StatusOK)
	if out["total"] != 1.0 {
		t.Errorf("the system domain only: %v", out)
	}
}

// TestShortLinkLifecycle: a link on the active system domain, its
// statistics, a taken slug, the two-step delete.
func TestShortLinkLifecycle(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/short-url/links", `{"domain_id":"`+SystemShortDomainID+`","link":"https://app.bsg.world"}`, http.StatusCreated)
	l := data(out)
	id := l["id"].(string)
	if l["status"] != "active" || l["short_link"] != "http://dev.shorty.tel/"+l["slug"].(string) {
		t.Errorf("created link = %v", l)
	}
	other := data(h.mustCall("POST", "/api/short-url/links", `{"domain_id":"`+SystemShortDomainID+`","link":"https://app.bsg.world"}`, http.StatusCreated))
	if code, out := h.call("PUT", "/api/short-url/links/"+id, `{"slug":"`+other["slug"].(string)+`"}`); code != 422 || out["message"] != "The short link already exists" {
		t.Errorf("taken slug: %d %v", code, out)
	}
	if got := data(h.mustCall("PUT", "/api/short-url/links/"+id, `{"name":"New name","slug":"bf"}`, http.StatusOK)); got["name"] != "New name" || got["short_link"] != "http://dev.shorty.tel/bf" {
		t.Errorf("updated link = %v", got)
	}
	if s := data(h.mustCall("GET", "/api/short-url/links/"+id+"/statistics", "", http.StatusOK)); s["count_clicks"] != 0.0 || s["click_date"] != nil {
		t.Errorf("statistics = %v", s)
	}
	h.mustCall("DELETE", "/api/short-url/links/"+id, "", http.StatusNoContent)
	h.mustCall("GET", "/api/short-url/links/"+id+"/statistics", "", http.StatusOK) // deleted, restorable
	h.mustCall("DELETE", "/api/short-url/links/"+id, "", http.StatusNoContent)
	h.mustCall("GET", "/api/short-url/links/"+id+"/statistics", "", http.StatusNotFound)
	if code, out := h.call("DELETE", "/api/short-url/links/"+id, ""); code != 422 || out["message"] != "Short link not found" {
		t.Errorf("delete of a gone link: %d %v", code, out)
	}
	d := data(h.mustCall("POST", "/api/short-url/domains", `{"name":"short.ai","slug_type":"random"}`, http.StatusCreated))
	if code, out := h.call("POST", "/api/short-url/links", `{"domain_id":"`+d["id"].(string)+`","link":"https://app.bsg.world"}`); code != 422 || out["errors"] == nil {
		t.Errorf("a link on an inactive domain: %d %v", code, out)
	}
}
