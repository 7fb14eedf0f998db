package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// 2FA templates as the OpenAPI file documents them.

func otpErrors(out map[string]any) string {
	list, _ := out["errors"].([]any)
	parts := make([]string, 0, len(list))
	for _, e := range list {
		parts = append(parts, fmt.Sprint(e))
	}
	return strings.Join(parts, "; ")
}

// TestOTPTemplateModerationAndDelete: a new template is requested, then,
// once moderation's delay has passed, approved (or rejected for a link);
// a delete leaves it listed as deleted and frees its name; the default
// template refuses its delete.
func TestOTPTemplateModerationAndDelete(t *testing.T) {
	h := newHarness(t)
	const path = "/api/2fa/authentications/templates"
	out := h.mustCall("POST", path, `{"name":"Login","text":"Code {code2fa}","countries":["UA","PT"]}`, http.StatusOK)
	tpl := data(out)
	if tpl["status"] != "requested" || tpl["template_id"] != 515.0 || tpl["updated_at"] != "2026-01-01T12:00:00.000+00:00" {
		t.Errorf("created template = %v", tpl)
	}
	link := data(h.mustCall("POST", path, `{"name":"Link","text":"Code {code2fa} at https://x.example"}`, http.StatusOK))
	h.sb.Advance(OTPModerationDelay)
	if got := data(h.mustCall("GET", path+"/515", "", http.StatusOK)); got["status"] != "approved" || got["updated_at"] != "2026-01-01T12:10:00.000+00:00" {
		t.Errorf("after moderation: %v", got)
	}
	if got := data(h.mustCall("GET", fmt.Sprintf("%s/%.0f", path, link["template_id"]), "", http.StatusOK)); got["status"] != "rejected" {
		t.Errorf("a text with a link: %v, want rejected", got)
	}
	if code, out := h.call("POST", path, `{"name":"Login","text":"Again {code2fa}"}`); code != 422 || otpErrors(out) != msgOTPNameTaken {
		t.Errorf("a taken name: %d %v", code, out)
	}
	h.mustCall("DELETE", path+"/515", "", http.StatusOK)
	if code, out := h.call("DELETE", path+"/515", ""); code != 404 || otpErrors(out) != "Template not found" {
		t.Errorf("second delete: %d %v", code, out)
	}
	if got := data(h.mustCall("GET", path+"/515", "", http.StatusOK)); got["status"] != "deleted" {
		t.Errorf("a deleted template reads %v", got)
	}
	h.mustCall("POST", path, `{"name":"Login","text":"Again {code2fa}"}`, http.StatusOK)
	if code, out := h.call("DELETE", path+"/1", ""); code != 422 || otpErrors(out) != "Default template is not available for deletion" {
		t.Errorf("delete of the default template: %d %v", code, out)
	}
	list := data(h.mustCall("GET", path+"?filter[status]=deleted", "", http.StatusOK))
	if list["total"] != 1.0 {
		t.Errorf("deleted templates: %v", list)
	}
	if code, _ := h.call("GET", path+"/999", ""); code != 404 {
		t.Errorf("unknown id: %d", code)
	}
}

// TestOTPTemplateRefusals: the code variable's two documented refusals,
// bad fields, and the limit of 10 templates waiting for moderation.
func TestOTPTemplateRefusals(t *testing.T) {
	h := newHarness(t)
	const path = "/api/2fa/authentications/templates"
	for body, want := range map[string]string{
		`{"name":"Login","text":"Your code"}`:           msgOTPNoCode,
		`{"name":"Login","text":"{code2fa} {code2fa}"}`: msgOTPCodeTwice,
		`{"name":"Login","text":"Code {CODE2FA}"}`:      msgOTPNoCode,
	} {
		if code, out := h.call("POST", path, body); code != 422 || otpErrors(out) != want {
			t.Errorf("%s: %d %v, want %q", body, code, out, want)
		}
	}
	for body, field := range map[string]string{
		`{"name":"ab","text":"Code {code2fa}"}`:                       "name",
		`{"text":"Code {code2fa}"}`:                                   "name",
		`{"name":"Login","text":"Code {code2fa}","countries":["ua"]}`: "countries0",
	} {
		if code, out := h.call("POST", path, body); code != 422 || out["errors"].(map[string]any)[field] == nil {
			t.Errorf("%s: %d %v, want an error of %s", body, code, out, field)
		}
	}
	for i := range 10 {
		h.mustCall("POST", path, fmt.Sprintf(`{"name":"Login %d","text":"Code {code2fa}"}`, i), http.StatusOK)
	}
	if code, out := h.call("POST", path, `{"name":"Login 11","text":"Code {code2fa}"}`); code != 422 || !strings.HasPrefix(otpErrors(out), "The number of requests") {
		t.Errorf("an 11th template in moderation: %d %v", code, out)
	}
	h.sb.Advance(OTPModerationDelay + time.Second)
	h.mustCall("POST", path, `{"name":"Login 11","text":"Code {code2fa}"}`, http.StatusOK)
	page := data(h.mustCall("GET", path+"?page[limit]=10&page[offset]=10", "", http.StatusOK))
	if page["total"] != 12.0 || len(page["list"].([]any)) != 2 {
		t.Errorf("the second page of 12: %v", page)
	}
}
