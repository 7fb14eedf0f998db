package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"
)

// body is a request body decoded as the API documents it: field by field,
// so that a value of the wrong JSON type is reported rather than coerced.
type body map[string]json.RawMessage

type checker struct{ errs fieldErrors }

// decodeBody reads a JSON request body, or answers 400 and reports false.
func decodeBody(w http.ResponseWriter, r *http.Request) (body, bool) {
	var b body
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Invalid JSON"})
		return nil, false
	}
	return b, true
}

// decodeBodyRaw is decodeBody that also returns the body's bytes.
func decodeBodyRaw(w http.ResponseWriter, r *http.Request) (body, []byte, bool) {
	raw, err := io.ReadAll(r.Body)
	var b body
	if err != nil || json.Unmarshal(raw, &b) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Invalid JSON"})
		return nil, nil, false
	}
	return b, raw, true
}

func (c *checker) add(field, format string, args ...any) {
	if c.errs == nil {
		c.errs = fieldErrors{}
	}
	c.errs[field] = append(c.errs[field], fmt.Sprintf(format, args...))
}

func present(raw json.RawMessage) bool {
	return len(raw) > 0 && !bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// objectAt decodes an element of an array that must be an object.
func (c *checker) objectAt(raw json.RawMessage, path string) (body, bool) {
	var b body
	if json.Unmarshal(raw, &b) != nil {
		c.add(path, "This value should be of type object.")
		return nil, false
	}
	return b, true
}

// shortText reads the string field of the object at path and refuses more
// than most characters (UTF-16 units, as the API counts them).
func (c *checker) shortText(b body, field, path string, required bool, most int, what string) (string, bool) {
	v, ok := c.str(b, field, path+"."+field, required)
	if utf16Len(v) > most {
		c.add(path+"."+field, "The %s may have at most %d characters.", what, most)
	}
	return v, ok
}

// str decodes a required or optional string field.
func (c *checker) str(b body, field, path string, required bool) (string, bool) {
	raw, ok := b[field]
	if !ok || !present(raw) {
		if required {
			c.add(path, "This value should not be blank.")
		}
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		c.add(path, "This value should be of type string.")
		return "", false
	}
	return s, true
}

// integer checks an optional integer field and its range.
func (c *checker) integer(b body, field, path string, lo, hi int64) {
	raw, ok := b[field]
	if !ok || !present(raw) {
		return
	}
	var n int64
	if json.Unmarshal(raw, &n) != nil {
		c.add(path, "This value should be of type integer.")
		return
	}
	if n < lo || n > hi {
		c.add(path, "This value should be between %d and %d.", lo, hi)
	}
}

func (c *checker) boolean(b body, field, path string) {
	raw, ok := b[field]
	if !ok || !present(raw) {
		return
	}
	var v bool
	if json.Unmarshal(raw, &v) != nil {
		c.add(path, "This value should be of type bool.")
	}
}

func (c *checker) object(b body, field, path string, required bool) body {
	raw, ok := b[field]
	if !ok || !present(raw) {
		if required {
			c.add(path, "This value should not be blank.")
		}
		return nil
	}
	var o body
	if json.Unmarshal(raw, &o) != nil {
		c.add(path, "This value should be of type object.")
		return nil
	}
	return o
}

func (c *checker) array(b body, field, path string, lo, hi int) ([]json.RawMessage, bool) {
	raw, ok := b[field]
	if !ok || !present(raw) {
		return nil, false
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		c.add(path, "This value should be of type array.")
		return nil, false
	}
	if len(items) < lo {
		c.add(path, "This collection should contain %d element or more.", lo)
	}
	if len(items) > hi {
		c.add(path, "This collection should contain %d elements or less.", hi)
	}
	return items, true
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func alnum(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// phoneNumber checks 9..15 digits, no plus.
func (c *checker) phoneNumber(path, number string) {
	if !digitsOnly(number) || len(number) < 9 || len(number) > 15 {
		c.add(path, "The phone number must be 9 to 15 digits without a plus.")
	}
}

// smsSender: 1 to 11 Latin letters, digits, spaces and symbols, or 1 to 15
// digits (the SMS pages; the OpenAPI file's minimum of 3 is the narrower
// reading, which the stand-in does not enforce).
func (c *checker) smsSender(path, sender string) {
	if digitsOnly(sender) {
		if len(sender) > 15 {
			c.add(path, "A numeric sender may have at most 15 digits.")
		}
		return
	}
	ok := sender != "" && len(sender) <= 11
	for _, r := range sender {
		if r < ' ' || r > '~' {
			ok = false
		}
	}
	if !ok {
		c.add(path, "An alphanumeric sender has 1 to 11 Latin letters, digits, spaces or symbols.")
	}
}

const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const gsmExtension = "^{}\\[~]|€\f"

// smsText: at most 765 characters in GSM 7-bit (extension characters take
// two), or 355 UTF-16 units in UCS-2 when any character is outside GSM.
func (c *checker) smsText(path, text string) {
	if text == "" {
		c.add(path, "This value should not be blank.")
		return
	}
	septets, gsm := 0, true
	for _, r := range text {
		switch {
		case strings.ContainsRune(gsmBasic, r):
			septets++
		case strings.ContainsRune(gsmExtension, r):
			septets += 2
		default:
			gsm = false
		}
	}
	if gsm && septets > 765 {
		c.add(path, "The SMS text is %d GSM 7-bit characters; at most 765 are allowed.", septets)
	}
	if units := len(utf16.Encode([]rune(text))); !gsm && units > 355 {
		c.add(path, "The SMS text is %d UCS-2 characters; at most 355 are allowed.", units)
	}
}

// startAt reads start_at, yyyy-mm-dd hh:mm:ss in the account's zone. The
// send pages allow at most 30 days ahead counting today: up to 23:59:59 of
// the 30th day (today is the first). A time already past is taken, and the
// campaign goes out at once, as nothing documents a refusal.
func (c *checker) startAt(b body, zone *time.Location, now time.Time) time.Time {
	s, ok := c.str(b, "start_at", "start_at", false)
	if !ok {
		return time.Time{}
	}
	t, err := time.ParseInLocation(timeLayout, s, zone)
	if err != nil {
		c.add("start_at", "The start_at must be in the format yyyy-mm-dd hh:mm:ss.")
		return time.Time{}
	}
	y, m, d := now.In(zone).Date()
	if latest := time.Date(y, m, d+29, 23, 59, 59, 0, zone); t.After(latest) {
		c.add("start_at", "The start_at may be at most 30 days ahead, until %s.", latest.Format(timeLayout))
	}
	return t
}

// validity checks validity (1..72 hours) and validity_seconds (30..86400).
// The OpenAPI file calls them incompatible, yet its "full" request examples
// send both; the stand-in takes both, validity_seconds first.
func (c *checker) validity(b body, prefix string) {
	c.integer(b, "validity", prefix+"validity", 1, 72)
	c.integer(b, "validity_seconds", prefix+"validity_seconds", 30, 86400)
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
