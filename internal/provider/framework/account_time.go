package framework

// Times as One-API writes and reads them: yyyy-mm-dd hh:mm:ss in the
// account's time zone (the provider's time_zone). The campaign's start_at,
// its creation window and the provider::oneapi::start_at function read and
// write them here, so that the function writes a time exactly as a
// campaign would send it.

import (
	"fmt"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// LoadTimeZone reads an IANA zone name; "" and "Local" are refused, since
// the machine running Terraform says nothing about the account.
func LoadTimeZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not an IANA time zone name; write one such as UTC or Europe/Kyiv", name)
	}
	zone, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not an IANA time zone name (%w); write one such as UTC or Europe/Kyiv", name, err)
	}
	return zone, nil
}

// ParseAccountTime reads a time as the provider's attributes take it:
// yyyy-mm-dd hh:mm:ss in the account's zone, or RFC 3339 with its own
// offset. "" is the zero time.
func ParseAccountTime(s string, zone *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.ParseInLocation(client.TimeLayout, s, zone); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither yyyy-mm-dd hh:mm:ss nor RFC 3339", s)
	}
	return t, nil
}

// CheckWallTime refuses a yyyy-mm-dd hh:mm:ss time that the zone skips
// (the hour its clocks jump forward): it names no instant, and reading it
// would move it an hour. Times in other forms, and those that exist, pass.
func CheckWallTime(s string, zone *time.Location) error {
	if t, err := time.ParseInLocation(client.TimeLayout, s, zone); err == nil && t.In(zone).Format(client.TimeLayout) != s {
		return fmt.Errorf("%s does not exist in time zone %s: its clocks skip that hour (a daylight-saving change), so it "+
			"names no instant. Write a time before or after the skipped hour, or an RFC 3339 time with its offset", s, zone)
	}
	return nil // not a wall time (ParseAccountTime judges the other forms), or one that exists
}

// NormalizeStartAt writes a start time as One-API reads it: yyyy-mm-dd
// hh:mm:ss in the account's zone. A time given that way is sent as
// written (one the zone skips is refused at plan: CheckWallTime); an
// RFC 3339 time is converted into the zone.
func NormalizeStartAt(s string, zone *time.Location) (string, error) {
	t, err := ParseAccountTime(s, zone)
	if err != nil {
		return "", err
	}
	return t.In(zone).Format(client.TimeLayout), nil
}
