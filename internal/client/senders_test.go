package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

var flowerShop = client.SenderRequestInput{
	Applicant: "legal", Type: "sms", CountryCode: "UA", Sender: "FlowerShop", CodeOfCompany: "31316718",
	TaxNumber: "13167116014", LegalName: "Flowers LLC", Address: "Kyiv", Description: "Flower selling",
	InformingPurpose: "notifications for customers",
}

// TestSenderRequestBodies: a legal application carries both spellings of
// the company's name and address; an individual's carries neither, nor a
// tax number; optional fields left out are not sent.
func TestSenderRequestBodies(t *testing.T) {
	var legal, natural map[string]any
	b, _ := json.Marshal(flowerShop)
	_ = json.Unmarshal(b, &legal)
	for _, k := range []string{"legal_name", "juridical_name", "address", "juridical_address", "tax_number"} {
		if legal[k] == nil {
			t.Errorf("the legal body has no %s: %s", k, b)
		}
	}
	if _, ok := legal["site_url"]; ok {
		t.Errorf("an unset site_url is sent: %s", b)
	}
	in := flowerShop
	in.Applicant, in.Name = "natural", "Anna"
	b, _ = json.Marshal(in)
	_ = json.Unmarshal(b, &natural)
	if natural["name"] != "Anna" || natural["legal_name"] != nil || natural["tax_number"] != nil || natural["address"] != nil {
		t.Errorf("the natural body: %s", b)
	}
}

// TestLostSenderRequestCreate: the create is sent once whatever happens
// to its answer. A committed application is recovered (the one new
// application that says the same, never an identical older one, here a
// rejected one, which does not stop a new filing); one that was never
// made is an AmbiguousCreateError, not a second request.
func TestLostSenderRequestCreate(t *testing.T) {
	for _, mode := range []string{"drop", "500", "429", "drop_before"} {
		t.Run(mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			ctx := context.Background()
			sb.RefuseSenderRegistration(flowerShop.Sender, "the company's documents are missing")
			older, err := c.CreateSenderRequest(ctx, flowerShop)
			if err != nil {
				t.Fatal(err)
			}
			sb.Advance(6 * time.Minute) // moderation rejects it
			sb.ResetCounters()
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
			got, err := c.CreateSenderRequest(ctx, flowerShop)
			if n := sb.Count("POST /api/senders/requests/legal"); n != 1 {
				t.Errorf("%d creates, want 1", n)
			}
			if mode == "drop_before" {
				if !client.IsAmbiguousCreate(err) || got != nil {
					t.Fatalf("%+v %v, want an AmbiguousCreateError", got, err)
				}
				return
			}
			if err != nil || got.ID <= older.ID || got.Recovered == "" {
				t.Fatalf("%+v %v, want a recovered application newer than %d", got, err, older.ID)
			}
		})
	}
}

// TestGetSenderRequest: one application is read through filter[id]; an
// unknown id is not found.
func TestGetSenderRequest(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	made, err := c.CreateSenderRequest(ctx, flowerShop)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetSenderRequest(ctx, made.ID)
	if err != nil || got.ID != made.ID || got.Status != client.SenderRequestNew || got.CreatedAt == nil {
		t.Fatalf("%+v %v", got, err)
	}
	if _, err := c.GetSenderRequest(ctx, made.ID+100); !client.IsNotFound(err) {
		t.Errorf("an unknown id: %v, want not found", err)
	}
}

// TestIdenticalSenderRequestIsNotFiledAgain: an application that says all
// that the new one says and is not rejected stops the create before any
// request (an apply killed after filing it left no state); a rejected one
// does not.
func TestIdenticalSenderRequestIsNotFiledAgain(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	ctx := context.Background()
	first, err := c.CreateSenderRequest(ctx, flowerShop)
	if err != nil {
		t.Fatal(err)
	}
	sb.ResetCounters()
	_, err = c.CreateSenderRequest(ctx, flowerShop)
	var same *client.IdenticalSenderRequestError
	if !errors.As(err, &same) || same.Existing.ID != first.ID {
		t.Errorf("%v, want IdenticalSenderRequestError naming %d", err, first.ID)
	}
	if n := sb.Count("POST /api/senders/requests/legal"); n != 0 {
		t.Errorf("%d applications filed, want 0", n)
	}
	other := flowerShop
	other.Comment = &[]string{"a second brand"}[0]
	if _, err := c.CreateSenderRequest(ctx, other); err != nil {
		t.Errorf("an application that says something else: %v, want it filed", err)
	}
}
