package client

import "context"

// The voice channel: a text read out to the recipient by a call, sent as
// a campaign through POST /api/campaigns/send (channels ["voice"], or
// ["voice", "sms"] for a voice-then-SMS cascade). The OpenAPI file is its
// only source.

// VoiceContent is a voice message (the Voice schema). Voice (ostap,
// dariya, sonya, amala) and Lang are nullable and left out when empty.
// The language is sent as `lang`, as the Voice schema and the Campaign
// example write it (only the single-message call's example writes
// `language`). Sender is always sent, although the schema does not
// require it: the campaign the call answers must echo it to be taken as
// this request's (proof.go), so an empty one is refused by the API
// (minLength 1) rather than left to a default the answer cannot prove.
type VoiceContent struct {
	Sender   string `json:"sender"`
	Text     string `json:"text"`
	Category string `json:"category"`
	Voice    string `json:"voice,omitempty"`
	Lang     string `json:"lang,omitempty"`
}

// VoiceCampaignRequest is a voice campaign, to phones or contact lists,
// with an optional SMS sent where the call does not get through.
type VoiceCampaignRequest struct {
	CampaignSend
	Voice VoiceContent
}

// MarshalJSON writes the body of POST /api/campaigns/send.
func (r VoiceCampaignRequest) MarshalJSON() ([]byte, error) { return r.marshal("voice", r.Voice) }

// CreateVoiceCampaign sends a new voice campaign, or a voice-then-SMS
// cascade, once; the campaign reports message_type "voice". A lost answer
// is recovered as a Viber campaign's is (createThroughSend).
func (c *Client) CreateVoiceCampaign(ctx context.Context, req VoiceCampaignRequest) (*Campaign, error) {
	return c.createThroughSend(ctx, "voice", req.Voice.Sender, req.CampaignSend, req.Voice)
}

// The voice request's field names, for the undotted keys of a 422 answer
// ("voicecategory": voice.category).
func init() { addFieldNames("voice", "category", "lang") }
