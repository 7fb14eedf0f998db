package client

import (
	"context"
	"errors"
	"net/http"
)

// keyResend carries, in a create's context, the pending create it resends.
const keyResend ctxKey = 101

// WithResendOf returns a context in which a campaign create call does not
// send a new request: it resolves p, the create of an earlier run whose
// outcome was not known. The caller rebuilds the same request from the
// same configuration with p's reference_ids on its phones; the client
// sends it only if it is the very request p names (its fingerprint), and
// then only as the guarded resend (see guardedResend): looked for by its
// reference_ids first, then sent with the same ones, which the platform
// refuses if the first request was taken.
func WithResendOf(ctx context.Context, p PendingCreate) context.Context {
	return context.WithValue(ctx, keyResend, &p)
}

// CanResend reports whether a pending create can be resolved by a guarded
// resend: its messages carry reference_ids whose refusal by the platform
// is certain, and no earlier resend proved the first request taken.
func (p PendingCreate) CanResend() bool { return len(p.ReferenceIDs) > 0 && !p.LookOnly && !p.Taken }

// ErrNotTheSameRequest says that the request rebuilt to resend a pending
// create is not the one that was sent: nothing was sent.
var ErrNotTheSameRequest = errors.New("the request rebuilt from the configuration is not the one sent earlier (its fingerprint differs), so it was not sent")

// resendPending is create() under WithResendOf.
func (c *Client) resendPending(ctx context.Context, spec createSpec, p *PendingCreate) (*Campaign, error) {
	spec.started, spec.lookOnly = p.Started, ""
	mine := spec.pending()
	if !p.CanResend() || mine.Fingerprint != p.Fingerprint {
		return nil, ErrNotTheSameRequest
	}
	amb := &AmbiguousCreateError{Method: http.MethodPost, Path: spec.path, Object: createsCampaign, Pending: p,
		Err: errors.New("an earlier run could not tell whether it was created")}
	return c.guardedResend(ctx, spec, amb, false)
}
