package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// What the client trusts of an answer, and where its credentials go. An
// answer that does not describe the object asked for is an error, never a
// zero object: a refresh that took {"data": null} for a campaign would
// write id "0" into the state.

// BadAnswerError is a 2xx answer that cannot be read as what was asked
// for: not JSON, the wrong shape, or an object other than the one asked
// for (no data, id 0 or another id, a required field missing).
type BadAnswerError struct {
	Method, Path string
	// Problem says what is wrong, in the API's field names.
	Problem string
}

func (e *BadAnswerError) Error() string {
	return fmt.Sprintf("the answer to %s %s cannot be used: %s", e.Method, e.Path, e.Problem)
}

// IsBadAnswer reports a 2xx answer that did not describe what was asked.
func IsBadAnswer(err error) bool {
	var b *BadAnswerError
	return errors.As(err, &b)
}

// checked is an API object that can tell whether an answer describes the
// one asked for (want, or any when want is 0): "" when it does.
type checked interface{ check(want int64) string }

// envelope is the {"data": {...}} answer of one object. want is the id
// asked for (0: any, as for a create).
type envelope[T any] struct {
	Data *T `json:"data"`
	want int64
}

func (e *envelope[T]) problem() string {
	if e.Data == nil {
		return "it has no data object"
	}
	if o, ok := any(e.Data).(checked); ok {
		return o.check(e.want)
	}
	return ""
}

// listPage is one page of a list answer, {"data": [...], ...}. Every
// object in it must be one (an id, its required fields).
type listPage[T any] struct {
	Data  *[]T  `json:"data"`
	Total int64 `json:"total"`
	Meta  struct {
		Page struct {
			Total int64 `json:"total"`
		} `json:"page"`
	} `json:"meta"`
}

func (p *listPage[T]) problem() string {
	if p.Data == nil {
		return "it has no data list"
	}
	for i := range *p.Data {
		msg := ""
		switch o := any(&(*p.Data)[i]).(type) {
		case checked:
			msg = o.check(0)
		case uuidChecked:
			msg = o.checkUUID("")
		}
		if msg != "" {
			return fmt.Sprintf("data[%d]: %s", i, msg)
		}
	}
	return ""
}

func (p *listPage[T]) items() []T {
	if p.Data == nil {
		return nil
	}
	return *p.Data
}

// checkID is the id rule every object shares.
func checkID(kind string, got, want int64) string {
	switch {
	case got <= 0:
		return fmt.Sprintf("the %s has no id (or id %d)", kind, got)
	case want != 0 && got != want:
		return fmt.Sprintf("it describes %s %d, not %d", kind, got, want)
	}
	return ""
}

// decodeAnswer decodes a 2xx answer into out and asks out, where it can,
// whether the answer describes what was asked for. Its errors speak of
// the answer's JSON, never of the client's Go types.
func decodeAnswer(r request, data []byte, out any) error {
	bad := func(problem string) error { return &BadAnswerError{Method: r.method, Path: r.path, Problem: problem} }
	if err := json.Unmarshal(data, out); err != nil {
		return bad(jsonProblem(data, err))
	}
	if p, ok := out.(interface{ problem() string }); ok {
		if msg := p.problem(); msg != "" {
			return bad(msg)
		}
	}
	return nil
}

// jsonProblem says what is wrong with an answer that did not decode.
func jsonProblem(data []byte, err error) string {
	trimmed := bytes.TrimSpace(data)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case len(trimmed) == 0:
		return "it is empty"
	case trimmed[0] == '<':
		return "it is an HTML page, not JSON (is endpoint the API's base URL?)"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &syntaxErr) && syntaxErr.Offset >= int64(len(data)):
		return "its JSON ends early (truncated)"
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("it is not valid JSON (at byte %d)", syntaxErr.Offset)
	case errors.As(err, &typeErr):
		where := typeErr.Field
		if where == "" {
			where = "the top level"
		}
		return fmt.Sprintf("%s is a JSON %s where %s belongs", where, typeErr.Value, jsonKind(typeErr.Type))
	}
	// A decoder of the client's own (alternative_channels, fields): its
	// message names the field; strip any Go detail the json package added.
	msg := err.Error()
	if i := strings.Index(msg, ": json: "); i >= 0 {
		msg = msg[:i] + " has the wrong shape"
	}
	return msg
}

// jsonKind names the JSON kind that a Go type decodes from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer (within 64 bits)"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "another kind of value"
}

// RedirectError is a redirect the client does not follow: to another
// scheme, host or port than the endpoint's (credentials go only to the
// endpoint), or one more than ten in a row.
type RedirectError struct {
	Method, Path string
	// To is the redirect's target, scheme and host only.
	To   string
	Loop bool
}

func (e *RedirectError) Error() string {
	if e.Loop {
		return fmt.Sprintf("%s %s was redirected more than 10 times (a redirect loop); last to %s", e.Method, e.Path, e.To)
	}
	return fmt.Sprintf("%s %s was redirected to %s, which is not the configured endpoint: the provider sends "+
		"credentials only to the endpoint, so it did not follow (if the API has moved there, set endpoint to it)",
		e.Method, e.Path, e.To)
}

// checkRedirect follows a redirect only within the endpoint's origin:
// Go's client drops the Authorization header on a redirect to another
// host, but not the body (a login's api_key), and the transport's own
// header would be added again. https to http is another origin too.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	r := requestFrom(req.Context())
	to := req.URL.Scheme + "://" + req.URL.Host
	if !sameOrigin(req.URL, c.endpoint) {
		return &RedirectError{Method: r.method, Path: r.path, To: to}
	}
	if len(via) >= 10 {
		return &RedirectError{Method: r.method, Path: r.path, To: to, Loop: true}
	}
	return nil
}

func isRedirect(err error) bool {
	var re *RedirectError
	return errors.As(err, &re)
}

// sameOrigin compares scheme, host and port (the scheme's default port
// when none is written).
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// ConnectionError is a request that could not reach the endpoint at all
// (connection refused, no such host): the endpoint is the thing to check.
type ConnectionError struct {
	Method, Path, Endpoint string
	Err                    error
}

func (e *ConnectionError) Error() string {
	return fmt.Sprintf("%s %s: could not connect to %s (%s)", e.Method, e.Path, e.Endpoint, rootCause(e.Err))
}

func (e *ConnectionError) Unwrap() error { return e.Err }

// IsConnectionError reports a request that never reached the endpoint.
func IsConnectionError(err error) bool {
	var ce *ConnectionError
	return errors.As(err, &ce)
}

// transportError wraps a request that got no HTTP answer.
func (c *Client) transportError(r request, err error) error {
	var authErr *authError
	if !mayHaveReachedServer(err) && !errors.As(err, &authErr) {
		return &ConnectionError{Method: r.method, Path: r.path, Endpoint: c.endpoint.String(), Err: err}
	}
	var re *RedirectError
	if errors.As(err, &re) {
		return re
	}
	return fmt.Errorf("%s %s: %w", r.method, r.path, err)
}

// rootCause is the innermost error's message: "connection refused", "no
// such host".
func rootCause(err error) string {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Err != nil {
		return opErr.Err.Error()
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "no such host " + dnsErr.Name
	}
	return err.Error()
}
