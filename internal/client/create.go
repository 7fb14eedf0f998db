package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Phone is one recipient: digits without a plus, and an optional
// reference_id (up to 32 alphanumerics) that the API refuses to see twice.
type Phone struct {
	Number      string `json:"number"`
	ReferenceID string `json:"reference_id,omitempty"`
}

// Media is a card's media object.
type Media struct {
	URL string `json:"url"`
}

// Suggestion is a card button: a link or a call.
type Suggestion struct {
	Type         string `json:"type,omitempty"`
	Text         string `json:"text"`
	URL          string `json:"url,omitempty"`
	Phone        string `json:"phone,omitempty"`
	PostbackData string `json:"postback_data,omitempty"`
}

// Card is one RCS rich card.
type Card struct {
	Title       string       `json:"title,omitempty"`
	Text        string       `json:"text,omitempty"`
	Media       *Media       `json:"media,omitempty"`
	Suggestions []Suggestion `json:"suggestions,omitempty"`
}

// RCSOptions is the message content: text or cards.
type RCSOptions struct {
	Text  string `json:"text,omitempty"`
	Cards []Card `json:"cards,omitempty"`
}

// SMSFallback is alternative_channel.sms of an RCS campaign.
type SMSFallback struct {
	Sender          string `json:"sender"`
	Text            string `json:"text"`
	Validity        *int64 `json:"validity,omitempty"`
	ValiditySeconds *int64 `json:"validity_seconds,omitempty"`
	CheckStopList   *bool  `json:"check_stop_list,omitempty"`
}

// RCSCampaignRequest is the body of POST /api/campaigns/rcs/send (Phones) or
// /api/campaigns/rcs/send-groups (Groups).
type RCSCampaignRequest struct {
	Phones             []Phone      `json:"phones,omitempty"`
	Groups             []int64      `json:"groups,omitempty"`
	Sender             string       `json:"sender"`
	Options            RCSOptions   `json:"options"`
	AlternativeChannel *altChannel  `json:"alternative_channel,omitempty"`
	StartAt            string       `json:"start_at,omitempty"`
	TariffCode         *int64       `json:"tariff_code,omitempty"`
	Validity           *int64       `json:"validity,omitempty"`
	ValiditySeconds    *int64       `json:"validity_seconds,omitempty"`
	AddToContactBook   *bool        `json:"add_to_contact_book,omitempty"`
	CheckStopList      *bool        `json:"check_stop_list,omitempty"`
	SMSFallback        *SMSFallback `json:"-"`
}

type altChannel struct {
	SMS *SMSFallback `json:"sms"`
}

// SMSCampaignRequest is the body of POST /api/campaigns/sms/send (Phones) or
// /api/campaigns/sms/send-groups (Groups).
type SMSCampaignRequest struct {
	Phones        []Phone
	Groups        []int64
	Sender        string
	Text          string
	StartAt       string
	TariffCode    *int64
	Validity      *int64
	Transliterate *bool
}

// smsPhone is an SMS recipient: the SMS calls document the number as an
// integer, where the RCS calls document a string.
type smsPhone struct {
	Number      json.Number `json:"number"`
	ReferenceID string      `json:"reference_id,omitempty"`
}

// MarshalJSON writes the SMS wire form.
func (r SMSCampaignRequest) MarshalJSON() ([]byte, error) {
	phones := make([]smsPhone, 0, len(r.Phones))
	for _, p := range r.Phones {
		if !allDigits(p.Number) {
			return nil, fmt.Errorf("phone number %q must be digits only", p.Number)
		}
		phones = append(phones, smsPhone{Number: json.Number(p.Number), ReferenceID: p.ReferenceID})
	}
	return json.Marshal(struct {
		Phones        []smsPhone `json:"phones,omitempty"`
		Groups        []int64    `json:"groups,omitempty"`
		Sender        string     `json:"sender"`
		Text          string     `json:"text"`
		StartAt       string     `json:"start_at,omitempty"`
		TariffCode    *int64     `json:"tariff_code,omitempty"`
		Validity      *int64     `json:"validity,omitempty"`
		Transliterate *bool      `json:"transliterate,omitempty"`
	}{phones, r.Groups, r.Sender, r.Text, r.StartAt, r.TariffCode, r.Validity, r.Transliterate})
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// CreateRCSCampaign sends a new RCS campaign. It is never retried once the
// request may have reached the server: see AmbiguousCreateError.
func (c *Client) CreateRCSCampaign(ctx context.Context, req RCSCampaignRequest) (*Campaign, error) {
	path := "/api/campaigns/rcs/send"
	if len(req.Groups) > 0 {
		path = "/api/campaigns/rcs/send-groups"
	}
	if req.SMSFallback != nil {
		req.AlternativeChannel = &altChannel{SMS: req.SMSFallback}
	}
	return c.create(ctx, path, req)
}

// CreateSMSCampaign sends a new SMS campaign; never retried, as above.
func (c *Client) CreateSMSCampaign(ctx context.Context, req SMSCampaignRequest) (*Campaign, error) {
	path := "/api/campaigns/sms/send"
	if len(req.Groups) > 0 {
		path = "/api/campaigns/sms/send-groups"
	}
	return c.create(ctx, path, req)
}

func (c *Client) create(ctx context.Context, path string, body any) (*Campaign, error) {
	var env campaignEnvelope
	if err := c.do(ctx, request{method: http.MethodPost, path: path, body: body, create: true}, &env); err != nil {
		return nil, err
	}
	return &env.Data, nil
}
