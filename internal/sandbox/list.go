package sandbox

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// GET /api/campaigns: page[offset], page[limit] (30..500, default 50),
// sort (id, sender, type, date, status), way (asc, desc), filter[from],
// filter[to], filter[type] (sms, rcs, whatsapp), search[field] (sender,
// taskname) with search[value].
func (s *Sandbox) handleList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c := &checker{}
	offset := queryInt(c, q.Get("page[offset]"), "page[offset]", 0, 0, 1<<62)
	limit := queryInt(c, q.Get("page[limit]"), "page[limit]", 50, 30, 500)
	sortBy := queryEnum(c, q.Get("sort"), "sort", "id", "id", "sender", "type", "date", "status")
	way := queryEnum(c, q.Get("way"), "way", "asc", "asc", "desc")
	typ := queryEnum(c, q.Get("filter[type]"), "filter[type]", "", "sms", "rcs", "whatsapp")
	field := queryEnum(c, q.Get("search[field]"), "search[field]", "", "sender", "taskname")
	value := q.Get("search[value]")
	if len(value) > 255 {
		c.add("search[value]", "This value is too long. It should have 255 characters or less.")
	}
	from := queryTime(c, q.Get("filter[from]"), "filter[from]")
	to := queryTime(c, q.Get("filter[to]"), "filter[to]")
	if c.errs != nil {
		writeValidation(w, c.errs)
		return
	}

	now := s.clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*campaign
	for _, id := range s.order {
		cp := s.campaigns[id]
		cp.step(now)
		switch {
		case typ != "" && cp.kind != typ,
			!from.IsZero() && cp.createdAt.Before(from),
			!to.IsZero() && cp.createdAt.After(to),
			field == "sender" && value != "" && !strings.Contains(strings.ToLower(cp.sender), strings.ToLower(value)),
			field == "taskname" && value != "" && !strings.Contains(strings.ToLower(s.name(cp)), strings.ToLower(value)):
			continue
		}
		match = append(match, cp)
	}
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

// queryTime accepts RFC 3339 (the OpenAPI file's date-time) and the API's
// own yyyy-mm-dd hh:mm:ss.
func queryTime(c *checker, v, name string) time.Time {
	if v == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t
	}
	if t, err := time.ParseInLocation(timeLayout, v, time.UTC); err == nil {
		return t
	}
	c.add(name, "This value is not a valid datetime.")
	return time.Time{}
}
