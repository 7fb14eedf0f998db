package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestContactFieldsAsDocumented: create answers 201 with the field; the
// list has it beside the documentation's example; PATCH changes the name
// but not the type; a contact takes only existing field ids; deleting a
// field (204) takes its values from every contact.
func TestContactFieldsAsDocumented(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/contacts/fields", `{"name":"city","description":"Where they live","type":"text"}`, http.StatusCreated)
	f := data(out)
	id := int64(f["id"].(float64))
	if f["name"] != "city" || f["is_visible"] != true || f["type"] != "text" {
		t.Errorf("create answered %v", f)
	}
	out = h.mustCall("GET", "/api/contacts/fields", "", http.StatusOK)
	if list := out["data"].([]any); len(list) != 2 || list[0].(map[string]any)["id"].(float64) != 387714 {
		t.Errorf("fields: %v, want the example 387714 and the new one", list)
	}
	out = h.mustCall("PATCH", fmt.Sprintf("/api/contacts/fields/%d", id), `{"name":"town","is_visible":false}`, http.StatusOK)
	if f := data(out); f["name"] != "town" || f["is_visible"] != false || f["description"] != "Where they live" {
		t.Errorf("patch answered %v", f)
	}
	h.mustCall("PATCH", fmt.Sprintf("/api/contacts/fields/%d", id), `{"type":"number"}`, http.StatusUnprocessableEntity)
	h.mustCall("POST", "/api/contacts/fields", `{"name":"age","type":"integer"}`, http.StatusUnprocessableEntity)
	h.mustCall("POST", "/api/contacts/fields", `{"name":"`+strings.Repeat("n", 31)+`","type":"text"}`, http.StatusUnprocessableEntity)
	h.mustCall("POST", "/api/contacts", `{"phone":380661231299,"fields":[{"id":999,"value":"x"}]}`, http.StatusUnprocessableEntity)
	out = h.mustCall("POST", "/api/contacts", fmt.Sprintf(`{"phone":380661231299,"fields":[{"id":%d,"value":"Kyiv"}],"groups":[101]}`, id), http.StatusCreated)
	contact := int64(data(out)["id"].(float64))
	h.mustCall("POST", "/api/contacts/fields/delete", fmt.Sprintf(`{"ids":[%d]}`, id), http.StatusNoContent)
	out = h.mustCall("GET", fmt.Sprintf("/api/contacts/%d", contact), "", http.StatusOK)
	if fields, ok := data(out)["fields"].([]any); !ok || len(fields) != 0 {
		t.Errorf("after the field was deleted the contact has fields %v", data(out)["fields"])
	}
	h.mustCall("POST", "/api/contacts/fields/delete", fmt.Sprintf(`{"ids":[%d]}`, id), http.StatusUnprocessableEntity)
}

// TestListMembershipAsDocumented: attach adds existing contacts to
// existing lists, detach takes them out; unknown ids are refused.
func TestListMembershipAsDocumented(t *testing.T) {
	h := newHarness(t)
	out := h.mustCall("POST", "/api/contacts", `{"phone":380661231298}`, http.StatusCreated)
	contact := int64(data(out)["id"].(float64))
	h.mustCall("POST", "/api/groups/attach", fmt.Sprintf(`{"contacts":[%d],"groups":[101,102]}`, contact), http.StatusOK)
	out = h.mustCall("GET", fmt.Sprintf("/api/contacts/%d", contact), "", http.StatusOK)
	if groups := data(out)["groups"].([]any); len(groups) != 2 {
		t.Errorf("after attach the contact is in %v", groups)
	}
	h.mustCall("POST", "/api/groups/detach", fmt.Sprintf(`{"contacts":[%d],"groups":[101]}`, contact), http.StatusOK)
	out = h.mustCall("GET", fmt.Sprintf("/api/contacts/%d", contact), "", http.StatusOK)
	if groups := data(out)["groups"].([]any); len(groups) != 1 || groups[0].(map[string]any)["id"].(float64) != 102 {
		t.Errorf("after detach the contact is in %v", groups)
	}
	h.mustCall("POST", "/api/groups/attach", `{"contacts":[1],"groups":[101]}`, http.StatusUnprocessableEntity)
	h.mustCall("POST", "/api/groups/attach", fmt.Sprintf(`{"contacts":[%d],"groups":[5]}`, contact), http.StatusUnprocessableEntity)
	h.mustCall("POST", "/api/groups/attach", `{"contacts":[],"groups":[101]}`, http.StatusUnprocessableEntity)
}
