package client_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestCreateEndedInTheRateLimitWasNotSent: a create whose context ends
// while it waits for the client's own rate limit never left the machine:
// an ordinary error, not "may have created".
func TestCreateEndedInTheRateLimitWasNotSent(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url, client.WithRequestsPerSecond(1))
	createCampaign(t, c) // logs in; the limit is now spent for a second
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	if err == nil || client.IsAmbiguousCreate(err) {
		t.Fatalf("a create that never left the rate limit cannot have created anything; got %v", err)
	}
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("create requests = %d, want 1 (the setup's)", n)
	}
}

// TestCreateEndedWaitingForAConnectionWasNotSent: a create whose context
// ends while it waits for a connection (the transport's only one is busy)
// never left the machine either (GetConn without GotConn).
func TestCreateEndedWaitingForAConnectionWasNotSent(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url, client.WithTransport(&http.Transport{MaxConnsPerHost: 1}))
	createCampaign(t, c) // logs in
	sb.SetFaults(sandbox.Faults{CreateLatency: 2 * time.Second})
	done := make(chan error, 1)
	go func() {
		_, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231298"))
		done <- err
	}()
	for sb.CountCreates() < 2 {
		time.Sleep(10 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	if err == nil || client.IsAmbiguousCreate(err) {
		t.Fatalf("a create that never got a connection cannot have created anything; got %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the create holding the connection: %v", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("create requests = %d, want 2 (the setup's and the one holding the connection)", n)
	}
}

// TestResendOfAPendingCreateSendsOnlyTheSameRequest: a create whose answer
// never came (the platform dropped it unsent) is resolved in a later run
// by the guarded resend of the very same request, reference_ids included;
// a request that differs in any byte is not sent.
func TestResendOfAPendingCreateSendsOnlyTheSameRequest(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	createCampaign(t, c) // logs in
	sb.SetFaults(sandbox.Faults{CreateLatency: 3 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	var amb *client.AmbiguousCreateError
	if !errors.As(err, &amb) || amb.Pending == nil || !amb.Pending.CanResend() {
		t.Fatalf("want an unresolved create that a resend can resolve, got %v", err)
	}
	sb.SetFaults(sandbox.Faults{})
	p := *amb.Pending
	other := rcsRequest("380661231298")
	other.Phones[0].ReferenceID = p.ReferenceIDs[0]
	if _, err := c.CreateRCSCampaign(client.WithResendOf(context.Background(), p), other); !errors.Is(err, client.ErrNotTheSameRequest) {
		t.Fatalf("a different request under WithResendOf: %v, want ErrNotTheSameRequest", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Fatalf("create requests = %d, want 2 (nothing sent for the different request)", n)
	}
	same := rcsRequest("380661231299")
	same.Phones[0].ReferenceID = p.ReferenceIDs[0]
	cp, err := c.CreateRCSCampaign(client.WithResendOf(context.Background(), p), same)
	if err != nil || cp == nil {
		t.Fatalf("the guarded resend: %v", err)
	}
	if ids := sb.CampaignIDs(); len(ids) != 2 || ids[1] != cp.ID || sb.CountCreates() != 3 {
		t.Errorf("campaigns %v, creates %d: want the setup's and %d, 3 creates", ids, sb.CountCreates(), cp.ID)
	}
}
