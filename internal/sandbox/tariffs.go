package sandbox

import (
	"net/http"
	"slices"
)

// The account's tariffs, as the OpenAPI file documents GET
// /api/accounts/tariff (account_tariffs): page[offset], page[limit]
// (15..500, default 50), answering {"data": [TariffSchema...], "total": n}
// with TariffSchema {id, name, code, is_active, is_default}. The vendor's
// web pages also show another version of the page that lists prices per
// country (VENDOR-DOCS.md A17); the stand-in serves the OpenAPI file's.

// Tariff is one tariff of the stand-in's account.
type Tariff struct {
	ID        int64
	Name      string
	Code      int64
	IsActive  bool
	IsDefault bool
}

// defaultTariffs are the account's tariffs until SetTariffs: the stand-in's
// choice (no page lists an account's tariffs) is codes 0 (the default), 1
// and 9 active and 5 inactive, so that an inactive and an unknown code can
// both be tried.
var defaultTariffs = []Tariff{
	{ID: 50470, Name: "Standard", Code: 0, IsActive: true, IsDefault: true},
	{ID: 50471, Name: "Best quality", Code: 9, IsActive: true},
	{ID: 50472, Name: "Economy", Code: 1, IsActive: true},
	{ID: 50473, Name: "Archived promo", Code: 5},
}

// SetTariffs replaces the account's tariffs.
func (s *Sandbox) SetTariffs(tariffs []Tariff) {
	s.mu.Lock()
	s.tariffs = slices.Clone(tariffs)
	if s.tariffs == nil {
		s.tariffs = []Tariff{}
	}
	s.mu.Unlock()
}

// handleTariffs serves GET /api/accounts/tariff, page by page.
func (s *Sandbox) handleTariffs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c := &checker{}
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 15, 500)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}
	s.mu.Lock()
	tariffs := s.tariffs
	if tariffs == nil {
		tariffs = defaultTariffs
	}
	tariffs = slices.Clone(tariffs)
	s.mu.Unlock()
	data := []any{}
	for i := offset; i < int64(len(tariffs)) && i < offset+limit; i++ {
		t := tariffs[i]
		data = append(data, map[string]any{"id": t.ID, "name": t.Name, "code": t.Code, "is_active": t.IsActive, "is_default": t.IsDefault})
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "total": len(tariffs)})
}
