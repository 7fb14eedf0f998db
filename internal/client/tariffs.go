package client

import (
	"context"
	"encoding/json"
	"fmt"
)

// The account's tariffs (GET /api/accounts/tariff, TariffSchema): the
// tariff_code values a campaign may name.

// Tariff is one of the account's tariffs. The OpenAPI file types id as a
// number and code as an integer, null by default.
type Tariff struct {
	ID        json.Number `json:"id"`
	Name      string      `json:"name"`
	Code      *int64      `json:"code"`
	IsActive  bool        `json:"is_active"`
	IsDefault bool        `json:"is_default"`
}

func (t *Tariff) check(int64) string {
	if id, err := t.ID.Int64(); err != nil || id <= 0 {
		return fmt.Sprintf("a tariff has no integer id (%q)", t.ID.String())
	}
	return ""
}

// IDValue is the tariff's id as an integer (check has proved it one).
func (t Tariff) IDValue() int64 {
	id, _ := t.ID.Int64()
	return id
}

// ListTariffs reads every tariff of the account, page by page. The reads
// of one plan share a listing (c.tariffs): a plan of N campaigns with a
// tariff_code reads the tariffs once.
func (c *Client) ListTariffs(ctx context.Context) ([]Tariff, error) {
	return c.tariffs.get(c.clock.Now, func() ([]Tariff, error) {
		return listAll[Tariff](ctx, c, "/api/accounts/tariff", nil)
	}, nil)
}
