package client

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// refusedForRate reports a 429 answer.
func refusedForRate(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// resolveRefusedCreate resolves a campaign create that One-API answered
// with 429, before the apply ends. The platform refuses requests beyond the
// account's rate, but documents its 429 body as "Too many duplicate
// request detected", so a 429 may also mean that the request, or an
// earlier copy, was taken. guardedResend is safe under both readings.
func (c *Client) resolveRefusedCreate(ctx context.Context, spec createSpec, amb *AmbiguousCreateError) (*Campaign, error) {
	return c.guardedResend(ctx, spec, amb, true)
}

// guardedResend resolves a campaign create whose outcome is not known,
// until ctx ends:
//
//   - wait (when wait is set, and after every 429: jittered, longer each
//     time; the client's pacer has slowed down meanwhile);
//   - look for a message with its first reference_id: found, the campaign
//     is adopted;
//   - otherwise send the same request again, with the same reference_ids
//     (sendGuarded): the platform refuses reference_ids it has seen, so
//     this sends the messages only if no earlier copy did;
//   - a new 429 starts over.
//
// Only a create whose guard is certain comes here: one with reference_ids
// on every message (not personal SMS, whose key is spelled two ways, and
// not a campaign to contact lists, which carries none).
func (c *Client) guardedResend(ctx context.Context, spec createSpec, amb *AmbiguousCreateError, wait bool) (*Campaign, error) {
	for attempt := 0; ; attempt++ {
		if wait {
			tflog.Debug(ctx, "create refused with 429; resolving it by its reference_ids", map[string]any{"path": spec.path, "attempt": attempt})
			if c.clock.Sleep(ctx, jittered(min(time.Second<<min(attempt, 4), 15*time.Second))) != nil {
				break
			}
		}
		wait = true
		if cp, err := c.findByReference(ctx, spec.refs[0], 1); cp != nil || err != nil {
			return found(cp, err, "found by the reference_id of its first message", amb)
		}
		cp, settled, err := c.sendGuarded(ctx, spec, amb)
		var again *AmbiguousCreateError
		switch {
		case settled:
			return cp, err
		case errors.As(err, &again) && refusedForRate(again.Err):
			amb.Err = again.Err
		case errors.As(err, &again):
			// The guarded request's own answer was lost: recover it as any
			// lost answer (look, then one more guarded request).
			again.Pending = amb.Pending
			return c.recoverCreate(ctx, spec, again)
		default:
			amb.Detail = "the guarded second request failed: " + err.Error()
			return nil, amb
		}
	}
	amb.Detail = "One-API refused it with 429 (rate limit) until the create's deadline, and no message with reference_id " +
		spec.refs[0] + " was found; the next apply looks for it again and, if it is not found, sends the same request " +
		"with the same reference_ids"
	return nil, amb
}

// sendGuarded sends the create once more with the same reference_ids: the
// platform refuses reference_ids it has seen, so this sends the messages
// only if no earlier copy did. An answer settles the create
// (checkGuardedCreate), and so does a refusal of the reference_ids as
// seen, which proves an earlier copy taken: its campaign is looked for.
// Any other failure leaves it unsettled, with the guarded request's own
// error for the caller to judge.
func (c *Client) sendGuarded(ctx context.Context, spec createSpec, amb *AmbiguousCreateError) (cp *Campaign, settled bool, err error) {
	second, err := c.campaignCall(ctx, request{method: http.MethodPost, path: spec.path, body: spec.body, creates: createsCampaign}, 0)
	switch {
	case err == nil:
		cp, err = c.checkGuardedCreate(ctx, spec, second, amb)
		return cp, true, err
	case refusedAsSeen(err):
		if cp, ferr := c.findByReference(ctx, spec.refs[0], 5); cp != nil || ferr != nil {
			cp, err = found(cp, ferr, "the API refused its reference_ids as already seen; found by them", amb)
			return cp, true, err
		}
		amb.Detail = "One-API refused the reference_ids as already sent, so a campaign exists, but no message with " +
			"reference_id " + spec.refs[0] + " could be found to name it"
		markTaken(amb)
		return nil, true, amb
	}
	return nil, false, err
}

// markTaken records that a guarded resend proved the first request taken:
// its campaign is only looked for from now on.
func markTaken(amb *AmbiguousCreateError) {
	if amb.Pending != nil {
		amb.Pending.Taken = true
	}
}
