package sandbox

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// The create calls' options that only some calls take, as the OpenAPI file
// documents them: callback_url (maxLength 100, no type: a string is
// taken) on POST /api/campaigns/sms/send, send-groups and send-individual;
// short_links (ShortLink: link (uri), placeholder (<= 255), domain_ids
// (uuids), all three required; change_domain_after (integer, nullable);
// protocol (boolean)) on sms/send and send-groups and in the cascade call's
// sms block, which also takes unsubscribe_caption (<= 50). The stand-in
// records what a campaign took (CampaignOptions), so that a test sees what
// was sent.

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// checkCallbackURL checks an optional callback_url.
func checkCallbackURL(c *checker, b body) {
	if v, ok := c.str(b, "callback_url", "callback_url", false); ok && utf16Len(v) > 100 {
		c.add("callback_url", "This value is too long. It should have 100 characters or less.")
	}
}

// checkShortLinks checks the short_links of an object at prefix ("" or
// "sms."). The schema says only that a placeholder is a word of the text
// to replace: a placeholder the text lacks is not refused, as nothing
// documents a refusal.
func checkShortLinks(c *checker, b body, prefix string) {
	items, _ := c.array(b, "short_links", prefix+"short_links", 0, 1<<20)
	for i, raw := range items {
		p := fmt.Sprintf("%sshort_links.%d", prefix, i)
		l, ok := c.objectAt(raw, p)
		if !ok {
			continue
		}
		if link, ok := c.str(l, "link", p+".link", true); ok {
			if u, err := url.Parse(link); err != nil || u.Scheme == "" || u.Host == "" {
				c.add(p+".link", "This value is not a valid URL.")
			}
		}
		c.shortText(l, "placeholder", p, true, 255, "placeholder")
		ids, ok := c.array(l, "domain_ids", p+".domain_ids", 1, 1<<20)
		if !ok {
			c.add(p+".domain_ids", "This value should not be blank.")
		}
		for j, raw := range ids {
			var id string
			if json.Unmarshal(raw, &id) != nil || !uuidPattern.MatchString(id) {
				c.add(fmt.Sprintf("%s.domain_ids.%d", p, j), "This is not a valid UUID.")
			}
		}
		c.integer(l, "change_domain_after", p+".change_domain_after", 0, 1<<31)
		c.boolean(l, "protocol", p+".protocol")
	}
}

// takenOptions are the options a create request carried, by their path
// in it ("callback_url", "sms.short_links"), as raw JSON.
func takenOptions(b body) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for _, name := range []string{"callback_url", "short_links"} {
		if raw, ok := b[name]; ok && present(raw) {
			out[name] = raw
		}
	}
	var sms body
	if raw, ok := b["sms"]; ok && json.Unmarshal(raw, &sms) == nil {
		for _, name := range []string{"short_links", "unsubscribe_caption"} {
			if raw, ok := sms[name]; ok && present(raw) {
				out["sms."+name] = raw
			}
		}
	}
	return out
}

// CampaignOptions are the options campaign id was created with, by their
// path in its create request ("callback_url", "sms.unsubscribe_caption"),
// as compact JSON.
func (s *Sandbox) CampaignOptions(id int64) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	if cp := s.campaigns[id]; cp != nil {
		for k, raw := range cp.options {
			var v any
			if json.Unmarshal(raw, &v) == nil {
				compact, _ := json.Marshal(v)
				out[k] = strings.TrimSpace(string(compact))
			}
		}
	}
	return out
}
