package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// recoverTimeout bounds the search for a campaign whose create answer was
// lost. It runs even when the caller's context has ended (an interrupted
// apply): knowing whether messages went out matters more than a prompt exit.
const recoverTimeout = 30 * time.Second

// recoverCreate runs when a create may have reached One-API without an
// answer. It never sends the campaign blindly a second time:
//
//   - with phones, every message carries a reference_id of this call: a
//     message found by it names the campaign, which is adopted. If none is
//     found and the apply is still running, the same request is sent
//     again (once; after a 429, until the create's deadline: refused.go);
//     the API refuses reference_ids it has seen, so this creates the
//     campaign only if the first request did not.
//   - with contact lists there is no reference_id, and nothing in the
//     API proves which campaign a request made: the campaigns of the
//     create's type and sender made since it started are listed and named
//     as candidates, and none is adopted (another workspace, pipeline or
//     the web UI may have made it). The caller records the create as
//     unresolved; the user imports the right one or replaces.
//
// Whether One-API refuses a whole request that repeats a reference_id, or
// only drops the repeated messages, is not documented. Under the second
// reading the guarded request succeeds with a campaign that carries none
// of the messages; so its answer is checked (total_messages, then the
// reference_id) before it is adopted.
//
// Where the campaign cannot be found with certainty, the error names what
// may have been created.
func (c *Client) recoverCreate(ctx context.Context, spec createSpec, amb *AmbiguousCreateError) (*Campaign, error) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recoverTimeout)
	defer cancel()
	tflog.Warn(ctx, "create answer lost; looking for the campaign", map[string]any{"path": spec.path, "error": amb.Err.Error()})
	if len(spec.refs) == 0 {
		c.nameListCandidates(rctx, spec, amb)
		return nil, amb
	}
	if refusedForRate(amb.Err) && spec.lookOnly == "" && ctx.Err() == nil {
		return c.resolveRefusedCreate(ctx, spec, amb)
	}
	if cp, err := c.findByReference(rctx, spec.refs[0], 3); cp != nil || err != nil {
		return found(cp, err, "found by the reference_id of its first message", amb)
	}
	if spec.lookOnly != "" {
		amb.Detail = "no message with reference_id " + spec.refs[0] + " was found, and " + spec.lookOnly
		return nil, amb
	}
	if ctx.Err() != nil {
		// The apply was interrupted or ran out of time: only look, never send.
		amb.Detail = "no message with reference_id " + spec.refs[0] + " was found, and since the apply was " +
			"interrupted the request was not sent again"
		return nil, amb
	}
	cp, settled, err := c.sendGuarded(rctx, spec, amb)
	if settled {
		return cp, err
	}
	amb.Detail = "the guarded second request failed too: " + err.Error()
	return nil, amb
}

// checkGuardedCreate decides whose campaign the guarded second request's
// answer is. It carries every message when the first request had created
// nothing. When it carries fewer, One-API dropped the messages whose
// reference_id it had already seen: the first request did create a
// campaign, and that one (found by the reference_id) is adopted.
func (c *Client) checkGuardedCreate(ctx context.Context, spec createSpec, second *Campaign, amb *AmbiguousCreateError) (*Campaign, error) {
	if why := spec.echoMismatch(second); why != "" {
		amb.Detail = "the guarded second request's answer " + why + ", so it is not taken as this request's campaign either"
		return nil, amb
	}
	if d, err := c.GetCampaignDetail(ctx, second.ID); err == nil && d.TotalMessages >= int64(len(spec.refs)) {
		return adopted(second, "the first request had not created it; the guarded second request did"), nil
	}
	first, _ := c.findByReference(ctx, spec.refs[0], 5)
	switch {
	case first != nil && first.ID == second.ID:
		return adopted(second, "the first request had not created it; the guarded second request did"), nil
	case first != nil:
		return adopted(first, fmt.Sprintf("found by the reference_id of its first message; the guarded second request "+
			"made campaign %d, in which One-API dropped every message as already sent, so it sends nothing", second.ID)), nil
	}
	amb.Candidates = []Campaign{*second}
	markTaken(amb)
	amb.Detail = fmt.Sprintf("the guarded second request made campaign %d, but it does not carry all %d messages and "+
		"no message with reference_id %s could be found: the first request may have created another campaign",
		second.ID, len(spec.refs), spec.refs[0])
	return nil, amb
}

// findByReference looks for a campaign by the reference_id of one of its
// messages (see campaignMessage).
func (c *Client) findByReference(ctx context.Context, ref string, tries int) (*Campaign, error) {
	m := c.campaignMessage(ctx, ref, tries)
	if m == nil {
		return nil, nil
	}
	return c.GetCampaign(ctx, m.CampaignID)
}

// campaignMessage looks for the message of reference_id ref listed under
// its campaign (Message.namesCampaign), a few times a second apart: the
// platform may list messages a moment after it took them. An unanswered
// search is tried again; when none finds one, or ctx ends, it returns nil
// and the caller reports what is unknown.
func (c *Client) campaignMessage(ctx context.Context, ref string, tries int) *Message {
	for i := 0; i < tries; i++ {
		msgs, _ := c.FindMessagesByReference(ctx, ref) // nil when unanswered
		for _, m := range msgs {
			if m.namesCampaign(ref) {
				return &m
			}
		}
		if i < tries-1 && c.clock.Sleep(ctx, time.Second) != nil {
			return nil
		}
	}
	return nil
}

// nameListCandidates names, in amb, the candidates for a contact-list campaign whose
// create answer was lost: the campaigns of its type created since the
// create started (with a margin for the server's clock), newest first,
// filtered here by sender and by the mark taken before the create. It
// adopts none of them: see recoverCreate.
func (c *Client) nameListCandidates(ctx context.Context, spec createSpec, amb *AmbiguousCreateError) {
	var candidates []Campaign
	var listErr error
	for i := 0; i < 3; i++ {
		all, err := c.ListCampaigns(ctx, ListOptions{Type: spec.messageType, From: spec.started.Add(-recoverClockMargin),
			Sort: "id", Way: "desc", PageLimit: 100, MaxPages: 5})
		listErr = err
		candidates = candidates[:0]
		for _, cp := range all {
			if cp.ID > spec.latestBefore && cp.Sender == spec.sender && cp.MessageType == spec.messageType {
				candidates = append(candidates, cp)
			}
		}
		if err == nil && len(candidates) > 0 {
			break
		}
		if c.clock.Sleep(ctx, time.Second) != nil {
			break
		}
	}
	switch {
	case len(candidates) > 0:
		// Never adopted, even when it is the only one: a campaign to
		// contact lists carries no reference_id, so nothing proves it is
		// this request's rather than another workspace's of the same
		// sender (its destroy would stop the other's campaign).
		ids := make([]string, 0, len(candidates))
		for _, cp := range candidates {
			ids = append(ids, strconv.FormatInt(cp.ID, 10))
		}
		sort.Strings(ids)
		amb.Candidates = candidates
		amb.Detail = fmt.Sprintf("campaign(s) %s of sender %q were created since and may be the one created, but a "+
			"campaign to contact lists carries no reference_id, so nothing proves which one is this request's; none is "+
			"adopted", strings.Join(ids, ", "), spec.sender)
	case listErr != nil:
		amb.Detail = "listing the account's recent campaigns to find it failed: " + listErr.Error()
	default:
		amb.Detail = fmt.Sprintf("no new %s campaign of sender %q is listed (yet)", spec.messageType, spec.sender)
	}
}

// recoverClockMargin widens the creation window searched after a lost
// answer, for a server clock that differs from ours.
const recoverClockMargin = 15 * time.Minute

// latestCampaignID is the newest campaign id of a message type in the
// API's default window (0 for none): the mark a contact-list create is
// recovered against. ok is false when it could not be read.
func (c *Client) latestCampaignID(ctx context.Context, messageType string) (latest int64, ok bool) {
	all, err := c.ListCampaigns(ctx, ListOptions{Type: messageType, Sort: "id", Way: "desc", PageLimit: 30, MaxPages: 1})
	if err != nil {
		return 0, false
	}
	for _, cp := range all {
		latest = max(latest, cp.ID)
	}
	return latest, true
}

// refusedAsSeen reports a 422 whose field errors are about reference_ids.
func refusedAsSeen(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity || len(apiErr.FieldErrors) == 0 {
		return false
	}
	for f := range apiErr.FieldErrors {
		if !strings.HasSuffix(f, "reference_id") {
			return false
		}
	}
	return true
}

// found is a campaign a reference_id look-up named: adopted when it could
// be read; when it could not, the create stays unresolved (never a plain
// error: the caller would forget a request that did create a campaign).
func found(cp *Campaign, err error, how string, amb *AmbiguousCreateError) (*Campaign, error) {
	if err != nil {
		amb.Detail = "a message of this request names its campaign, but reading that campaign failed: " + err.Error()
		return nil, amb
	}
	return adopted(cp, how), nil
}

func adopted(cp *Campaign, how string) *Campaign {
	if cp != nil {
		cp.Recovered = how
	}
	return cp
}
