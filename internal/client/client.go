// Package client speaks the One-API REST API: authentication, campaigns and
// their life cycle. It has no Terraform framework imports.
package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// DefaultEndpoint is the base URL the seed documentation names.
const DefaultEndpoint = "https://one-api.wwt.world"

// Client is a One-API client. It is safe for concurrent use; every goroutine
// shares one login.
type Client struct {
	endpoint      *url.URL
	zone          *time.Location
	clock         clock.Clock
	http          *retryablehttp.Client
	auth          *tokenSource
	stopWithPatch atomic.Bool
	retries       atomic.Int64
	// journal records campaign creates in flight (journal.go); nil keeps none.
	journal *journal
	// pageReads is the page-backed refresh's state (refresh.go).
	pageReads refresher
	// links and tariffs answer the reads of one plan or refresh from one
	// listing (listing.go).
	links   listing[ShortLink]
	tariffs listing[Tariff]
}

type config struct {
	endpoint       string
	apiKey         string
	token          string
	userAgent      string
	maxRetries     int
	retryWaitMin   time.Duration
	retryWaitMax   time.Duration
	requestTimeout time.Duration
	rps            float64
	zone           *time.Location
	clock          clock.Clock
	baseTransport  http.RoundTripper
	journalDir     string
}

// Option configures a Client.
type Option func(*config)

// WithEndpoint sets the base URL, e.g. https://one-api.bsg.world.
func WithEndpoint(endpoint string) Option { return func(c *config) { c.endpoint = endpoint } }

// WithAPIKey sets the key that POST /api/auth/login exchanges for a JWT.
func WithAPIKey(key string) Option { return func(c *config) { c.apiKey = key } }

// WithToken sets a pre-issued JWT. With an API key as well, the key is used
// to log in again when the token expires or is refused.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option { return func(c *config) { c.userAgent = ua } }

// WithMaxRetries sets how often a retryable request is repeated.
func WithMaxRetries(n int) Option { return func(c *config) { c.maxRetries = n } }

// WithRetryWait sets the bounds of the jittered backoff between retries. A
// Retry-After header from the server takes precedence.
func WithRetryWait(lo, hi time.Duration) Option {
	return func(c *config) { c.retryWaitMin, c.retryWaitMax = lo, hi }
}

// WithRequestTimeout bounds each single HTTP attempt.
func WithRequestTimeout(d time.Duration) Option { return func(c *config) { c.requestTimeout = d } }

// WithRequestsPerSecond limits the requests this client sends, retries and
// logins included; 0 means no limit.
func WithRequestsPerSecond(rps float64) Option { return func(c *config) { c.rps = rps } }

// WithTimeZone sets the account's time zone: the zone in which One-API
// reads start_at and the list filters and writes its yyyy-mm-dd hh:mm:ss
// times. The platform does not document it; the default is UTC.
func WithTimeZone(zone *time.Location) Option { return func(c *config) { c.zone = zone } }

// WithClock sets the clock for token expiry, the list window and every
// wait of the client: the rate limit, the backoff between retries and the
// polling of a lost create's recovery (tests inject a fake one).
func WithClock(c clock.Clock) Option { return func(cfg *config) { cfg.clock = c } }

// WithTransport replaces the underlying HTTP transport (tests).
func WithTransport(rt http.RoundTripper) Option { return func(c *config) { c.baseTransport = rt } }

// New builds a client. It makes no network call: the first request logs in.
func New(opts ...Option) (*Client, error) {
	cfg := config{
		endpoint:       DefaultEndpoint,
		userAgent:      "terraform-provider-oneapi",
		maxRetries:     4,
		retryWaitMin:   500 * time.Millisecond,
		retryWaitMax:   30 * time.Second,
		requestTimeout: 60 * time.Second,
		zone:           time.UTC,
		clock:          clock.Real(),
	}
	for _, o := range opts {
		o(&cfg)
	}
	u, err := ParseEndpoint(cfg.endpoint)
	if err != nil {
		return nil, err
	}
	if cfg.apiKey == "" && cfg.token == "" {
		return nil, errors.New("an API key or a token is required")
	}
	if cfg.baseTransport == nil {
		cfg.baseTransport = cleanhttp.DefaultPooledTransport()
	}
	heldSecrets.remember(cfg.apiKey)
	heldSecrets.remember(cfg.token)
	c := &Client{endpoint: u, zone: cfg.zone, clock: cfg.clock, journal: newJournal(cfg.journalDir, cfg.clock.Now)}
	c.auth = newTokenSource(c, cfg.apiKey, cfg.token, cfg.clock.Now)
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Timeout:       cfg.requestTimeout,
		Transport:     &transport{base: cfg.baseTransport, auth: c.auth, pacer: newPacer(cfg.rps, cfg.clock), userAgent: cfg.userAgent, origin: u},
		CheckRedirect: c.checkRedirect,
	}
	rc.Logger = nil
	rc.RetryMax = cfg.maxRetries
	rc.RetryWaitMin, rc.RetryWaitMax = cfg.retryWaitMin, cfg.retryWaitMax
	rc.CheckRetry = c.checkRetry
	// The wait between attempts is the client's clock's (waitRetry), not
	// retryablehttp's timer: Backoff says "at once", and PrepareRetry,
	// which runs after that, waits what checkRetry chose.
	rc.Backoff = func(time.Duration, time.Duration, int, *http.Response) time.Duration { return 0 }
	rc.PrepareRetry = c.waitRetry
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.RequestLogHook = logRequest
	rc.ResponseLogHook = logResponse
	c.http = rc
	return c, nil
}

// ParseEndpoint checks that an endpoint is an absolute http(s) URL. Its
// errors never repeat an endpoint that carries credentials.
func ParseEndpoint(endpoint string) (*url.URL, error) {
	shown := strconv.Quote(endpoint)
	if strings.Contains(endpoint, "@") {
		shown = "(not repeated here: it carries credentials)"
	}
	u, err := url.Parse(strings.TrimRight(endpoint, "/"))
	if err != nil {
		return nil, fmt.Errorf("endpoint %s is not a URL", shown)
	}
	if u.User != nil {
		return nil, fmt.Errorf("endpoint %s must not carry credentials (user:password@); give the key as api_key", shown)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("endpoint %s must be an absolute http:// or https:// URL", shown)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("endpoint %s must not carry a query or a fragment", shown)
	}
	return u, nil
}

// IsLoopback reports an endpoint on this machine (localhost, 127.0.0.0/8,
// ::1), where plain http:// does not send the key over a network.
func IsLoopback(u *url.URL) bool {
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TimeLayout is how One-API writes and reads times: yyyy-mm-dd hh:mm:ss,
// in the account's zone.
const TimeLayout = "2006-01-02 15:04:05"

// TimeZone is the account's time zone (WithTimeZone).
func (c *Client) TimeZone() *time.Location { return c.zone }

// FormatTime writes t as One-API reads times: TimeLayout in the account's
// zone; "" for the zero time.
func (c *Client) FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.zone).Format(TimeLayout)
}

// ParseTime reads a time as One-API writes it: yyyy-mm-dd hh:mm:ss in the
// account's time zone.
func (c *Client) ParseTime(s string) (time.Time, error) {
	return time.ParseInLocation(TimeLayout, s, c.zone)
}

// parseAnyTime reads a time as the examples write it (ParseTime) or as
// the schemas type it (format date-time, RFC 3339:
// 2000-01-23T04:56:07.000+00:00): the sources disagree, and a recovery
// that decides by a creation time must read both.
func (c *Client) parseAnyTime(s string) (time.Time, error) {
	if t, err := c.ParseTime(s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// Endpoint is the base URL the client talks to.
func (c *Client) Endpoint() string { return c.endpoint.String() }

// Retries counts the retries this client has made (for reports).
func (c *Client) Retries() int64 { return c.retries.Load() }

// request describes one API call.
type request struct {
	method string
	path   string
	query  url.Values
	body   any
	// creates names what a create call makes (createsCampaign, ...): such
	// a call is never repeated once it may have reached the server; ""
	// for every other call.
	creates string
	// unguarded marks a create that nothing can resolve once it is
	// refused or its answer lost (no reference_id guards it): it goes
	// alone, on a clear line (pacer.waitClear).
	unguarded bool
	// noAuth skips the Authorization header (login); bearer sets it
	// explicitly (refresh).
	noAuth bool
	bearer string
	// once: never retried (ListOptions.once).
	once bool
}

type ctxKey int

const (
	keyRequest ctxKey = iota
	keyRetryState
)

// retryState is one call's retries: checkRetry counts them and chooses the
// wait before the next attempt (backoff), which waitRetry waits on the
// client's clock. retryablehttp calls both from the call's own goroutine.
type retryState struct {
	retries int
	wait    time.Duration
}

func requestFrom(ctx context.Context) request {
	r, _ := ctx.Value(keyRequest).(request)
	return r
}

// maxAnswer is the largest answer read: more than any page of 500
// objects, less than would strain the provider's memory.
const maxAnswer = 32 << 20

// do sends one API call with retries and decodes a 2xx answer into out.
// An out with a problem method (envelope, listPage) is asked, after
// decoding, whether the answer describes what was asked for.
func (c *Client) do(ctx context.Context, r request, out any) error {
	ctx, sent := withSendState(ctx)
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		err = masked(err) // a transport error may quote what the server sent
		var authErr *authError
		if r.creates != "" && mayHaveReachedServer(err) && !errors.As(err, &authErr) && !isRedirect(err) {
			if neverSent(sent, err) {
				return &NotSentError{Method: r.method, Path: r.path, Err: err}
			}
			return &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: err}
		}
		return c.transportError(r, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err == nil && len(data) > maxAnswer {
		err = fmt.Errorf("the answer is larger than the %d MiB the provider reads", maxAnswer>>20)
	}
	if err != nil {
		if r.creates != "" {
			return &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: err}
		}
		return fmt.Errorf("reading the answer to %s %s: %w", r.method, r.path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newAPIError(r.method, r.path, resp.StatusCode, data)
		if r.creates != "" && (resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests) {
			return &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: apiErr}
		}
		return apiErr
	}
	if out == nil {
		return nil
	}
	err = masked(decodeAnswer(r, data, out))
	if err != nil && r.creates != "" {
		// The API said yes but what it made cannot be read: it may exist.
		return &AmbiguousCreateError{Method: r.method, Path: r.path, Object: r.creates, Err: err}
	}
	return err
}

// newRequest builds the HTTP request of an API call, carrying the call and
// its retryState in its context for checkRetry and waitRetry.
func (c *Client) newRequest(ctx context.Context, r request) (*retryablehttp.Request, error) {
	ctx = WithLogMasks(ctx)
	ctx = context.WithValue(ctx, keyRequest, r)
	ctx = context.WithValue(ctx, keyRetryState, &retryState{})
	u := *c.endpoint
	u.Path = strings.TrimRight(u.Path, "/") + r.path
	if r.query != nil {
		u.RawQuery = r.query.Encode()
	}
	var body any
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("encoding %s %s: %w", r.method, r.path, err)
		}
		body = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// checkRetry decides whether an attempt is repeated. Every call but a
// create (reads, stop, renew, login, refresh) is repeated on transport
// errors, 429 and 5xx other than 501. A create is repeated
// only when no byte of it can have left (the connection could not be
// opened: sent.go): anything later may have created the object, and a
// second campaign create would send every message twice.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	retry := c.shouldRetry(ctx, resp, err)
	if retry {
		c.retries.Add(1)
		if st, _ := ctx.Value(keyRetryState).(*retryState); st != nil {
			st.wait = backoff(c.http.RetryWaitMin, c.http.RetryWaitMax, st.retries, resp, c.clock.Now())
			st.retries++
		}
	}
	return retry, nil
}

// shouldRetry is checkRetry's decision.
func (c *Client) shouldRetry(ctx context.Context, resp *http.Response, err error) bool {
	r := requestFrom(ctx)
	if r.once {
		return false
	}
	if r.creates != "" {
		return err != nil && (!mayHaveReachedServer(err) || neverSent(sendStateFrom(ctx), err))
	}
	var authErr *authError
	if errors.As(err, &authErr) || isRedirect(err) {
		// Login has its own retries; a refused key is not retried, nor a
		// redirect the client will not follow.
		return false
	}
	retry, _ := retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	return retry && (resp == nil || resp.StatusCode != http.StatusNotImplemented)
}

// waitRetry waits, on the client's clock, the backoff checkRetry chose
// before a call's next attempt; an ended context ends the call with its
// error, as retryablehttp's own wait did.
func (c *Client) waitRetry(req *http.Request) error {
	st, _ := req.Context().Value(keyRetryState).(*retryState)
	if st == nil {
		return nil
	}
	return c.clock.Sleep(req.Context(), st.wait)
}

// mayHaveReachedServer is false only for failures before any byte was sent:
// dialling (connection refused, DNS).
func mayHaveReachedServer(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return false
	}
	var dnsErr *net.DNSError
	return !errors.As(err, &dnsErr)
}

// MaxRetryAfter caps the wait a Retry-After header can ask for: a server
// that asks for an hour does not hold an apply for an hour; the retry comes
// after at most this long, plus its jitter (and fails again if the server still refuses).
const MaxRetryAfter = time.Minute

// backoff honours Retry-After on 429 and 503, the two answers that carry it
// by meaning, capped at MaxRetryAfter, plus a random part (jittered) so
// that requests refused together do not return together; every other retry doubles from min
// with each attempt, capped at max, and waits a random time between half
// and all of that ("equal jitter"). A Retry-After date is read from now.
func backoff(lo, hi time.Duration, attempt int, resp *http.Response, now time.Time) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), now); ok {
			return jittered(min(d, MaxRetryAfter))
		}
	}
	d := lo
	for i := 0; i < attempt && d < hi; i++ {
		d *= 2
	}
	if d > hi {
		d = hi
	}
	half := d / 2
	return half + time.Duration(mrand.Int64N(int64(half)+1)) //nolint:gosec // jitter, not a secret
}

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date
// (the wait from now).
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

// transport adds the User-Agent and the JWT, honours the rate limit and, on
// a 401, logs in again and repeats the request once. The JWT goes only to
// the endpoint's own scheme, host and port (origin): checkRedirect follows
// no redirect elsewhere, and this holds even if it did.
type transport struct {
	base      http.RoundTripper
	auth      *tokenSource
	pacer     *pacer
	userAgent string
	origin    *url.URL
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	r := requestFrom(ctx)
	req = req.Clone(ctx)
	req.Header.Set("User-Agent", t.userAgent)
	if r.noAuth || !sameOrigin(req.URL, t.origin) {
		req.Header.Del("Authorization")
		return t.send(req)
	}
	if r.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+r.bearer)
		return t.send(req)
	}
	var token string
	var resp *http.Response
	var err error
	if r.unguarded {
		resp, token, err = t.sendClear(req)
	} else {
		// The turn in the pacer comes before the token: a token taken
		// before a long wait in it could expire there (the stand-in's 60 s
		// JWTs under a slow limit were refused as expired).
		if err := t.pacer.wait(ctx); err != nil {
			return nil, err
		}
		if token, err = t.auth.Token(ctx); err != nil {
			return nil, &authError{err}
		}
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err = t.sendNow(req)
	}
	if err != nil || resp.StatusCode != http.StatusUnauthorized || !t.auth.canLogin() {
		return resp, err
	}
	// The JWT was refused (expired early, revoked): log in once more and
	// repeat this request once. A 401 means the server did not act.
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	t.auth.invalidate(token)
	replay := req.Clone(ctx)
	if req.GetBody != nil {
		if replay.Body, err = req.GetBody(); err != nil {
			return nil, err
		}
	}
	if r.unguarded {
		resp, _, err = t.sendClear(replay)
		return resp, err
	}
	if err := t.pacer.wait(ctx); err != nil {
		return nil, err
	}
	if token, err = t.auth.Token(ctx); err != nil {
		return nil, &authError{err}
	}
	replay.Header.Set("Authorization", "Bearer "+token)
	return t.sendNow(replay)
}

// authError is a failure to obtain a JWT, carried through the transport.
type authError struct{ err error }

func (e *authError) Error() string { return e.err.Error() }
func (e *authError) Unwrap() error { return e.err }

// sendClear sends a create that nothing guards (request.unguarded) alone,
// on a clear line (pacer.waitClear): the client's next request leaves only
// once this one has been written. Its JWT is taken before its turn, which
// a login would need.
func (t *transport) sendClear(req *http.Request) (*http.Response, string, error) {
	ctx := req.Context()
	leave, err := t.pacer.enterClear(ctx)
	if err != nil {
		return nil, "", err
	}
	defer leave()
	token, err := t.auth.Token(ctx)
	if err != nil {
		return nil, "", &authError{err}
	}
	held, err := t.pacer.waitClear(ctx)
	if err != nil {
		return nil, "", err
	}
	release := sync.OnceFunc(held)
	defer release()
	req = req.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { release() },
	}))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := t.sendNow(req)
	return resp, token, err
}

// send waits for the request's turn in the pacer, then sends it.
func (t *transport) send(req *http.Request) (*http.Response, error) {
	if err := t.pacer.wait(req.Context()); err != nil {
		return nil, err
	}
	return t.sendNow(req)
}

// sendNow sends a request whose turn has come; a 429 slows the pacer.
func (t *transport) sendNow(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		// Its time ran out before it was sent (waiting for its turn or
		// its token): it never left.
		return nil, &waitEndedError{err}
	}
	resp, err := sendTraced(t.base, req)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		t.pacer.refused()
	}
	return resp, err
}
