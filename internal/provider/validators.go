package provider

import (
	"context"
	"fmt"
	"regexp"
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

// campaignIDPattern is a campaign id as the provider writes it: the API's
// integer id in decimal.
var campaignIDPattern = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)

// utf16LengthUpTo requires 1 to hi characters counted as the API does
// (UTF-16 code units: a simple emoji counts two), which
// stringvalidator.LengthBetween does not.
func utf16LengthUpTo(hi int) validator.String { return utf16Length{1, hi} }

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
// GSM 7-bit (extension characters such as € and [ take two), or 355 UTF-16
// units when any character is outside GSM 7-bit (UCS-2).
type smsTextValidator struct{}

func (smsTextValidator) Description(context.Context) string {
	return "must be at most 765 GSM 7-bit characters, or 355 characters in UCS-2"
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

// apiTimeLayout is how One-API writes and reads times.
const apiTimeLayout = "2006-01-02 15:04:05"

// normalizeStartAt turns yyyy-mm-dd hh:mm:ss (taken as UTC) or RFC 3339 into
// the API's layout in UTC.
func normalizeStartAt(s string) (string, error) {
	if t, err := time.Parse(apiTimeLayout, s); err == nil {
		return t.Format(apiTimeLayout), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return "", fmt.Errorf("%q is neither yyyy-mm-dd hh:mm:ss nor RFC 3339", s)
	}
	return t.UTC().Format(apiTimeLayout), nil
}

// startAtValidator checks the two accepted spellings of start_at.
type startAtValidator struct{}

func (startAtValidator) Description(context.Context) string {
	return "must be yyyy-mm-dd hh:mm:ss (UTC) or RFC 3339"
}

func (v startAtValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (startAtValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := normalizeStartAt(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Start Time",
			fmt.Sprintf("Attribute %s: %s. Write it like 2026-12-01 09:00:00 (UTC) or 2026-12-01T11:00:00+02:00.", req.Path, err))
	}
}
