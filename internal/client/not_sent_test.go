package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestCreateEndedInTheRateLimitWasNotSent: a create whose context ends
// while it waits for the client's own rate limit never left the machine:
// an ordinary error, not "may have created".
func TestCreateEndedInTheRateLimitWasNotSent(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	clk := newHeldClock()
	c := newClient(t, url, client.WithRequestsPerSecond(1), client.WithClock(clk))
	createCampaign(t, c) // logs in; the limit is now spent for a second
	// The next wait, the rate limit's, lasts until the create's context
	// ends, which it does while the create waits there.
	clk.hold()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-clk.held
		cancel()
	}()
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	if err == nil || client.IsAmbiguousCreate(err) {
		t.Fatalf("a create that never left the rate limit cannot have created anything; got %v", err)
	}
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("create requests = %d, want 1 (the setup's)", n)
	}
}

// TestCreateEndedWaitingForAConnectionWasNotSent: a create whose context
// ends while it waits for a connection (the transport's only one is busy)
// never left the machine either (GetConn without GotConn).
func TestCreateEndedWaitingForAConnectionWasNotSent(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	// The server holds a create while holding is set, until gate closes.
	var holding atomic.Bool
	arrived, gate := make(chan struct{}, 1), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if holding.Load() && r.Method == http.MethodPost {
			arrived <- struct{}{}
			<-gate
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	var release sync.Once
	open := func() { release.Do(func() { close(gate) }) }
	t.Cleanup(open) // before srv.Close, which waits for held handlers
	onGetConn := &connWatch{base: &http.Transport{MaxConnsPerHost: 1}}
	c := newClient(t, srv.URL, client.WithTransport(onGetConn))
	createCampaign(t, c) // logs in
	holding.Store(true)
	done := make(chan error, 1)
	go func() {
		_, err := c.CreateRCSCampaign(context.Background(), rcsRequest("380661231298"))
		done <- err
	}()
	<-arrived // the first create holds the transport's only connection
	// The second create's context ends as it asks for a connection.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	onGetConn.then(cancel)
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	if err == nil || client.IsAmbiguousCreate(err) {
		t.Fatalf("a create that never got a connection cannot have created anything; got %v", err)
	}
	open()
	if err := <-done; err != nil {
		t.Fatalf("the create holding the connection: %v", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("create requests = %d, want 2 (the setup's and the one holding the connection)", n)
	}
}

// TestResendOfAPendingCreateSendsOnlyTheSameRequest: a create whose answer
// never came (the platform dropped it unsent) is resolved in a later run
// by the guarded resend of the very same request, reference_ids included;
// a request that differs in any byte is not sent.
func TestResendOfAPendingCreateSendsOnlyTheSameRequest(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	createCampaign(t, c) // logs in
	sb.SetFaults(sandbox.Faults{CreateLatency: 10 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelOnceReceived(sb, 2, cancel) // the create reached the stand-in, which holds it
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	var amb *client.AmbiguousCreateError
	if !errors.As(err, &amb) || amb.Pending == nil || !amb.Pending.CanResend() {
		t.Fatalf("want an unresolved create that a resend can resolve, got %v", err)
	}
	sb.SetFaults(sandbox.Faults{})
	p := *amb.Pending
	other := rcsRequest("380661231298")
	other.Phones[0].ReferenceID = p.ReferenceIDs[0]
	if _, err := c.CreateRCSCampaign(client.WithResendOf(context.Background(), p), other); !errors.Is(err, client.ErrNotTheSameRequest) {
		t.Fatalf("a different request under WithResendOf: %v, want ErrNotTheSameRequest", err)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Fatalf("create requests = %d, want 2 (nothing sent for the different request)", n)
	}
	same := rcsRequest("380661231299")
	same.Phones[0].ReferenceID = p.ReferenceIDs[0]
	cp, err := c.CreateRCSCampaign(client.WithResendOf(context.Background(), p), same)
	if err != nil || cp == nil {
		t.Fatalf("the guarded resend: %v", err)
	}
	if ids := sb.CampaignIDs(); len(ids) != 2 || ids[1] != cp.ID || sb.CountCreates() != 3 {
		t.Errorf("campaigns %v, creates %d: want the setup's and %d, 3 creates", ids, sb.CountCreates(), cp.ID)
	}
}

// connWatch is a transport that calls a function when a request asks it
// for a connection (httptrace GetConn), once then has set one.
type connWatch struct {
	base    http.RoundTripper
	onAsked atomic.Pointer[func()]
}

func (w *connWatch) then(f func()) { w.onAsked.Store(&f) }

func (w *connWatch) RoundTrip(r *http.Request) (*http.Response, error) {
	if f := w.onAsked.Load(); f != nil {
		r = r.WithContext(httptrace.WithClientTrace(r.Context(), &httptrace.ClientTrace{GetConn: func(string) { (*f)() }}))
	}
	return w.base.RoundTrip(r)
}

// TestCreateEndedWaitingForItsLoginWasNotSent: the first create of a
// client starts the login, which the server holds; the create's context
// ends meanwhile. The create returns then, as never sent (it had no token
// to send with), without waiting for the login, which still lands for
// the client's later calls. Before, the create that started the login
// waited for it past its own deadline and was then taken as "may have
// created" (an apply under a slow rate limit left it unresolved).
func TestCreateEndedWaitingForItsLoginWasNotSent(t *testing.T) {
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	loginArrived, loginGate := make(chan struct{}, 1), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/auth/login" {
			select {
			case loginArrived <- struct{}{}:
				<-loginGate
			default:
			}
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	var open sync.Once
	release := func() { open.Do(func() { close(loginGate) }) }
	t.Cleanup(release)
	c := newClient(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-loginArrived
		cancel()
	}()
	// A watchdog lets the login go if the create waits for it, so that
	// the test fails instead of hanging.
	var released atomic.Bool
	watchdog := time.AfterFunc(10*time.Second, func() { released.Store(true); release() })
	_, err := c.CreateRCSCampaign(ctx, rcsRequest("380661231299"))
	watchdog.Stop()
	if released.Load() {
		t.Fatal("the create waited for the login it started past its own context")
	}
	var notSent *client.NotSentError
	if !errors.As(err, &notSent) {
		t.Fatalf("a create that never had a token cannot have created anything; got %v", err)
	}
	release()
	if n := sb.CountCreates(); n != 0 {
		t.Errorf("create requests = %d, want 0", n)
	}
	// The login lands for the next call.
	createCampaign(t, c)
	if n := sb.Count("POST /api/auth/login"); n != 1 {
		t.Errorf("logins = %d, want the one held", n)
	}
}
