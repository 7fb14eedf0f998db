package campaign

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The platform documents no time zone (API-NOTES, "Decisions"): the
// provider reads and writes every yyyy-mm-dd hh:mm:ss time in its
// time_zone. When that is not the account's zone, every start_at lands
// the difference early or late, and one less than the difference ahead is
// already past on the platform, which sends it at once. A create's answer
// shows the difference (its created_at is the platform's "now"), so the
// provider compares it with the time it sent the request and warns, once
// per provider run. It never refuses a create on it: the difference could
// also be a platform clock that is off, and refusing on a guess would
// block a configuration that is right.

// zoneTolerance is the least difference taken for a time zone: no
// ordinary clock skew explains it, and every pair of zones half an hour
// or more apart exceeds it.
const zoneTolerance = 25 * time.Minute

// zoneStep is the granularity of time zone offsets (some zones sit on
// quarter hours, such as UTC+05:45).
const zoneStep = 15 * time.Minute

// ZoneWatch remembers that the Time Zone Mismatch warning was given, so
// that an apply of 300 campaigns warns once. The provider holds one, and
// it warns once per configured client (one per provider process:
// Terraform configures each process once).
type ZoneWatch struct {
	mu     sync.Mutex
	warned *client.Client
}

// first reports whether c's run has not been warned yet, and marks it.
func (w *ZoneWatch) first(c *client.Client) bool {
	if w == nil {
		return true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.warned == c {
		return false
	}
	w.warned = c
	return true
}

// sendWindow is the provider's clock when a create was sent and when it
// was answered: the platform's created_at lies between them.
type sendWindow struct{ sent, answered time.Time }

// timedSend makes the create call (createRequest.send) and notes its
// sendWindow.
func (r *campaignResource) timedSend(ctx context.Context, req createRequest) (*client.Campaign, sendWindow, error) {
	w := sendWindow{sent: r.clock.Now()}
	c, err := req.send(ctx, r.Client)
	w.answered = r.clock.Now()
	return c, w, err
}

// zoneOffset is how far ahead (or, negative, behind) of the provider's
// clock the platform's created_at lies, read in zone, rounded to zoneStep:
// the request was sent at sent and answered at answered (the provider's
// clock). ok is false within zoneTolerance, or when created_at does not
// parse.
func zoneOffset(createdAt string, zone *time.Location, sent, answered time.Time) (offset time.Duration, ok bool) {
	created, err := framework.ParseAccountTime(createdAt, zone)
	if err != nil {
		return 0, false
	}
	// In the hour a change from summer time repeats, created_at names two
	// instants: the one nearer the request is the platform's.
	for i, at := range readings(created) {
		var d time.Duration
		switch {
		case at.Before(sent):
			d = at.Sub(sent)
		case at.After(answered):
			d = at.Sub(answered)
		}
		if i == 0 || d.Abs() < offset.Abs() {
			offset = d
		}
	}
	if offset.Abs() < zoneTolerance {
		return 0, false
	}
	return offset.Round(zoneStep), true
}

// readings are the instants the wall-clock time of t names in t's zone,
// earliest first: one, or two in the hour a change from summer time
// repeats (Go reads such a time as the later one).
func readings(t time.Time) []time.Time {
	out := []time.Time{t}
	if earlier := t.Add(-time.Hour); earlier.Format(time.DateTime) == t.Format(time.DateTime) {
		out = []time.Time{earlier, t}
	}
	if later := t.Add(time.Hour); later.Format(time.DateTime) == t.Format(time.DateTime) {
		out = append(out, later)
	}
	return out
}

// zoneMismatch is what a create's answer showed: the campaign, its
// created_at and the start_at sent ("" when none), the provider's zone
// and the difference found.
type zoneMismatch struct {
	id                 int64
	createdAt, startAt string
	zone               *time.Location
	at                 time.Time
	offset             time.Duration
}

// createZoneMismatch checks the answer c to a create of plan's start_at,
// made in window, and returns the warning, once per run of w.
func createZoneMismatch(w *ZoneWatch, cl *client.Client, c *client.Campaign, plan types.String, window sendWindow) diag.Diagnostics {
	if c == nil || c.CreatedAt == nil || c.Recovered != "" {
		// A campaign found rather than answered (a lost answer, a killed
		// run's create) may have been created long before this request.
		return nil
	}
	zone := cl.TimeZone()
	startAt := ""
	if plan.ValueString() != "" {
		startAt, _ = framework.NormalizeStartAt(plan.ValueString(), zone) // as campaignToCreateRequest sent it
	}
	offset, ok := zoneOffset(*c.CreatedAt, zone, window.sent, window.answered)
	if !ok || !w.first(cl) {
		return nil
	}
	m := zoneMismatch{id: c.ID, createdAt: *c.CreatedAt, startAt: startAt, zone: zone, at: window.sent, offset: offset}
	return diag.Diagnostics{m.warning()}
}

// readZoneMismatch checks a refresh's answer c at now: a created_at later
// than now (in time_zone) by more than zoneTolerance cannot be the
// platform's time in time_zone, since no campaign is created in the
// future. The offset found is a lower bound.
func readZoneMismatch(w *ZoneWatch, cl *client.Client, c *client.Campaign, now time.Time) diag.Diagnostics {
	if c == nil || c.CreatedAt == nil {
		return nil
	}
	zone := cl.TimeZone()
	created, err := framework.ParseAccountTime(*c.CreatedAt, zone)
	if err == nil {
		created = readings(created)[0] // the earliest: the least in the future
	}
	if err != nil || created.Sub(now) < zoneTolerance || !w.first(cl) {
		return nil
	}
	ahead := created.Sub(now).Round(zoneStep)
	return diag.Diagnostics{diag.NewWarningDiagnostic("Time Zone Mismatch", fmt.Sprintf(
		"Campaign %d has created_at %q, which read in the provider's time_zone = %q lies about %s in the future, and no "+
			"campaign is created in the future: the platform writes, and reads, its yyyy-mm-dd hh:mm:ss times in a zone "+
			"about %s or more ahead of %q. Every start_at is sent as a time in time_zone, so the platform starts a "+
			"scheduled campaign that much earlier than meant, and sends one whose start_at is less than that ahead at "+
			"once (this warning is given once).\n\n%s",
		c.ID, *c.CreatedAt, zone.String(), span(ahead), span(ahead), zone.String(), zoneAdvice(zone, "the account's zone")))}
}

// warning is the Time Zone Mismatch warning of a create's answer.
func (m zoneMismatch) warning() diag.Diagnostic {
	direction := "ahead of"
	if m.offset < 0 {
		direction = "behind"
	}
	_, ours := m.at.In(m.zone).Zone()
	theirs := time.Duration(ours)*time.Second + m.offset
	detail := fmt.Sprintf("One-API answered the create of campaign %d with created_at %q. Read in the provider's "+
		"time_zone = %q (%s now), that is %s %s the time the provider sent the request (%s): the platform writes, and "+
		"reads, its yyyy-mm-dd hh:mm:ss times in another zone, one at %s now.\n\n%s\n\n%s",
		m.id, m.createdAt, m.zone.String(), utcOffset(time.Duration(ours)*time.Second), span(m.offset.Abs()), direction,
		m.at.In(m.zone).Format(apiTimeLayout), utcOffset(theirs), m.startAtEffect(), zoneAdvice(m.zone, "the account's zone, one at "+utcOffset(theirs)+" at this time of year"))
	return diag.NewWarningDiagnostic("Time Zone Mismatch", detail)
}

// startAtEffect says what the difference does to start_at: to this
// campaign's, and to every campaign's of the run.
func (m zoneMismatch) startAtEffect() string {
	when := "later"
	if m.offset > 0 {
		when = "earlier"
	}
	general := fmt.Sprintf("Every start_at is sent as a time in time_zone, so the platform starts a scheduled campaign %s %s "+
		"than meant", span(m.offset.Abs()), when)
	if m.offset > 0 {
		general += fmt.Sprintf(", and sends one whose start_at is less than %s ahead at once", span(m.offset))
	}
	general += " (this applies to every campaign this run creates; this warning is given once)."
	if m.startAt == "" {
		return general
	}
	sent, err1 := framework.ParseAccountTime(m.startAt, m.zone)
	created, err2 := framework.ParseAccountTime(m.createdAt, m.zone)
	if err1 != nil || err2 != nil {
		return general
	}
	if !sent.After(created) {
		return fmt.Sprintf("Campaign %d's start_at, sent as %q, was already past on the platform's clock (created_at %q): "+
			"the platform sent it at once instead of scheduling it. %s", m.id, m.startAt, m.createdAt, general)
	}
	return fmt.Sprintf("Campaign %d's start_at, sent as %q, is read by the platform in its own zone: the campaign starts %s %s "+
		"than meant. %s", m.id, m.startAt, span(m.offset.Abs()), when, general)
}

// zoneAdvice names the setting to change; target says which zone to set.
func zoneAdvice(zone *time.Location, target string) string {
	return fmt.Sprintf("Set time_zone in the provider block (or the "+framework.EnvTimeZone+" environment variable) to %s (an IANA name "+
		"such as \"Europe/Kyiv\") instead of %q. The account settings of the web interface "+
		"name the account's zone; against oneapi-sandbox, use the zone of its -time-zone flag. A platform clock that is "+
		"off by as much would look the same: then tell the platform's support.", target, zone.String())
}

// span writes a duration in hours and minutes: "2h", "5h45m", "30m".
func span(d time.Duration) string {
	h, m := int(d/time.Hour), int((d%time.Hour)/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}

// utcOffset writes an offset as UTC+02:00 or UTC-05:30.
func utcOffset(d time.Duration) string {
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	return fmt.Sprintf("UTC%s%02d:%02d", sign, int(d/time.Hour), int((d%time.Hour)/time.Minute))
}
