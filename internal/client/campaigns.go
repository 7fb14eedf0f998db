package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Campaign statuses as One-API names them.
const (
	StatusCreation   = "creation"
	StatusModeration = "moderation"
	StatusSpam       = "spam"
	StatusScheduled  = "scheduled"
	StatusSending    = "sending"
	StatusPaused     = "paused"
	StatusStopped    = "stopped"
	StatusDone       = "done"
)

// IsFinal reports whether a campaign in this status can no longer change:
// stopped and done, as the seed documents.
func IsFinal(status string) bool { return status == StatusStopped || status == StatusDone }

// IsSettled reports whether nothing more will be sent, so there is nothing
// to stop: stopped and done (final), or spam (failed moderation).
func IsSettled(status string) bool { return IsFinal(status) || status == StatusSpam }

// MayStop reports whether a stop of a campaign of this message type in
// this status is worth sending under some reading of the sources: RCS in
// moderation, paused, sending or scheduled (the seed); SMS in creation,
// paused, sending or scheduled (the SMS cancel pages), and in moderation
// (the OpenAPI file's list, which names no channel). No page names the
// statuses of a Viber or WhatsApp campaign's stop: they take every status
// some reading allows, creation included. A refusal (422) is then waited
// out, not reported: see the provider's stop.
func MayStop(messageType, status string) bool {
	switch status {
	case StatusModeration, StatusPaused, StatusSending, StatusScheduled:
		return true
	case StatusCreation:
		return messageType != "rcs"
	}
	return false
}

// Statistics are the short delivery figures of a campaign.
type Statistics struct {
	Sent      int64 `json:"sent"`
	Delivered int64 `json:"delivered"`
}

// Campaign is the object GET /api/campaigns/{id}, stop and the create calls
// answer. Times are kept exactly as the server writes them.
type Campaign struct {
	ID          int64      `json:"id"`
	Name        string     `json:"name"`
	Sender      string     `json:"sender"`
	Status      string     `json:"status"`
	MessageType string     `json:"message_type"`
	StartAt     *string    `json:"start_at"`
	RealStartAt *string    `json:"real_start_at"`
	FinishedAt  *string    `json:"finished_at"`
	CreatedAt   *string    `json:"created_at"`
	Statistics  Statistics `json:"statistics"`
	// CalculatedPrice is the price estimate exactly as the API wrote it
	// (a JSON number, or a string holding one).
	CalculatedPrice     *json.Number         `json:"calculated_price"`
	Currency            *string              `json:"currency"`
	AlternativeChannels *AlternativeChannels `json:"alternative_channels"`
	// Recovered says how a campaign whose create answer was lost was found
	// again; empty for a normal answer.
	Recovered string `json:"-"`
}

// AlternativeChannels holds the statistics of messages sent through the SMS
// fallback. The API writes null, [] or an object; the first two decode to no
// SMS entry.
type AlternativeChannels struct {
	SMS *ChannelStatistics
}

// ChannelStatistics are one alternative channel's figures.
type ChannelStatistics struct {
	Statistics Statistics
}

// UnmarshalJSON accepts null, an empty array and the object form.
func (a *AlternativeChannels) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		if bytes.Equal(b, []byte("null")) || (len(b) > 0 && b[0] == '[') {
			*a = AlternativeChannels{}
			return nil
		}
		return fmt.Errorf("alternative_channels: unexpected %s", truncate(b, 40))
	}
	var raw struct {
		SMS json.RawMessage `json:"sms"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("alternative_channels: %w", err)
	}
	sms := bytes.TrimSpace(raw.SMS)
	if len(sms) == 0 || sms[0] != '{' {
		*a = AlternativeChannels{}
		return nil
	}
	var ch ChannelStatistics
	if err := json.Unmarshal(sms, &ch); err != nil {
		return fmt.Errorf("alternative_channels.sms: %w", err)
	}
	a.SMS = &ch
	return nil
}

// UnmarshalJSON accepts the seed's "statistic" spelling beside "statistics".
func (c *ChannelStatistics) UnmarshalJSON(b []byte) error {
	var raw struct {
		Statistics *Statistics `json:"statistics"`
		Statistic  *Statistics `json:"statistic"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	switch {
	case raw.Statistics != nil:
		c.Statistics = *raw.Statistics
	case raw.Statistic != nil:
		c.Statistics = *raw.Statistic
	}
	return nil
}

// DetailStatistics are the full delivery figures of
// GET /api/campaigns/{id}/detail.
type DetailStatistics struct {
	Delivered    int64 `json:"delivered"`
	Sent         int64 `json:"sent"`
	Scheduled    int64 `json:"scheduled"`
	Moderation   int64 `json:"moderation"`
	Accepted     int64 `json:"accepted"`
	Sending      int64 `json:"sending"`
	Expired      int64 `json:"expired"`
	Failed       int64 `json:"failed"`
	Undelivered  int64 `json:"undelivered"`
	Unknown      int64 `json:"unknown"`
	Read         int64 `json:"read"`
	NotViberUser int64 `json:"not_viber_user"`
	NotRCSUser   int64 `json:"not_rcs_user"`
}

// CampaignDetail is the richer object of GET /api/campaigns/{id}/detail.
type CampaignDetail struct {
	ID                  int64                      `json:"id"`
	Name                string                     `json:"name"`
	Sender              string                     `json:"sender"`
	Status              string                     `json:"status"`
	Type                string                     `json:"type"`
	StartedAt           *string                    `json:"started_at"`
	ActualStartAt       *string                    `json:"actual_start_at"`
	FinishedAt          *string                    `json:"finished_at"`
	CreatedAt           *string                    `json:"created_at"`
	Statistics          DetailStatistics           `json:"statistics"`
	TotalMessages       int64                      `json:"total_messages"`
	TotalPhones         int64                      `json:"total_phones"`
	TotalPrice          *Decimal                   `json:"total_price"`
	Currency            *string                    `json:"currency"`
	AlternativeChannels *DetailAlternativeChannels `json:"alternative_channels"`
}

// DetailAlternativeChannels is alternative_channels of the detail call.
type DetailAlternativeChannels struct {
	SMS *DetailStatistics
}

// UnmarshalJSON accepts null, [] and {"sms": {"statistics"|"statistic": {...}}}.
func (a *DetailAlternativeChannels) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		*a = DetailAlternativeChannels{}
		return nil
	}
	var raw struct {
		SMS *struct {
			Statistics *DetailStatistics `json:"statistics"`
			Statistic  *DetailStatistics `json:"statistic"`
		} `json:"sms"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("alternative_channels: %w", err)
	}
	if raw.SMS != nil {
		a.SMS = raw.SMS.Statistics
		if a.SMS == nil {
			a.SMS = raw.SMS.Statistic
		}
	}
	return nil
}

// Decimal is a price the API writes as a string ("0.16") or a number.
type Decimal struct {
	Text  string
	Value float64
}

// UnmarshalJSON accepts "0.16", 0.16 and null.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return nil
	}
	if unq, err := strconv.Unquote(s); err == nil {
		s = unq
	}
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("price %q is not a number", s)
	}
	d.Text, d.Value = s, v
	return nil
}

func (cp *Campaign) check(want int64) string {
	if msg := checkID("campaign", cp.ID, want); msg != "" {
		return msg
	}
	if cp.Status == "" {
		return fmt.Sprintf("campaign %d has no status", cp.ID)
	}
	return ""
}

func (d *CampaignDetail) check(want int64) string { return checkID("campaign", d.ID, want) }

// campaignCall sends a call about one campaign (id) or that makes one
// (id 0) and returns the campaign the answer describes.
// A write (every call but a GET) drops what the refresh holds of the
// campaign, before and after (refresh.go).
func (c *Client) campaignCall(ctx context.Context, r request, id int64) (*Campaign, error) {
	write := r.method != http.MethodGet
	if write {
		c.campaignWritten(id)
	}
	env := envelope[Campaign]{want: id}
	err := c.do(ctx, r, &env)
	if write {
		if id == 0 && env.Data != nil {
			id = env.Data.ID // a create: the campaign it made
		}
		c.campaignWritten(id)
	}
	if err != nil {
		return nil, err
	}
	return env.Data, nil
}

// GetCampaign reads one campaign: GET /api/campaigns/{id}.
func (c *Client) GetCampaign(ctx context.Context, id int64) (*Campaign, error) {
	return c.campaignCall(ctx, request{method: http.MethodGet, path: campaignPath(id, "")}, id)
}

// GetCampaignDetail reads full statistics: GET /api/campaigns/{id}/detail.
func (c *Client) GetCampaignDetail(ctx context.Context, id int64) (*CampaignDetail, error) {
	env := envelope[CampaignDetail]{want: id}
	if err := c.do(ctx, request{method: http.MethodGet, path: campaignPath(id, "/detail")}, &env); err != nil {
		return nil, err
	}
	return env.Data, nil
}

// StopCampaign cancels a campaign: PUT /api/campaigns/{id}/stop, as the seed
// documents. The SMS pages and the OpenAPI file name PATCH on the same path:
// when the method in use answers 404 or 405, the other is tried once, and
// the client keeps the one that was not refused for the rest of the process.
func (c *Client) StopCampaign(ctx context.Context, id int64) (*Campaign, error) {
	path := campaignPath(id, "/stop")
	method, other := http.MethodPut, http.MethodPatch
	if c.stopWithPatch.Load() {
		method, other = other, method
	}
	cp, err := c.campaignCall(ctx, request{method: method, path: path}, id)
	if methodRefused(err) {
		otherCp, otherErr := c.campaignCall(ctx, request{method: other, path: path}, id)
		if !methodRefused(otherErr) {
			c.stopWithPatch.Store(other == http.MethodPatch)
			cp, err = otherCp, otherErr
		}
	}
	if err != nil {
		return nil, err
	}
	return cp, nil
}

// methodRefused is a 405, or a 404 that a router without the route answers.
func methodRefused(err error) bool {
	return hasStatus(err, http.StatusMethodNotAllowed) || hasStatus(err, http.StatusNotFound)
}

// StopMethod is the method StopCampaign sends first (PUT until a server
// refused it).
func (c *Client) StopMethod() string {
	if c.stopWithPatch.Load() {
		return http.MethodPatch
	}
	return http.MethodPut
}

// RenewCampaign resumes a paused campaign: PUT /api/campaigns/{id}/renew.
func (c *Client) RenewCampaign(ctx context.Context, id int64) (*Campaign, error) {
	return c.campaignCall(ctx, request{method: http.MethodPut, path: campaignPath(id, "/renew")}, id)
}

func campaignPath(id int64, suffix string) string {
	return "/api/campaigns/" + strconv.FormatInt(id, 10) + suffix
}

// ListOptions are the filters of GET /api/campaigns.
type ListOptions struct {
	// Type is filter[type]: sms, rcs or whatsapp. It is required: the list
	// pages document sms as the default, so a list without it would miss
	// every RCS campaign.
	Type string
	// From and To bound the creation time (filter[from], filter[to]). Zero
	// leaves the bound to the API's default: three months before To, and
	// now. A range longer than the API's three months is read in
	// consecutive windows.
	From, To time.Time
	// Sort (id, sender, type, date, status) and Way (asc, desc).
	Sort string
	Way  string
	// PageLimit is page[limit], 30..500; 0 means 500.
	PageLimit int
	// MaxPages stops after this many pages of each window; 0 reads them all.
	MaxPages int
	// once sends each page once, never retried (a refresh's pages: their
	// reads fall back to their own GETs).
	once bool
}

// listWindowEnd is where a list request starting at from must end: the
// list pages allow three months; a day less keeps a window valid whatever
// the server's own clock says.
func listWindowEnd(from time.Time) time.Time { return from.AddDate(0, 3, -1) }

// ListCampaigns reads every page of GET /api/campaigns of one type, window by
// window, each campaign once. Server-side search is never used: the sources
// disagree on its parameter names (search[field] or filter[field]), so
// callers filter what comes back.
func (c *Client) ListCampaigns(ctx context.Context, opts ListOptions) ([]Campaign, error) {
	var all []Campaign
	err := c.EachCampaign(ctx, opts, func(cp *Campaign) bool {
		all = append(all, *cp)
		return true
	})
	return all, err
}

// EachCampaign is ListCampaigns as a stream: yield is called for each
// campaign as its page arrives, and the reading stops when it returns
// false. Only the ids seen are kept.
func (c *Client) EachCampaign(ctx context.Context, opts ListOptions, yield func(*Campaign) bool) error {
	if opts.Type == "" {
		return errors.New("listing campaigns needs a type (filter[type] defaults to sms)")
	}
	seen := map[int64]bool{}
	for _, w := range c.listWindows(opts.From, opts.To) {
		more := true
		err := listWindow(ctx, c, opts, w, func(page []Campaign, _ pageInfo) bool {
			for i := range page {
				if seen[page[i].ID] {
					continue
				}
				seen[page[i].ID] = true
				if !yield(&page[i]) {
					more = false
					return false
				}
			}
			return true
		})
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// window is one list request's filter[from] and filter[to] ("" = the API's
// default).
type window struct{ from, to string }

// listWindows splits [from, to] into windows the API accepts. An open end
// stays open: to defaults to now at the server, from to three months
// before to.
func (c *Client) listWindows(from, to time.Time) []window {
	if from.IsZero() {
		return []window{{to: c.FormatTime(to)}}
	}
	end := to
	if end.IsZero() {
		end = c.clock.Now()
	}
	var out []window
	for start := from; ; {
		next := listWindowEnd(start)
		if !next.Before(end) {
			out = append(out, window{from: c.FormatTime(start), to: c.FormatTime(to)})
			return out
		}
		out = append(out, window{from: c.FormatTime(start), to: c.FormatTime(next.Add(-time.Second))})
		start = next
	}
}

// pageInfo says where a page of a window stands: the offset after it and
// the window's total as the API counts it.
type pageInfo struct {
	next, total int64
	limit       int
}

// further is how many pages of the window are left after this one.
func (p pageInfo) further() int64 {
	if p.next >= p.total || p.limit <= 0 {
		return 0
	}
	return (p.total - p.next + int64(p.limit) - 1) / int64(p.limit)
}

// listWindow reads the pages of one window, handing each to onPage until
// it returns false. It is the one page reader of GET /api/campaigns: the
// data sources, the list resource (EachCampaign) and the refresh
// (refresh.go) read through it, the refresh into its own item type (T
// embeds Campaign).
func listWindow[T any](ctx context.Context, c *Client, opts ListOptions, w window, onPage func([]T, pageInfo) bool) error {
	limit := opts.PageLimit
	if limit == 0 {
		limit = 500
	}
	for offset, pages := int64(0), 0; ; {
		q := url.Values{}
		q.Set("page[offset]", strconv.FormatInt(offset, 10))
		q.Set("page[limit]", strconv.Itoa(limit))
		q.Set("filter[type]", opts.Type)
		setIf(q, "filter[from]", w.from)
		setIf(q, "filter[to]", w.to)
		setIf(q, "sort", opts.Sort)
		setIf(q, "way", opts.Way)
		var page listPage[T]
		if err := c.do(ctx, request{method: http.MethodGet, path: "/api/campaigns", query: q, once: opts.once}, &page); err != nil {
			return err
		}
		items := page.items()
		offset += int64(len(items))
		pages++
		info := pageInfo{next: offset, total: page.Meta.Page.Total, limit: limit}
		if len(items) == 0 {
			info.total = offset
		}
		if !onPage(items, info) {
			return nil
		}
		if len(items) == 0 || offset >= page.Meta.Page.Total || (opts.MaxPages > 0 && pages >= opts.MaxPages) {
			return nil
		}
	}
}

func setIf(q url.Values, key, value string) {
	if value != "" {
		q.Set(key, value)
	}
}
