package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// APIError is an error answer from One-API: any status outside 2xx.
type APIError struct {
	StatusCode  int
	Method      string
	Path        string
	Message     string
	FieldErrors map[string][]string
	// Messages are the errors of an answer that writes them as a list of
	// sentences (the 2FA calls: "errors": ["Template not found"]).
	Messages []string
}

// Error renders the status, the request and the API's own message.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "One-API answered %d %s to %s %s", e.StatusCode, http.StatusText(e.StatusCode), e.Method, e.Path)
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	for _, f := range e.SortedFields() {
		fmt.Fprintf(&b, "; %s: %s", f, strings.Join(e.FieldErrors[f], ", "))
	}
	for _, m := range e.Messages {
		fmt.Fprintf(&b, "; %s", m)
	}
	return Mask(b.String())
}

// SortedFields lists the fields named by a 422 answer in a stable order.
func (e *APIError) SortedFields() []string {
	fields := make([]string, 0, len(e.FieldErrors))
	for f := range e.FieldErrors {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	return fields
}

// IsNotFound reports whether err is a 404 answer from One-API.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsUnauthorized reports whether err is a 401 answer from One-API.
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

// IsUnprocessable reports whether err is a 422 answer (validation or an
// invalid campaign status).
func IsUnprocessable(err error) bool { return hasStatus(err, http.StatusUnprocessableEntity) }

func hasStatus(err error, code int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == code
}

// What a create request makes, as AmbiguousCreateError names it.
const (
	createsCampaign     = "a campaign"
	createsContactList  = "a contact list"
	createsContact      = "a contact"
	createsContactField = "a contact field"
)

// AmbiguousCreateError says that a create request may have reached One-API
// and so a campaign, contact list or contact may exist although no answer
// was read. It is never retried blindly: creating a campaign sends real
// messages.
type AmbiguousCreateError struct {
	Method string
	Path   string
	// Object is what the request creates: "a campaign", "a contact list"
	// or "a contact".
	Object string
	Err    error
	// Detail tells what the search for the campaign found.
	Detail string
	// Candidates are campaigns that may be the one created.
	Candidates []Campaign
	// Pending is what a later run needs to look for a campaign again (nil
	// for contact lists and contacts, whose creates are recovered at once).
	Pending *PendingCreate
}

// Error says what may have happened and what the caller should do.
func (e *AmbiguousCreateError) Error() string {
	why := ""
	if e.Object == createsCampaign {
		why = ", so that no messages are sent twice"
	}
	msg := fmt.Sprintf("%s %s may have reached One-API and created %s, but no answer was read (%v); "+
		"it was not sent blindly again%s", e.Method, e.Path, e.Object, e.Err, why)
	if e.Detail != "" {
		msg += "; " + e.Detail
	}
	return msg
}

// Unwrap returns the transport error or error answer.
func (e *AmbiguousCreateError) Unwrap() error { return e.Err }

// IsAmbiguousCreate reports whether err says that an object may have been
// created without the client knowing its id.
func IsAmbiguousCreate(err error) bool {
	var amb *AmbiguousCreateError
	return errors.As(err, &amb)
}

// errorBody is the API's error envelope. "errors" is either an object of
// field -> messages or an empty array.
type errorBody struct {
	Message string          `json:"message"`
	Errors  json.RawMessage `json:"errors"`
}

func newAPIError(method, path string, status int, body []byte) *APIError {
	apiErr := &APIError{StatusCode: status, Method: method, Path: path}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		// Masked before it is cut, so that no part of a secret is left.
		apiErr.Message = strings.TrimSpace(string(truncate([]byte(Mask(string(body))), 200)))
		return apiErr
	}
	apiErr.Message = Mask(eb.Message)
	raw := bytes.TrimSpace(eb.Errors)
	if len(raw) > 0 && raw[0] == '[' {
		apiErr.Messages = maskAll(decodeMessages(raw))
	}
	if len(raw) > 0 && raw[0] == '{' {
		fields := map[string]json.RawMessage{}
		if json.Unmarshal(raw, &fields) == nil {
			apiErr.FieldErrors = make(map[string][]string, len(fields))
			for f, v := range fields {
				apiErr.FieldErrors[Mask(f)] = maskAll(decodeMessages(v))
			}
		}
	}
	return apiErr
}

// decodeMessages accepts a list of strings or a single string.
func decodeMessages(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	return []string{string(raw)}
}

func maskAll(list []string) []string {
	for i := range list {
		list[i] = Mask(list[i])
	}
	return list
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// fieldNames are the names of a create request's fields, longest first, so
// that an undotted key splits at the right places ("validity_seconds"
// before "validity").
var fieldNames = []string{
	"alternative_channel", "add_to_contact_book", "validity_seconds", "check_stop_list", "postback_data",
	"transliterate", "reference_id", "suggestions", "tariff_code", "start_at", "validity", "options", "message",
	"messages", "phones", "groups", "sender", "number", "cards", "title", "media", "phone", "text", "type", "url", "sms",
	"recipients", "channels", "channel", "viber", "rcs", "image_url", "button_caption", "link_url", "template", "language",
	"code", "components", "sub_type", "index", "parameters", "payload", "name", "dry_run", "unsubscribe_caption", "short_links",
}

func init() { addFieldNames() }

// addFieldNames adds the field names of a channel's request (from its
// file's init) and keeps them longest first.
func addFieldNames(names ...string) {
	fieldNames = append(fieldNames, names...)
	sort.SliceStable(fieldNames, func(i, j int) bool { return len(fieldNames[i]) > len(fieldNames[j]) })
}

// FieldPath splits the key of a 422 field error into the request's path.
// One-API writes it without dots, as in the OpenAPI file's example
// "messages0phone" (messages.0.phone); the dotted form is taken too.
// A key it cannot split comes back whole.
func FieldPath(key string) []string {
	if strings.Contains(key, ".") {
		return strings.Split(key, ".")
	}
	var parts []string
	for rest := key; rest != ""; {
		if n := len(rest) - len(strings.TrimLeft(rest, "0123456789")); n > 0 {
			parts, rest = append(parts, rest[:n]), rest[n:]
			continue
		}
		matched := false
		for _, name := range fieldNames {
			if strings.HasPrefix(rest, name) {
				parts, rest, matched = append(parts, name), rest[len(name):], true
				break
			}
		}
		if !matched {
			return []string{key}
		}
	}
	return parts
}

// NotSentError is a create that provably never left the machine (it was
// waiting for the rate limit or for a connection when its context ended):
// it created nothing, and sending it later is a first send.
type NotSentError struct {
	Method, Path string
	Err          error
}

func (e *NotSentError) Error() string {
	return fmt.Sprintf("%s %s was not sent, so it created nothing: %v", e.Method, e.Path, e.Err)
}

func (e *NotSentError) Unwrap() error { return e.Err }
