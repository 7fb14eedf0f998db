package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestContactListCRUD(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	desc := "crm leads 2025 export"
	l, err := c.CreateContactList(ctx, client.ContactListRequest{Name: "VIP", Description: &desc})
	if err != nil || l.ID == 0 || l.Items != 0 || l.Recovered != "" {
		t.Fatalf("create: %+v %v", l, err)
	}
	_, err = c.CreateContactList(ctx, client.ContactListRequest{Name: "VIP"})
	var dup *client.DuplicateNameError
	if !errors.As(err, &dup) || dup.ExistingID != l.ID {
		t.Fatalf("duplicate name: %v, want a DuplicateNameError naming list %d", err, l.ID)
	}
	if _, err := c.UpdateContactList(ctx, l.ID, client.ContactListRequest{Name: "VIP 2"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetContactList(ctx, l.ID); err != nil || got.Name != "VIP 2" || got.Description != nil {
		t.Fatalf("after update: %+v %v", got, err)
	}
	if err := c.DeleteContactList(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetContactList(ctx, l.ID); !client.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found", err)
	}
	// The update page answers an unknown id with 422 "Contact group is not
	// found": the client reports it as not found too.
	if _, err := c.UpdateContactList(ctx, l.ID, client.ContactListRequest{Name: "VIP 3"}); !client.IsNotFound(err) {
		t.Errorf("update after delete: %v, want not found", err)
	}
	if err := c.DeleteContactList(ctx, l.ID); err != nil {
		t.Errorf("deleting a deleted list: %v, want nil", err)
	}
}

// TestLostContactListCreateIsRecoveredByName: the create is sent once; its
// lost answer is recovered by the list's unique name.
func TestLostContactListCreateIsRecoveredByName(t *testing.T) {
	for mode, want := range map[string]struct {
		creates int
		how     string
	}{"drop": {1, "name"}, "500": {1, "name"}, "429": {1, "name"}, "drop_before": {2, "second request"}} {
		t.Run(mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
			l, err := c.CreateContactList(context.Background(), client.ContactListRequest{Name: "VIP"})
			if err != nil {
				t.Fatalf("the list was not recovered: %v", err)
			}
			if n := sb.Count("POST /api/groups"); n != want.creates {
				t.Errorf("creates = %d, want %d", n, want.creates)
			}
			if !strings.Contains(l.Recovered, want.how) {
				t.Errorf("Recovered = %q, want it to say %q", l.Recovered, want.how)
			}
			if all, _ := c.ListContactLists(context.Background()); len(all) != 4 {
				t.Errorf("%d lists, want the 3 seeded and VIP", len(all))
			}
		})
	}
}

func TestContactCRUDAndRecovery(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	ct, err := c.CreateContact(ctx, client.ContactRequest{Phone: "61401629754", Groups: []int64{101}})
	if err != nil || ct.Phone.String() != "61401629754" || len(ct.Fields) != 0 || len(ct.Groups) != 1 {
		t.Fatalf("create: %+v %v", ct, err)
	}
	if _, err := c.CreateContact(ctx, client.ContactRequest{Phone: "61401629754"}); !client.IsDuplicatePhone(err) {
		t.Errorf("duplicate phone: %v", err)
	}
	up, err := c.UpdateContact(ctx, ct.ID, client.ContactRequest{Phone: "61401629755", Fields: []client.ContactField{{ID: 387714, Value: "Ilya"}}})
	if err != nil || up.Fields["387714"] != "Ilya" || len(up.Groups) != 0 {
		t.Fatalf("update: %+v %v", up, err)
	}
	if err := c.DeleteContact(ctx, ct.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetContact(ctx, ct.ID); !client.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found (422 Invalid contact id)", err)
	}
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	got, err := c.CreateContact(ctx, client.ContactRequest{Phone: "380661231299"})
	if err != nil || !strings.Contains(got.Recovered, "phone") {
		t.Fatalf("lost contact create: %+v %v", got, err)
	}
	if n := sb.Count("POST /api/contacts"); n != 3 {
		t.Errorf("contact creates = %d, want 3 (each sent once)", n)
	}
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	got, err = c.CreateContact(ctx, client.ContactRequest{Phone: "380661231298"})
	if err != nil || !strings.Contains(got.Recovered, "second request") {
		t.Fatalf("contact create that never took effect: %+v %v", got, err)
	}
	if n := sb.Count("POST /api/contacts"); n != 5 {
		t.Errorf("contact creates = %d, want 5 (the lost one sent again once)", n)
	}
}

func TestContactFieldsDecoding(t *testing.T) {
	for in, want := range map[string]int{`[]`: 0, `null`: 0, `{"388077":"Zufafa"}`: 1, `{"1":5}`: 1} {
		var f client.ContactFields
		if err := json.Unmarshal([]byte(in), &f); err != nil || len(f) != want {
			t.Errorf("%s: %v %v", in, f, err)
		}
	}
}

func TestAccountCalls(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	senders, err := c.ListSenders(ctx, "sms")
	if err != nil || len(senders) == 0 || senders[0].Sender != "Shop" {
		t.Fatalf("senders: %+v %v", senders, err)
	}
	if _, err := c.ListSenders(ctx, "rcs"); err == nil {
		t.Error("senders of type rcs: want an error, GET /api/senders takes sms or viber")
	}
	b, err := c.GetBalance(ctx)
	if err != nil || b.Currency != "USD" || b.Balance != 100 {
		t.Fatalf("balance: %+v %v", b, err)
	}
	p, err := c.EstimatePrice(ctx, client.PriceRequest{Sender: "Shop", Text: "Sale", Groups: []int64{102}})
	if err != nil || p.Price == nil || *p.Price <= 0 || p.Currency != "USD" {
		t.Fatalf("price: %+v %v", p, err)
	}
}

// TestInterruptedContactBookCreatesNameWhatTheyMade: a list or contact
// create whose answers are lost says what it may have created, not a
// campaign, and speaks of no messages.
func TestInterruptedContactBookCreatesNameWhatTheyMade(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	if _, err := c.ListContactLists(context.Background()); err != nil { // logs in
		t.Fatal(err)
	}
	// Every create is lost before it takes effect: the one repeat the
	// recovery allows is lost too.
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 10})
	for what, create := range map[string]func(context.Context) error{
		"a contact list": func(ctx context.Context) error {
			_, err := c.CreateContactList(ctx, client.ContactListRequest{Name: "Interrupted"})
			return err
		},
		"a contact": func(ctx context.Context) error {
			_, err := c.CreateContact(ctx, client.ContactRequest{Phone: "380661231299"})
			return err
		},
	} {
		err := create(context.Background())
		if !client.IsAmbiguousCreate(err) || !strings.Contains(err.Error(), "created "+what+",") || strings.Contains(err.Error(), "messages") {
			t.Errorf("%s: want an ambiguity naming %s and no messages, got %v", what, what, err)
		}
	}
}
