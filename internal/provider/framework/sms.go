package framework

// The SMS limits, shared by every family that sends SMS (campaigns, their
// fallback, the price estimate, the single message action): the text's
// length in GSM 7-bit or UCS-2, and the sender.

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var smsSenderPattern = regexp.MustCompile(`^([0-9]{1,15}|[ -~]{1,11})$`)

const smsSenderRule = "must be 1 to 11 Latin letters, digits, spaces and ASCII symbols, or 1 to 15 digits"

// The SMS text limits: characters in GSM 7-bit, and in UCS-2 by the
// OpenAPI file and by the SMS pages (the disputed band between them plans
// with a warning).
const (
	SMSMaxGSM       = 765
	SMSMaxUCS2      = 355
	SMSPagesMaxUCS2 = 335
)

// SMSTextValidator checks the documented SMS text limits: 765 characters in
// GSM 7-bit (extension characters such as € and [ take two), or, when any
// character is outside GSM 7-bit (UCS-2), 355 UTF-16 units (the OpenAPI
// file) with a warning above 335 (the SMS pages' limit).
func SMSTextValidator() validator.String {
	return StringCheck(fmt.Sprintf("must be at most %d GSM 7-bit characters, or %d characters in UCS-2 (warning above %d)",
		SMSMaxGSM, SMSMaxUCS2, SMSPagesMaxUCS2), CheckSMSText)
}

// CheckSMSText is SMSTextValidator's check of one text at p, for rules
// applied outside a schema (ValidateConfig). It judges the text by
// CountSMS, as the provider::oneapi::sms_parts function reports it.
func CheckSMSText(p path.Path, value string, d *diag.Diagnostics) {
	if value == "" {
		d.AddAttributeError(p, "Empty SMS Text", fmt.Sprintf("Attribute %s must not be empty.", p))
		return
	}
	c := CountSMS(value)
	switch {
	case c.Encoding == SMSEncodingGSM && c.Characters > c.MaxCharacters:
		d.AddAttributeError(p, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s is %d GSM 7-bit characters; One-API accepts at most %d. Shorten the text.", p, c.Characters, SMSMaxGSM))
	case c.Characters > c.MaxCharacters:
		d.AddAttributeError(p, "SMS Text Too Long",
			fmt.Sprintf("Attribute %s needs UCS-2 (it has characters outside GSM 7-bit) and is %d characters; One-API accepts at most %d. "+
				"Shorten the text or use only GSM 7-bit characters (then %d are allowed).", p, c.Characters, SMSMaxUCS2, SMSMaxGSM))
	case c.Encoding == SMSEncodingUCS2 && c.Characters > SMSPagesMaxUCS2:
		d.AddAttributeWarning(p, "Disputed Limit",
			fmt.Sprintf("Attribute %s needs UCS-2 and is %d characters. The sources disagree: the SMS pages allow %d "+
				"(Cyrillic) characters, the OpenAPI file %d. One-API may refuse the campaign when it is created "+
				"(nothing is sent then); at most %d is safe under both readings.", p, c.Characters, SMSPagesMaxUCS2, SMSMaxUCS2, SMSPagesMaxUCS2))
	}
}

// The encodings of an SMS text, as CountSMS names them.
const (
	SMSEncodingGSM  = "gsm7"
	SMSEncodingUCS2 = "ucs2"
)

// The characters of one SMS part: a text up to the single limit goes as
// one message; a longer one is split into parts of the concatenated limit
// (GSM 03.38: the rest of each part carries the header that joins them),
// never splitting a two-unit character (smsParts).
// The platform documents no split; its limits are these parts' multiples
// (765 = 5 x 153, 335 = 5 x 67).
const (
	SMSSingleGSM        = 160
	SMSConcatenatedGSM  = 153
	SMSSingleUCS2       = 70
	SMSConcatenatedUCS2 = 67
)

// SMSCount is one text as One-API counts it: its encoding, its length in
// that encoding's units (GSM 7-bit septets, an extension character two; or
// UTF-16 units, an emoji two), the parts it is sent in, and the most
// characters the plan accepts in that encoding (in UCS-2 the OpenAPI
// file's 355: 336 to 355 plan with the Disputed Limit warning).
type SMSCount struct {
	Encoding      string
	Characters    int
	Parts         int
	MaxCharacters int
}

// CountSMS counts a text the way CheckSMSText judges it. An empty text is
// 0 characters in 0 parts (and refused by CheckSMSText).
func CountSMS(text string) SMSCount {
	n, gsm := SMSLength(text)
	c := SMSCount{Encoding: SMSEncodingGSM, Characters: n, MaxCharacters: SMSMaxGSM}
	single, concatenated := SMSSingleGSM, SMSConcatenatedGSM
	if !gsm {
		c.Encoding, c.MaxCharacters = SMSEncodingUCS2, SMSMaxUCS2
		single, concatenated = SMSSingleUCS2, SMSConcatenatedUCS2
	}
	switch {
	case n == 0:
	case n <= single:
		c.Parts = 1
	default:
		c.Parts = smsParts(text, gsm, concatenated)
	}
	return c
}

// Disputed reports a UCS-2 text longer than the SMS pages allow and within
// the OpenAPI file's limit: the plan warns, and One-API may refuse it.
func (c SMSCount) Disputed() bool {
	return c.Encoding == SMSEncodingUCS2 && c.Characters > SMSPagesMaxUCS2 && c.Characters <= SMSMaxUCS2
}

// smsParts is how many parts of at most per units a long text is sent in:
// parts are filled in order, and a character never straddles two (an
// extension character's escape and code, or an emoji's surrogate pair,
// travel in one part), so a part of them may carry one unit less.
func smsParts(text string, gsm bool, per int) int {
	parts, used := 1, 0
	for _, r := range text {
		u := 1
		if gsm && strings.ContainsRune(gsm7Extension, r) || !gsm && r > 0xFFFF {
			u = 2
		}
		if used+u > per {
			parts, used = parts+1, 0
		}
		used += u
	}
	return parts
}

const (
	gsm7Basic     = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsm7Extension = "^{}\\[~]|€\f"
)

// SMSLength returns the length in GSM 7-bit septets and true, or in UTF-16
// units and false when the text needs UCS-2.
func SMSLength(text string) (int, bool) {
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

// SMSSenderValidator checks an SMS sender as the SMS pages document it: 1 to
// 11 Latin letters, digits, spaces and printable ASCII symbols, or 1 to 15
// digits. The OpenAPI file says at least 3: a shorter sender gets a warning.
func SMSSenderValidator() validator.String {
	return StringCheck(smsSenderRule, CheckSMSSender)
}

// CheckSMSSender is SMSSenderValidator's check of one sender at p.
func CheckSMSSender(p path.Path, sender string, d *diag.Diagnostics) {
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
