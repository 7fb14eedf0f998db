package client_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestRefreshSlowListLeavesTimeForGets: the list call hangs. The leader
// lists for one request timeout at most (no retries, at most half of its
// own read timeout), so every read of the batch, whose read timeout runs
// with the leader's, still gets its GET answer; the client lists no more.
// Listing under the leader's whole read timeout, with retries, sent the
// hanging list 5 times, and with the default timeouts (a minute an
// attempt, five minutes a read) failed every read of the batch.
func TestRefreshSlowListLeavesTimeForGets(t *testing.T) {
	t.Parallel()
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == "/api/campaigns" {
			sb.ServeHTTP(httptest.NewRecorder(), r) // counted, never answered
			select {
			case <-r.Context().Done():
			case <-hang:
			}
			return
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) })
	setup := newClient(t, srv.URL)
	var seeded []*client.Campaign
	for range 6 {
		seeded = append(seeded, createCampaign(t, setup))
	}
	c := newClient(t, srv.URL, client.WithRequestTimeout(300*time.Millisecond))
	// One read first, alone (a GET), so that the others form a batch that lists.
	if _, err := c.RefreshCampaign(context.Background(), seeded[0].ID, hintOf(seeded[0])); err != nil {
		t.Fatal(err)
	}
	sb.ResetCounters()
	hints := map[int64]client.RefreshHint{}
	for _, cp := range seeded[1:4] {
		hints[cp.ID] = hintOf(cp)
	}
	got, errs := refreshWithin(t, c, hints, 20*time.Second)
	for id, err := range errs {
		if err != nil {
			t.Errorf("campaign %d: %v", id, err)
		}
	}
	if sb.Count(listKey) != 1 || sb.Count(getKey) != len(hints) {
		t.Errorf("want the one hanging list request, then a GET per read: %v", sb.Counters())
	}
	// The client lists no more: the next batch reads by GET.
	sb.ResetCounters()
	hints = map[int64]client.RefreshHint{}
	for _, cp := range seeded[4:] {
		hints[cp.ID] = hintOf(cp)
	}
	again, errs := refreshWithin(t, c, hints, 20*time.Second)
	for id, err := range errs {
		if err != nil {
			t.Errorf("campaign %d, after the slow list: %v", id, err)
		}
	}
	if sb.Count(listKey) != 0 || sb.Count(getKey) != len(hints) {
		t.Errorf("after a list slower than its bound, want GETs only: %v", sb.Counters())
	}
	for id, cp := range mergeAnswers(got, again) {
		want, err := setup.GetCampaign(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(cp, want) {
			t.Errorf("campaign %d: got %+v, a GET answers %+v", id, cp, want)
		}
	}
}

// refreshWithin is refreshAll with a read timeout for each read, as the
// resource's timeouts.read gives it.
func refreshWithin(t *testing.T, c *client.Client, hints map[int64]client.RefreshHint, d time.Duration) (map[int64]*client.Campaign, map[int64]error) {
	t.Helper()
	type answer struct {
		id  int64
		cp  *client.Campaign
		err error
	}
	out := make(chan answer, len(hints))
	for id, hint := range hints {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), d)
			defer cancel()
			cp, err := c.RefreshCampaign(ctx, id, hint)
			out <- answer{id, cp, err}
		}()
	}
	got, errs := map[int64]*client.Campaign{}, map[int64]error{}
	for range hints {
		a := <-out
		got[a.id], errs[a.id] = a.cp, a.err
	}
	return got, errs
}

func mergeAnswers(a, b map[int64]*client.Campaign) map[int64]*client.Campaign {
	out := map[int64]*client.Campaign{}
	for id, cp := range a {
		out[id] = cp
	}
	for id, cp := range b {
		out[id] = cp
	}
	return out
}
