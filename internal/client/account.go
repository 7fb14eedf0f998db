package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// The account: its registered senders (GET /api/senders), balance
// (GET /api/accounts/balance) and the SMS price estimate
// (POST /api/campaigns/price).

// Sender is a registered sender of the account.
type Sender struct {
	ID        *int64  `json:"id"`
	Sender    string  `json:"sender"`
	Status    string  `json:"status"`
	Country   *string `json:"country"`
	CreatedAt *string `json:"created_at"`
	IsDefault bool    `json:"is_default"`
}

// ListSenders reads the registered senders of a type: sms or viber (the
// only types GET /api/senders takes).
func (c *Client) ListSenders(ctx context.Context, senderType string) ([]Sender, error) {
	if senderType != "sms" && senderType != "viber" {
		return nil, fmt.Errorf("sender type %q: GET /api/senders takes sms or viber", senderType)
	}
	q := url.Values{}
	q.Set("type", senderType)
	var page listPage[Sender]
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/senders", query: q}, &page); err != nil {
		return nil, err
	}
	return page.items(), nil
}

// Balance is the account's balance: it may be negative; credit is the
// postpaid credit limit.
type Balance struct {
	Balance  float64 `json:"balance"`
	Currency string  `json:"currency"`
	Credit   float64 `json:"credit"`
}

// GetBalance reads the account's balance.
func (c *Client) GetBalance(ctx context.Context) (*Balance, error) {
	env := envelope[Balance]{}
	if err := c.do(ctx, request{method: http.MethodGet, path: "/api/accounts/balance"}, &env); err != nil {
		return nil, err
	}
	return env.Data, nil
}

func (b *Balance) check(int64) string {
	if b.Currency == "" {
		return "the balance has no currency"
	}
	return ""
}

// PriceRequest is the body of POST /api/campaigns/price: an SMS campaign
// to phone numbers (Messages) or contact lists (Groups).
type PriceRequest struct {
	Sender     string       `json:"sender"`
	Text       string       `json:"text"`
	TariffCode *int64       `json:"tariff_code,omitempty"`
	Groups     []int64      `json:"groups,omitempty"`
	Messages   []PricePhone `json:"messages,omitempty"`
}

// PricePhone is one recipient of a price request; the phone is an integer.
type PricePhone struct {
	Phone json.Number `json:"phone"`
}

// Price is an SMS campaign's estimated cost.
type Price struct {
	Price    *float64 `json:"price"`
	Currency string   `json:"currency"`
}

// EstimatePrice asks the price of an SMS campaign before it is sent. The
// OpenAPI file shows the answer as {price, currency}; every other answer
// of the API wraps its object in data: both are read. Nothing is sent.
func (c *Client) EstimatePrice(ctx context.Context, req PriceRequest) (*Price, error) {
	var raw json.RawMessage
	if err := c.do(ctx, request{method: http.MethodPost, path: "/api/campaigns/price", body: req}, &raw); err != nil {
		return nil, err
	}
	var wrapped struct {
		Data *Price `json:"data"`
	}
	var bare Price
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return nil, &BadAnswerError{Method: http.MethodPost, Path: "/api/campaigns/price", Problem: jsonProblem(raw, err)}
	}
	if wrapped.Data != nil {
		return wrapped.Data, nil
	}
	if err := json.Unmarshal(raw, &bare); err != nil || (bare.Price == nil && bare.Currency == "") {
		return nil, &BadAnswerError{Method: http.MethodPost, Path: "/api/campaigns/price", Problem: "it has neither price nor currency"}
	}
	return &bare, nil
}
