package framework

import (
	"context"
	"fmt"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// stringRule is a string validator made of its description and a check,
// which runs on known values only: an unknown value is checked once known.
type stringRule struct {
	description string
	check       func(p path.Path, value string, d *diag.Diagnostics)
}

func (r stringRule) Description(context.Context) string         { return r.description }
func (r stringRule) MarkdownDescription(context.Context) string { return r.description }

func (r stringRule) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	r.check(req.Path, req.ConfigValue.ValueString(), &resp.Diagnostics)
}

// StringCheck is a string validator of a description and a check.
func StringCheck(description string, check func(p path.Path, value string, d *diag.Diagnostics)) validator.String {
	return stringRule{description, check}
}

// UTF16LengthUpTo requires 1 to hi characters counted as the API does
// (UTF-16 code units: a simple emoji counts two), which
// stringvalidator.LengthBetween (bytes) does not.
func UTF16LengthUpTo(hi int) validator.String { return UTF16LengthBetween(1, hi) }

// UTF16LengthBetween requires lo to hi characters counted the same way.
func UTF16LengthBetween(lo, hi int) validator.String {
	return stringRule{fmt.Sprintf("must be %d to %d characters (emoji count as two)", lo, hi), func(p path.Path, v string, d *diag.Diagnostics) {
		if n := len(utf16.Encode([]rune(v))); n < lo || n > hi {
			d.AddAttributeError(p, "Invalid Text Length",
				fmt.Sprintf("Attribute %s must be %d to %d characters as One-API counts them (emoji count as two); it has %d.", p, lo, hi, n))
		}
	}}
}

// IDValidator requires an object's id as ParseID reads it: digits, in
// range.
func IDValidator(kind string) validator.String {
	return stringRule{"must be a " + kind + " id: digits only", func(p path.Path, v string, d *diag.Diagnostics) {
		_, ds := ParseID(kind, v, p)
		d.Append(ds...)
	}}
}
