package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Message is one message of GET /api/messages.
type Message struct {
	ID          int64           `json:"id"`
	CampaignID  int64           `json:"campaign_id"`
	ReferenceID *string         `json:"reference_id"`
	Type        string          `json:"type"`
	Status      string          `json:"status"`
	Sender      string          `json:"sender"`
	Phone       json.RawMessage `json:"phone"` // an integer in the examples; kept raw
}

func (m *Message) check(_ int64) string {
	if m.ID <= 0 {
		return fmt.Sprintf("a message has no id (or id %d)", m.ID)
	}
	return ""
}

// PhoneNumber is the message's phone as digits (the API writes an integer;
// a string is taken too).
func (m *Message) PhoneNumber() string { return strings.Trim(string(m.Phone), "\" +") }

// hasReference reports whether the message carries the reference_id ref:
// an answer that ignored the filter lists other messages, which prove
// nothing.
func (m *Message) hasReference(ref string) bool { return m.ReferenceID != nil && *m.ReferenceID == ref }

// namesCampaign reports a message of the reference_id ref that is listed
// under a campaign: the campaign that took ref.
func (m *Message) namesCampaign(ref string) bool { return m.CampaignID != 0 && m.hasReference(ref) }

// FindMessagesByReference lists the messages sent with a reference_id:
// GET /api/messages?filter[reference_id]=... An answer without a data list
// ({"data": null}, {}) is an error, never "no message".
func (c *Client) FindMessagesByReference(ctx context.Context, referenceID string) ([]Message, error) {
	q := url.Values{}
	q.Set("filter[reference_id]", referenceID)
	q.Set("page[limit]", "15")
	var page listPage[Message]
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/messages", query: q}, &page); err != nil {
		return nil, err
	}
	return page.items(), nil
}

// MessageByReference is the message sent with reference_id ref, or nil
// when none is listed. Messages of other reference_ids (a filter the
// server ignored) are not it; a message of ref is returned whatever its
// phone, for the caller to compare (PhoneNumber).
func (c *Client) MessageByReference(ctx context.Context, ref string) (*Message, error) {
	msgs, err := c.FindMessagesByReference(ctx, ref)
	if err != nil {
		return nil, err
	}
	for i := range msgs {
		if msgs[i].hasReference(ref) {
			return &msgs[i], nil
		}
	}
	return nil, nil
}

// createsMessage is what POST /api/messages/send makes, for
// AmbiguousCreateError.
const createsMessage = "a message"

// MessageRequest is one message to one phone (POST /api/messages/send):
// channel sms, rcs or viber, with its sender and text, or a channel whose
// messages are approved templates (WhatsApp) with its sender and Template.
// ReferenceID, when set, is the caller's; otherwise one is made for this
// call.
type MessageRequest struct {
	Channel     string
	Phone       string
	ReferenceID string
	Sender      string
	Text        string
	Template    *WhatsAppTemplate
}

// messageBody is the body of POST /api/messages/send. A template message
// takes the form of the call's WhatsApp example: `channel` (one, not a
// list), with the sender and the template at the top, as POST
// /api/messages/whatsapp/send takes them, and `type: "template"`, which
// that call's schema (WhatsAppMessage) requires and the example leaves
// out (sent under both readings); the others name `channels` and put
// sender and text in the channel's block.
func (req MessageRequest) messageBody() map[string]any {
	phone := Phone{Number: req.Phone, ReferenceID: req.ReferenceID}
	if req.Template != nil {
		return map[string]any{"channel": req.Channel, "type": "template", "phone": phone, "sender": req.Sender, "template": req.Template}
	}
	return map[string]any{
		"channels":  []string{req.Channel},
		"phone":     phone,
		req.Channel: map[string]string{"sender": req.Sender, "text": req.Text},
	}
}

// SentMessage is the answer of POST /api/messages/send (MessageResponse).
type SentMessage struct {
	ID          int64   `json:"id"`
	ReferenceID *string `json:"reference_id"`
	Type        string  `json:"type"`
	Status      string  `json:"status"`
	Sender      string  `json:"sender"`
	// Recovered says how a message whose answer was lost was found.
	Recovered string `json:"-"`
	// SentBefore says that the message was sent by an earlier request with
	// the same reference_id: One-API refused this one, nothing was sent.
	SentBefore bool `json:"-"`
}

func (m *SentMessage) check(_ int64) string {
	if m.ID <= 0 {
		return "the message has no id"
	}
	return ""
}

// SendMessage sends one message, once. Its reference_id guards it: One-API
// refuses a reference_id it has taken, so a request repeated with the same
// one cannot deliver the message twice.
//
//   - A refusal of the reference_id as already used proves that a message
//     with it was sent before: that message is looked for, waiting out a
//     list that lags within ctx, and reported (SentBefore), or a
//     MessageSentBeforeError says what could not be checked.
//   - When the answer is lost, the message is looked for by its
//     reference_id, a few times; not listed, and ctx still running, the
//     same request is sent once more under the guard.
//   - A look-up whose answer cannot be read is an error, and nothing is
//     sent after it. Only a message whose reference_id and phone are the
//     request's is reported as the one sent.
func (c *Client) SendMessage(ctx context.Context, req MessageRequest) (*SentMessage, error) {
	if req.ReferenceID == "" {
		req.ReferenceID = NewReferenceID()
	}
	sent, err := c.postMessage(ctx, req)
	var amb *AmbiguousCreateError
	switch {
	case refusedAsSeen(err):
		return c.sentBefore(ctx, req)
	case !errors.As(err, &amb):
		return sent, err
	}
	return c.recoverMessage(ctx, req, amb)
}

// postMessage sends the message. An answer that names another
// reference_id is not this request's: the message may have gone out, so
// it is an AmbiguousCreateError.
func (c *Client) postMessage(ctx context.Context, req MessageRequest) (*SentMessage, error) {
	r := request{method: http.MethodPost, path: "/api/messages/send", body: req.messageBody(), creates: createsMessage}
	env := envelope[SentMessage]{}
	if err := c.do(ctx, r, &env); err != nil {
		return nil, err
	}
	if got := env.Data.ReferenceID; got != nil && *got != req.ReferenceID {
		return nil, &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: &BadAnswerError{Method: r.method,
			Path: r.path, Problem: fmt.Sprintf("it describes message %d with reference_id %s, not %s", env.Data.ID, *got, req.ReferenceID)}}
	}
	return env.Data, nil
}

// recoverMessage runs when the send's answer was lost (recoverTimeout
// bounds it, even after ctx ends).
func (c *Client) recoverMessage(ctx context.Context, req MessageRequest, amb *AmbiguousCreateError) (*SentMessage, error) {
	ref := req.ReferenceID
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recoverTimeout)
	defer cancel()
	m, err := c.findMessage(rctx, ref, 3)
	switch {
	case err != nil:
		amb.Detail = "looking for a message with reference_id " + ref + " failed (" + err.Error() + "), so it was not sent again"
		return nil, amb
	case m != nil:
		return adoptMessage(m, req, "found by its reference_id "+ref)
	case ctx.Err() != nil:
		amb.Detail = "no message with reference_id " + ref + " is listed, and since the invoke was interrupted it was not sent again"
		return nil, amb
	}
	sent, err := c.postMessage(rctx, req)
	switch {
	case err == nil:
		sent.Recovered = "not listed, so sent once more with the same reference_id, which One-API refuses once it has " +
			"taken it: the first request had not been taken"
		return sent, nil
	case refusedAsSeen(err):
		return c.sentBefore(ctx, req)
	}
	amb.Detail = "no message with reference_id " + ref + " is listed, and sending it once more with the same reference_id " +
		"(which One-API refuses once it has taken it) failed too: " + err.Error()
	return nil, amb
}

// findMessage looks for the message of ref a few times, a second apart;
// an answer that cannot be read ends the search with its error.
func (c *Client) findMessage(ctx context.Context, ref string, tries int) (*Message, error) {
	for i := 0; i < tries && ctx.Err() == nil; i++ {
		m, err := c.MessageByReference(ctx, ref)
		if m != nil || err != nil {
			return m, err
		}
		if i < tries-1 {
			_ = c.clock.Sleep(ctx, time.Second) // an ended ctx ends the loop
		}
	}
	return nil, nil
}

// messageLagMax is the longest pause between two look-ups of a message
// that One-API has taken but not listed yet.
const messageLagMax = 10 * time.Second

// sentBefore reports the message of a reference_id that One-API refused
// as already used: it exists, so the search waits for the list to show
// it, until ctx ends.
func (c *Client) sentBefore(ctx context.Context, req MessageRequest) (*SentMessage, error) {
	delay := time.Second
	for {
		m, err := c.MessageByReference(ctx, req.ReferenceID)
		if err != nil && ctx.Err() == nil {
			return nil, &MessageSentBeforeError{ReferenceID: req.ReferenceID, Phone: req.Phone, Lookup: err}
		}
		if m != nil {
			sent, err := adoptMessage(m, req, "")
			if sent != nil {
				sent.SentBefore = true
			}
			return sent, err
		}
		if err != nil || c.clock.Sleep(ctx, delay) != nil {
			return nil, &MessageSentBeforeError{ReferenceID: req.ReferenceID, Phone: req.Phone}
		}
		delay = min(2*delay, messageLagMax)
	}
}

// adoptMessage is the message of the request's reference_id, when it went
// to the request's phone.
func adoptMessage(m *Message, req MessageRequest, how string) (*SentMessage, error) {
	if m.PhoneNumber() != req.Phone {
		return nil, &MessageSentBeforeError{ReferenceID: req.ReferenceID, Phone: req.Phone, Other: m}
	}
	return &SentMessage{ID: m.ID, ReferenceID: m.ReferenceID, Type: m.Type, Status: m.Status, Sender: m.Sender, Recovered: how}, nil
}

// MessageSentBeforeError says that One-API refused a message's reference_id
// as already used, or lists it for another phone: a message with it was
// sent before, and this request sent nothing; the message could not be
// told to be this request's.
type MessageSentBeforeError struct {
	ReferenceID, Phone string
	// Other is the message listed with the reference_id, when it went to
	// another phone.
	Other *Message
	// Lookup is why the message could not be looked up; nil when it is
	// not listed (yet).
	Lookup error
}

func (e *MessageSentBeforeError) Error() string {
	switch {
	case e.Other != nil:
		return fmt.Sprintf("reference_id %s names message %d to %s, not to %s: it was used before, and nothing was sent",
			e.ReferenceID, e.Other.ID, e.Other.PhoneNumber(), e.Phone)
	case e.Lookup != nil:
		return fmt.Sprintf("One-API refused reference_id %s as already used, so a message with it was sent before, and "+
			"nothing was sent now; looking that message up failed (%v), so its phone and status are not known", e.ReferenceID, e.Lookup)
	}
	return fmt.Sprintf("One-API refused reference_id %s as already used, so a message with it was sent before, and "+
		"nothing was sent now; it is not listed yet, so its phone and status could not be checked", e.ReferenceID)
}
