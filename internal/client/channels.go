package client

import (
	"context"
	"encoding/json"
	"fmt"
)

// The create calls of the channels beyond the RCS and SMS send calls. The
// OpenAPI file is their only source (no web page covers them); where its
// parts disagree, each call below says which reading it takes.

// ViberContent is a Viber message (the Viber schema).
type ViberContent struct {
	Sender        string `json:"sender"`
	Text          string `json:"text"`
	ImageURL      string `json:"image_url,omitempty"`
	ButtonCaption string `json:"button_caption,omitempty"`
	LinkURL       string `json:"link_url,omitempty"`
}

// CascadeSMS is the SMS block of POST /api/campaigns/send: the SMS sent
// where the first channel cannot deliver (the Sms schema, which has no
// validity or check_stop_list of its own).
type CascadeSMS struct {
	Sender             string              `json:"sender"`
	Text               string              `json:"text"`
	UnsubscribeCaption string              `json:"unsubscribe_caption,omitempty"`
	ShortLinks         []CampaignShortLink `json:"short_links,omitempty"`
}

// ViberCampaignRequest is a Viber campaign, to phones or contact lists,
// with an optional SMS fallback.
type ViberCampaignRequest struct {
	CampaignSend
	Viber ViberContent
}

// MarshalJSON writes the body of POST /api/campaigns/send.
func (r ViberCampaignRequest) MarshalJSON() ([]byte, error) { return r.marshal("viber", r.Viber) }

// CreateViberCampaign sends a new Viber campaign, or a Viber-then-SMS
// cascade, through POST /api/campaigns/send ("a campaign of any type"),
// the one call that takes both phones and contact lists for Viber
// (/api/campaigns/viber/send takes phones only). See createThroughSend.
func (c *Client) CreateViberCampaign(ctx context.Context, req ViberCampaignRequest) (*Campaign, error) {
	return c.createThroughSend(ctx, "viber", req.Viber.Sender, req.CampaignSend, req.Viber)
}

// CampaignSend is what every channel's request to POST
// /api/campaigns/send shares beside its content block: the recipients, the
// optional SMS cascade and the campaign's settings.
type CampaignSend struct {
	Phones           []Phone
	Groups           []int64
	SMSFallback      *CascadeSMS
	StartAt          string
	TariffCode       *int64
	Validity         *int64
	AddToContactBook *bool
	CheckStopList    *bool
}

// cascadeRecipients is the cascade call's recipients: phones or groups.
type cascadeRecipients struct {
	Phones []Phone `json:"phones,omitempty"`
	Groups []int64 `json:"groups,omitempty"`
}

// marshal writes the body of POST /api/campaigns/send for a channel:
// `channels` [channel] or [channel, "sms"], the recipients, the content
// block under the channel's name, the SMS block and the settings, in that
// order. The order is kept byte for byte as the Viber body always had it:
// a create left pending by an earlier run is recognised by the fingerprint
// of these bytes (journal.go). The list of channels is sent as `channels`:
// the Campaign schema requires that name, and five of the call's six
// examples use it (the "RCS complete" example spells it `channel`). The
// phones' numbers are strings, as the Phone schema types them (the
// examples write them bare).
func (s CampaignSend) marshal(channel string, content any) ([]byte, error) {
	channels := []string{channel}
	if s.SMSFallback != nil {
		channels = append(channels, "sms")
	}
	head, err := json.Marshal(struct {
		Channels   []string          `json:"channels"`
		Recipients cascadeRecipients `json:"recipients"`
	}{channels, cascadeRecipients{s.Phones, s.Groups}})
	if err != nil {
		return nil, err
	}
	block, err := json.Marshal(map[string]any{channel: content})
	if err != nil {
		return nil, err
	}
	tail, err := json.Marshal(struct {
		SMS              *CascadeSMS `json:"sms,omitempty"`
		StartAt          string      `json:"start_at,omitempty"`
		TariffCode       *int64      `json:"tariff_code,omitempty"`
		Validity         *int64      `json:"validity,omitempty"`
		AddToContactBook *bool       `json:"add_to_contact_book,omitempty"`
		CheckStopList    *bool       `json:"check_stop_list,omitempty"`
	}{s.SMSFallback, s.StartAt, s.TariffCode, s.Validity, s.AddToContactBook, s.CheckStopList})
	if err != nil {
		return nil, err
	}
	// Three objects joined into one: {head…,block…,tail…}.
	out := append(head[:len(head)-1], ',')
	out = append(out, block[1:len(block)-1]...)
	if len(tail) > 2 {
		out = append(append(out, ','), tail[1:len(tail)-1]...)
	}
	return append(out, '}'), nil
}

// sendBody is a request to POST /api/campaigns/send as it is sent.
type sendBody struct {
	send    CampaignSend
	channel string
	content any
}

// MarshalJSON writes the body (CampaignSend.marshal).
func (b sendBody) MarshalJSON() ([]byte, error) { return b.send.marshal(b.channel, b.content) }

// createThroughSend sends a new campaign of a channel (and its SMS
// cascade) through POST /api/campaigns/send. The campaign it makes is
// expected to report the channel's name as its message_type (the answer
// is checked against it: proof.go). It is sent once; a lost answer is
// recovered as every campaign create's is (recoverCreate): by the
// reference_ids given here to phones, or, for contact lists, by naming the
// channel's campaigns listed since (filter[type] = the channel).
func (c *Client) createThroughSend(ctx context.Context, channel, sender string, send CampaignSend, content any) (*Campaign, error) {
	spec := createSpec{path: "/api/campaigns/send", sender: sender, messageType: channel}
	send.Phones, spec.refs = withReferenceIDs(send.Phones)
	spec.body = sendBody{send: send, channel: channel, content: content}
	return c.create(ctx, spec)
}

// WhatsAppTemplate is a WhatsApp template message (the Template schema).
type WhatsAppTemplate struct {
	Name       string              `json:"name"`
	Language   WhatsAppLanguage    `json:"language"`
	Components []WhatsAppComponent `json:"components"`
}

// WhatsAppLanguage is a template's language.
type WhatsAppLanguage struct {
	Code string `json:"code"`
}

// WhatsAppComponent is one component of a template: its header, body or a
// button, with the parameters that fill it.
type WhatsAppComponent struct {
	Type       string              `json:"type"`
	SubType    string              `json:"sub_type,omitempty"`
	Index      string              `json:"index,omitempty"`
	Parameters []WhatsAppParameter `json:"parameters,omitempty"`
}

// WhatsAppParameter fills a template's placeholder: a text, or a button's
// payload.
type WhatsAppParameter struct {
	Type    string `json:"type"`
	Text    string `json:"text,omitempty"`
	Payload string `json:"payload,omitempty"`
}

// WhatsAppCampaignRequest is the body of POST /api/campaigns/whatsapp/send
// (SendWhatsAppCampaign): template messages only ("only template now is
// supported"), to phones; it takes no validity and no tariff_code.
type WhatsAppCampaignRequest struct {
	Phones             []Phone          `json:"phones"`
	Sender             string           `json:"sender"`
	Type               string           `json:"type"`
	Template           WhatsAppTemplate `json:"template"`
	AlternativeChannel *altChannel      `json:"alternative_channel,omitempty"`
	StartAt            string           `json:"start_at,omitempty"`
	AddToContactBook   *bool            `json:"add_to_contact_book,omitempty"`
	CheckStopList      *bool            `json:"check_stop_list,omitempty"`
	SMSFallback        *SMSFallback     `json:"-"`
}

// CreateWhatsAppCampaign sends a new WhatsApp template campaign, once, as
// CreateRCSCampaign does.
func (c *Client) CreateWhatsAppCampaign(ctx context.Context, req WhatsAppCampaignRequest) (*Campaign, error) {
	spec := createSpec{path: "/api/campaigns/whatsapp/send", sender: req.Sender, messageType: "whatsapp"}
	req.Type = "template"
	req.Phones, spec.refs = withReferenceIDs(req.Phones)
	if req.SMSFallback != nil {
		req.AlternativeChannel = &altChannel{SMS: req.SMSFallback}
	}
	spec.body = req
	return c.create(ctx, spec)
}

// PersonalSMS is one message of a personal SMS campaign: its own text to
// its own phone.
type PersonalSMS struct {
	Phone string
	Text  string
}

// PersonalSMSRequest is a personal SMS campaign (POST
// /api/campaigns/sms/send-individual): a text per phone, one sender.
type PersonalSMSRequest struct {
	Messages      []PersonalSMS
	Sender        string
	Transliterate *bool
	TariffCode    *int64
	Validity      *int64
	CallbackURL   string
}

// individualMessage is a message on the wire (individual_message_data):
// the phone an integer, the schema's key names. The "full" example spells
// reference_id `referenced_id`; see CreatePersonalSMSCampaign.
type individualMessage struct {
	Phone         json.Number `json:"phone"`
	Text          string      `json:"text"`
	Sender        string      `json:"sender"`
	ReferenceID   string      `json:"reference_id"`
	Transliterate *bool       `json:"transliterate,omitempty"`
}

// personalSMSBody is the wire form, reference_ids filled in.
type personalSMSBody struct {
	Messages    []individualMessage `json:"messages"`
	TariffCode  *int64              `json:"tariff_code,omitempty"`
	Validity    *int64              `json:"validity,omitempty"`
	CallbackURL string              `json:"callback_url,omitempty"`
}

// CreatePersonalSMSCampaign sends a new personal SMS campaign, once. Each
// message carries a reference_id of this call, so that a lost answer is
// found by it. Unlike the other creates, a lost answer whose campaign is
// not found is never followed by a guarded second request: that guard is
// the API's refusal of a reference_id it has seen, and this call's
// example spells the key `referenced_id` where its schema says
// `reference_id`; under the example's reading the platform would not see
// ours, and a second request would send every message again.
func (c *Client) CreatePersonalSMSCampaign(ctx context.Context, req PersonalSMSRequest) (*Campaign, error) {
	phones := make([]Phone, 0, len(req.Messages))
	for _, m := range req.Messages {
		if !allDigits(m.Phone) {
			return nil, fmt.Errorf("phone number %q must be digits only", m.Phone)
		}
		phones = append(phones, Phone{Number: m.Phone})
	}
	withRefs, refs := withReferenceIDs(phones)
	body := personalSMSBody{TariffCode: req.TariffCode, Validity: req.Validity, CallbackURL: req.CallbackURL}
	for i, m := range req.Messages {
		body.Messages = append(body.Messages, individualMessage{Phone: json.Number(m.Phone), Text: m.Text, Sender: req.Sender,
			ReferenceID: withRefs[i].ReferenceID, Transliterate: req.Transliterate})
	}
	spec := createSpec{path: "/api/campaigns/sms/send-individual", sender: req.Sender, messageType: "sms", refs: refs, body: body,
		lookOnly: "the request was not sent again: its guard, the API's refusal of a reference_id it has seen, is not certain " +
			"for this call (its example spells the key referenced_id)"}
	return c.create(ctx, spec)
}
