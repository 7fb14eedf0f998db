package framework

// A phone number as One-API takes it, in one place: the validators of every
// family's phone attributes and the provider::oneapi::phone function read
// a number with ParsePhone, so that the function's answer is exactly what
// the plan accepts.

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The length of a phone number as One-API takes it, in digits with the
// country code.
const (
	PhoneMinDigits = 9
	PhoneMaxDigits = 15
)

// phoneRule is how every phone attribute describes what it takes.
const phoneRule = "9 to 15 digits with the country code, without a plus or spaces, such as 380661231231"

// phoneSeparators are the characters people write between digits; they
// are dropped, as are any space (a no-break space of a copied number) and
// any dash (an en dash). A plus is taken only as the first character.
const phoneSeparators = " \t-.()/"

// ParsePhone returns a phone number written the way people write them
// ("+380 (66) 123-12-31") as One-API takes it (380661231231): digits only,
// 9 to 15 with the country code. It drops spaces, hyphens, dots, slashes
// and parentheses, and a plus before the first digit; anything else, or a
// count of digits outside 9 to 15, is an error naming what is wrong. A
// number already written as One-API takes it is returned unchanged.
func ParsePhone(text string) (string, error) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return "", fmt.Errorf("the number is empty")
	}
	var digits strings.Builder
	for i, r := range trimmed {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
		case r == '+':
			return "", fmt.Errorf("a plus is taken only before the country code, at the start; %q has one inside", text)
		case strings.ContainsRune(phoneSeparators, r), unicode.IsSpace(r), unicode.Is(unicode.Pd, r):
		default:
			return "", fmt.Errorf("%q is not a digit nor a separator (space, hyphen, dot, slash or parentheses)", r)
		}
	}
	n := digits.Len()
	switch {
	case n == 0:
		return "", fmt.Errorf("%q has no digits", text)
	case n < PhoneMinDigits || n > PhoneMaxDigits:
		return "", fmt.Errorf("%q has %d digits; One-API takes %d to %d, with the country code", text, n, PhoneMinDigits, PhoneMaxDigits)
	}
	return digits.String(), nil
}

// phoneProblem says why value is not a phone as One-API takes it, or ""
// when it is one: a number ParsePhone reads but that is written otherwise
// is refused with the form to write.
func phoneProblem(value string) string {
	digits, err := ParsePhone(value)
	switch {
	case err != nil:
		return err.Error()
	case digits != value:
		return fmt.Sprintf("write it as %s (provider::oneapi::phone(%q) writes it so)", digits, value)
	}
	return ""
}

// PhoneValidator requires a phone number as One-API takes it (ParsePhone,
// written as it returns it).
func PhoneValidator() validator.String {
	return StringCheck("must be "+phoneRule, func(p path.Path, v string, d *diag.Diagnostics) {
		if why := phoneProblem(v); why != "" {
			d.AddAttributeError(p, "Invalid Phone Number", fmt.Sprintf("Attribute %s must be %s; %q is not: %s.", p, phoneRule, v, why))
		}
	})
}

// PhonesAre requires every phone of a set to be one as One-API takes it.
func PhonesAre() validator.Set {
	return setRule{"each must be " + phoneRule, func(p path.Path, e attr.Value, d *diag.Diagnostics) {
		s, ok := e.(types.String)
		if !ok {
			return
		}
		if why := phoneProblem(s.ValueString()); why != "" {
			d.AddAttributeError(p, "Invalid Phone Number", fmt.Sprintf("Attribute %s has %q, which is not a phone number as "+
				"One-API takes it: %s; %s.", p, s.ValueString(), phoneRule, why))
		}
	}}
}
