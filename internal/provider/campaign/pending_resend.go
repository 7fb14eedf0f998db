package campaign

import (
	"context"
	"errors"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// resendPendingCreate resolves an unresolved create that the platform can
// tell apart (p.CanResend: reference_ids on every message, and their
// refusal certain): the request is rebuilt from the same configuration
// with the same reference_ids and sent only if it is the very request of
// the earlier run (client.WithResendOf), as the guarded resend. The
// platform refuses reference_ids it has seen, so this sends the messages
// only if the first request never landed (a Ctrl-C, a platform that
// drops abandoned requests, a 429 until the deadline). p is updated when
// the resend proves the first request taken (it is only looked for then).
// It returns the campaign adopted, or what is still unknown and whether
// the request went out again.
func (r *campaignResource) resendPendingCreate(ctx context.Context, p *client.PendingCreate, plan campaignResourceModel) (*client.Campaign, string, bool) {
	createReq, diags := campaignToCreateRequest(ctx, plan, r.Zone())
	if diags.HasError() || !createReq.setReferenceIDs(p.ReferenceIDs) {
		return nil, "no campaign was found for it, and the request could not be rebuilt from the configuration with its " +
			"reference_ids, so it was not sent again", false
	}
	cp, err := createReq.send(client.WithResendOf(ctx, *p), r.Client)
	var amb *client.AmbiguousCreateError
	switch {
	case err == nil:
		return cp, "", true
	case errors.Is(err, client.ErrNotTheSameRequest):
		return nil, "no campaign was found for it, and " + err.Error(), false
	case errors.As(err, &amb):
		if amb.Pending != nil {
			*p = *amb.Pending
		}
		return nil, "no campaign was found for it; " + amb.Detail, true
	}
	var notSent *client.NotSentError
	if errors.As(err, &notSent) {
		return nil, "no campaign was found for it, and the resend " + err.Error(), false
	}
	return nil, "no campaign was found for it, and the guarded resend failed: " + err.Error(), true
}

// setReferenceIDs puts refs on the request's phones, in order; false when
// the request has no phones, or not as many.
func (r createRequest) setReferenceIDs(refs []string) bool {
	if len(r.phones) == 0 || len(r.phones) != len(refs) {
		return false
	}
	for i := range r.phones {
		r.phones[i].ReferenceID = refs[i]
	}
	return true
}
