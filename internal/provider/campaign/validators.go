package campaign

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// smsTextValidator checks the documented SMS text limits: 765 characters in
// GSM 7-bit (extension characters such as € and [ take two), or, when any
// character is outside GSM 7-bit (UCS-2), 355 UTF-16 units (the OpenAPI
// file) with a warning above 335 (the SMS pages' limit).
func smsTextValidator() validator.String {
	return framework.StringCheck("must be at most 765 GSM 7-bit characters, or 355 characters in UCS-2 (warning above 335)", checkSMSText)
}

func checkSMSText(p path.Path, value string, d *diag.Diagnostics) {
	text := value
	if text == "" {
		d.AddAttributeError(p, "Empty SMS Text", fmt.Sprintf("Attribute %s must not be empty.", p))
		return
	}
	n, gsm := smsLength(text)
	switch {
	case gsm && n > 765:
		d.AddAttributeError(p, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s is %d GSM 7-bit characters; One-API accepts at most 765. Shorten the text.", p, n))
	case !gsm && n > 355:
		d.AddAttributeError(p, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s needs UCS-2 (it has characters outside GSM 7-bit) and is %d characters; One-API accepts at most 355. "+
				"Shorten the text or use only GSM 7-bit characters (then 765 are allowed).", p, n))
	case !gsm && n > 335:
		d.AddAttributeWarning(p, "Disputed Limit",
			fmt.Sprintf("Attribute %s needs UCS-2 and is %d characters. The sources disagree: the SMS pages allow 335 "+
				"(Cyrillic) characters, the OpenAPI file 355. One-API may refuse the campaign when it is created "+
				"(nothing is sent then); at most 335 is safe under both readings.", p, n))
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
func timeValidator() validator.String {
	return framework.StringCheck("must be yyyy-mm-dd hh:mm:ss (in the provider's time_zone) or RFC 3339", checkTime)
}

func checkTime(p path.Path, value string, d *diag.Diagnostics) {
	if value == "" {
		d.AddAttributeError(p, "Empty Time",
			fmt.Sprintf("Attribute %s is an empty string. Omit the attribute instead (for start_at: the campaign is then sent at once).", p))
		return
	}
	if _, err := parseAccountTime(value, time.UTC); err != nil {
		local, offset := timeExamples(time.Now())
		d.AddAttributeError(p, "Invalid Time",
			fmt.Sprintf("Attribute %s: %s. Write it like %s (in the provider's time_zone) or %s.", p, err, local, offset))
	}
}

// timeExamples are the two spellings of a time, for an error's hint: 09:00
// two days after now, which a new campaign's start_at accepts in every time
// zone (the hint works when copied).
func timeExamples(now time.Time) (local, offset string) {
	day := now.UTC().AddDate(0, 0, 2)
	local = time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, time.UTC).Format(apiTimeLayout)
	offset = time.Date(day.Year(), day.Month(), day.Day(), 11, 0, 0, 0, time.FixedZone("", 2*3600)).Format(time.RFC3339)
	return local, offset
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
func smsSenderValidator() validator.String {
	return framework.StringCheck(smsSenderRule, checkSMSSender)
}

func checkSMSSender(p path.Path, sender string, d *diag.Diagnostics) {
	if !smsSenderPattern.MatchString(sender) {
		d.AddAttributeError(p, "Invalid SMS Sender",
			fmt.Sprintf("Attribute %s %s; %q is not. Use a sender registered for the account.", p, smsSenderRule, sender))
		return
	}
	if len(sender) < 3 {
		d.AddAttributeWarning(p, "Disputed Limit",
			fmt.Sprintf("Attribute %s is %d characters. The SMS pages allow 1 to 11 (or 1 to 15 digits), the OpenAPI file "+
				"3 to 11 (or 3 to 15): One-API may refuse the campaign when it is created (nothing is sent then).", p, len(sender)))
	}
}
