package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
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

// FindMessagesByReference lists the messages sent with a reference_id:
// GET /api/messages?filter[reference_id]=...
func (c *Client) FindMessagesByReference(ctx context.Context, referenceID string) ([]Message, error) {
	q := url.Values{}
	q.Set("filter[reference_id]", referenceID)
	q.Set("page[limit]", "15")
	var page struct {
		Data []Message `json:"data"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/messages", query: q}, &page); err != nil {
		return nil, err
	}
	return page.Data, nil
}

// createsMessage is what POST /api/messages/send makes, for
// AmbiguousCreateError.
const createsMessage = "a message"

// MessageRequest is one message to one phone (POST /api/messages/send):
// channel sms, rcs or viber, with its sender and text. ReferenceID, when
// set, is the caller's; otherwise one is made for this call.
type MessageRequest struct {
	Channel     string
	Phone       string
	ReferenceID string
	Sender      string
	Text        string
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
}

func (m *SentMessage) check(_ int64) string {
	if m.ID <= 0 {
		return "the message has no id"
	}
	return ""
}

// SendMessage sends one message, once: the request is never repeated,
// since a repeat may deliver it twice. When its answer is lost, the
// message is looked for by its reference_id (GET /api/messages), a few
// times; found, it is returned with Recovered set; not found, the error is
// an AmbiguousCreateError that says the message may have gone out.
func (c *Client) SendMessage(ctx context.Context, req MessageRequest) (*SentMessage, error) {
	ref := req.ReferenceID
	if ref == "" {
		ref = NewReferenceID()
	}
	body := map[string]any{
		"channels":  []string{req.Channel},
		"phone":     Phone{Number: req.Phone, ReferenceID: ref},
		req.Channel: map[string]string{"sender": req.Sender, "text": req.Text},
	}
	env := envelope[SentMessage]{}
	err := c.do(ctx, request{method: http.MethodPost, path: "/api/messages/send", body: body, creates: createsMessage}, &env)
	var amb *AmbiguousCreateError
	if !errors.As(err, &amb) {
		if err != nil {
			return nil, err
		}
		return env.Data, nil
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recoverTimeout)
	defer cancel()
	if m := c.messageByReference(rctx, ref, 3, func(Message) bool { return true }); m != nil {
		return &SentMessage{ID: m.ID, ReferenceID: m.ReferenceID, Type: m.Type, Status: m.Status, Sender: m.Sender,
			Recovered: "found by its reference_id " + ref}, nil
	}
	amb.Detail = "no message with reference_id " + ref + " is listed; the message may still have been sent, and was not sent again"
	return nil, amb
}
