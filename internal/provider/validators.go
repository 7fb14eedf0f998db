package provider

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// endpointValidator exists because the framework validators have no URL
// check: the endpoint must be an absolute http(s) URL without credentials.
type endpointValidator struct{}

func (endpointValidator) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := client.ParseEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid One-API Endpoint",
			fmt.Sprintf("%s. Use a base URL such as %s.", err, client.DefaultEndpoint))
	}
}

// durationValidator checks Go duration strings ("30s", "2m"), which the
// framework validators do not parse.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as 30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
			fmt.Sprintf("%q is not a positive duration; write it like 30s or 2m.", req.ConfigValue.ValueString()))
	}
}

// utf16LengthUpTo requires 1 to hi characters counted as the API does
// (UTF-16 code units: a simple emoji counts two), which
// stringvalidator.LengthBetween (bytes) does not.
func utf16LengthUpTo(hi int) validator.String { return utf16Length{1, hi} }

// utf16LengthBetween requires lo to hi characters counted the same way.
func utf16LengthBetween(lo, hi int) validator.String { return utf16Length{lo, hi} }

type utf16Length struct{ min, max int }

func (v utf16Length) Description(context.Context) string {
	return fmt.Sprintf("must be %d to %d characters (emoji count as two)", v.min, v.max)
}

func (v utf16Length) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v utf16Length) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(utf16.Encode([]rune(req.ConfigValue.ValueString()))); n < v.min || n > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Text Length",
			fmt.Sprintf("Attribute %s must be %d to %d characters as One-API counts them (emoji count as two); it has %d.", req.Path, v.min, v.max, n))
	}
}

// smsTextValidator checks the documented SMS text limits: 765 characters in
// GSM 7-bit (extension characters such as € and [ take two), or, when any
// character is outside GSM 7-bit (UCS-2), 355 UTF-16 units (the OpenAPI
// file) with a warning above 335 (the SMS pages' limit).
type smsTextValidator struct{}

func (smsTextValidator) Description(context.Context) string {
	return "must be at most 765 GSM 7-bit characters, or 355 characters in UCS-2 (warning above 335)"
}

func (v smsTextValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (smsTextValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	text := req.ConfigValue.ValueString()
	if text == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty SMS Text", fmt.Sprintf("Attribute %s must not be empty.", req.Path))
		return
	}
	n, gsm := smsLength(text)
	switch {
	case gsm && n > 765:
		resp.Diagnostics.AddAttributeError(req.Path, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s is %d GSM 7-bit characters; One-API accepts at most 765. Shorten the text.", req.Path, n))
	case !gsm && n > 355:
		resp.Diagnostics.AddAttributeError(req.Path, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s needs UCS-2 (it has characters outside GSM 7-bit) and is %d characters; One-API accepts at most 355. "+
				"Shorten the text or use only GSM 7-bit characters (then 765 are allowed).", req.Path, n))
	case !gsm && n > 335:
		resp.Diagnostics.AddAttributeWarning(req.Path, "Disputed Limit",
			fmt.Sprintf("Attribute %s needs UCS-2 and is %d characters. The sources disagree: the SMS pages allow 335 "+
				"(Cyrillic) characters, the OpenAPI file 355. One-API may refuse the campaign when it is created "+
				"(nothing is sent then); at most 335 is safe under both readings.", req.Path, n))
	}
}

const (
	gsm7Basic     = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsm7Extension = "^{}\\[~]|€\f"
)

// smsLength returns the length in GSM 7-bit septets and true, or in UTF-16
// units and false when the text needs UCS-2.
func smsLength(text string) (int, bool) {
	septets := 0
	for _, r := range text {
		switch {
		case strings.ContainsRune(gsm7Basic, r):
			septets++
		case strings.ContainsRune(gsm7Extension, r):
			septets += 2
		default:
			return len(utf16.Encode([]rune(text))), false
		}
	}
	return septets, true
}

// timeValidator checks the two accepted spellings of a time (start_at, the
// list's created_from and created_to). It needs no time zone: the
// spelling is the same in every zone.
type timeValidator struct{}

func (timeValidator) Description(context.Context) string {
	return "must be yyyy-mm-dd hh:mm:ss (in the provider's time_zone) or RFC 3339"
}

func (v timeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (timeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if req.ConfigValue.ValueString() == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty Time",
			fmt.Sprintf("Attribute %s is an empty string. Omit the attribute instead (for start_at: the campaign is then sent at once).", req.Path))
		return
	}
	if _, err := parseAccountTime(req.ConfigValue.ValueString(), time.UTC); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Time",
			fmt.Sprintf("Attribute %s: %s. Write it like 2026-12-01 09:00:00 (in the provider's time_zone) or 2026-12-01T11:00:00+02:00.", req.Path, err))
	}
}

// timeZoneValidator checks an IANA time zone name, which the framework
// validators cannot.
type timeZoneValidator struct{}

func (timeZoneValidator) Description(context.Context) string {
	return "must be an IANA time zone name such as UTC or Europe/Kyiv"
}

func (v timeZoneValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (timeZoneValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := loadTimeZone(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Time Zone", fmt.Sprintf("Attribute %s: %s.", req.Path, err))
	}
}

// loadTimeZone reads an IANA zone name; "" and "Local" are refused, since
// the machine running Terraform says nothing about the account.
func loadTimeZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not an IANA time zone name; write one such as UTC or Europe/Kyiv", name)
	}
	zone, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not an IANA time zone name (%w); write one such as UTC or Europe/Kyiv", name, err)
	}
	return zone, nil
}

// listSizeWarning warns about a list size in a band the sources disagree
// on: accepted by the widest documented limit (checked separately as an
// error), refused by the narrowest. The plan goes on; the user learns both
// readings before anything is sent.
type listSizeWarning struct {
	from, to int
	what     string // "cards", "buttons in a card"
	readings string // the two readings, with their sources
}

func (v listSizeWarning) Description(context.Context) string {
	return fmt.Sprintf("warns at %d to %d %s: %s", v.from, v.to, v.what, v.readings)
}

func (v listSizeWarning) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v listSizeWarning) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(req.ConfigValue.Elements()); n >= v.from && n <= v.to {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Disputed Limit",
			fmt.Sprintf("Attribute %s has %d %s. The sources disagree: %s. One-API may refuse the campaign when it is "+
				"created (nothing is sent then); use at most %d to be safe under both readings.", req.Path, n, v.what, v.readings, v.from-1))
	}
}

// smsSenderValidator checks an SMS sender as the SMS pages document it: 1 to
// 11 Latin letters, digits, spaces and printable ASCII symbols, or 1 to 15
// digits. The OpenAPI file says at least 3: a shorter sender gets a warning.
type smsSenderValidator struct{}

func (smsSenderValidator) Description(context.Context) string { return smsSenderRule }

func (v smsSenderValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (smsSenderValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	sender := req.ConfigValue.ValueString()
	if !smsSenderPattern.MatchString(sender) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid SMS Sender",
			fmt.Sprintf("Attribute %s %s; %q is not. Use a sender registered for the account.", req.Path, smsSenderRule, sender))
		return
	}
	if len(sender) < 3 {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Disputed Limit",
			fmt.Sprintf("Attribute %s is %d characters. The SMS pages allow 1 to 11 (or 1 to 15 digits), the OpenAPI file "+
				"3 to 11 (or 3 to 15): One-API may refuse the campaign when it is created (nothing is sent then).", req.Path, len(sender)))
	}
}
