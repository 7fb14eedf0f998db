package acctest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// stateOf is a last state holding one instance, of typ, with id and attrs.
func stateOf(typ, id string, attrs map[string]string) *terraform.State {
	attrs["id"] = id
	return lastState(typ+".test", &terraform.ResourceState{Type: typ, Primary: &terraform.InstanceState{ID: id, Attributes: attrs}})
}

// lastState is a state of one resource instance at addr, as
// terraform-plugin-testing hands it to a CheckDestroy.
func lastState(addr string, rs *terraform.ResourceState) *terraform.State {
	return &terraform.State{Modules: []*terraform.ModuleState{{
		Path:      []string{"root"},
		Resources: map[string]*terraform.ResourceState{addr: rs},
	}}}
}

// TestCheckGone: each promise fails while the stand-in still has what the
// destroy should have removed (or has lost what it should have kept), and
// passes once it is as the destroy promises; a type without a promise
// fails.
func TestCheckGone(t *testing.T) {
	ctx := context.Background()
	sb := StartSandbox(t)
	list, err := sb.Client().CreateContactList(ctx, client.ContactListRequest{Name: "gone"})
	if err != nil {
		t.Fatal(err)
	}
	listState := stateOf("oneapi_contact_list", strconv.FormatInt(list.ID, 10), map[string]string{})
	if err := sb.CheckGone()(listState); err == nil || !strings.Contains(err.Error(), "is still there after destroy") {
		t.Errorf("a list left in the account: %v", err)
	}
	if err := sb.CheckGone("oneapi_contact")(listState); err != nil {
		t.Errorf("a type not asked for was checked: %v", err)
	}
	if err := sb.Client().DeleteContactList(ctx, list.ID); err != nil {
		t.Fatal(err)
	}
	if err := sb.CheckGone()(listState); err != nil {
		t.Errorf("a deleted list: %v", err)
	}

	if _, err := sb.Client().AttachStopList(ctx, []string{"380661231231"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	entries := func(detach string) *terraform.State {
		return stateOf("oneapi_stop_list_entries", "sms", map[string]string{
			"channel": "sms", "detach_on_destroy": detach, "phones.#": "1", "phones.0": "380661231231"})
	}
	if err := sb.CheckGone()(entries("false")); err != nil {
		t.Errorf("a phone left on the stop list without detach_on_destroy: %v", err)
	}
	if err := sb.CheckGone()(entries("true")); err == nil {
		t.Error("a phone left on the stop list with detach_on_destroy passed")
	}

	if err := sb.CheckGone()(stateOf("oneapi_unheard_of", "1", map[string]string{})); err == nil || !strings.Contains(err.Error(), "knows no destroy promise") {
		t.Errorf("a type without a promise: %v", err)
	}
	data := lastState("data.oneapi_balance.current", &terraform.ResourceState{Type: "oneapi_balance", Primary: &terraform.InstanceState{ID: "balance"}})
	if err := sb.CheckGone()(data); err != nil {
		t.Errorf("a data source was checked: %v", err)
	}
}
