package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// heldList holds every list request until release is closed, and says
// when one arrived.
type heldList struct {
	base             http.RoundTripper
	arrived, release chan struct{}
}

func (h heldList) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Path == "/api/campaigns" {
		h.arrived <- struct{}{}
		<-h.release
	}
	return h.base.RoundTrip(req)
}

// TestRefreshWaiterLeavesOnItsContext: a read waiting in a batch whose
// leader is listing returns its own context's error as soon as that
// context ends, before the list answers.
func TestRefreshWaiterLeavesOnItsContext(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{"test_clientkey"}})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	held := heldList{base: http.DefaultTransport, arrived: make(chan struct{}, 1), release: make(chan struct{})}
	c, err := New(WithEndpoint(srv.URL), WithAPIKey("test_clientkey"), WithTransport(held))
	if err != nil {
		t.Fatal(err)
	}
	var cps []*Campaign
	for range 2 {
		cp, err := c.CreateRCSCampaign(context.Background(), RCSCampaignRequest{Sender: "rcs_sender",
			Options: RCSOptions{Text: "Hi"}, Phones: []Phone{{Number: "380661231231"}}})
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, cp)
	}
	// A batch is open, led by a read of cps[0]; the waiter, cps[1], joins.
	r := &c.pageReads
	r.mu.Lock()
	r.init()
	lead := &refreshRead{id: cps[0].ID, typ: cps[0].MessageType, created: mustTime(t, c, *cps[0].CreatedAt), done: make(chan struct{})}
	b := &refreshBatch{reads: []*refreshRead{lead}}
	r.open = b
	r.gathered = 1
	r.mu.Unlock()
	type result struct {
		cp       *Campaign
		err      error
		released bool
	}
	released := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waiter := make(chan result, 1)
	go func() {
		got, err := c.RefreshCampaign(ctx, cps[1].ID, RefreshHint{Type: cps[1].MessageType, CreatedAt: *cps[1].CreatedAt})
		select {
		case <-released:
			waiter <- result{got, err, true}
		default:
			waiter <- result{got, err, false}
		}
	}()
	waitJoined(r, b, 2)
	led := make(chan struct{})
	go func() {
		c.leadBatch(context.Background(), b)
		close(led)
	}()
	<-held.arrived // the leader lists, held
	cancel()
	var got result
	select {
	case got = <-waiter:
	case <-time.After(10 * time.Second): // only bounds a failing run: the waiter never returned
		close(released)
		close(held.release)
		got = <-waiter
	}
	select {
	case <-released:
	default:
		close(released)
		close(held.release)
	}
	<-led
	if got.released || !errors.Is(got.err, context.Canceled) {
		t.Errorf("the waiter answered %v, %v after the list was let go (%v): want its context's error before", got.cp, got.err, got.released)
	}
}
