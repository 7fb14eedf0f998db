package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// blockingList holds every list request until its context ends, and says
// when one arrived.
type blockingList struct {
	base    http.RoundTripper
	arrived chan struct{}
}

func (b blockingList) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Path == "/api/campaigns" {
		b.arrived <- struct{}{}
		<-req.Context().Done()
		return nil, req.Context().Err()
	}
	return b.base.RoundTrip(req)
}

// TestRefreshLeaderContextEnds: when the leader's context ends while it
// lists, a read waiting in its batch is let go to send its own GET, and
// the list is not given up for the process.
func TestRefreshLeaderContextEnds(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{"test_clientkey"}})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	arrived := make(chan struct{}, 1)
	c, err := New(WithEndpoint(srv.URL), WithAPIKey("test_clientkey"),
		WithTransport(blockingList{base: http.DefaultTransport, arrived: arrived}))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := c.CreateRCSCampaign(context.Background(), RCSCampaignRequest{Sender: "rcs_sender",
		Options: RCSOptions{Text: "Hi"}, Phones: []Phone{{Number: "380661231231"}}})
	if err != nil {
		t.Fatal(err)
	}
	hint := RefreshHint{Type: cp.MessageType, CreatedAt: *cp.CreatedAt}

	// A batch is open, led by a read of another campaign in the window;
	// the waiter joins it.
	r := &c.pageReads
	r.mu.Lock()
	r.init()
	lead := &refreshRead{id: cp.ID + 1, typ: cp.MessageType, created: mustTime(t, c, *cp.CreatedAt), done: make(chan struct{})}
	b := &refreshBatch{reads: []*refreshRead{lead}}
	r.open = b
	r.mu.Unlock()
	type result struct {
		cp  *Campaign
		err error
	}
	waiter := make(chan result, 1)
	go func() {
		got, err := c.RefreshCampaign(context.Background(), cp.ID, hint)
		waiter <- result{got, err}
	}()
	waitJoined(r, b, 2)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	sb.ResetCounters()
	c.leadBatch(ctx, b)
	got := <-waiter
	if got.err != nil || got.cp == nil || got.cp.ID != cp.ID {
		t.Fatalf("the waiter failed with its leader: %v", got.err)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 1 {
		t.Errorf("%d GETs, want the waiter's own", n)
	}
	if r.off {
		t.Error("the leader's context ending stopped the list for the process")
	}
}

func mustTime(t *testing.T, c *Client, s string) time.Time {
	t.Helper()
	tm, err := c.ParseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// waitJoined waits until n reads have joined batch b.
func waitJoined(r *refresher, b *refreshBatch, n int) {
	for {
		r.mu.Lock()
		joined := len(b.reads) == n
		r.mu.Unlock()
		if joined {
			return
		}
		time.Sleep(time.Millisecond)
	}
}
