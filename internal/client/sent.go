package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
)

// sendState records, over every attempt of one API call, whether any byte
// of the request may have left the machine. A create that provably never
// left (it waited in the rate limit, or for a connection, when its context
// ended) made nothing: it is an ordinary error, not "may have created".
type sendState struct{ mayHaveSent atomic.Bool }

// keySendState carries a call's sendState in its context.
const keySendState ctxKey = 100

func withSendState(ctx context.Context) (context.Context, *sendState) {
	st := &sendState{}
	return context.WithValue(ctx, keySendState, st), st
}

func sendStateFrom(ctx context.Context) *sendState {
	st, _ := ctx.Value(keySendState).(*sendState)
	return st
}

// sendTraced sends one attempt and records in the call's sendState whether
// it may have left. Proof that it did not: the transport asked for a
// connection (GetConn) and never got one (GotConn), which net/http reports
// in this goroutine before it writes anything; an attempt that ends in
// the rate limit never reaches here (waitEndedError). Anything else,
// including a transport that reports no trace, may have sent it.
func sendTraced(base http.RoundTripper, req *http.Request) (*http.Response, error) {
	st := sendStateFrom(req.Context())
	if st == nil {
		return base.RoundTrip(req)
	}
	var asked, connected atomic.Bool
	trace := &httptrace.ClientTrace{
		GetConn: func(string) { asked.Store(true) },
		GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
	}
	resp, err := base.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
	if err == nil || !asked.Load() || connected.Load() {
		st.mayHaveSent.Store(true)
	}
	return resp, err
}

// neverSent reports a failed call none of whose attempts left the machine.
func neverSent(st *sendState, err error) bool {
	var ns *waitEndedError
	if st == nil {
		return errors.As(err, &ns)
	}
	return !st.mayHaveSent.Load()
}
