package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestParsePhone: what people write, as One-API takes it, or the reason.
func TestParsePhone(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"380661231231":                          "380661231231",
		"+380 (66) 123-12-31":                   "380661231231",
		" +380661231231 ":                       "380661231231",
		"+1 202.555.0143":                       "12025550143",
		"+44 20 7946 0958":                      "442079460958",
		"380/66/1231231":                        "380661231231",
		"123456789":                             "123456789",
		"123456789012345":                       "123456789012345",
		"+380\t66 123 12 31":                    "380661231231",
		"+380\u00a066\u00a0123\u202f12\u202f31": "380661231231", // no-break spaces of a copied number
		"+380 66 123\u201312\u201331":           "380661231231", // en dashes
		"066 123 12 31 (local)":                 "",
	} {
		got, err := ParsePhone(in)
		switch {
		case want == "" && err == nil:
			t.Errorf("ParsePhone(%q) = %q, want an error", in, got)
		case want != "" && (err != nil || got != want):
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, says := range map[string]string{
		"":                    "the number is empty",
		"   ":                 "the number is empty",
		"+":                   "has no digits",
		"()-":                 "has no digits",
		"38066123":            "has 8 digits; One-API takes 9 to 15",
		"1234567890123456":    "has 16 digits; One-API takes 9 to 15",
		"380+661231231":       "a plus is taken only before the country code",
		"++380661231231":      "a plus is taken only before the country code",
		"38066123abc1":        `'a' is not a digit nor a separator`,
		"380661231231 ext 12": `'e' is not a digit nor a separator`,
		"３８０６６１２３１２３１":        `'３' is not a digit`,
	} {
		if _, err := ParsePhone(in); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("ParsePhone(%q) error = %v, want one saying %q", in, err, says)
		}
	}
}

// TestPhoneValidatorTakesWhatParsePhoneWrites: the attributes accept a
// number exactly when it is written as ParsePhone writes it, and name the
// form to write.
func TestPhoneValidatorTakesWhatParsePhoneWrites(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"380661231231":        "",
		"+380661231231":       "write it as 380661231231",
		"+380 (66) 123-12-31": "write it as 380661231231",
		"38066123":            "has 8 digits",
	} {
		var resp validator.StringResponse
		PhoneValidator().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("phone"), ConfigValue: types.StringValue(in)}, &resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics.Errors()[0].Detail()
		}
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("PhoneValidator(%q): %q, want one saying %q", in, got, want)
		}
	}
}
