package client_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// listStand is the stand-in behind a handler that can hold list answers
// (each computed when its request arrives, written when released: a page
// in flight), break them, and lose a stop's answer.
type listStand struct {
	sb  *sandbox.Sandbox
	URL string

	mu sync.Mutex
	// hold is how many of the next list answers are held.
	hold    int
	arrived chan struct{}
	release chan struct{}
	// fail breaks every list answer: "500", or "undecodable" (an item
	// whose id is not a number).
	fail string
	// loseStop makes the next stop's answer never come, after the stop
	// is done: stopDone is then signalled.
	loseStop bool
	stopDone chan struct{}
}

func newListStand(t *testing.T, cfg sandbox.Config) *listStand {
	t.Helper()
	cfg.APIKeys = []string{testKey}
	s := &listStand{sb: sandbox.New(cfg), arrived: make(chan struct{}, 16), release: make(chan struct{}), stopDone: make(chan struct{}, 1)}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	t.Cleanup(s.releaseLists)
	s.URL = srv.URL
	return s
}

// releaseLists lets every held list answer go.
func (s *listStand) releaseLists() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

func (s *listStand) set(f func(s *listStand)) {
	s.mu.Lock()
	f(s)
	s.mu.Unlock()
}

func (s *listStand) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	list := r.Method == http.MethodGet && r.URL.Path == "/api/campaigns"
	stop := strings.HasSuffix(r.URL.Path, "/stop")
	if !list && !stop {
		s.sb.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.sb.ServeHTTP(rec, r)
	s.mu.Lock()
	held := list && s.hold > 0
	if held {
		s.hold--
	}
	fail, lose := s.fail, stop && s.loseStop
	if lose {
		s.loseStop = false
	}
	s.mu.Unlock()
	if lose {
		s.stopDone <- struct{}{}
		<-r.Context().Done()
		return
	}
	if held {
		s.arrived <- struct{}{}
		<-s.release
	}
	body := rec.Body.Bytes()
	switch {
	case list && fail == "500":
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"message":"Server Error"}`))
		return
	case list && fail == "undecodable":
		var page map[string]any
		if json.Unmarshal(body, &page) == nil {
			if items, _ := page["data"].([]any); len(items) > 0 {
				items[0].(map[string]any)["id"] = "not a number"
			}
			body, _ = json.Marshal(page)
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(body)
}

// sendingCampaigns creates n RCS campaigns of 20 messages each (40 s of
// sending) and lets them start sending; it answers them as a GET does.
func sendingCampaigns(t *testing.T, s *listStand, n int) []*client.Campaign {
	t.Helper()
	setup := newClient(t, s.URL)
	var numbers []string
	for k := range 20 {
		numbers = append(numbers, fmt.Sprintf("3806612%05d", k))
	}
	var ids []int64
	for range n {
		cp, err := setup.CreateRCSCampaign(context.Background(), rcsRequest(numbers...))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cp.ID)
	}
	s.sb.Advance(20 * time.Second)
	return getAll(t, setup, ids)
}

func getAll(t *testing.T, c *client.Client, ids []int64) []*client.Campaign {
	t.Helper()
	out := make([]*client.Campaign, len(ids))
	for i, id := range ids {
		cp, err := c.GetCampaign(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = cp
	}
	return out
}

// readAsync reads cp for a refresh in the background.
func readAsync(c *client.Client, cp *client.Campaign) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := c.RefreshCampaign(context.Background(), cp.ID, hintOf(cp))
		done <- err
	}()
	return done
}

// TestRefreshPageBeforeWriteNotCached: a page asked for before this client
// stopped a campaign, and answered after, shows it sending; a later read
// of it asks the API and sees it stopped.
func TestRefreshPageBeforeWriteNotCached(t *testing.T) {
	t.Parallel()
	s := newListStand(t, sandbox.Config{})
	cps := sendingCampaigns(t, s, 4)
	ctx := context.Background()
	c := newClient(t, s.URL)
	if _, err := c.RefreshCampaign(ctx, cps[0].ID, hintOf(cps[0])); err != nil { // alone: a GET
		t.Fatal(err)
	}
	s.set(func(s *listStand) { s.hold = 1 })
	read := readAsync(c, cps[3])
	<-s.arrived // the page, cps[1] sending on it, is in flight
	if _, err := c.StopCampaign(ctx, cps[1].ID); err != nil {
		t.Fatal(err)
	}
	s.releaseLists()
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	cp, err := c.RefreshCampaign(ctx, cps[1].ID, hintOf(cps[1]))
	if err != nil {
		t.Fatal(err)
	}
	if cp.Status != client.StatusStopped {
		t.Errorf("read after this client's stop: %s (the page asked for before the stop)", cp.Status)
	}
}

// TestRefreshStopWithoutAnswer: this client stops a campaign while a page
// carrying it is in flight; the stop is done, but its answer never comes
// (the client gives up). The page, answered after, shows the campaign
// sending; a later read must not answer that.
func TestRefreshStopWithoutAnswer(t *testing.T) {
	t.Parallel()
	s := newListStand(t, sandbox.Config{})
	cps := sendingCampaigns(t, s, 4)
	ctx := context.Background()
	c := newClient(t, s.URL)
	if _, err := c.RefreshCampaign(ctx, cps[0].ID, hintOf(cps[0])); err != nil {
		t.Fatal(err)
	}
	s.set(func(s *listStand) { s.hold, s.loseStop = 1, true })
	read := readAsync(c, cps[3])
	<-s.arrived
	stopCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error, 1)
	go func() {
		_, err := c.StopCampaign(stopCtx, cps[1].ID)
		stopped <- err
	}()
	<-s.stopDone
	cancel()
	if err := <-stopped; err == nil {
		t.Fatal("a stop without an answer succeeded")
	}
	s.releaseLists()
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	cp, err := c.RefreshCampaign(ctx, cps[1].ID, hintOf(cps[1]))
	if err != nil {
		t.Fatal(err)
	}
	if cp.Status != client.StatusStopped {
		t.Errorf("read after this client's stop: %s (the page asked for before the stop)", cp.Status)
	}
}

// TestRefreshListErrorStopsPaging: once a list answers an error (500, or
// an item the client cannot read) the reads go by GET, and the client
// sends no further list request, even when pages have answered more reads
// than they cost.
func TestRefreshListErrorStopsPaging(t *testing.T) {
	t.Parallel()
	for _, fail := range []string{"500", "undecodable"} {
		t.Run(fail, func(t *testing.T) {
			s := newListStand(t, sandbox.Config{})
			setup := newClient(t, s.URL)
			early := sendingCampaigns(t, s, 3)
			ctx := context.Background()
			c := newClient(t, s.URL)
			// A GET (alone), then a page that answers the second read
			// and caches the third: pages 1, answered 2.
			for _, cp := range early {
				if _, err := c.RefreshCampaign(ctx, cp.ID, hintOf(cp)); err != nil {
					t.Fatal(err)
				}
			}
			if n := s.sb.Count(listKey); n != 1 {
				t.Fatalf("%d list requests, want 1: %v", n, s.sb.Counters())
			}
			// Campaigns made since: no page carried them.
			late := getAll(t, setup, []int64{createCampaign(t, setup).ID, createCampaign(t, setup).ID})
			s.set(func(s *listStand) { s.fail = fail })
			for i, cp := range late {
				got, err := c.RefreshCampaign(ctx, cp.ID, hintOf(cp))
				if err != nil || got.ID != cp.ID || got.Status != cp.Status {
					t.Fatalf("campaign %d after the list failed: %v %v", cp.ID, got, err)
				}
				if i == 0 {
					s.sb.ResetCounters()
				}
			}
			if n := s.sb.Count(listKey); n != 0 {
				t.Errorf("%d list requests after a list failed, want 0: %v", n, s.sb.Counters())
			}
		})
	}
}

// TestRefreshPagesBoundAcrossPages: reads of campaigns the account no
// longer has, whose created_at and ids fall in a window of three pages,
// cost at most one page: no page answered a read, so no further page is
// asked for.
func TestRefreshPagesBoundAcrossPages(t *testing.T) {
	client.SetRefreshPage(t, 30)
	s := newListStand(t, sandbox.Config{})
	cps := sendingCampaigns(t, s, 90)
	gone := cps[84:]
	for _, cp := range gone {
		s.sb.Delete(cp.ID)
	}
	s.sb.ResetCounters()
	hints := map[int64]client.RefreshHint{}
	for _, cp := range gone {
		hints[cp.ID] = hintOf(cp)
	}
	_, errs := refreshAll(t, newClient(t, s.URL), hints)
	for id, err := range errs {
		if !client.IsNotFound(err) {
			t.Fatalf("campaign %d: want a 404, got %v", id, err)
		}
	}
	if pages, gets := s.sb.Count(listKey), s.sb.Count(getKey); pages > len(gone)-gets+1 {
		t.Errorf("%d pages for %d reads answered from pages (%d GETs)", pages, len(gone)-gets, gets)
	}
}

// sameAsGet reads hints all at once by a fresh client with opts and
// checks each answer against a GET by another such client: equal field
// for field, no error. It returns the requests the refresh sent.
func sameAsGet(t *testing.T, s *listStand, hints map[int64]client.RefreshHint, during func(), opts ...client.Option) map[string]int {
	t.Helper()
	s.sb.ResetCounters()
	var got map[int64]*client.Campaign
	var errs map[int64]error
	if during == nil {
		got, errs = refreshAll(t, newClient(t, s.URL, opts...), hints)
	} else {
		s.set(func(s *listStand) { s.hold = 1 })
		done := make(chan struct{})
		go func() {
			got, errs = refreshAll(t, newClient(t, s.URL, opts...), hints)
			close(done)
		}()
		<-s.arrived
		during()
		s.releaseLists()
		<-done
	}
	counters := s.sb.Counters()
	check := newClient(t, s.URL, opts...)
	for id := range hints {
		want, err := check.GetCampaign(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if errs[id] != nil {
			t.Fatalf("campaign %d: %v", id, errs[id])
		}
		if !reflect.DeepEqual(got[id], want) {
			a, _ := json.Marshal(got[id])
			b, _ := json.Marshal(want)
			t.Errorf("campaign %d by the refresh:\n%s\nby GET:\n%s", id, a, b)
		}
	}
	pages, gets := counters[listKey], counters[getKey]
	if answered := len(hints) - gets; pages > answered+1 {
		t.Errorf("%d pages for %d reads answered from pages", pages, answered)
	}
	t.Logf("%d reads: %v", len(hints), counters)
	return counters
}

func hintsOf(cps []*client.Campaign) map[int64]client.RefreshHint {
	hints := map[int64]client.RefreshHint{}
	for _, cp := range cps {
		hints[cp.ID] = hintOf(cp)
	}
	return hints
}

// TestRefreshSeveralPages: a refresh of 96 campaigns of every channel and
// status in one window, at 30 a page, reads the window's pages after the
// first (by offset) and answers every read from them, as a GET would.
func TestRefreshSeveralPages(t *testing.T) {
	client.SetRefreshPage(t, 30)
	s := newListStand(t, sandbox.Config{Balance: 1e6})
	cps := seedRefreshCampaigns(t, s.sb, newClient(t, s.URL), 96)
	sent := sameAsGet(t, s, hintsOf(cps), nil)
	if pages, gets := sent[listKey], sent[getKey]; pages < 4 || gets > 1 {
		t.Errorf("%d pages and %d GETs: want the window's 4 pages, and at most a first read that came alone", pages, gets)
	}
}

// TestRefreshCampaignsCreatedWhileListing: campaigns made while the
// first page is in flight come after it by id (asc): the offset pages
// neither skip nor repeat one. One the account loses meanwhile shifts the
// pages after it: the read the shift skips asks by GET.
func TestRefreshCampaignsCreatedWhileListing(t *testing.T) {
	client.SetRefreshPage(t, 30)
	t.Run("created", func(t *testing.T) {
		s := newListStand(t, sandbox.Config{})
		cps := sendingCampaigns(t, s, 75)
		setup := newClient(t, s.URL)
		sent := sameAsGet(t, s, hintsOf(cps), func() {
			for range 10 {
				createCampaign(t, setup)
			}
		})
		if gets := sent[getKey]; gets > 1 {
			t.Errorf("%d GETs: campaigns made while listing made the pages skip one", gets)
		}
	})
	t.Run("lost", func(t *testing.T) {
		s := newListStand(t, sandbox.Config{})
		cps := sendingCampaigns(t, s, 75)
		lost := cps[5] // on the first page, not in the state
		sameAsGet(t, s, hintsOf(append(cps[:5:5], cps[6:]...)), func() { s.sb.Delete(lost.ID) })
	})
}

// TestRefreshWindowsOverThreeMonths: campaigns made over eight months are
// listed in the API's three-month windows (the reach goes back from the
// earliest created_at), each read answered as a GET would.
func TestRefreshWindowsOverThreeMonths(t *testing.T) {
	client.SetRefreshPage(t, 30)
	s := newListStand(t, sandbox.Config{Start: time.Now().UTC().AddDate(0, -8, 0)})
	setup := newClient(t, s.URL)
	var ids []int64
	for range 40 {
		ids = append(ids, createCampaign(t, setup).ID)
		s.sb.Advance(6 * 24 * time.Hour)
	}
	cps := getAll(t, setup, ids)
	if pages := sameAsGet(t, s, hintsOf(cps), nil)[listKey]; pages < 3 {
		t.Errorf("%d pages for eight months: want a page of each three-month window", pages)
	}
}

// TestRefreshOtherAccountZone: the provider's time_zone is not the
// account's; the created_at the state holds is read in the wrong zone.
// Every read still answers what a GET does (from the pages or by GET).
func TestRefreshOtherAccountZone(t *testing.T) {
	client.SetRefreshPage(t, 30)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	york, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	for _, zones := range [][2]*time.Location{{tokyo, york}, {york, tokyo}} {
		t.Run(zones[0].String()+"/"+zones[1].String(), func(t *testing.T) {
			s := newListStand(t, sandbox.Config{AccountZone: zones[0], Balance: 1e6})
			opt := client.WithTimeZone(zones[1])
			cps := seedRefreshCampaigns(t, s.sb, newClient(t, s.URL, opt), 48)
			sameAsGet(t, s, hintsOf(cps), nil, opt)
		})
	}
}

// TestRefreshAmongTheAccountsOtherCampaigns: the account made 60 other
// campaigns half an hour before this configuration's 40, which were made
// a second apart; Terraform reads them ten at a time, in no order. The
// windows start a little before each batch's earliest campaign, not among
// the others: the pages answer the reads, and few go by GET. (A window
// reaching an hour back started on a page of the others, which answered
// no read, and every read went by GET.)
func TestRefreshAmongTheAccountsOtherCampaigns(t *testing.T) {
	client.SetRefreshPage(t, 30)
	s := newListStand(t, sandbox.Config{})
	sendingCampaigns(t, s, 60)
	s.sb.Advance(30 * time.Minute)
	setup := newClient(t, s.URL)
	var ids []int64
	for range 40 {
		ids = append(ids, createCampaign(t, setup).ID)
		s.sb.Advance(time.Second)
	}
	ours := getAll(t, setup, ids)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(ours), func(i, j int) { ours[i], ours[j] = ours[j], ours[i] })
	s.sb.ResetCounters()
	c := newClient(t, s.URL)
	got := map[int64]*client.Campaign{}
	for start := 0; start < len(ours); start += 10 {
		answers, errs := refreshAll(t, c, hintsOf(ours[start:min(start+10, len(ours))]))
		for id, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
			got[id] = answers[id]
		}
	}
	pages, gets := s.sb.Count(listKey), s.sb.Count(getKey)
	t.Logf("40 reads: %d pages, %d GETs", pages, gets)
	for _, cp := range ours {
		want, err := setup.GetCampaign(context.Background(), cp.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got[cp.ID], want) {
			t.Errorf("campaign %d: the refresh's answer is not the GET's", cp.ID)
		}
	}
	if gets > 4 {
		t.Errorf("%d of 40 reads went by GET (%d pages): the windows started among the account's other campaigns", gets, pages)
	}
}
