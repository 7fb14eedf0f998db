package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The contact book: contact lists ("groups" in the API) and contacts,
// as the Lists and Contacts pages document them (GET/POST /api/groups,
// GET/PUT/DELETE /api/groups/{id}, POST /api/contacts,
// GET/PUT/DELETE /api/contacts/{id}).

// ContactList is a contact list of the contact book.
type ContactList struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Default     *bool   `json:"default"`
	CreatedAt   *string `json:"created_at"`
	// Items is the number of contacts in the list.
	Items         int64 `json:"items"`
	StopListCount int64 `json:"stop_list_count"`
	// Recovered says how a list whose create answer was lost was found
	// again; empty for a normal answer.
	Recovered string `json:"-"`
}

func (l *ContactList) check(want int64) string {
	if msg := checkID("contact list", l.ID, want); msg != "" {
		return msg
	}
	if l.Name == "" {
		return fmt.Sprintf("contact list %d has no name", l.ID)
	}
	return ""
}

// ContactListRequest is the body of POST /api/groups and PUT
// /api/groups/{id}. A nil Description or Default is sent as null: the
// API's default (none, false).
type ContactListRequest struct {
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Default     *bool   `json:"default"`
}

// Messages of the documented 422 answers about contact lists.
const (
	msgGroupExists   = "Contact group is already exists"
	msgGroupNotFound = "Contact group is not found"
)

// DuplicateNameError is the API's refusal of a contact list name that
// another list has ("Contact group is already exists"). ExistingID is that
// list's id, when the list could be found.
type DuplicateNameError struct {
	Name       string
	ExistingID int64
	Err        error
}

func (e *DuplicateNameError) Error() string {
	if e.ExistingID != 0 {
		return fmt.Sprintf("a contact list named %q already exists (id %d): %v", e.Name, e.ExistingID, e.Err)
	}
	return fmt.Sprintf("a contact list named %q already exists: %v", e.Name, e.Err)
}

func (e *DuplicateNameError) Unwrap() error { return e.Err }

// CreateContactList creates a contact list, once; a taken name names the
// list that has it, and a lost answer is recovered by the name, from the
// lists created since the create began (createUnique).
func (c *Client) CreateContactList(ctx context.Context, req ContactListRequest) (*ContactList, error) {
	return createUnique(ctx, c, uniqueCreate[ContactList]{kind: "contact list", name: req.Name,
		send: func() (*ContactList, error) {
			env := envelope[ContactList]{}
			if err := c.do(ctx, request{method: http.MethodPost, path: "/api/groups", body: req, creates: createsContactList}, &env); err != nil {
				return nil, err
			}
			return env.Data, nil
		},
		taken: func(err error) bool { return hasMessage(err, msgGroupExists) },
		find:  func() (*ContactList, error) { return c.FindContactList(ctx, req.Name) },
		duplicate: func(l *ContactList, err error) error {
			dup := &DuplicateNameError{Name: req.Name, Err: err}
			if l != nil {
				dup.ExistingID = l.ID
			}
			return dup
		},
		older: func(l *ContactList, since time.Time) string {
			created, err := c.ParseTime(deref(l.CreatedAt))
			switch {
			case err != nil: // nothing tells it from a list that was there before: never adopted on a guess
				return fmt.Sprintf("a contact list named %q (id %d) is listed, but its created_at %q does not say "+
					"whether this request made it", req.Name, l.ID, deref(l.CreatedAt))
			case created.Before(since):
				return fmt.Sprintf("a contact list named %q (id %d) already existed before the create", req.Name, l.ID)
			}
			return ""
		},
		recovered: func(l *ContactList, how string) { l.Recovered = how },
	})
}

// GetContactList reads a contact list. An unknown id is a not-found error
// (IsNotFound) whether the API answers 404 or 422 "Contact group is not
// found" (the update page's wording).
func (c *Client) GetContactList(ctx context.Context, id int64) (*ContactList, error) {
	env := envelope[ContactList]{want: id}
	if err := c.do(ctx, request{method: http.MethodGet, path: groupPath(id)}, &env); err != nil {
		return nil, groupNotFound(err)
	}
	return env.Data, nil
}

// UpdateContactList changes a list's name, description and default flag.
func (c *Client) UpdateContactList(ctx context.Context, id int64, req ContactListRequest) (*ContactList, error) {
	env := envelope[ContactList]{want: id}
	err := c.do(ctx, request{method: http.MethodPut, path: groupPath(id), body: req}, &env)
	if hasMessage(err, msgGroupExists) {
		return nil, &DuplicateNameError{Name: req.Name, Err: err}
	}
	if err != nil {
		return nil, groupNotFound(err)
	}
	return env.Data, nil
}

// DeleteContactList deletes a list (204); its contacts stay in the contact
// book. A list that is already gone is not an error.
func (c *Client) DeleteContactList(ctx context.Context, id int64) error {
	err := groupNotFound(c.do(ctx, request{method: http.MethodDelete, path: groupPath(id)}, nil))
	if IsNotFound(err) {
		return nil
	}
	return err
}

// ListContactLists reads every contact list, page by page.
func (c *Client) ListContactLists(ctx context.Context) ([]ContactList, error) {
	return listAll[ContactList](ctx, c, "/api/groups", nil)
}

// EachContactList streams every contact list, page by page, until yield
// returns false.
func (c *Client) EachContactList(ctx context.Context, yield func(*ContactList) bool) error {
	return eachItem(ctx, c, "/api/groups", nil, yield)
}

// FindContactList returns the list of exactly this name, or nil.
func (c *Client) FindContactList(ctx context.Context, name string) (*ContactList, error) {
	all, err := c.ListContactLists(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Name == name {
			return &all[i], nil
		}
	}
	return nil, nil
}

func groupPath(id int64) string { return "/api/groups/" + strconv.FormatInt(id, 10) }

// groupNotFound turns the documented 422 "Contact group is not found" into
// a not-found error, so that callers need one test (IsNotFound).
func groupNotFound(err error) error { return notFoundOn422(err, msgGroupNotFound) }

// notFoundOn422 turns a 422 with the given message, the way some pages
// answer an unknown id, into a 404 error.
func notFoundOn422(err error, msg string) error {
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnprocessableEntity && hasMessage(err, msg) {
		nf := *apiErr
		nf.StatusCode = http.StatusNotFound
		return &nf
	}
	return err
}

// hasMessage reports an API error with exactly this message.
func hasMessage(err error, msg string) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && strings.EqualFold(strings.TrimSpace(apiErr.Message), msg)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// listPageLimit is the page size of the contact book's lists: the most the
// pages allow (15..500).
const listPageLimit = 500

// listAll reads every page of a list that answers {data: [...], total: n},
// with page[offset] and page[limit].
func listAll[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, error) {
	var all []T
	err := eachPage(ctx, c, path, q, func(page []T) bool {
		all = append(all, page...)
		return true
	})
	return all, err
}

// eachItem is listAll as a stream: yield is called for each object as its
// page arrives, until it returns false.
func eachItem[T any](ctx context.Context, c *Client, path string, q url.Values, yield func(*T) bool) error {
	return eachItemBy(ctx, c, path, q, offsetPages, yield)
}

// eachItemBy is eachItem over a list paged by pages.
func eachItemBy[T any](ctx context.Context, c *Client, path string, q url.Values, pages pager, yield func(*T) bool) error {
	return eachPageBy(ctx, c, path, q, pages, func(page []T) bool {
		for i := range page {
			if !yield(&page[i]) {
				return false
			}
		}
		return true
	})
}

// pager sets the query of the page that follows the first seen objects,
// read in read pages.
type pager func(pq url.Values, seen, read int)

// offsetPages is the API's paging: page[offset] and page[limit].
func offsetPages(pq url.Values, seen, _ int) {
	pq.Set("page[offset]", strconv.Itoa(seen))
	pq.Set("page[limit]", strconv.Itoa(listPageLimit))
}

// eachPage reads the pages of a list, handing each to onPage until it
// returns false.
func eachPage[T any](ctx context.Context, c *Client, path string, q url.Values, onPage func([]T) bool) error {
	return eachPageBy(ctx, c, path, q, offsetPages, onPage)
}

// eachPageBy is eachPage over a list paged by pages.
func eachPageBy[T any](ctx context.Context, c *Client, path string, q url.Values, pages pager, onPage func([]T) bool) error {
	for offset, read := 0, 0; ; read++ {
		pq := url.Values{}
		for k, v := range q {
			pq[k] = v
		}
		pages(pq, offset, read)
		var page listPage[T]
		if err := c.do(ctx, request{method: http.MethodGet, path: path, query: pq}, &page); err != nil {
			return err
		}
		items := page.items()
		if !onPage(items) {
			return nil
		}
		offset += len(items)
		if len(items) == 0 || int64(offset) >= page.Total {
			return nil
		}
	}
}

// Contact is an entry of the contact book.
type Contact struct {
	ID    int64       `json:"id"`
	Phone json.Number `json:"phone"`
	// Fields are the custom fields' values by field id; the API writes an
	// empty set as [] and a filled one as an object.
	Fields    ContactFields `json:"fields"`
	Groups    []ContactList `json:"groups"`
	CreatedAt *string       `json:"created_at"`
	Recovered string        `json:"-"`
}

func (ct *Contact) check(want int64) string {
	if msg := checkID("contact", ct.ID, want); msg != "" {
		return msg
	}
	if ct.Phone == "" {
		return fmt.Sprintf("contact %d has no phone", ct.ID)
	}
	return ""
}

// ContactFields are a contact's custom fields by field id.
type ContactFields map[string]string

// UnmarshalJSON accepts an object of field id to value, [] and null.
func (f *ContactFields) UnmarshalJSON(data []byte) error {
	trimmed := strings.TrimSpace(string(data))
	if trimmed == "null" || trimmed == "[]" {
		*f = ContactFields{}
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("contact fields: %w", err)
	}
	out := make(ContactFields, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		case nil:
			out[k] = ""
		default:
			out[k] = fmt.Sprint(v)
		}
	}
	*f = out
	return nil
}

// ContactField is one custom field of a contact request.
type ContactField struct {
	ID    int64  `json:"id"`
	Value string `json:"value"`
}

// ContactRequest is the body of POST /api/contacts and PUT
// /api/contacts/{id}: the phone as an integer, as the pages document it.
type ContactRequest struct {
	Phone  json.Number    `json:"phone"`
	Groups []int64        `json:"groups"`
	Fields []ContactField `json:"fields"`
}

const msgPhoneExists = "Phone number is already exist in contact book"

// CreateContact adds a contact to the contact book. A lost answer is
// recovered by the phone number, which the contact book keeps unique.
func (c *Client) CreateContact(ctx context.Context, req ContactRequest) (*Contact, error) {
	started := c.clock.Now()
	env := envelope[Contact]{}
	err := c.do(ctx, request{method: http.MethodPost, path: "/api/contacts", body: req, creates: createsContact}, &env)
	var amb *AmbiguousCreateError
	if errors.As(err, &amb) {
		return c.recoverContact(ctx, req, started, amb)
	}
	if err != nil {
		return nil, err
	}
	return env.Data, nil
}

// recoverContact finds the contact a lost create made, by its phone, if it
// was created since the create began; when the contact book has no such
// phone, the create never took effect and is sent once more (the phone is
// unique, and a contact sends nothing).
func (c *Client) recoverContact(ctx context.Context, req ContactRequest, started time.Time, amb *AmbiguousCreateError) (*Contact, error) {
	found, err := c.FindContact(ctx, req.Phone.String())
	switch {
	case err != nil:
		amb.Detail = fmt.Sprintf("the search for the phone number failed (%v)", err)
		return nil, amb
	case found != nil:
		created, perr := c.ParseTime(deref(found.CreatedAt))
		if perr == nil && !created.Before(started.Add(-recoverClockMargin)) {
			found.Recovered = "found by its phone number " + req.Phone.String()
			return found, nil
		}
		amb.Detail = fmt.Sprintf("contact %d with this phone number existed before the request", found.ID)
		return nil, amb
	}
	env := envelope[Contact]{}
	if err := c.do(ctx, request{method: http.MethodPost, path: "/api/contacts", body: req, creates: createsContact}, &env); err != nil {
		amb.Detail = fmt.Sprintf("no contact with this phone number was found, and sending the create again failed too (%v)", err)
		return nil, amb
	}
	env.Data.Recovered = "created by a second request, after the first made none"
	return env.Data, nil
}

// IsDuplicatePhone reports the API's refusal of a phone number that the
// contact book already has.
func IsDuplicatePhone(err error) bool { return hasMessage(err, msgPhoneExists) }

// GetContact reads a contact. The API's answer to an unknown id is 422
// "Invalid contact id" on the contact page; it is a not-found error here,
// as is a 404.
func (c *Client) GetContact(ctx context.Context, id int64) (*Contact, error) {
	env := envelope[Contact]{want: id}
	if err := c.do(ctx, request{method: http.MethodGet, path: contactPath(id)}, &env); err != nil {
		return nil, contactNotFound(err)
	}
	return env.Data, nil
}

// UpdateContact replaces a contact's phone, lists and fields.
func (c *Client) UpdateContact(ctx context.Context, id int64, req ContactRequest) (*Contact, error) {
	env := envelope[Contact]{want: id}
	if err := c.do(ctx, request{method: http.MethodPut, path: contactPath(id), body: req}, &env); err != nil {
		return nil, contactNotFound(err)
	}
	return env.Data, nil
}

// DeleteContact removes a contact from the contact book and every list
// (204). A contact already gone is not an error.
func (c *Client) DeleteContact(ctx context.Context, id int64) error {
	err := contactNotFound(c.do(ctx, request{method: http.MethodDelete, path: contactPath(id)}, nil))
	if IsNotFound(err) {
		return nil
	}
	return err
}

// FindContact returns the contact with this phone number, or nil, through
// GET /api/contacts/search (phone =).
func (c *Client) FindContact(ctx context.Context, phone string) (*Contact, error) {
	q := url.Values{}
	q.Set("search[field]", "phone")
	q.Set("search[operator]", "=")
	q.Set("search[value]", phone)
	found, err := listAll[Contact](ctx, c, "/api/contacts/search", q)
	if err != nil {
		return nil, err
	}
	for i := range found {
		if found[i].Phone.String() == phone {
			return &found[i], nil
		}
	}
	return nil, nil
}

// EachContact streams the contact book's contacts (GET /api/contacts), or
// those of one list (groups[]) when list is not 0, until yield returns
// false.
//
// Each contact of a list's answer must show the list among its groups (the
// API embeds them): a contact that does not was answered by a server that
// ignored the filter, and adopting it would make a contact of another list
// a member. Such an answer is an error.
func (c *Client) EachContact(ctx context.Context, list int64, yield func(*Contact) bool) error {
	q := url.Values{}
	if list == 0 {
		return eachItem(ctx, c, "/api/contacts", q, yield)
	}
	q.Set("groups[]", strconv.FormatInt(list, 10))
	var bad error
	err := eachItem(ctx, c, "/api/contacts", q, func(ct *Contact) bool {
		if !slices.ContainsFunc(ct.Groups, func(g ContactList) bool { return g.ID == list }) {
			bad = &BadAnswerError{Method: http.MethodGet, Path: "/api/contacts", Problem: fmt.Sprintf("contact %d is "+
				"not in contact list %d (its groups do not name it): the answer ignores the groups[] filter", ct.ID, list)}
			return false
		}
		return yield(ct)
	})
	if bad != nil {
		return bad
	}
	return err
}

func contactPath(id int64) string { return "/api/contacts/" + strconv.FormatInt(id, 10) }

const msgInvalidContact = "Invalid contact id"

func contactNotFound(err error) error { return notFoundOn422(err, msgInvalidContact) }
