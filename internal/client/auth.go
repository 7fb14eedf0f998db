package client

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// tokenSource holds the one JWT of a provider process. Concurrent callers
// that find no valid token wait for the same login instead of each logging
// in: Terraform runs up to ten operations at once.
type tokenSource struct {
	client *Client
	apiKey string
	now    func() time.Time

	mu       sync.Mutex
	token    string
	expires  time.Time // zero when the JWT carries no exp claim
	obtained time.Time
	flight   *flight
	// refused is the platform's refusal of the credentials: once the key is
	// refused, no further login is tried in this process.
	refused *LoginError
}

type flight struct {
	done  chan struct{}
	token string
	err   error
}

func newTokenSource(c *Client, apiKey, token string, now func() time.Time) *tokenSource {
	ts := &tokenSource{client: c, apiKey: apiKey, now: now}
	if token != "" {
		ts.set(token)
	}
	return ts
}

func (ts *tokenSource) canLogin() bool { return ts.apiKey != "" }

// set stores a token; the caller holds mu or owns ts exclusively.
func (ts *tokenSource) set(token string) {
	heldSecrets.remember(token)
	ts.token = token
	ts.obtained = ts.now()
	ts.expires = jwtExpiry(token)
}

// fresh reports whether the token can be used without a refresh: it is
// refreshed once a fifth of its lifetime (at most a minute) remains.
func (ts *tokenSource) fresh() bool {
	if ts.token == "" {
		return false
	}
	if ts.expires.IsZero() {
		return true
	}
	margin := ts.expires.Sub(ts.obtained) / 5
	if margin > time.Minute {
		margin = time.Minute
	}
	return ts.now().Before(ts.expires.Add(-margin))
}

// Token returns a usable JWT, logging in or refreshing when needed.
func (ts *tokenSource) Token(ctx context.Context) (string, error) {
	ts.mu.Lock()
	if ts.refused != nil {
		err := ts.refused
		ts.mu.Unlock()
		return "", err
	}
	if ts.fresh() {
		t := ts.token
		ts.mu.Unlock()
		return t, nil
	}
	if f := ts.flight; f != nil {
		ts.mu.Unlock()
		select {
		case <-f.done:
			return f.token, f.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	ts.flight = f
	old, oldUsable := ts.token, ts.token != "" && (ts.expires.IsZero() || ts.now().Before(ts.expires))
	ts.mu.Unlock()

	// The flight runs on its own context so that one caller's cancellation
	// does not fail the others waiting for it; the caller that started it
	// waits for it as they do, until its own context ends (a create whose
	// time ran out waiting for the login never left).
	go ts.fly(context.WithoutCancel(ctx), f, old, oldUsable)
	select {
	case <-f.done:
		return f.token, f.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// fly logs in or refreshes for a flight, and lands it.
func (ts *tokenSource) fly(fctx context.Context, f *flight, old string, oldUsable bool) {
	var token string
	var err error
	if oldUsable {
		token, err = ts.client.refresh(fctx, old)
	}
	if !oldUsable || (err != nil && ts.canLogin()) {
		if !ts.canLogin() {
			err = errors.New("the configured token has expired and no api_key is configured to log in again")
		} else {
			token, err = ts.client.login(fctx, ts.apiKey)
		}
	}

	ts.mu.Lock()
	var loginErr *LoginError
	switch {
	case err == nil:
		ts.set(token)
	case errors.As(err, &loginErr):
		ts.refused = loginErr
	}
	f.token, f.err = token, err
	ts.flight = nil
	ts.mu.Unlock()
	close(f.done)
}

// invalidate forgets a token the server refused, unless another goroutine
// already replaced it.
func (ts *tokenSource) invalidate(token string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.token == token {
		ts.token = ""
	}
}

type tokenBody struct {
	Bearer string `json:"bearer"`
}

// LoginError is the platform's refusal of a login: the key was refused
// (401, 403, 422), or the endpoint has no login (404, 405). It is final for
// the process: trying again would be refused again.
type LoginError struct {
	Endpoint   string
	StatusCode int
	Message    string
}

// Error says what was refused, without the request's error chain.
func (e *LoginError) Error() string {
	if e.StatusCode == http.StatusNotFound || e.StatusCode == http.StatusMethodNotAllowed {
		return fmt.Sprintf("the login failed: %s answered %d %s to POST /api/auth/login, so it does not serve One-API "+
			"at that base URL", e.Endpoint, e.StatusCode, http.StatusText(e.StatusCode))
	}
	msg := fmt.Sprintf("One-API at %s refused the API key (%d %s", e.Endpoint, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return Mask(msg + ")")
}

// KeyRefused reports a refused key, as opposed to an endpoint without a
// login.
func (e *LoginError) KeyRefused() bool {
	return e.StatusCode != http.StatusNotFound && e.StatusCode != http.StatusMethodNotAllowed
}

// IsLoginRefused reports whether err is, or wraps, a LoginError.
func IsLoginRefused(err error) bool {
	var le *LoginError
	return errors.As(err, &le)
}

// login exchanges the API key for a JWT: POST /api/auth/login.
func (c *Client) login(ctx context.Context, apiKey string) (string, error) {
	var tb tokenBody
	err := c.do(ctx, request{method: http.MethodPost, path: "/api/auth/login", body: map[string]string{"api_key": apiKey}, noAuth: true}, &tb)
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusUnauthorized, http.StatusForbidden, http.StatusUnprocessableEntity, http.StatusNotFound, http.StatusMethodNotAllowed:
			return "", &LoginError{Endpoint: c.endpoint.String(), StatusCode: apiErr.StatusCode, Message: apiErr.Message}
		}
	}
	if err != nil {
		return "", fmt.Errorf("logging in to %s: %w", c.endpoint, err)
	}
	if tb.Bearer == "" {
		return "", fmt.Errorf("logging in to %s: the answer carried no bearer token", c.endpoint)
	}
	return tb.Bearer, nil
}

// refresh exchanges a valid JWT for a new one: POST /api/auth/refresh.
func (c *Client) refresh(ctx context.Context, token string) (string, error) {
	var tb tokenBody
	err := c.do(ctx, request{method: http.MethodPost, path: "/api/auth/refresh", bearer: token}, &tb)
	if err != nil {
		return "", fmt.Errorf("refreshing the token at %s: %w", c.endpoint, err)
	}
	if tb.Bearer == "" {
		return "", fmt.Errorf("refreshing the token at %s: the answer carried no bearer token", c.endpoint)
	}
	return tb.Bearer, nil
}

// jwtExpiry reads the exp claim of a JWT without verifying it; the zero time
// means unknown.
func jwtExpiry(token string) time.Time {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return time.Time{}
	}
	exp, err := claims.Exp.Float64()
	if err != nil || exp <= 0 {
		return time.Time{}
	}
	return time.Unix(int64(exp), 0)
}
