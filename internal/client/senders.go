package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Sender registration requests, as the OpenAPI file documents them:
// POST /api/senders/requests/legal and /natural file an application for a
// sender name (moderated by the platform, never updated nor withdrawn),
// and GET /api/senders/requests/sms lists the applications, with
// filter[id], filter[sender], filter[status], filter[country_code].
//
// Choices where the documentation says nothing:
//   - One application is read through the list with filter[id]: there is
//     no GET of one application. The list's path says sms, but its answers
//     carry type sms or viber; it is read as listing both.
//   - The legal schema's required list names juridical_name and
//     juridical_address, its properties and examples legal_name and
//     address: both spellings are sent, with the same values, so that a
//     server reading either finds them.

const createsSenderRequest = "a sender registration request"

// Statuses of a sender registration request (SenderRequestStatus). The
// vendor's pages spell two of them "in progress" and "registration
// completed"; SenderRequestRegistered and SenderRequestRejected accept
// both spellings.
const (
	SenderRequestNew        = "new"
	SenderRequestAccepted   = "accepted"
	SenderRequestInProgress = "in_progress"
	SenderRequestRegistered = "registered"
	SenderRequestRejected   = "rejected"
)

// SenderRequestIsRegistered reports whether a status says the sender is
// registered.
func SenderRequestIsRegistered(status string) bool {
	return status == SenderRequestRegistered || status == "registration completed"
}

// SenderRequest is an application for the registration of a sender name.
type SenderRequest struct {
	ID               int64   `json:"id"`
	Sender           string  `json:"sender"`
	Status           string  `json:"status"`
	Type             string  `json:"type"`
	CountryCode      string  `json:"country_code"`
	CreatedAt        *string `json:"created_at"`
	RegisteredAt     *string `json:"registered_at"`
	StatusChangedAt  *string `json:"status_changed_at"`
	CodeOfCompany    string  `json:"code_of_company"`
	TaxNumber        *string `json:"tax_number"`
	SiteURL          *string `json:"site_url"`
	Name             *string `json:"name"`
	LegalName        *string `json:"legal_name"`
	Address          *string `json:"address"`
	InformingPurpose string  `json:"informing_purpose"`
	Description      string  `json:"description"`
	Comment          *string `json:"comment"`
	RejectionReason  *string `json:"rejection_reason"`
	// Recovered says how a request whose create answer was lost was found
	// again; empty for a normal answer.
	Recovered string `json:"-"`
}

func (r *SenderRequest) check(want int64) string {
	if msg := checkID("sender registration request", r.ID, want); msg != "" {
		return msg
	}
	if r.Sender == "" {
		return fmt.Sprintf("sender registration request %d has no sender", r.ID)
	}
	return ""
}

// SenderRequestInput is what a new application says. Applicant is
// "legal" (a company: LegalName, Address and TaxNumber) or "natural" (a
// person: Name).
type SenderRequestInput struct {
	Applicant        string
	Type             string
	CountryCode      string
	Sender           string
	CodeOfCompany    string
	TaxNumber        string
	Name             string
	LegalName        string
	Address          string
	Description      string
	InformingPurpose string
	SiteURL          *string
	Comment          *string
}

// MarshalJSON writes the body of the applicant's call.
func (in SenderRequestInput) MarshalJSON() ([]byte, error) {
	b := map[string]any{
		"type": in.Type, "country_code": in.CountryCode, "sender": in.Sender, "code_of_company": in.CodeOfCompany,
		"description": in.Description, "informing_purpose": in.InformingPurpose,
	}
	if in.SiteURL != nil {
		b["site_url"] = *in.SiteURL
	}
	if in.Comment != nil {
		b["comment"] = *in.Comment
	}
	if in.Applicant == "legal" {
		b["tax_number"] = in.TaxNumber
		b["legal_name"], b["juridical_name"] = in.LegalName, in.LegalName
		b["address"], b["juridical_address"] = in.Address, in.Address
	} else {
		b["name"] = in.Name
	}
	return json.Marshal(b)
}

// path is the applicant's create call.
func (in SenderRequestInput) path() string {
	if in.Applicant == "legal" {
		return "/api/senders/requests/legal"
	}
	return "/api/senders/requests/natural"
}

// describes reports whether a listed request says what in says: the
// evidence that a request found after a lost answer is ours.
func (in SenderRequestInput) describes(r *SenderRequest) bool {
	same := r.Sender == in.Sender && strings.EqualFold(r.CountryCode, in.CountryCode) &&
		(r.Type == "" || r.Type == in.Type) && r.CodeOfCompany == in.CodeOfCompany &&
		r.Description == in.Description && r.InformingPurpose == in.InformingPurpose
	if in.Applicant == "legal" {
		return same && deref(r.LegalName) == in.LegalName && deref(r.TaxNumber) == in.TaxNumber
	}
	return same && deref(r.Name) == in.Name
}

// identical reports a listed request that says all that in says (describes,
// and the address, site and comment): filing in again would only add a
// twin of it.
func (in SenderRequestInput) identical(r *SenderRequest) bool {
	legalAddress := in.Applicant != "legal" || deref(r.Address) == in.Address
	return in.describes(r) && legalAddress && deref(r.SiteURL) == deref(in.SiteURL) && deref(r.Comment) == deref(in.Comment)
}

// CreateSenderRequest files an application, once. A request is never sent
// again once it may have reached the server: an application cannot be
// withdrawn, and a second one would wait in moderation beside the first.
// A lost answer is recovered only by an application that says the same
// and is newer than the newest one of that sender before the create (or,
// when that could not be read, created since the create began); anything
// else is an AmbiguousCreateError naming what was found.
func (c *Client) CreateSenderRequest(ctx context.Context, in SenderRequestInput) (*SenderRequest, error) {
	mark, same, markOK := c.latestSenderRequestID(ctx, in)
	if same != nil {
		return nil, &IdenticalSenderRequestError{Existing: *same}
	}
	started := c.clock.Now()
	env := envelope[SenderRequest]{}
	err := c.do(ctx, request{method: http.MethodPost, path: in.path(), body: in, creates: createsSenderRequest}, &env)
	var amb *AmbiguousCreateError
	if errors.As(err, &amb) {
		return c.recoverSenderRequest(ctx, in, mark, markOK, started, amb)
	}
	if err != nil {
		return nil, err
	}
	return env.Data, nil
}

// IdenticalSenderRequestError refuses an application that says what one
// of the account's does, which is not rejected: a second would only wait
// beside it (an application cannot be withdrawn), and it is most likely
// this resource's own, filed by an apply that was killed before it saved
// its state. Nothing was sent.
type IdenticalSenderRequestError struct {
	Existing SenderRequest
}

func (e *IdenticalSenderRequestError) Error() string {
	return fmt.Sprintf("application %d for sender %q in %s says the same and is %s, so this one was not filed: a second "+
		"would wait beside it, and an application cannot be withdrawn. If it is this resource's (an apply stopped before "+
		"it saved its state), import it: terraform import <address> %d. To file another, change what it says",
		e.Existing.ID, e.Existing.Sender, e.Existing.CountryCode, e.Existing.Status, e.Existing.ID)
}

// latestSenderRequestID is the newest application id of a sender (0 for
// none), and an application among its newest that says what in says and
// is not rejected (nil for none); ok is false when they could not be read.
func (c *Client) latestSenderRequestID(ctx context.Context, in SenderRequestInput) (latest int64, same *SenderRequest, ok bool) {
	q := url.Values{}
	q.Set("filter[sender]", in.Sender)
	q.Set("sort", "id")
	q.Set("way", "desc")
	q.Set("page[limit]", "30")
	var page listPage[SenderRequest]
	if err := c.do(ctx, request{method: http.MethodGet, path: senderRequestsPath, query: q}, &page); err != nil {
		return 0, nil, false
	}
	for _, r := range page.items() {
		latest = max(latest, r.ID)
		if same == nil && r.Status != "rejected" && in.identical(&r) {
			same = &r
		}
	}
	return latest, same, true
}

// recoverSenderRequest looks for the application a lost create made, a
// few times (a list may lag behind its creates), and never sends it again.
func (c *Client) recoverSenderRequest(ctx context.Context, in SenderRequestInput, mark int64, markOK bool, started time.Time, amb *AmbiguousCreateError) (*SenderRequest, error) {
	for i := 0; i < 3; i++ {
		var found []SenderRequest
		err := c.EachSenderRequest(ctx, url.Values{"filter[sender]": {in.Sender}}, func(r *SenderRequest) bool {
			if in.describes(r) && c.newerThan(r, mark, markOK, started) {
				found = append(found, *r)
			}
			return true
		})
		switch {
		case err == nil && len(found) == 1:
			found[0].Recovered = fmt.Sprintf("found as the only application for %q made since the create began", in.Sender)
			return &found[0], nil
		case err == nil && len(found) > 1:
			ids := make([]string, len(found))
			for j, r := range found {
				ids[j] = strconv.FormatInt(r.ID, 10)
			}
			amb.Detail = fmt.Sprintf("applications %s for %q say the same and were all made since the create began; "+
				"none is taken as this one", strings.Join(ids, ", "), in.Sender)
			return nil, amb
		}
		if c.clock.Sleep(ctx, time.Second) != nil {
			break
		}
	}
	amb.Detail = fmt.Sprintf("no new application for %q was listed; it was not sent again, since an application cannot be "+
		"withdrawn (look for it with terraform query or in the web interface, and import it if it is there)", in.Sender)
	return nil, amb
}

// newerThan: an id above the mark read before the create, or, without a
// mark, a creation time no earlier than the create began (less the clock
// margin).
func (c *Client) newerThan(r *SenderRequest, mark int64, markOK bool, started time.Time) bool {
	if markOK {
		return r.ID > mark
	}
	created, err := c.parseAnyTime(deref(r.CreatedAt))
	return err == nil && !created.Before(started.Add(-recoverClockMargin))
}

const senderRequestsPath = "/api/senders/requests/sms"

// GetSenderRequest reads one application through the list's filter[id];
// one the list does not show is a not-found error (IsNotFound).
func (c *Client) GetSenderRequest(ctx context.Context, id int64) (*SenderRequest, error) {
	var out *SenderRequest
	err := c.EachSenderRequest(ctx, url.Values{"filter[id]": {strconv.FormatInt(id, 10)}}, func(r *SenderRequest) bool {
		if r.ID == id {
			out = r
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		return nil, &APIError{StatusCode: http.StatusNotFound, Method: http.MethodGet, Path: senderRequestsPath,
			Message: fmt.Sprintf("sender registration request %d is not listed", id)}
	}
	return out, nil
}

// EachSenderRequest streams the applications the filters find (filter[...]
// query parameters), page by page, until yield returns false.
func (c *Client) EachSenderRequest(ctx context.Context, filters url.Values, yield func(*SenderRequest) bool) error {
	return eachItem(ctx, c, senderRequestsPath, filters, yield)
}
