package client

// Options of the SMS create calls that no other call shares: the short
// links of POST /api/campaigns/sms/send and send-groups (the ShortLink
// schema), which the cascade call's SMS block (POST /api/campaigns/send,
// sms) also takes with its unsubscribe_caption. Not the short-link object
// of /api/short-url/links (shortlinks.go): these are made by the campaign.

// CampaignShortLink asks the platform to replace a word of the SMS text
// (Placeholder) with a short link to Link on one of the account's
// short-link domains (DomainIDs, rotated every ChangeDomainAfter messages
// when set). Protocol false leaves https:// off the short link; nil is the
// API's default (true).
type CampaignShortLink struct {
	Link              string   `json:"link"`
	Placeholder       string   `json:"placeholder"`
	DomainIDs         []string `json:"domain_ids"`
	ChangeDomainAfter *int64   `json:"change_domain_after,omitempty"`
	Protocol          *bool    `json:"protocol,omitempty"`
}
