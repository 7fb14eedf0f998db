package framework

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// A set's elements have no index a user could write, so the rules of set
// elements report on the set and name the element by its value
// (`recipients.phones has "+380661231231"`), not in the framework's path
// syntax (`recipients.phones[Value("+380661231231")]`).

// setRule is a set validator that checks each known element.
type setRule struct {
	description string
	check       func(p path.Path, elem attr.Value, d *diag.Diagnostics)
}

func (r setRule) Description(context.Context) string         { return r.description }
func (r setRule) MarkdownDescription(context.Context) string { return r.description }

func (r setRule) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, e := range req.ConfigValue.Elements() {
		if !e.IsNull() && !e.IsUnknown() {
			r.check(req.Path, e, &resp.Diagnostics)
		}
	}
}

// IDsAre requires every element of a set to be an object's id (a positive
// whole number) of this kind ("contact list").
func IDsAre(kind string) validator.Set {
	return setRule{"each must be a " + kind + " id (1 or more)", func(p path.Path, e attr.Value, d *diag.Diagnostics) {
		if n, ok := e.(types.Int64); ok && n.ValueInt64() < 1 {
			d.AddAttributeError(p, "Invalid "+TitleCase(kind)+" Id", fmt.Sprintf("Attribute %s has %d, which is not a %s id: "+
				"ids are whole numbers from 1 up (oneapi_contact_list.NAME.id, or the oneapi_contact_lists data source).", p, n.ValueInt64(), kind))
		}
	}}
}

// StringIDsAre requires every element of a set of strings to be an object's
// id as the provider writes it (digits, 1 or more: oneapi_contact.NAME.id).
func StringIDsAre(kind string) validator.Set {
	return setRule{"each must be a " + kind + " id (digits)", func(p path.Path, e attr.Value, d *diag.Diagnostics) {
		if s, ok := e.(types.String); ok && !IDPattern.MatchString(s.ValueString()) {
			d.AddAttributeError(p, "Invalid "+TitleCase(kind)+" Id", fmt.Sprintf("Attribute %s has %q, which is not a %s id: "+
				"ids are the platform's whole numbers from 1 up, written as strings (oneapi_%s.NAME.id).", p, s.ValueString(), kind,
				strings.ReplaceAll(kind, " ", "_")))
		}
	}}
}
