package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
)

// Custom contact fields (GET and POST /api/contacts/fields, PATCH
// /api/contacts/fields/{id}, POST /api/contacts/fields/delete) and list
// membership (POST /api/groups/attach and /detach), as the OpenAPI file
// documents them. A field's type is one of the enum's text, date and
// number (the enum's description names string, integer and datetime; the
// example sends the enum's words).

// CustomFieldTypes are the documented field types.
var CustomFieldTypes = []string{"text", "date", "number"}

// Documented limits.
const (
	membershipMax    = 200 // contacts a request
	membershipGroups = 100
)

// CustomField is a custom field of the account's contacts.
type CustomField struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Type        string  `json:"type"`
	Visible     *bool   `json:"is_visible"`
	// Recovered says how a field whose create answer was lost was found
	// again; empty for a normal answer.
	Recovered string `json:"-"`
}

func (f *CustomField) check(want int64) string {
	if msg := checkID("contact field", f.ID, want); msg != "" {
		return msg
	}
	if f.Name == "" {
		return fmt.Sprintf("contact field %d has no name", f.ID)
	}
	return ""
}

// CustomFieldRequest is the body of a create (every field) or an update
// (Type empty: the type cannot change). A nil Description is sent as null.
type CustomFieldRequest struct {
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Type        string  `json:"type,omitempty"`
	Visible     bool    `json:"is_visible"`
}

// ListCustomFields reads every custom field (the API answers them in one
// list, without pages).
func (c *Client) ListCustomFields(ctx context.Context) ([]CustomField, error) {
	var page listPage[CustomField]
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/contacts/fields"}, &page); err != nil {
		return nil, err
	}
	return page.items(), nil
}

// GetCustomField reads one field from the list (the API documents no GET
// of one field); a field the list lacks is a not-found error.
func (c *Client) GetCustomField(ctx context.Context, id int64) (*CustomField, error) {
	all, err := c.ListCustomFields(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			return &all[i], nil
		}
	}
	return nil, &APIError{Method: http.MethodGet, Path: "/api/contacts/fields", StatusCode: http.StatusNotFound,
		Message: fmt.Sprintf("the account has no contact field %d", id)}
}

// CreateCustomField creates a field. The request is not repeated once it
// may have reached the server: field names are not documented as unique,
// so a lost answer is recovered only by a field of that name and type that
// the list did not have before the create; when there is none, the create
// never took effect and is sent once more.
func (c *Client) CreateCustomField(ctx context.Context, req CustomFieldRequest) (*CustomField, error) {
	before, err := c.ListCustomFields(ctx)
	if err != nil {
		return nil, err
	}
	env := envelope[CustomField]{}
	err = c.do(ctx, request{method: http.MethodPost, path: "/api/contacts/fields", body: req, creates: createsContactField}, &env)
	var amb *AmbiguousCreateError
	if err == nil || !errors.As(err, &amb) {
		return env.Data, err
	}
	known := map[int64]bool{}
	for _, f := range before {
		known[f.ID] = true
	}
	after, lerr := c.ListCustomFields(ctx)
	if lerr != nil {
		amb.Detail = fmt.Sprintf("listing the fields to find it failed too (%v)", lerr)
		return nil, amb
	}
	var made []CustomField
	for _, f := range after {
		if !known[f.ID] && f.Name == req.Name && f.Type == req.Type {
			made = append(made, f)
		}
	}
	switch len(made) {
	case 1:
		made[0].Recovered = fmt.Sprintf("found as the one new field named %q", req.Name)
		return &made[0], nil
	case 0:
		env = envelope[CustomField]{}
		if err := c.do(ctx, request{method: http.MethodPost, path: "/api/contacts/fields", body: req, creates: createsContactField}, &env); err != nil {
			amb.Detail = fmt.Sprintf("no new field named %q was found, and sending the create again failed too (%v)", req.Name, err)
			return nil, amb
		}
		env.Data.Recovered = "created by a second request, after the first made none"
		return env.Data, nil
	}
	ids := make([]string, len(made))
	for i, f := range made {
		ids[i] = strconv.FormatInt(f.ID, 10)
	}
	amb.Detail = fmt.Sprintf("%d new fields named %q appeared meanwhile (ids %v): import the one that is this resource's", len(made), req.Name, ids)
	return nil, amb
}

// UpdateCustomField changes a field's name, description and visibility.
func (c *Client) UpdateCustomField(ctx context.Context, id int64, req CustomFieldRequest) (*CustomField, error) {
	req.Type = ""
	env := envelope[CustomField]{want: id}
	if err := c.do(ctx, request{method: http.MethodPatch, path: fieldPath(id), body: req}, &env); err != nil {
		return nil, err
	}
	return env.Data, nil
}

// DeleteCustomField deletes a field: every contact loses its values. A
// field that is already gone is not an error.
func (c *Client) DeleteCustomField(ctx context.Context, id int64) error {
	if _, err := c.GetCustomField(ctx, id); IsNotFound(err) {
		return nil
	}
	return c.do(ctx, request{method: http.MethodPost, path: "/api/contacts/fields/delete", body: map[string]any{"ids": []int64{id}}}, nil)
}

func fieldPath(id int64) string { return "/api/contacts/fields/" + strconv.FormatInt(id, 10) }

// AttachContacts adds contacts to lists, 200 contacts a request; a repeat
// changes nothing, so it is retried like a read.
func (c *Client) AttachContacts(ctx context.Context, contacts, lists []int64) error {
	return c.membership(ctx, "/api/groups/attach", contacts, lists)
}

// DetachContacts takes contacts out of lists; they stay in the contact
// book.
func (c *Client) DetachContacts(ctx context.Context, contacts, lists []int64) error {
	return c.membership(ctx, "/api/groups/detach", contacts, lists)
}

func (c *Client) membership(ctx context.Context, path string, contacts, lists []int64) error {
	if len(lists) > membershipGroups {
		return fmt.Errorf("%s takes at most %d lists, not %d", path, membershipGroups, len(lists))
	}
	for chunk := range slices.Chunk(contacts, membershipMax) {
		if err := c.do(ctx, request{method: http.MethodPost, path: path, body: map[string]any{"contacts": chunk, "groups": lists}}, nil); err != nil {
			return err
		}
	}
	return nil
}
