package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
)

// The stop list, as the stop-list pages and the OpenAPI file document it
// (POST /api/stoplist/attach, POST /api/stoplist/detach, GET
// /api/stoplist): one entry per phone with a flag per channel.
//
// Where the sources disagree, the client is safe under every reading:
//   - The list's filter is type (the OpenAPI file) or types (the RCS
//     page), and its default page size 20, 30 or 50: the client sends no
//     filter and always page[limit], and filters by the entries' flags.
//   - Attach answers 200 (the OpenAPI file, the RCS page) or 201 (the older
//     SMS and Viber pages): any 2xx is success.
//   - An entry detached from every channel may stay listed with every flag
//     false, or be gone: either reads as not stop-listed.
//
// Attach and detach change nothing when repeated, so they are retried
// like reads. The API's one documented 429, "Too many duplicate request
// detected", reads as a rate limit (a retry helps) or as a guard against
// the same write twice (it took effect the first time): a write that still
// fails in a way that may have taken effect (MayHaveTakenEffect) is
// checked by its caller, who reads the list to learn what did.

// StopListChannels are the channels an entry has a flag for.
var StopListChannels = []string{"sms", "viber", "rcs"}

// Documented limits of one attach or detach request.
const (
	stopAttachMax = 1000
	stopDetachMax = 200
)

// StopListEntry is one phone of the stop list.
type StopListEntry struct {
	ID        int64       `json:"id"`
	Phone     json.Number `json:"phone"`
	CreatedAt *string     `json:"created_at"`
	SMS       bool        `json:"sms_stoplist"`
	Viber     bool        `json:"viber_stoplist"`
	RCS       bool        `json:"rcs_stoplist"`
}

func (e *StopListEntry) check(want int64) string {
	if msg := checkID("stop-list entry", e.ID, want); msg != "" {
		return msg
	}
	if e.Phone == "" {
		return fmt.Sprintf("stop-list entry %d has no phone", e.ID)
	}
	return ""
}

// On reports whether the entry stops messages of channel.
func (e *StopListEntry) On(channel string) bool {
	switch channel {
	case "sms":
		return e.SMS
	case "viber":
		return e.Viber
	case "rcs":
		return e.RCS
	}
	return false
}

// Channels are the channels the entry stops, in StopListChannels order.
func (e *StopListEntry) Channels() []string {
	var out []string
	for _, ch := range StopListChannels {
		if e.On(ch) {
			out = append(out, ch)
		}
	}
	return out
}

// AttachStopList puts phones on the stop lists of channels, 1,000 phones
// a request, and returns the entries the API answered.
func (c *Client) AttachStopList(ctx context.Context, phones, channels []string) ([]StopListEntry, error) {
	var out []StopListEntry
	for chunk := range slices.Chunk(phones, stopAttachMax) {
		numbers := make([]json.Number, len(chunk))
		for i, p := range chunk {
			numbers[i] = json.Number(p)
		}
		body := map[string]any{"phones": numbers, "types": channels}
		var page listPage[StopListEntry]
		err := c.do(ctx, request{method: http.MethodPost, path: "/api/stoplist/attach", body: body}, &page)
		if err != nil {
			return out, err
		}
		out = append(out, page.items()...)
	}
	return out, nil
}

// DetachStopList takes the entries of ids off the stop lists of channels,
// 200 ids a request; their other channels are kept.
func (c *Client) DetachStopList(ctx context.Context, ids []int64, channels []string) error {
	for chunk := range slices.Chunk(ids, stopDetachMax) {
		body := map[string]any{"ids": chunk, "types": channels}
		if err := c.do(ctx, request{method: http.MethodPost, path: "/api/stoplist/detach", body: body}, nil); err != nil {
			return err
		}
	}
	return nil
}

// EachStopListEntry streams every entry of the stop list, page by page,
// until yield returns false.
func (c *Client) EachStopListEntry(ctx context.Context, yield func(*StopListEntry) bool) error {
	return eachItem(ctx, c, "/api/stoplist", nil, yield)
}

// StopListByPhone reads the whole stop list into a map by phone.
func (c *Client) StopListByPhone(ctx context.Context) (map[string]StopListEntry, error) {
	out := map[string]StopListEntry{}
	err := c.EachStopListEntry(ctx, func(e *StopListEntry) bool {
		out[e.Phone.String()] = *e
		return true
	})
	return out, err
}

// MayHaveTakenEffect reports an error after which a write may have been
// carried out: no answer, an answer that could not be read, a 5xx or a
// 429. A refusal (4xx), a login failure or a connection that never opened
// took no effect.
func MayHaveTakenEffect(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500 || apiErr.StatusCode == http.StatusTooManyRequests
	}
	var loginErr *LoginError
	return err != nil && !errors.As(err, &loginErr) && !IsConnectionError(err)
}
