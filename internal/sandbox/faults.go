package sandbox

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Faults are the failures the stand-in injects. The zero value injects none.
type Faults struct {
	// Latency delays every API answer; LatencyJitter adds up to that much
	// more at random.
	Latency       time.Duration `json:"latency_ns"`
	LatencyJitter time.Duration `json:"latency_jitter_ns"`
	// CreateLatency delays creates only, before anything is committed; a
	// client that gives up meanwhile leaves nothing created.
	CreateLatency time.Duration `json:"create_latency_ns"`
	// ErrorRate is the chance (0..1) that a read (GET) or a stop/renew answers
	// 503 before acting.
	ErrorRate float64 `json:"error_rate"`
	// NextErrors makes the next N reads or stops/renews answer 503.
	NextErrors int `json:"next_errors"`
	// TooManyRequests makes the next N authenticated non-create requests
	// answer 429 with Retry-After.
	TooManyRequests int `json:"too_many_requests"`
	// TooManyRequestsRate is the chance (0..1) of a 429 on those requests.
	TooManyRequestsRate float64 `json:"too_many_requests_rate"`
	// RetryAfter is the Retry-After of injected 429s (default 1s).
	RetryAfter time.Duration `json:"retry_after_ns"`
	// CreateAfterCommit answers the next CreateAfterCommitCount creates,
	// after the campaign is committed, with "drop" (connection closed, no
	// answer), "500" or "429"; "drop_before" closes the connection before
	// anything is committed.
	CreateAfterCommit      string `json:"create_after_commit"`
	CreateAfterCommitCount int    `json:"create_after_commit_count"`
	// CreateAnswerDelay holds every create's answer this long after the
	// campaign is committed (or until the client hangs up): the window in
	// which a killed Terraform or provider leaves a sent campaign that no
	// state records.
	CreateAnswerDelay time.Duration `json:"create_answer_delay_ns"`
	// StopMethodNotAllowed answers 405 to PUT .../stop (PATCH still works),
	// as a server that follows the OpenAPI file would. Same as StopMethod
	// "put_405".
	StopMethodNotAllowed bool `json:"stop_method_not_allowed"`
	// StopMethod sets which method .../stop answers to, for the readings of
	// the sources: "" both; "put_405" PUT answers 405 (the OpenAPI file and
	// the SMS pages say PATCH); "put_404" PUT answers 404 (a router that
	// knows no PUT route); "put_only" PATCH answers 405 (the seed's PUT).
	StopMethod string `json:"stop_method"`
	// RepeatedReference is the reading of "messages with a duplicate
	// reference_id will be rejected": "" or "request" refuses the whole
	// request with 422; "messages" drops only the repeated messages and
	// sends the rest (an empty campaign when none is left).
	RepeatedReference string `json:"repeated_reference"`
	// HideMessages makes the next N GET /api/messages answer an empty
	// list, as a platform that lists messages late.
	HideMessages int `json:"hide_messages"`
	// CompleteBeforeStop makes the next N campaigns that are asked to stop
	// finish sending just before the stop arrives, so the stop answers 422:
	// the race between a stop and the end of a campaign.
	CompleteBeforeStop int `json:"complete_before_stop"`
	// MessagesAnswer makes every GET /api/messages answer a malformed 200
	// while set: "null_data" answers {"data": null}, "no_data" answers {}.
	MessagesAnswer string `json:"messages_answer"`
	// HideNewFields makes the next N GET /api/contacts/fields leave out the
	// fields created after the faults were set: a list that lags behind
	// its creates.
	HideNewFields int `json:"hide_new_fields"`
	// FieldCreateAnswersOther answers the next N field creates, after the
	// field is committed, with another field of the account (the oldest):
	// an answer that describes something else than the request made.
	FieldCreateAnswersOther int `json:"field_create_answers_other"`
	// IgnoreContactListFilter makes GET /api/contacts ignore groups[] and
	// answer every contact of the book.
	IgnoreContactListFilter bool `json:"ignore_contact_list_filter"`
}

// SetFaults replaces the injected faults.
func (s *Sandbox) SetFaults(f Faults) {
	s.mu.Lock()
	s.faults = f
	s.fieldMark = s.nextFieldID
	s.mu.Unlock()
}

// Injected counts the faults injected so far by kind ("503", "429",
// "405", "create_drop", "create_500", "create_429").
func (s *Sandbox) Injected() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.injected {
		out[k] = v
	}
	return out
}

func isCreate(pattern string) bool {
	for _, k := range createKeys {
		if k == pattern {
			return true
		}
	}
	return false
}

// applyFaults writes an injected failure and reports true, or only delays.
func (s *Sandbox) applyFaults(w http.ResponseWriter, r *http.Request, pattern string) bool {
	s.mu.Lock()
	delay := s.faultDelay(pattern)
	status := s.faultStatus(pattern)
	if status != 0 {
		s.injected[strconv.Itoa(status)]++
	}
	retryAfter := s.faults.RetryAfter
	s.mu.Unlock()

	if delay > 0 && isCreate(pattern) {
		// Read the body first: the server then notices a client that hangs
		// up during the delay, and nothing is committed for it.
		if body, err := io.ReadAll(r.Body); err == nil {
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return true
		}
	}
	if status == 0 {
		return false
	}
	writeFault(w, r, status, retryAfter)
	return true
}

// faultDelay is the latency injected into this request; the caller holds
// s.mu.
func (s *Sandbox) faultDelay(pattern string) time.Duration {
	f := &s.faults
	delay := f.Latency
	if f.LatencyJitter > 0 {
		delay += time.Duration(s.rng.Int64N(int64(f.LatencyJitter)))
	}
	if isCreate(pattern) && f.CreateLatency > 0 {
		delay += f.CreateLatency
		s.injected["create_latency"]++
	}
	return delay
}

// faultStatus is the error status injected into this request, or 0; the
// caller holds s.mu. Creates get their faults after the commit
// (takeCreateFault) instead.
func (s *Sandbox) faultStatus(pattern string) int {
	f := &s.faults
	if status := stopMethodFault(pattern, f); status != 0 {
		return status
	}
	readOrStop := strings.HasPrefix(pattern, "GET ") || strings.HasSuffix(pattern, "/stop") || strings.HasSuffix(pattern, "/renew")
	limited := !strings.Contains(pattern, "/api/auth/") && !isCreate(pattern)
	switch {
	case readOrStop && f.NextErrors > 0:
		f.NextErrors--
		return http.StatusServiceUnavailable
	case readOrStop && f.ErrorRate > 0 && s.rng.Float64() < f.ErrorRate:
		return http.StatusServiceUnavailable
	case limited && f.TooManyRequests > 0:
		f.TooManyRequests--
		return http.StatusTooManyRequests
	case limited && f.TooManyRequestsRate > 0 && s.rng.Float64() < f.TooManyRequestsRate:
		return http.StatusTooManyRequests
	}
	return 0
}

// stopMethodFault is the answer of a stop under the readings of its
// method (StopMethod), or 0.
func stopMethodFault(pattern string, f *Faults) int {
	switch {
	case pattern == "PUT /api/campaigns/{id}/stop" && (f.StopMethodNotAllowed || f.StopMethod == "put_405"):
		return http.StatusMethodNotAllowed
	case pattern == "PUT /api/campaigns/{id}/stop" && f.StopMethod == "put_404":
		return http.StatusNotFound
	case pattern == "PATCH /api/campaigns/{id}/stop" && f.StopMethod == "put_only":
		return http.StatusMethodNotAllowed
	}
	return 0
}

// writeFault writes an injected error answer.
func writeFault(w http.ResponseWriter, r *http.Request, status int, retryAfter time.Duration) {
	switch status {
	case http.StatusMethodNotAllowed:
		allow := "PATCH"
		if r.Method == http.MethodPatch {
			allow = "PUT"
		}
		w.Header().Set("Allow", allow)
		writeJSON(w, status, map[string]string{"message": "Method Not Allowed"})
	case http.StatusNotFound:
		writeNotFound(w)
	case http.StatusTooManyRequests:
		if retryAfter <= 0 {
			retryAfter = time.Second
		}
		w.Header().Set("Retry-After", strconv.Itoa(int((retryAfter+time.Second-1)/time.Second)))
		writeJSON(w, status, map[string]string{"message": "Too many duplicate request detected"})
	default:
		writeJSON(w, status, map[string]string{"message": "Service Unavailable"})
	}
}

// takeHideMessages reports whether this message search answers empty; the
// caller holds s.mu.
func (s *Sandbox) takeHideMessages() bool {
	if s.faults.HideMessages <= 0 {
		return false
	}
	s.faults.HideMessages--
	s.injected["messages_hidden"]++
	return true
}

// takeCompleteBeforeStop reports whether this stop loses the race; the
// caller holds s.mu.
func (s *Sandbox) takeCompleteBeforeStop() bool {
	if s.faults.CompleteBeforeStop <= 0 {
		return false
	}
	s.faults.CompleteBeforeStop--
	s.injected["complete_before_stop"]++
	return true
}

// takeCreateFaultBefore reports a "drop_before" fault for this create.
func (s *Sandbox) takeCreateFaultBefore() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.CreateAfterCommitCount <= 0 || s.faults.CreateAfterCommit != "drop_before" {
		return false
	}
	s.faults.CreateAfterCommitCount--
	s.injected["create_drop_before"]++
	return true
}

// holdCreateAnswer waits out CreateAnswerDelay after a commit; false when
// the client hung up meanwhile (nothing is then written).
func (s *Sandbox) holdCreateAnswer(r *http.Request) bool {
	s.mu.Lock()
	d := s.faults.CreateAnswerDelay
	if d > 0 {
		s.injected["create_answer_delay"]++
	}
	s.mu.Unlock()
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		return false
	}
}

// takeCreateFault reports the after-commit fault for this create, if any.
func (s *Sandbox) takeCreateFault() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.CreateAfterCommitCount <= 0 || s.faults.CreateAfterCommit == "" || s.faults.CreateAfterCommit == "drop_before" {
		return ""
	}
	s.faults.CreateAfterCommitCount--
	mode := s.faults.CreateAfterCommit
	s.injected["create_"+mode]++
	return mode
}

// answerAfterCommit delivers an after-commit fault: the campaign exists, but
// the client learns nothing reliable about it.
func answerAfterCommit(w http.ResponseWriter, mode string) {
	switch mode {
	case "drop":
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	case "429":
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"message": "Too many duplicate request detected"})
	default:
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Server Error"})
	}
}

// takeMalformedMessages is the malformed answer of this message search
// (MessagesAnswer), or nil; the caller holds s.mu.
func (s *Sandbox) takeMalformedMessages() map[string]any {
	switch s.faults.MessagesAnswer {
	case "null_data":
		s.injected["messages_malformed"]++
		return map[string]any{"data": nil}
	case "no_data":
		s.injected["messages_malformed"]++
		return map[string]any{}
	}
	return nil
}

// takeHideNewFields reports whether this field list leaves out the fields
// created since the faults were set, and from which id; the caller holds
// s.mu.
func (s *Sandbox) takeHideNewFields() (int64, bool) {
	if s.faults.HideNewFields <= 0 {
		return 0, false
	}
	s.faults.HideNewFields--
	s.injected["fields_hidden"]++
	return s.fieldMark, true
}

// takeFieldAnswersOther reports whether this field create is answered
// with another field; the caller holds s.mu.
func (s *Sandbox) takeFieldAnswersOther() bool {
	if s.faults.FieldCreateAnswersOther <= 0 {
		return false
	}
	s.faults.FieldCreateAnswersOther--
	s.injected["field_answers_other"]++
	return true
}

// ignoresContactListFilter reports whether GET /api/contacts ignores
// groups[]; the caller holds s.mu.
func (s *Sandbox) ignoresContactListFilter() bool {
	if s.faults.IgnoreContactListFilter {
		s.injected["contact_list_filter_ignored"]++
	}
	return s.faults.IgnoreContactListFilter
}
