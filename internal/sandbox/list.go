package sandbox

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// handleList serves GET /api/campaigns, as the list pages document it: page[offset],
// page[limit] (30..500, default 50), sort (id, sender, type, date, status),
// way (asc, desc), filter[type] (sms, rcs, whatsapp, the OpenAPI file's enum,
// viber, which the campaign's message_type enum names, and voice, which
// the cascade call sends; default sms),
// filter[from] and filter[to] (yyyy-mm-dd hh:mm:ss in the account's zone;
// defaults: three months before filter[to], and now; at most three months
// apart), filter[field] (sender, taskname) with filter[value] (the RCS
// list page's names). search[field]/search[value] (the OpenAPI file's
// names for the same search) are ignored, so that a client that depends
// on either spelling of the search is caught.
func (s *Sandbox) handleList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c := &checker{}
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 30, 500)
	sortBy := queryEnum(c, q.Get("sort"), "sort", "id", "id", "sender", "type", "date", "status")
	way := queryEnum(c, q.Get("way"), "way", "asc", "asc", "desc")
	types := []string{"sms", "rcs", "whatsapp", "viber", "voice"}
	if s.cfg.ListTypesAsDocumented {
		types = types[:3]
	}
	typ := queryEnum(c, q.Get("filter[type]"), "filter[type]", kindSMS, types...)
	field := queryEnum(c, q.Get("filter[field]"), "filter[field]", "", "sender", "taskname")
	value := q.Get("filter[value]")
	if len(value) > 255 {
		c.add("filter[value]", "This value is too long. It should have 255 characters or less.")
	}
	now := s.clock.Now()
	from, to := s.listWindow(c, q.Get("filter[from]"), q.Get("filter[to]"), now)
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*campaign
	for _, id := range s.order {
		cp := s.campaigns[id]
		cp.step(now)
		if s.listed(cp, typ, from, to, field, value) {
			match = append(match, cp)
		}
	}
	sortCampaigns(match, sortBy, way)
	total := int64(len(match))
	data := []any{}
	for i := offset; i < total && i < offset+limit; i++ {
		data = append(data, s.view(match[i], now, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"data": data,
		"meta": map[string]any{"page": map[string]int64{"total": total, "offset": offset, "limit": limit}},
	})
}

// listed reports a campaign the list's filters keep; the caller holds s.mu.
func (s *Sandbox) listed(cp *campaign, typ string, from, to time.Time, field, value string) bool {
	value = strings.ToLower(value)
	switch {
	case cp.kind != typ, cp.createdAt.Before(from), cp.createdAt.After(to):
		return false
	case field == "sender" && value != "":
		return strings.Contains(strings.ToLower(cp.sender), value)
	case field == "taskname" && value != "":
		return strings.Contains(strings.ToLower(s.name(cp)), value)
	}
	return true
}

// sortCampaigns orders a list by the sort and way parameters, ties by id.
func sortCampaigns(match []*campaign, sortBy, way string) {
	sort.SliceStable(match, func(i, j int) bool {
		a, b := match[i], match[j]
		less := a.id < b.id
		switch sortBy {
		case "sender":
			less = a.sender < b.sender || a.sender == b.sender && a.id < b.id
		case "type":
			less = a.kind < b.kind || a.kind == b.kind && a.id < b.id
		case "date":
			less = a.createdAt.Before(b.createdAt) || a.createdAt.Equal(b.createdAt) && a.id < b.id
		case "status":
			less = a.status < b.status || a.status == b.status && a.id < b.id
		}
		if way == "desc" {
			return !less
		}
		return less
	})
}

func queryInt(c *checker, v, name string, def, lo, hi int64) int64 {
	if v == "" {
		return def
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < lo || n > hi {
		c.add(name, "This value should be between %d and %d.", lo, hi)
		return def
	}
	return n
}

func queryEnum(c *checker, v, name, def string, allowed ...string) string {
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	c.add(name, "The value you selected is not a valid choice.")
	return def
}

// listWindow reads filter[from] and filter[to] with their documented
// defaults and the three-month limit.
func (s *Sandbox) listWindow(c *checker, fromText, toText string, now time.Time) (from, to time.Time) {
	to = s.queryTime(c, toText, "filter[to]", now)
	from = s.queryTime(c, fromText, "filter[from]", to.AddDate(0, -3, 0))
	if c.errs == nil && to.After(from.AddDate(0, 3, 0)) {
		c.add("filter[from]", "The selection may span at most 3 months.")
	}
	return from, to
}

// queryTime reads a list filter time: yyyy-mm-dd hh:mm:ss in the account's
// zone, as the list pages document it (the OpenAPI file's date-time is the
// lower-ranked source).
func (s *Sandbox) queryTime(c *checker, v, name string, def time.Time) time.Time {
	if v == "" {
		return def
	}
	t, err := time.ParseInLocation(timeLayout, v, s.cfg.AccountZone)
	if err != nil {
		c.add(name, "This value is not a valid datetime (yyyy-mm-dd hh:mm:ss).")
		return def
	}
	return t
}
