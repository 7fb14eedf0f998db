package client

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"sync"
	"time"
)

// A refresh reads pages, not campaigns. Terraform reads each resource on
// its own (up to -parallelism at once), so a refresh of N campaigns under
// a limit of R requests a second would take N/R. The list call answers the
// same campaign object 500 at a time: reads that arrive together are
// gathered, and one of them (the leader) lists the creation window of the
// gathered campaigns, by id, page by page; every campaign the pages carry
// answers its read, or waits in a short-lived cache for a read that comes
// later in the same run. A read the pages do not answer sends its own GET,
// so that a 404 means what it meant before; so do the client's first read
// when it comes alone (one campaign costs one request either way) and a
// second read of a campaign.
//
// The bound: a page is requested only while pages requested <= reads
// answered from pages, so a refresh never sends more than one request per
// campaign plus the one page that learns a window's size.

// RefreshHint is what the state says of a campaign a refresh reads: its
// message_type and created_at exactly as the API wrote them ("" when the
// state has none, as after an import: the read is then a plain GET).
type RefreshHint struct {
	Type      string
	CreatedAt string
}

const (
	// refreshGather is how long a leader waits for more reads: Terraform
	// sends up to -parallelism reads at once, but its first read of a
	// refresh came 8 to 11 ms before the other nine (1.11, measured).
	refreshGather = 25 * time.Millisecond
	// refreshTTL is how long a campaign a page carried may answer a later
	// read: long enough for the reads of one refresh, which Terraform
	// sends within seconds of each other, too short to reach a later one.
	refreshTTL = 30 * time.Second
	// A window starts a quarter of the batch's own span (its earliest to
	// its latest created_at) before its earliest campaign, between
	// refreshReachMin and refreshReachMax. Terraform sends a refresh's
	// reads a few at a time, and each read older than every window listed
	// so far costs a page; ten reads of a configuration's campaigns span
	// about 9/11 of the time over which they were made, so a quarter of
	// that catches the ones made before them (300 campaigns made over 5
	// minutes: 11 to 15 pages with no reach, measured). A fixed hour
	// started the pages among the account's other campaigns of that hour,
	// which filled the first page; it answered no read, and the refresh
	// fell back to a GET each. Campaigns of others made within the batch's
	// own window still can (a stand-in with a frozen clock, where every
	// campaign shares one created_at, shows it). refreshReachMin is
	// created_at's precision.
	refreshReachMin = time.Second
	refreshReachMax = time.Hour
)

// refreshPage is page[limit] of a refresh's list requests (the API's
// largest); tests page by the API's smallest, 30.
var refreshPage = 500

// refresher is a client's page-backed refresh state (Client.pageReads).
type refresher struct {
	mu sync.Mutex
	// open is the batch gathering now (nil: the next read opens one).
	open *refreshBatch
	// cache holds campaigns pages carried, each for one read.
	cache map[int64]cachedCampaign
	// written is when (in writes) this client last wrote each campaign:
	// a page that started before a write may show the campaign as it was.
	written map[int64]uint64
	writes  uint64
	// refused are types the list refused (422): read by GET from then on.
	refused map[string]bool
	// off stops paging for the process after a list error.
	off bool
	// pages requested and reads answered from pages (the bound).
	pages, answered int64
	// gathered counts the reads that joined a batch.
	gathered int64
	// read are the campaigns read so far: a refresh reads each once, so a
	// second read of one (a benchmark, a poll) is a plain GET.
	read map[int64]bool
	// turn lets one batch list at a time, so that a batch sees what the
	// pages of the one before it cached.
	turn chan struct{}
}

type cachedCampaign struct {
	cp Campaign
	at time.Time
}

type refreshBatch struct{ reads []*refreshRead }

// refreshRead is one gathered read; done is closed when the leader is
// through with it, cp set when a page answered it.
type refreshRead struct {
	id      int64
	typ     string
	created time.Time
	done    chan struct{}
	closed  bool
	cp      *Campaign
}

// RefreshCampaign reads one campaign for a refresh: from the list pages
// where they answer it (see above), else by GET /api/campaigns/{id}.
// The answer is the object a GET gives; a campaign the pages do not carry
// (deleted, outside the window, of a type the list refuses) is a GET, and
// its errors (404 included) are the GET's.
func (c *Client) RefreshCampaign(ctx context.Context, id int64, hint RefreshHint) (*Campaign, error) {
	cp, err := c.fromPages(ctx, id, hint)
	if err != nil || cp != nil {
		return cp, err
	}
	return c.GetCampaign(ctx, id)
}

// fromPages answers a read from the cache or a gathered batch's pages;
// (nil, nil) sends it to GET.
func (c *Client) fromPages(ctx context.Context, id int64, hint RefreshHint) (*Campaign, error) {
	if hint.Type == "" || hint.CreatedAt == "" {
		return nil, nil
	}
	created, err := c.ParseTime(hint.CreatedAt)
	if err != nil {
		return nil, nil //nolint:nilerr // a created_at the client cannot read: the read is a GET
	}
	r := &c.pageReads
	rd := &refreshRead{id: id, typ: hint.Type, created: created, done: make(chan struct{})}
	r.mu.Lock()
	r.init()
	again := r.read[id]
	r.read[id] = true
	if again {
		r.mu.Unlock()
		return nil, nil
	}
	if cp := r.take(id, c.clock.Now()); cp != nil {
		r.mu.Unlock()
		return cp, nil
	}
	if r.off || r.refused[hint.Type] {
		r.mu.Unlock()
		return nil, nil
	}
	b, leader := r.open, r.open == nil
	if leader {
		b = &refreshBatch{}
		r.open = b
	}
	b.reads = append(b.reads, rd)
	r.gathered++
	r.mu.Unlock()
	if leader {
		c.leadBatch(ctx, b)
	}
	select {
	case <-rd.done:
		return rd.cp, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (r *refresher) init() {
	if r.cache == nil {
		r.cache = map[int64]cachedCampaign{}
		r.written = map[int64]uint64{}
		r.refused = map[string]bool{}
		r.read = map[int64]bool{}
		r.turn = make(chan struct{}, 1)
	}
}

// take answers a read from the cache, once; the caller holds r.mu.
func (r *refresher) take(id int64, now time.Time) *Campaign {
	e, ok := r.cache[id]
	if !ok {
		return nil
	}
	delete(r.cache, id)
	if now.Sub(e.at) > refreshTTL || now.Before(e.at) {
		return nil
	}
	r.answered++
	cp := e.cp
	return &cp
}

// answer hands a read its campaign; the caller holds r.mu.
func (rd *refreshRead) answer(cp *Campaign) {
	if !rd.closed {
		rd.cp, rd.closed = cp, true
		close(rd.done)
	}
}

// leadBatch gathers reads for refreshGather, then lists for them. Every
// read of the batch is let go when it returns: those no page answered
// send their own GET, with their own context.
func (c *Client) leadBatch(ctx context.Context, b *refreshBatch) {
	r := &c.pageReads
	t := time.NewTimer(refreshGather) // a real timer: this gathers, it does not poll
	select {
	case <-t.C:
	case <-ctx.Done():
		t.Stop()
	}
	r.mu.Lock()
	r.open = nil
	reads := b.reads
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		for _, rd := range reads {
			rd.answer(nil)
		}
		r.mu.Unlock()
	}()
	select {
	case r.turn <- struct{}{}:
		defer func() { <-r.turn }()
	case <-ctx.Done():
		return
	}
	if ctx.Err() != nil {
		return // select picks at random when both were ready
	}
	listCtx, cancel := c.listContext(ctx)
	defer cancel()
	c.listForBatch(ctx, listCtx, reads)
}

// listContext bounds a batch's listing: one attempt's request timeout (no
// retries), and at most half of what is left of the leader's read
// timeout, so that every read of the batch, whose time runs with the
// leader's, still has time for its own GET when the list is slow.
func (c *Client) listContext(ctx context.Context) (context.Context, context.CancelFunc) {
	budget := c.http.HTTPClient.Timeout
	if deadline, ok := ctx.Deadline(); ok {
		if half := time.Until(deadline) / 2; budget <= 0 || half < budget {
			budget = half
		}
	}
	if budget <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, budget)
}

// listForBatch answers what the cache now holds, then lists each type's
// window for the rest under listCtx (listContext), derived from the
// leader's ctx.
func (c *Client) listForBatch(ctx, listCtx context.Context, reads []*refreshRead) {
	r := &c.pageReads
	pending := map[int64]*refreshRead{}
	byType := map[string][]*refreshRead{}
	r.mu.Lock()
	now := c.clock.Now()
	for _, rd := range reads {
		if cp := r.take(rd.id, now); cp != nil {
			rd.answer(cp)
		} else if !r.refused[rd.typ] {
			pending[rd.id] = rd
			byType[rd.typ] = append(byType[rd.typ], rd)
		}
	}
	// The client's first and only read (one campaign in the state) costs
	// one request either way, and nothing says more will come: a GET.
	lone := len(pending) == 1 && r.gathered == 1
	r.mu.Unlock()
	if lone {
		return
	}
	types := make([]string, 0, len(byType))
	var lo, hi time.Time
	for typ, some := range byType {
		types = append(types, typ)
		for _, rd := range some {
			if lo.IsZero() || rd.created.Before(lo) {
				lo = rd.created
			}
			if rd.created.After(hi) {
				hi = rd.created
			}
		}
	}
	slices.Sort(types)
	from := lo.Add(-min(max(hi.Sub(lo)/4, refreshReachMin), refreshReachMax))
	for _, typ := range types {
		err := c.listForType(listCtx, typ, from, byType[typ], pending)
		switch {
		case err == nil:
			continue
		case ctx.Err() != nil:
			return // the leader's own time is up: the others read by GET
		case hasStatus(err, http.StatusTooManyRequests):
			return // the limit, for now: this batch reads by GET, a later one may list
		}
		r.mu.Lock()
		if IsUnprocessable(err) {
			r.refused[typ] = true
		} else {
			r.off = true // an error, or a list slower than its bound: GETs from now on
		}
		r.mu.Unlock()
	}
}

// listForType reads the pages of one type's window while they answer
// more reads than they cost. The window runs from from, a reach before
// the earliest created_at of the batch's reads of any type (the campaigns
// of one configuration were mostly made together), to the server's now,
// split into the API's three-month windows; those without a read of the
// batch are not asked for. Its pages, by id, go on past the batch to the
// campaigns Terraform reads next.
func (c *Client) listForType(ctx context.Context, typ string, from time.Time, reads []*refreshRead, pending map[int64]*refreshRead) error {
	r := &c.pageReads
	opts := ListOptions{Type: typ, Sort: "id", Way: "asc", PageLimit: refreshPage, once: true}
	for _, w := range c.listWindows(from, time.Time{}) {
		from, to, ok := c.windowBounds(w)
		if !ok {
			return nil
		}
		waiting := func(last int64) int64 {
			n := int64(0)
			for _, rd := range reads {
				if pending[rd.id] != nil && rd.id > last && !rd.created.Before(from) && !rd.created.After(to) {
					n++
				}
			}
			return n
		}
		r.mu.Lock()
		ok = !r.off && waiting(0) > 0 && r.pages <= r.answered
		if ok {
			r.pages++
		}
		since := r.writes
		r.mu.Unlock()
		if !ok {
			continue
		}
		err := listWindow(ctx, c, opts, w, func(items []listedCampaign, info pageInfo) bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			last := r.keep(items, pending, since, c.clock.Now())
			left := waiting(last)
			more := !r.off && left > 0 && info.further() > 0 && info.further() <= left && r.pages <= r.answered
			if more {
				r.pages++
			}
			return more
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// windowBounds reads a window back as times; an open end ("": the API's
// default, now at the server) is unbounded.
func (c *Client) windowBounds(w window) (from, to time.Time, ok bool) {
	to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	var err error
	if w.from != "" {
		if from, err = c.ParseTime(w.from); err != nil {
			return from, to, false
		}
	}
	if w.to != "" {
		if to, err = c.ParseTime(w.to); err != nil {
			return from, to, false
		}
	}
	return from, to, true
}

// keep answers the pending reads a page carries and caches the rest of
// its campaigns (not those this client wrote since the page was asked
// for); it returns the page's highest id. The caller holds r.mu.
func (r *refresher) keep(items []listedCampaign, pending map[int64]*refreshRead, since uint64, now time.Time) int64 {
	for id, e := range r.cache {
		if now.Sub(e.at) > refreshTTL {
			delete(r.cache, id)
		}
	}
	var last int64
	for i := range items {
		it := &items[i]
		last = max(last, it.ID)
		if !it.Alt.present {
			// The sources do not say that a list item carries
			// alternative_channels; one without it is not the GET's answer.
			continue
		}
		cp := it.Campaign
		cp.AlternativeChannels = it.Alt.value
		if rd := pending[cp.ID]; rd != nil {
			delete(pending, cp.ID)
			r.answered++
			rd.answer(&cp)
			continue
		}
		if r.written[cp.ID] > since {
			continue
		}
		r.cache[cp.ID] = cachedCampaign{cp: cp, at: now}
	}
	return last
}

// campaignWritten drops what the refresh holds of a campaign this client
// is writing (stop, renew, create): a page asked for before the write may
// show it as it was.
func (c *Client) campaignWritten(id int64) {
	if id == 0 {
		return
	}
	r := &c.pageReads
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	r.writes++
	r.written[id] = r.writes
	delete(r.cache, id)
}

// listedCampaign is a list item as the refresh reads it: the campaign,
// and whether the item carried alternative_channels at all.
type listedCampaign struct {
	Campaign
	Alt presentChannels `json:"alternative_channels"`
}

// presentChannels is alternative_channels, remembering that the key was there.
type presentChannels struct {
	present bool
	value   *AlternativeChannels
}

// UnmarshalJSON is called for every value the key holds, null included.
func (p *presentChannels) UnmarshalJSON(b []byte) error {
	p.present = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		p.value = nil
		return nil
	}
	p.value = &AlternativeChannels{}
	return p.value.UnmarshalJSON(b)
}
