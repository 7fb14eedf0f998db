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

// CreateCustomField creates a field, once. Field names are not documented
// as unique and a create carries no key of the caller's, so the request is
// never sent again once it may have reached the server. An answer that
// does not describe what was asked (another name or type, or a field the
// account had before) is not adopted: like a lost answer, it leaves the
// field to be found in the list (field_pending.go), or the create
// unresolved (an UnresolvedFieldError).
func (c *Client) CreateCustomField(ctx context.Context, req CustomFieldRequest) (*CustomField, error) {
	before, err := c.ListCustomFields(ctx)
	if err != nil {
		return nil, err
	}
	pending := PendingField{Name: req.Name, Type: req.Type, Started: c.clock.Now()}
	for _, f := range before {
		pending.Before = append(pending.Before, f.ID)
	}
	r := request{method: http.MethodPost, path: "/api/contacts/fields", body: req, creates: createsContactField}
	env := envelope[CustomField]{}
	err = c.do(ctx, r, &env)
	if err == nil {
		problem := pending.answerProblem(env.Data)
		if problem == "" {
			return env.Data, nil
		}
		err = &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: &BadAnswerError{Method: r.method, Path: r.path, Problem: problem}}
	}
	var amb *AmbiguousCreateError
	if !errors.As(err, &amb) {
		return nil, err
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recoverTimeout)
	defer cancel()
	return c.resolveCustomField(rctx, pending, amb, fieldCreateTries)
}

// UpdateCustomField changes a field's name, description and visibility.
// Its answer must be the field asked for, with the name sent.
func (c *Client) UpdateCustomField(ctx context.Context, id int64, req CustomFieldRequest) (*CustomField, error) {
	req.Type = ""
	env := envelope[CustomField]{want: id}
	if err := c.do(ctx, request{method: http.MethodPatch, path: fieldPath(id), body: req}, &env); err != nil {
		return nil, err
	}
	if env.Data.Name != req.Name {
		return nil, &BadAnswerError{Method: http.MethodPatch, Path: fieldPath(id), Problem: fmt.Sprintf("it names "+
			"contact field %d %q, not %q as sent", id, env.Data.Name, req.Name)}
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
