package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// A create's answer is evidence only when it proves it is about our
// request: a proxy, a cache or a platform bug may answer with another
// campaign, and a state holding that one would leave ours untracked and
// stop the other on destroy. proveCreated decides, before the answer
// reaches the caller:
//
//   - a campaign to phones carries our reference_ids: the first message's
//     is looked up once (no wait). Listed under the answer's campaign, the
//     answer is proven; listed under another campaign, that one is ours
//     and is adopted (the answer's is left alone); not listed yet (the
//     platform may list messages a moment late), the answer is held to
//     what it echoes, as below.
//   - the answer must echo the request: its sender and message type, and,
//     for a campaign to contact lists, an id newer than the newest campaign
//     read before the request. An answer that does not is treated as a lost
//     one (recoverCreate): found by reference_id or the guarded resend for
//     phones, and for contact lists left unresolved with the candidates
//     named, never adopted.
func (c *Client) proveCreated(ctx context.Context, spec createSpec, cp *Campaign) (*Campaign, error) {
	if len(spec.refs) > 0 {
		ref := spec.refs[0]
		if m := c.campaignMessage(ctx, ref, 1); m != nil {
			if m.CampaignID == cp.ID {
				return cp, nil
			}
			ours, err := c.GetCampaign(ctx, m.CampaignID)
			if err != nil {
				// The look-up disproved the answer: it is never taken,
				// whatever it echoes.
				amb := &AmbiguousCreateError{Method: http.MethodPost, Path: spec.path, Object: createsCampaign,
					Err: fmt.Errorf("the answer describes campaign %d, but the reference_id %s of this request's first "+
						"message is listed under campaign %d, which could not be read: %w", cp.ID, ref, m.CampaignID, err)}
				amb.Pending = spec.pending()
				return c.recoverCreate(ctx, spec, amb)
			}
			return adopted(ours, fmt.Sprintf("the create's answer described campaign %d, but the reference_id %s "+
				"of this request's first message is listed under campaign %d; campaign %d is left alone",
				cp.ID, ref, ours.ID, cp.ID)), nil
		}
	}
	why := spec.echoMismatch(cp)
	if why == "" {
		return cp, nil
	}
	amb := &AmbiguousCreateError{Method: http.MethodPost, Path: spec.path, Object: createsCampaign,
		Err: errors.New("the answer " + why + ", so it is not taken as this request's campaign")}
	amb.Pending = spec.pending()
	return c.recoverCreate(ctx, spec, amb)
}

// echoMismatch says how an answer fails to echo the request ("" when it
// does): the sender and message type sent, and for a contact-list create
// an id newer than the mark read before it.
func (s createSpec) echoMismatch(cp *Campaign) string {
	var whys []string
	if !strings.EqualFold(strings.TrimSpace(cp.Sender), s.sender) {
		whys = append(whys, fmt.Sprintf("names sender %q, not %q", cp.Sender, s.sender))
	}
	if !strings.EqualFold(cp.MessageType, s.messageType) {
		whys = append(whys, fmt.Sprintf("has message_type %q, not %q", cp.MessageType, s.messageType))
	}
	if len(s.refs) == 0 && s.markKnown && cp.ID <= s.latestBefore {
		whys = append(whys, fmt.Sprintf("has id %d, and campaign %d already existed before the request", cp.ID, s.latestBefore))
	}
	if len(whys) == 0 {
		return ""
	}
	return fmt.Sprintf("describes campaign %d, which %s", cp.ID, strings.Join(whys, " and "))
}
