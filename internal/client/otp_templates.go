package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// 2FA message templates, as the OpenAPI file documents them (GET and POST
// /api/2fa/authentications/templates, GET and DELETE .../{templateId}):
// a template has a name (unique in the account), a text carrying the
// code placeholder {code2fa} exactly once, and countries; it is moderated
// (requested, then approved or rejected) and cannot be changed. The
// account's default template cannot be deleted.

// OTPTemplate is a 2FA message template.
type OTPTemplate struct {
	TemplateID int64    `json:"template_id"`
	Name       string   `json:"name"`
	Text       string   `json:"text"`
	Countries  []string `json:"countries"`
	// Status is requested, approved, rejected or deleted.
	Status string `json:"status"`
	// UpdatedAt is ISO 8601 (the only time the template carries).
	UpdatedAt string `json:"updated_at"`
	// Recovered says how a template whose create answer was lost was
	// found again; empty for a normal answer.
	Recovered string `json:"-"`
}

func (t *OTPTemplate) check(want int64) string {
	if msg := checkID("2FA template", t.TemplateID, want); msg != "" {
		return msg
	}
	if t.Name == "" {
		return fmt.Sprintf("2FA template %d has no name", t.TemplateID)
	}
	return ""
}

// OTPTemplateRequest is the body of POST /api/2fa/authentications/templates.
type OTPTemplateRequest struct {
	Name      string   `json:"name"`
	Text      string   `json:"text"`
	Countries []string `json:"countries,omitempty"`
}

// The statuses of a 2FA template (otp_template_status).
const (
	OTPTemplateRequested = "requested"
	OTPTemplateApproved  = "approved"
	OTPTemplateRejected  = "rejected"
	OTPTemplateDeleted   = "deleted"
)

// OTPCodePlaceholder is the variable a template's text must carry once.
const OTPCodePlaceholder = "{code2fa}"

// Sentences of the documented 422 answers about 2FA templates.
const (
	msgOTPNameTaken       = "User has a template with the identical name!"
	msgOTPDefaultTemplate = "Default template is not available for deletion"
)

const createsOTPTemplate = "a 2FA template"

// otpTemplatesPath is the templates' collection.
const otpTemplatesPath = "/api/2fa/authentications/templates"

func otpTemplatePath(id int64) string { return otpTemplatesPath + "/" + strconv.FormatInt(id, 10) }

// DuplicateOTPTemplateNameError is the API's refusal of a name another
// template of the account has. ExistingID is that template's id, when it
// could be found.
type DuplicateOTPTemplateNameError struct {
	Name       string
	ExistingID int64
	Err        error
}

func (e *DuplicateOTPTemplateNameError) Error() string {
	if e.ExistingID != 0 {
		return fmt.Sprintf("a 2FA template named %q already exists (id %d): %v", e.Name, e.ExistingID, e.Err)
	}
	return fmt.Sprintf("a 2FA template named %q already exists: %v", e.Name, e.Err)
}

func (e *DuplicateOTPTemplateNameError) Unwrap() error { return e.Err }

// DefaultOTPTemplateError is the API's refusal to delete the account's
// default template.
type DefaultOTPTemplateError struct {
	ID  int64
	Err error
}

func (e *DefaultOTPTemplateError) Error() string {
	return fmt.Sprintf("2FA template %d is the account's default template, which One-API does not delete: %v", e.ID, e.Err)
}

func (e *DefaultOTPTemplateError) Unwrap() error { return e.Err }

// hasSentence reports an API error whose errors list carries this sentence.
func hasSentence(err error, sentence string) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, m := range apiErr.Messages {
		if strings.EqualFold(strings.TrimSpace(m), sentence) {
			return true
		}
	}
	return false
}

// CreateOTPTemplate creates a template, which then waits for moderation.
// It is sent once; a taken name names the template that has it, and a lost
// answer is recovered by the name (createUnique): the template of that
// name is this create's when its updated_at (a template is never updated,
// so this is when it was made or last moderated) is no earlier than the
// create began, less the clock margin, and its text is the one asked for.
func (c *Client) CreateOTPTemplate(ctx context.Context, req OTPTemplateRequest) (*OTPTemplate, error) {
	return createUnique(ctx, c, uniqueCreate[OTPTemplate]{kind: "2FA template", name: req.Name,
		send: func() (*OTPTemplate, error) {
			env := envelope[OTPTemplate]{}
			if err := c.do(ctx, request{method: http.MethodPost, path: otpTemplatesPath, body: req, creates: createsOTPTemplate}, &env); err != nil {
				return nil, err
			}
			return env.Data, nil
		},
		taken: func(err error) bool { return hasSentence(err, msgOTPNameTaken) },
		find:  func() (*OTPTemplate, error) { return c.FindOTPTemplate(ctx, req.Name) },
		duplicate: func(t *OTPTemplate, err error) error {
			dup := &DuplicateOTPTemplateNameError{Name: req.Name, Err: err}
			if t != nil {
				dup.ExistingID = t.TemplateID
			}
			return dup
		},
		older: func(t *OTPTemplate, since time.Time) string {
			if changed, err := time.Parse(time.RFC3339, t.UpdatedAt); err != nil || changed.Before(since) || t.Text != req.Text {
				return fmt.Sprintf("a 2FA template named %q (id %d) already existed before the create", req.Name, t.TemplateID)
			}
			return ""
		},
		recovered: func(t *OTPTemplate, how string) { t.Recovered = how },
	})
}

// GetOTPTemplate reads a template. One whose status is "deleted" is a
// not-found error (IsNotFound), as an unknown id is: the list documents
// that status, so a GET may answer it for a template that is gone.
func (c *Client) GetOTPTemplate(ctx context.Context, id int64) (*OTPTemplate, error) {
	env := envelope[OTPTemplate]{want: id}
	path := otpTemplatePath(id)
	if err := c.do(ctx, request{method: http.MethodGet, path: path}, &env); err != nil {
		return nil, err
	}
	if env.Data.Status == OTPTemplateDeleted {
		return nil, &APIError{StatusCode: http.StatusNotFound, Method: http.MethodGet, Path: path, Message: "the template's status is deleted"}
	}
	return env.Data, nil
}

// DeleteOTPTemplate deletes a template. One already gone is not an error;
// the default template's refusal is a *DefaultOTPTemplateError.
func (c *Client) DeleteOTPTemplate(ctx context.Context, id int64) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: otpTemplatePath(id)}, nil)
	switch {
	case IsNotFound(err):
		return nil
	case hasSentence(err, msgOTPDefaultTemplate):
		return &DefaultOTPTemplateError{ID: id, Err: err}
	}
	return err
}

// otpTemplatePage is one page of the list: {"data": {"list": [...],
// "total": n}}.
type otpTemplatePage struct {
	Data *struct {
		List  *[]OTPTemplate `json:"list"`
		Total int64          `json:"total"`
	} `json:"data"`
}

func (p *otpTemplatePage) problem() string {
	if p.Data == nil || p.Data.List == nil {
		return "it has no data.list"
	}
	for i := range *p.Data.List {
		if msg := (*p.Data.List)[i].check(0); msg != "" {
			return fmt.Sprintf("data.list[%d]: %s", i, msg)
		}
	}
	return ""
}

// otpPageLimit is the most templates a page holds (page[limit] 10..500).
const otpPageLimit = 500

// EachOTPTemplate streams the account's templates, of one status when
// status is set, page by page, until yield returns false. Deleted ones are
// left out unless asked for by status.
func (c *Client) EachOTPTemplate(ctx context.Context, status string, yield func(*OTPTemplate) bool) error {
	for offset := 0; ; {
		q := url.Values{}
		q.Set("page[offset]", strconv.Itoa(offset))
		q.Set("page[limit]", strconv.Itoa(otpPageLimit))
		if status != "" {
			q.Set("filter[status]", status)
		}
		var page otpTemplatePage
		if err := c.do(ctx, request{method: http.MethodGet, path: otpTemplatesPath, query: q}, &page); err != nil {
			return err
		}
		items := *page.Data.List
		for i := range items {
			if items[i].Status == OTPTemplateDeleted && status != OTPTemplateDeleted {
				continue
			}
			if !yield(&items[i]) {
				return nil
			}
		}
		offset += len(items)
		if len(items) == 0 || int64(offset) >= page.Data.Total {
			return nil
		}
	}
}

// FindOTPTemplate returns the template of exactly this name, or nil.
func (c *Client) FindOTPTemplate(ctx context.Context, name string) (*OTPTemplate, error) {
	var found *OTPTemplate
	err := c.EachOTPTemplate(ctx, "", func(t *OTPTemplate) bool {
		if t.Name == name {
			found = t
			return false
		}
		return true
	})
	return found, err
}
