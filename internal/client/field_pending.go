package client

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A contact field create whose outcome is unknown: its answer was lost,
// or described another field. A field carries nothing of the request but
// its name and type, so it is found as the one field of that name and
// type that the account did not have before the create; the list may show
// it late, so the search waits, within bounds. Two or more such fields, or
// none, leave the create unresolved: the caller keeps the PendingField and
// looks again later, and never sends the create again on its own.

// fieldCreateTries is how often a create looks for its field, backing off
// from a second to fieldLagMax between looks.
const (
	fieldCreateTries = 5
	fieldLagMax      = 4 * time.Second
)

// PendingField identifies a field create whose outcome is unknown.
type PendingField struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Before are the ids of the account's fields listed before the create.
	Before  []int64   `json:"before"`
	Started time.Time `json:"started"`
}

// answerProblem says why a create's answer is not the field the create
// made, or "".
func (p PendingField) answerProblem(f *CustomField) string {
	switch {
	case f.Name != p.Name || f.Type != p.Type:
		return fmt.Sprintf("it describes contact field %d named %q of type %q, not the %q of type %q that was sent", f.ID, f.Name, f.Type, p.Name, p.Type)
	case slices.Contains(p.Before, f.ID):
		return fmt.Sprintf("it describes contact field %d, which the account had before the create", f.ID)
	}
	return ""
}

// made are the fields of the list that the create may have made.
func (p PendingField) made(all []CustomField) []CustomField {
	var out []CustomField
	for _, f := range all {
		if !slices.Contains(p.Before, f.ID) && f.Name == p.Name && f.Type == p.Type {
			out = append(out, f)
		}
	}
	return out
}

// UnresolvedFieldError is a field create whose outcome could not be told.
type UnresolvedFieldError struct {
	*AmbiguousCreateError
	Pending PendingField
	// Candidates are the new fields of the name and type, when more than
	// one appeared.
	Candidates []CustomField
}

func (e *UnresolvedFieldError) Unwrap() error { return e.AmbiguousCreateError }

// CandidateIDs lists the candidates' ids, comma-separated.
func (e *UnresolvedFieldError) CandidateIDs() string {
	ids := make([]string, len(e.Candidates))
	for i, f := range e.Candidates {
		ids[i] = strconv.FormatInt(f.ID, 10)
	}
	return strings.Join(ids, ", ")
}

// FindPendingField looks for the field of a pending create up to tries
// times: the one new field of its name and type (Recovered says so), or
// the candidates when there are several, or neither when none is listed.
func (c *Client) FindPendingField(ctx context.Context, p PendingField, tries int) (*CustomField, []CustomField, error) {
	delay := time.Second
	for i := 0; i < tries && ctx.Err() == nil; i++ {
		all, err := c.ListCustomFields(ctx)
		if err != nil {
			return nil, nil, err
		}
		switch made := p.made(all); len(made) {
		case 0:
		case 1:
			made[0].Recovered = fmt.Sprintf("found as the one new field named %q of type %s", p.Name, p.Type)
			return &made[0], nil, nil
		default:
			return nil, made, nil
		}
		if i < tries-1 {
			_ = c.clock.Sleep(ctx, delay) // an ended ctx ends the loop
		}
		delay = min(2*delay, fieldLagMax)
	}
	return nil, nil, nil
}

// resolveCustomField looks for the field of a pending create (see
// FindPendingField); not found with certainty, the error is an
// UnresolvedFieldError that says what was seen.
func (c *Client) resolveCustomField(ctx context.Context, p PendingField, amb *AmbiguousCreateError, tries int) (*CustomField, error) {
	f, candidates, err := c.FindPendingField(ctx, p, tries)
	if f != nil {
		return f, nil
	}
	u := &UnresolvedFieldError{AmbiguousCreateError: amb, Pending: p, Candidates: candidates}
	switch {
	case err != nil:
		amb.Detail = fmt.Sprintf("listing the fields to find it failed (%v)", err)
	case len(candidates) > 0:
		amb.Detail = fmt.Sprintf("%d new fields named %q of type %s appeared meanwhile (ids %s)", len(candidates), p.Name, p.Type, u.CandidateIDs())
	default:
		amb.Detail = fmt.Sprintf("no new field named %q of type %s is listed (yet), and the create was not sent again", p.Name, p.Type)
	}
	return nil, u
}
