package client_test

import (
	"context"
	"encoding/json"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const (
	listKey = "GET /api/campaigns"
	getKey  = "GET /api/campaigns/{id}"
)

// seedRefreshCampaigns creates n campaigns of every channel in every
// status (sandbox.SeedEveryChannelAndStatus) and answers them as a GET by
// c does.
func seedRefreshCampaigns(t *testing.T, sb *sandbox.Sandbox, c *client.Client, n int) []*client.Campaign {
	t.Helper()
	ids, err := sb.SeedEveryChannelAndStatus(n)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*client.Campaign, len(ids))
	for i, id := range ids {
		if out[i], err = c.GetCampaign(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// hintOf is what the state would hold after a GET of cp.
func hintOf(cp *client.Campaign) client.RefreshHint {
	return client.RefreshHint{Type: cp.MessageType, CreatedAt: *cp.CreatedAt}
}

// refreshAll reads every campaign at once, as Terraform's refresh does.
func refreshAll(t *testing.T, c *client.Client, hints map[int64]client.RefreshHint) (map[int64]*client.Campaign, map[int64]error) {
	t.Helper()
	var mu sync.Mutex
	got, errs := map[int64]*client.Campaign{}, map[int64]error{}
	var wg sync.WaitGroup
	for id, hint := range hints {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cp, err := c.RefreshCampaign(context.Background(), id, hint)
			mu.Lock()
			defer mu.Unlock()
			got[id], errs[id] = cp, err
		}()
	}
	wg.Wait()
	return got, errs
}

// TestRefreshFromPagesEqualsGet is the differential test: campaigns of
// every channel in every status, in an account zone other than UTC, read
// from the list pages, equal field for field what a GET answers, with no
// GET sent.
func TestRefreshFromPagesEqualsGet(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	sb, url := newSandbox(t, sandbox.Config{AccountZone: kyiv, Balance: 1e6})
	setup := newClient(t, url, client.WithTimeZone(kyiv))
	seeded := seedRefreshCampaigns(t, sb, setup, sandbox.SeedRun*3)
	want := map[int64]*client.Campaign{}
	hints := map[int64]client.RefreshHint{}
	seen := map[string]bool{}
	for _, cp := range seeded {
		got, err := setup.GetCampaign(context.Background(), cp.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[cp.ID], hints[cp.ID] = got, hintOf(got)
		seen[got.MessageType+"/"+got.Status] = true
		if got.AlternativeChannels != nil && got.AlternativeChannels.SMS != nil {
			seen["fallback"] = true
		}
	}
	// Five message types: rcs, sms, viber, whatsapp, voice.
	if len(seen) != 5*len(sandbox.Statuses)+1 {
		t.Fatalf("the seed does not cover every channel, status and the fallback: %v", seen)
	}

	sb.ResetCounters()
	c := newClient(t, url, client.WithTimeZone(kyiv))
	got, errs := refreshAll(t, c, hints)
	for id, w := range want {
		if errs[id] != nil {
			t.Fatalf("campaign %d: %v", id, errs[id])
		}
		if !reflect.DeepEqual(got[id], w) {
			a, _ := json.Marshal(got[id])
			b, _ := json.Marshal(w)
			t.Errorf("campaign %d from pages:\n%s %+v\nby GET:\n%s %+v", id, a, got[id].AlternativeChannels, b, w.AlternativeChannels)
		}
	}
	if n := sb.Count(getKey); n > 1 {
		t.Errorf("%d GETs: every campaign but a first read that came alone should have been answered from the pages", n)
	}
	if n := sb.Count(listKey); n == 0 || n > len(want)/10 {
		t.Errorf("%d list requests for %d campaigns", n, len(want))
	}
}

// TestRefreshNeverCostsMoreThanGets: reads the pages cannot answer (the
// state's created_at is not the campaign's, or the campaign is gone),
// arriving one after another, cost one page in all beyond their GETs, and
// a 404 stays a 404.
func TestRefreshNeverCostsMoreThanGets(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{Balance: 1e6})
	setup := newClient(t, url)
	seeded := seedRefreshCampaigns(t, sb, setup, 24)
	gone := seeded[0].ID
	sb.Delete(gone)
	sb.ResetCounters()
	c := newClient(t, url)
	for i, cp := range seeded {
		// The state's created_at is days later: no page carries it.
		wrong := client.RefreshHint{Type: cp.MessageType, CreatedAt: sb.Now().Add(time.Duration(i+1) * 24 * time.Hour).Format(client.TimeLayout)}
		got, err := c.RefreshCampaign(context.Background(), cp.ID, wrong)
		switch {
		case cp.ID == gone && !client.IsNotFound(err):
			t.Fatalf("the deleted campaign: want a 404, got %v", err)
		case cp.ID != gone && (err != nil || got.ID != cp.ID):
			t.Fatalf("campaign %d: %v", cp.ID, err)
		}
	}
	if pages, gets := sb.Count(listKey), sb.Count(getKey); pages > 1 || gets != len(seeded) {
		t.Errorf("%d pages and %d GETs for %d reads no page answers: want at most 1 page", pages, gets, len(seeded))
	}
}

// TestRefreshPagesBound reads a mix the pages answer and reads they do
// not, many times: pages requested never exceed reads answered from pages
// plus one.
func TestRefreshPagesBound(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{Balance: 1e6})
	setup := newClient(t, url)
	seeded := seedRefreshCampaigns(t, sb, setup, 48)
	for k := 1; k <= 6; k++ {
		hints := map[int64]client.RefreshHint{}
		for i, cp := range seeded {
			h := hintOf(cp)
			if i%k != 0 {
				h.CreatedAt = sb.Now().Add(time.Duration(i) * 24 * time.Hour).Format(client.TimeLayout)
			}
			hints[cp.ID] = h
		}
		sb.ResetCounters()
		_, errs := refreshAll(t, newClient(t, url), hints)
		for id, err := range errs {
			if err != nil {
				t.Fatalf("campaign %d: %v", id, err)
			}
		}
		pages, gets := sb.Count(listKey), sb.Count(getKey)
		answered := len(hints) - gets
		if pages > answered+1 {
			t.Errorf("k=%d: %d pages for %d reads answered from pages (%d GETs)", k, pages, answered, gets)
		}
	}
}

// TestRefreshWriteDropsCachedCampaign: a campaign a page carried is not
// answered from the cache once this client stopped it.
func TestRefreshWriteDropsCachedCampaign(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{})
	setup := newClient(t, url)
	var ids []int64
	for range 4 {
		ids = append(ids, createCampaign(t, setup).ID)
	}
	sb.Advance(20 * time.Second) // sending
	cps := map[int64]*client.Campaign{}
	for _, id := range ids {
		cp, err := setup.GetCampaign(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		cps[id] = cp
	}
	ctx := context.Background()
	c := newClient(t, url)
	sb.ResetCounters()
	// The client's first read, alone, is a GET; the second lists.
	for _, id := range []int64{ids[0], ids[3]} {
		if _, err := c.RefreshCampaign(ctx, id, hintOf(cps[id])); err != nil {
			t.Fatal(err)
		}
	}
	if sb.Count(getKey) != 1 || sb.Count(listKey) != 1 {
		t.Fatalf("want one GET, then one page: %v", sb.Counters())
	}
	// ids[2] was on the page: answered from it, no request; once.
	if cp, err := c.RefreshCampaign(ctx, ids[2], hintOf(cps[ids[2]])); err != nil || cp.Status != client.StatusSending {
		t.Fatalf("the cached campaign: %v %v", cp, err)
	}
	if n := sb.Count(getKey) + sb.Count(listKey); n != 2 {
		t.Fatalf("%d requests for the first three reads, want 2", n)
	}
	if _, err := c.RefreshCampaign(ctx, ids[2], hintOf(cps[ids[2]])); err != nil {
		t.Fatal(err)
	}
	if n := sb.Count(getKey) + sb.Count(listKey); n != 3 {
		t.Fatalf("a cache entry answered two reads (%d requests, want 3)", n)
	}
	// The last page cached ids[1] as sending; this client stops it.
	if _, err := c.StopCampaign(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	cp, err := c.RefreshCampaign(ctx, ids[1], hintOf(cps[ids[1]]))
	if err != nil {
		t.Fatal(err)
	}
	if cp.Status != client.StatusStopped || sb.Count(getKey)+sb.Count(listKey) != 4 {
		t.Errorf("after this client's stop the read must ask the API: status %s, %v", cp.Status, sb.Counters())
	}
}

// TestRefreshTypeTheListRefuses: a type the list refuses (422) is read by
// GET, and not listed again.
func TestRefreshTypeTheListRefuses(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{ListTypesAsDocumented: true, Balance: 1e6})
	setup := newClient(t, url)
	seeded := seedRefreshCampaigns(t, sb, setup, 24)
	c := newClient(t, url)
	sb.ResetCounters()
	for _, cp := range seeded {
		if cp.MessageType != "viber" {
			continue
		}
		got, err := c.RefreshCampaign(context.Background(), cp.ID, hintOf(cp))
		if err != nil || got.ID != cp.ID {
			t.Fatalf("campaign %d: %v", cp.ID, err)
		}
	}
	if n := sb.Count(listKey); n != 1 {
		t.Errorf("%d list requests for viber, want 1 (refused, then never again)", n)
	}
}

// TestRefreshNoHintIsAGet: a state without message_type or created_at
// (after an import) reads by GET.
func TestRefreshNoHintIsAGet(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{})
	cp := createCampaign(t, newClient(t, url))
	sb.ResetCounters()
	if _, err := newClient(t, url).RefreshCampaign(context.Background(), cp.ID, client.RefreshHint{}); err != nil {
		t.Fatal(err)
	}
	if sb.Count(getKey) != 1 || sb.Count(listKey) != 0 {
		t.Errorf("want one GET and no page: %v", sb.Counters())
	}
}

// TestRefreshWaiterContextEnds: a read whose context has ended returns
// its context's error.
func TestRefreshWaiterContextEnds(t *testing.T) {
	t.Parallel()
	_, url := newSandbox(t, sandbox.Config{})
	cp := createCampaign(t, newClient(t, url))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newClient(t, url).RefreshCampaign(ctx, cp.ID, hintOf(cp)); err == nil {
		t.Error("a read with an ended context succeeded")
	}
}

// TestRefreshCacheExpires: a campaign a page carried answers a read
// within refreshTTL (30 s) on the client's clock, and none after it.
func TestRefreshCacheExpires(t *testing.T) {
	t.Parallel()
	sb, url := newSandbox(t, sandbox.Config{})
	setup := newClient(t, url)
	a, b, d, e := createCampaign(t, setup), createCampaign(t, setup), createCampaign(t, setup), createCampaign(t, setup)
	fake := clock.NewFake(time.Now())
	c := newClient(t, url, client.WithClock(fake))
	sb.ResetCounters()
	// The first read is a GET, the second a page that carries d and e.
	for _, cp := range []*client.Campaign{a, b} {
		if _, err := c.RefreshCampaign(context.Background(), cp.ID, hintOf(cp)); err != nil {
			t.Fatal(err)
		}
	}
	if sb.Count(listKey) != 1 {
		t.Fatalf("want a page: %v", sb.Counters())
	}
	fake.Advance(29 * time.Second)
	if _, err := c.RefreshCampaign(context.Background(), e.ID, hintOf(e)); err != nil {
		t.Fatal(err)
	}
	if n := sb.Count(listKey) + sb.Count(getKey); n != 2 {
		t.Errorf("%d requests: the read 29 s after the page must be answered from it", n)
	}
	fake.Advance(2 * time.Second)
	if _, err := c.RefreshCampaign(context.Background(), d.ID, hintOf(d)); err != nil {
		t.Fatal(err)
	}
	if n := sb.Count(listKey) + sb.Count(getKey); n != 3 {
		t.Errorf("%d requests: the read 31 s after the page must ask again", n)
	}
}
