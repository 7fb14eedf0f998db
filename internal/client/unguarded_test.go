package client_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/time/rate"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// statusRecorder keeps the status an answer was written with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// TestUnguardedCreatesGoOnAClearLine: with requests_per_second unset, the
// client finds the account's limit by crossing it (429s). A create that
// nothing guards (to contact lists: no reference_id, so a 429, which may
// mean it was taken, leaves it unresolved) is kept out of the crossings:
// while reads run into the stand-in's limit, every such create goes
// through without a 429.
//
// The account's limit is real time: requests between the client's must
// really pass. So the client runs on a clock 4 times as fast as the real
// one (fastClock), and the limit of 5 requests a second (burst 5, the
// stand-in's RateLimit: 5) is read on that clock, in front of the
// stand-in: the same scenario in a quarter of the time.
func TestUnguardedCreatesGoOnAClearLine(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	clk := newFastClock(4)
	limit := rate.NewLimiter(5, 5)
	// refused counts the 429s answered while creates were under way.
	var refusedCreates, refused, creating atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if strings.HasPrefix(r.URL.Path, "/api/") && !limit.AllowN(clk.Now(), 1) {
			// As the stand-in answers beyond its RateLimit.
			rec.Header().Set("Retry-After", "1")
			rec.Header().Set("Content-Type", "application/json")
			rec.WriteHeader(http.StatusTooManyRequests)
			_, _ = rec.Write([]byte(`{"message":"Too Many Requests"}`))
		} else {
			sb.ServeHTTP(rec, r)
		}
		if rec.status == http.StatusTooManyRequests && creating.Load() > 0 {
			refused.Add(1)
			if r.Method == http.MethodPost && r.URL.Path == "/api/campaigns/rcs/send-groups" {
				refusedCreates.Add(1)
			}
		}
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL, client.WithClock(clk))

	ctx, stopReads := context.WithCancel(context.Background())
	var reads sync.WaitGroup
	for range 4 {
		reads.Go(func() {
			for ctx.Err() == nil {
				_, _ = c.ListCampaigns(ctx, client.ListOptions{Type: "rcs", PageLimit: 1, MaxPages: 1})
			}
		})
	}
	var creates sync.WaitGroup
	errs := make([]error, 4)
	creating.Store(int64(len(errs)))
	for i := range errs {
		creates.Go(func() {
			defer creating.Add(-1)
			_, errs[i] = c.CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{
				Groups: []int64{101}, Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hello"}})
		})
	}
	creates.Wait()
	stopReads()
	reads.Wait()

	if refused.Load() == 0 {
		t.Fatal("the reads never crossed the stand-in's limit while the creates were under way: this test proves nothing")
	}
	for i, err := range errs {
		if err != nil {
			t.Errorf("create %d: %v", i, err)
		}
	}
	if n := refusedCreates.Load(); n != 0 {
		t.Errorf("%d creates to contact lists were answered 429 (of %d 429s); want none", n, refused.Load())
	}
}
