package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The contact book and the account, as the Lists, Contacts, Senders,
// Balance and price pages and the OpenAPI file document them.

func (h *harness) mustCall(method, path, body string, want int) map[string]any {
	h.t.Helper()
	code, out := h.call(method, path, body)
	if code != want {
		h.t.Fatalf("%s %s: %d %v, want %d", method, path, code, out, want)
	}
	return out
}

func data(out map[string]any) map[string]any { return out["data"].(map[string]any) }

func idOf(out map[string]any) int64 { return int64(data(out)["id"].(float64)) }

// TestContactListLifecycle: the documented create (201, items 0), the
// duplicate-name refusal on create and update, update, and the documented
// delete (204) that keeps the list's contacts in the contact book.
func TestContactListLifecycle(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/groups", `{"name":"List 2","description":"crm leads 2025 export","default":false}`, http.StatusCreated)
	if d := data(out); d["items"] != 0.0 || d["name"] != "List 2" || d["created_at"] != "2026-01-01 12:00:00" {
		t.Errorf("created list = %v", d)
	}
	id := idOf(out)
	if _, out := h.call("POST", "/api/groups", `{"name":"List 2"}`); out["message"] != "Contact group is already exists" {
		t.Errorf("duplicate name: %v", out)
	}
	other := idOf(h.mustCall("POST", "/api/groups", `{"name":"new list 123"}`, http.StatusCreated))
	if code, out := h.call("PUT", fmt.Sprintf("/api/groups/%d", other), `{"name":"List 2"}`); code != 422 || out["message"] != "Contact group is already exists" {
		t.Errorf("rename to a taken name: %d %v", code, out)
	}
	h.mustCall("PUT", fmt.Sprintf("/api/groups/%d", id), `{"name":"VIP","description":null}`, http.StatusOK)
	got := data(h.mustCall("GET", fmt.Sprintf("/api/groups/%d", id), "", http.StatusOK))
	if got["name"] != "VIP" || got["description"] != nil {
		t.Errorf("after update: %v", got)
	}
	contact := idOf(h.mustCall("POST", "/api/contacts", fmt.Sprintf(`{"phone":61401629754,"groups":[%d]}`, id), http.StatusCreated))
	if got := data(h.mustCall("GET", fmt.Sprintf("/api/groups/%d", id), "", http.StatusOK)); got["items"] != 1.0 {
		t.Errorf("items = %v, want 1", got["items"])
	}
	h.mustCall("DELETE", fmt.Sprintf("/api/groups/%d", id), "", http.StatusNoContent)
	h.mustCall("GET", fmt.Sprintf("/api/groups/%d", id), "", http.StatusNotFound)
	if code, out := h.call("PUT", fmt.Sprintf("/api/groups/%d", id), `{"name":"VIP"}`); code != 422 || out["message"] != "Contact group is not found" {
		t.Errorf("update of a deleted list: %d %v", code, out)
	}
	if c := data(h.mustCall("GET", fmt.Sprintf("/api/contacts/%d", contact), "", http.StatusOK)); len(c["groups"].([]any)) != 0 {
		t.Errorf("the contact survives the list, without it: %v", c)
	}
}

// TestContactListLimits: name 3..50, description 1..255, page[limit]
// 15..500 (default 30).
func TestContactListLimits(t *testing.T) {
	h := newHarness(t)
	for _, body := range []string{`{}`, `{"name":"ab"}`, `{"name":"` + strings.Repeat("x", 51) + `"}`, `{"name":"abc","description":""}`, `{"name":123}`} {
		if code, _ := h.call("POST", "/api/groups", body); code != 422 {
			t.Errorf("%s: %d, want 422", body, code)
		}
	}
	for range 40 {
		h.mustCall("POST", "/api/groups", fmt.Sprintf(`{"name":"list %d"}`, h.sb.nextGroupID), http.StatusCreated)
	}
	out := h.mustCall("GET", "/api/groups", "", http.StatusOK)
	if n := len(out["data"].([]any)); n != 30 || out["total"] != 43.0 {
		t.Errorf("default page: %d of %v, want 30 of 43 (3 seeded lists)", n, out["total"])
	}
	if code, _ := h.call("GET", "/api/groups?page[limit]=14", ""); code != 422 {
		t.Errorf("page[limit]=14: %d, want 422", code)
	}
}

// TestContacts: the phone is an integer of 9 to 15 digits and unique;
// fields are written [] when empty and {id: value} otherwise; an unknown id
// is the documented 422 "Invalid contact id"; search finds by phone.
func TestContacts(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/contacts", `{"phone":61401629754}`, http.StatusCreated)
	if f, ok := data(out)["fields"].([]any); !ok || len(f) != 0 {
		t.Errorf("fields of a contact without any = %#v, want []", data(out)["fields"])
	}
	id := idOf(out)
	for _, body := range []string{`{"phone":"61401629754"}`, `{"phone":12345678}`, `{"phone":1234567890123456}`, `{"phone":380661231231,"groups":[999]}`} {
		if code, _ := h.call("POST", "/api/contacts", body); code != 422 {
			t.Errorf("%s: %d, want 422", body, code)
		}
	}
	if _, out := h.call("POST", "/api/contacts", `{"phone":61401629754}`); out["message"] != "Phone number is already exist in contact book" {
		t.Errorf("duplicate phone: %v", out)
	}
	out = h.mustCall("PUT", fmt.Sprintf("/api/contacts/%d", id), `{"phone":61401629755,"fields":[{"id":387714,"value":"Ilya Muromets"}],"groups":[101]}`, http.StatusOK)
	if f := data(out)["fields"].(map[string]any); f["387714"] != "Ilya Muromets" {
		t.Errorf("fields = %v", f)
	}
	found := h.mustCall("GET", "/api/contacts/search?search[field]=phone&search[operator]==&search[value]=61401629755", "", http.StatusOK)
	if list := found["data"].([]any); len(list) != 1 || int64(list[0].(map[string]any)["id"].(float64)) != id {
		t.Errorf("search by phone = %v", found)
	}
	h.mustCall("DELETE", fmt.Sprintf("/api/contacts/%d", id), "", http.StatusNoContent)
	if code, out := h.call("GET", fmt.Sprintf("/api/contacts/%d", id), ""); code != 422 || out["message"] != "Invalid contact id" {
		t.Errorf("deleted contact: %d %v", code, out)
	}
}

// TestCampaignToListsReachesTheirContacts: a send-groups campaign has one
// message per distinct contact of its lists; a deleted list and lists
// without contacts are refused.
func TestCampaignToListsReachesTheirContacts(t *testing.T) {
	h := newHarness(t)
	list := idOf(h.mustCall("POST", "/api/groups", `{"name":"VIP"}`, http.StatusCreated))
	for _, phone := range []string{"380661231231", "380661231232"} {
		h.mustCall("POST", "/api/contacts", fmt.Sprintf(`{"phone":%s,"groups":[%d,101]}`, phone, list), http.StatusCreated)
	}
	body := func(groups string) string {
		return `{"groups":` + groups + `,"sender":"Shop","text":"Sale on Friday"}`
	}
	out := h.mustCall("POST", "/api/campaigns/sms/send-groups", body(fmt.Sprintf("[%d,101]", list)), http.StatusOK)
	msgs := h.mustCall("GET", fmt.Sprintf("/api/messages?filter[campaign_id]=%d", idOf(out)), "", http.StatusOK)
	if n := len(msgs["data"].([]any)); n != 5 {
		t.Errorf("messages = %d, want 5 (3 seeded in list 101, 2 added to both lists, each once)", n)
	}
	empty := idOf(h.mustCall("POST", "/api/groups", `{"name":"Empty"}`, http.StatusCreated))
	if code, out := h.call("POST", "/api/campaigns/sms/send-groups", body(fmt.Sprintf("[%d]", empty))); code != 422 || out["errors"].(map[string]any)["groups"] == nil {
		t.Errorf("campaign to an empty list: %d %v", code, out)
	}
	h.mustCall("DELETE", fmt.Sprintf("/api/groups/%d", list), "", http.StatusNoContent)
	if code, out := h.call("POST", "/api/campaigns/sms/send-groups", body(fmt.Sprintf("[%d]", list))); code != 422 || out["errors"].(map[string]any)["groups0"] == nil {
		t.Errorf("campaign to a deleted list: %d %v", code, out)
	}
}

// TestAccount: senders need a type (sms or viber), the balance has the
// documented fields, and the price answer is {price, currency} without
// data, with tariff_code 0..9.
func TestAccount(t *testing.T) {
	h := newHarness(t)
	if code, _ := h.call("GET", "/api/senders", ""); code != 422 {
		t.Errorf("senders without type: %d, want 422", code)
	}
	senders := h.mustCall("GET", "/api/senders?type=sms", "", http.StatusOK)
	if first := senders["data"].([]any)[0].(map[string]any); first["sender"] != "Shop" || first["status"] != "active" {
		t.Errorf("senders = %v", senders)
	}
	if b := data(h.mustCall("GET", "/api/accounts/balance", "", http.StatusOK)); b["balance"] != 100.0 || b["currency"] != "USD" || b["credit"] != 0.0 {
		t.Errorf("balance = %v", b)
	}
	price := h.mustCall("POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","messages":[{"phone":38267161234}]}`, http.StatusOK)
	if price["price"] == nil || price["currency"] != "USD" || price["data"] != nil {
		t.Errorf("price = %v", price)
	}
	if byList := h.mustCall("POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","groups":[1864275]}`, http.StatusOK); byList["price"].(float64) != 3*price["price"].(float64) {
		t.Errorf("price of list 1864275 (3 contacts) = %v, want 3 x %v", byList["price"], price["price"])
	}
	if _, out := h.call("POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","messages":[{"phone":38267161234}],"tariff_code":10}`); out["message"] != "Tariff was not found" {
		t.Errorf("tariff 10: %v", out)
	}
}

// TestDocumentedContactBookExamples sends the request examples of the
// OpenAPI file for lists, contacts and the price, verbatim: all are
// accepted (the lists they name exist in this stand-in).
func TestDocumentedContactBookExamples(t *testing.T) {
	examples := []struct{ method, path, body string }{
		{"POST", "/api/groups", `{"name":"new list 123"}`},
		{"POST", "/api/groups", `{"name":"List 2","description":"crm leads 2025 export","default":false}`},
		{"POST", "/api/contacts", `{"phone":61401629754}`},
		{"POST", "/api/contacts", `{"phone":61401629755,"fields":[{"id":387714,"value":"ALESHA POPOVICH"}]}`},
		{"POST", "/api/contacts", `{"phone":61401629756,"groups":[1864618]}`},
		{"POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","messages":[{"phone":38267161234}]}`},
		{"POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","groups":[1864275]}`},
		{"POST", "/api/campaigns/price", `{"sender":"Vet klinika","text":"hello!","messages":[{"phone":38267161234}],"tariff_code":9}`},
	}
	sb := New(Config{APIKeys: []string{"test_key"}, Groups: map[int64]int{1864618: 0, 1864275: 3}})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	h := &harness{t: t, sb: sb, url: srv.URL}
	h.token = h.mustCall("POST", "/api/auth/login", `{"api_key":"test_key"}`, http.StatusOK)["bearer"].(string)
	for _, e := range examples {
		if code, out := h.call(e.method, e.path, e.body); code != http.StatusOK && code != http.StatusCreated {
			t.Errorf("%s %s %s: %d %v", e.method, e.path, e.body, code, out)
		}
	}
}
