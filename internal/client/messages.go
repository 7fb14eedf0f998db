package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// Message is one message of GET /api/messages.
type Message struct {
	ID          int64           `json:"id"`
	CampaignID  int64           `json:"campaign_id"`
	ReferenceID *string         `json:"reference_id"`
	Type        string          `json:"type"`
	Status      string          `json:"status"`
	Sender      string          `json:"sender"`
	Phone       json.RawMessage `json:"phone"` // an integer in the examples; kept raw
}

// FindMessagesByReference lists the messages sent with a reference_id:
// GET /api/messages?filter[reference_id]=...
func (c *Client) FindMessagesByReference(ctx context.Context, referenceID string) ([]Message, error) {
	q := url.Values{}
	q.Set("filter[reference_id]", referenceID)
	q.Set("page[limit]", "15")
	var page struct {
		Data []Message `json:"data"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/messages", query: q}, &page); err != nil {
		return nil, err
	}
	return page.Data, nil
}
