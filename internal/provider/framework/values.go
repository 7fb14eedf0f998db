package framework

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What every resource and data source shares: ids and the predicates on
// attribute values.

// PhonePattern is a phone as One-API takes it: 9 to 15 digits, no plus.
var PhonePattern = regexp.MustCompile(`^[0-9]{9,15}$`)

// IDPattern is an id as the provider writes it: the API's integer id in
// decimal.
var IDPattern = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)

// ParseID reads the id of a kind of object ("campaign", "contact list");
// p is the attribute a bad id is reported on.
func ParseID(kind, s string, p path.Path) (int64, diag.Diagnostics) {
	var diags diag.Diagnostics
	summary := "Invalid " + TitleCase(kind) + " Id"
	if !IDPattern.MatchString(s) {
		diags.AddAttributeError(p, summary, fmt.Sprintf("%q is not a %s id (digits only).", s, kind))
		return 0, diags
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		diags.AddAttributeError(p, summary,
			fmt.Sprintf("%q is out of range: a %s id is a whole number from 1 to %d.", s, kind, int64(math.MaxInt64)))
	}
	return id, diags
}

// WithID is a resource model that holds its object's id.
type WithID interface{ ObjectID() types.String }

// ModelAndID reads a resource's model with get (a state's or plan's Get)
// and parses the id it holds; ok is false when diags has an error.
func ModelAndID[M WithID](ctx context.Context, get func(context.Context, any) diag.Diagnostics, kind string, diags *diag.Diagnostics) (M, int64, bool) {
	var m M
	diags.Append(get(ctx, &m)...)
	if diags.HasError() {
		return m, 0, false
	}
	id, ds := ParseID(kind, m.ObjectID().ValueString(), path.Root("id"))
	diags.Append(ds...)
	return m, id, !diags.HasError()
}

// TitleCase writes each word of s with a capital, for a summary.
func TitleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// Known reports a configured value: neither null nor unknown. IsNull
// reports a value Known to be absent. An unknown value is neither.
func Known(v attr.Value) bool  { return v != nil && !v.IsNull() && !v.IsUnknown() }
func IsNull(v attr.Value) bool { return v == nil || v.IsNull() }

// ObjectAttrs returns the attributes of a Known, non-null object, or nil.
func ObjectAttrs(v attr.Value) map[string]attr.Value {
	if o, ok := v.(types.Object); ok && Known(o) {
		return o.Attributes()
	}
	return nil
}

// ListElems returns the elements of a Known, non-null list, or nil.
func ListElems(v attr.Value) []attr.Value {
	if l, ok := v.(types.List); ok && Known(l) {
		return l.Elements()
	}
	return nil
}

// SetStrings are the known strings of a set of strings, in the set's order;
// nil for a null or unknown set.
func SetStrings(s types.Set) []string {
	if !Known(s) {
		return nil
	}
	out := make([]string, 0, len(s.Elements()))
	for _, e := range s.Elements() {
		if v, ok := e.(types.String); ok && Known(v) {
			out = append(out, v.ValueString())
		}
	}
	return out
}

// StringSet is a set of these strings (empty, not null, for none).
func StringSet(values []string) types.Set {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

// Without are the strings of a that b lacks, in a's order.
func Without(a, b []string) []string {
	var out []string
	for _, v := range a {
		if !slices.Contains(b, v) {
			out = append(out, v)
		}
	}
	return out
}
