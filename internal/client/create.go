package client

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
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
	// CallbackURL, when set, takes precedence over the account's "Callback
	// URL" for this campaign's delivery reports.
	CallbackURL string
	ShortLinks  []CampaignShortLink
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
		Phones        []smsPhone          `json:"phones,omitempty"`
		Groups        []int64             `json:"groups,omitempty"`
		Sender        string              `json:"sender"`
		Text          string              `json:"text"`
		StartAt       string              `json:"start_at,omitempty"`
		TariffCode    *int64              `json:"tariff_code,omitempty"`
		Validity      *int64              `json:"validity,omitempty"`
		Transliterate *bool               `json:"transliterate,omitempty"`
		ShortLinks    []CampaignShortLink `json:"short_links,omitempty"`
		CallbackURL   string              `json:"callback_url,omitempty"`
	}{phones, r.Groups, r.Sender, r.Text, r.StartAt, r.TariffCode, r.Validity, r.Transliterate, r.ShortLinks, r.CallbackURL})
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

// CreateRCSCampaign sends a new RCS campaign. It is sent once; when its
// answer is lost, see recoverCreate.
func (c *Client) CreateRCSCampaign(ctx context.Context, req RCSCampaignRequest) (*Campaign, error) {
	spec := createSpec{path: "/api/campaigns/rcs/send", sender: req.Sender, messageType: "rcs"}
	if len(req.Groups) > 0 {
		spec.path = "/api/campaigns/rcs/send-groups"
	}
	req.Phones, spec.refs = withReferenceIDs(req.Phones)
	if req.SMSFallback != nil {
		req.AlternativeChannel = &altChannel{SMS: req.SMSFallback}
	}
	spec.body = req
	return c.create(ctx, spec)
}

// CreateSMSCampaign sends a new SMS campaign, in the same way.
func (c *Client) CreateSMSCampaign(ctx context.Context, req SMSCampaignRequest) (*Campaign, error) {
	spec := createSpec{path: "/api/campaigns/sms/send", sender: req.Sender, messageType: "sms"}
	if len(req.Groups) > 0 {
		spec.path = "/api/campaigns/sms/send-groups"
	}
	req.Phones, spec.refs = withReferenceIDs(req.Phones)
	spec.body = req
	return c.create(ctx, spec)
}

// createSpec is one create call and what is needed to find its campaign
// again if the answer is lost.
type createSpec struct {
	path        string
	body        any
	refs        []string
	sender      string
	messageType string
	// latestBefore is the newest campaign id of the sender before a groups
	// create (which has no reference_id to look for); markKnown says it was
	// read.
	latestBefore int64
	markKnown    bool
	// started is when the create began, on our clock.
	started time.Time
	// lookOnly, when set, says why a lost answer is only looked for and
	// never followed by the guarded second request.
	lookOnly string
}

// PendingCreate is what is known of a campaign create whose outcome could
// not be told: enough to look for its campaign again in a later run
// (FindPendingCreate), and to check that a resend rebuilt from the
// configuration is the very same request (WithResendOf: its reference_ids
// and fingerprint). No secret and no message content. The provider keeps
// it in private state.
type PendingCreate struct {
	Path         string   `json:"path"`
	ReferenceIDs []string `json:"reference_ids,omitempty"`
	Sender       string   `json:"sender"`
	MessageType  string   `json:"message_type"`
	// LatestBefore and MarkKnown are a contact-list create's mark (see
	// createSpec).
	LatestBefore int64     `json:"latest_before,omitempty"`
	MarkKnown    bool      `json:"mark_known,omitempty"`
	Started      time.Time `json:"started"`
	// Fingerprint is the SHA-256 of the request's body, reference_ids
	// included: it names this one request.
	Fingerprint string `json:"fingerprint"`
	// Found is what the latest search for the campaign found, when it
	// named none (the candidates of a contact-list create).
	Found string `json:"found,omitempty"`
	// LookOnly says the request may never be sent again, not even
	// guarded (see createSpec.lookOnly); Taken that a guarded resend
	// proved the first request taken (its campaign is only looked for).
	LookOnly bool `json:"look_only,omitempty"`
	Taken    bool `json:"taken,omitempty"`
}

func (s createSpec) pending() *PendingCreate {
	body, _ := json.Marshal(s.body)
	sum := sha256.Sum256(body)
	return &PendingCreate{Path: s.path, ReferenceIDs: s.refs, Sender: s.sender, MessageType: s.messageType,
		LatestBefore: s.latestBefore, MarkKnown: s.markKnown, Started: s.started, Fingerprint: hex.EncodeToString(sum[:]),
		LookOnly: s.lookOnly != ""}
}

// FindPendingCreate looks for the campaign of a create whose outcome was
// not known, as the create's own recovery does, and never sends anything:
// by reference_id, or, for a contact-list create (which nothing proves),
// by naming the sender's campaigns created since without returning any.
// It returns nil and what the search found when the campaign cannot be
// named.
func (c *Client) FindPendingCreate(ctx context.Context, p PendingCreate, tries int) (*Campaign, string, error) {
	if len(p.ReferenceIDs) == 0 {
		spec := createSpec{path: p.Path, sender: p.Sender, messageType: p.MessageType, latestBefore: p.LatestBefore,
			markKnown: p.MarkKnown, started: p.Started}
		// Nothing proves a contact-list campaign: the candidates are only
		// named (nameListCandidates), never returned.
		amb := &AmbiguousCreateError{}
		c.nameListCandidates(ctx, spec, amb)
		return nil, amb.Detail, nil
	}
	// A few of the messages are looked for: one listed late may be
	// another's neighbour.
	for _, ref := range p.ReferenceIDs[:min(len(p.ReferenceIDs), max(tries, 1))] {
		msgs, err := c.FindMessagesByReference(ctx, ref)
		if err != nil {
			return nil, "", err
		}
		for _, m := range msgs {
			if m.namesCampaign(ref) {
				cp, err := c.GetCampaign(ctx, m.CampaignID)
				return adopted(cp, "found by the reference_id "+ref+" of one of its messages"), "", err
			}
		}
	}
	return nil, fmt.Sprintf("no message with reference_id %s is listed", p.ReferenceIDs[0]), nil
}

func (c *Client) create(ctx context.Context, spec createSpec) (*Campaign, error) {
	if p, ok := ctx.Value(keyResend).(*PendingCreate); ok {
		return c.resendPending(ctx, spec, p)
	}
	spec.started = c.clock.Now()
	if len(spec.refs) == 0 {
		spec.latestBefore, spec.markKnown = c.latestCampaignID(ctx, spec.messageType)
	}
	// The in-flight journal (journal.go) records the create before it is
	// sent, or resumes the same content's create that a killed run left.
	return c.journalCreate(ctx, spec, func(spec createSpec) (*Campaign, error) {
		cp, err := c.campaignCall(ctx, request{method: http.MethodPost, path: spec.path, body: spec.body, creates: createsCampaign,
			unguarded: len(spec.refs) == 0 || spec.lookOnly != ""}, 0)
		var amb *AmbiguousCreateError
		if errors.As(err, &amb) {
			amb.Pending = spec.pending()
			return c.recoverCreate(ctx, spec, amb)
		}
		if err != nil {
			return nil, err
		}
		return c.proveCreated(ctx, spec, cp)
	})
}

// NewReferenceID is a reference_id of 32 alphanumerics, random, for one
// message the caller must be able to look for again.
func NewReferenceID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// withReferenceIDs gives every phone without one a reference_id made for
// this create call: random per call, so that a campaign sent again on
// purpose is never refused, and fixed within the call, so that the API's
// refusal of a reference_id it has seen before guards the one safe retry.
func withReferenceIDs(phones []Phone) ([]Phone, []string) {
	if len(phones) == 0 {
		return phones, nil
	}
	nonce := make([]byte, 16)
	_, _ = rand.Read(nonce)
	out := make([]Phone, len(phones))
	refs := make([]string, len(phones))
	for i, p := range phones {
		if p.ReferenceID == "" {
			sum := sha256.Sum256(fmt.Appendf(append([]byte{}, nonce...), "%d/%s", i, p.Number))
			p.ReferenceID = hex.EncodeToString(sum[:16]) // 32 alphanumerics
		}
		out[i], refs[i] = p, p.ReferenceID
	}
	return out, refs
}
