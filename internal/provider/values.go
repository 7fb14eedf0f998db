package provider

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What every resource and data source shares: ids and the predicates on
// attribute values.

// idPattern is an id as the provider writes it: the API's integer id in
// decimal.
var idPattern = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)

// parseID reads the id of a kind of object ("campaign", "contact list");
// p is the attribute a bad id is reported on.
func parseID(kind, s string, p path.Path) (int64, diag.Diagnostics) {
	var diags diag.Diagnostics
	summary := "Invalid " + titleCase(kind) + " Id"
	if !idPattern.MatchString(s) {
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

// withID is a resource model that holds its object's id.
type withID interface{ objectID() types.String }

// modelAndID reads a resource's model with get (a state's or plan's Get)
// and parses the id it holds; ok is false when diags has an error.
func modelAndID[M withID](ctx context.Context, get func(context.Context, any) diag.Diagnostics, kind string, diags *diag.Diagnostics) (M, int64, bool) {
	var m M
	diags.Append(get(ctx, &m)...)
	if diags.HasError() {
		return m, 0, false
	}
	id, ds := parseID(kind, m.objectID().ValueString(), path.Root("id"))
	diags.Append(ds...)
	return m, id, !diags.HasError()
}

// titleCase writes each word of s with a capital, for a summary.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// known reports a configured value: neither null nor unknown. isNull
// reports a value known to be absent. An unknown value is neither.
func known(v attr.Value) bool  { return v != nil && !v.IsNull() && !v.IsUnknown() }
func isNull(v attr.Value) bool { return v == nil || v.IsNull() }

// objectAttrs returns the attributes of a known, non-null object, or nil.
func objectAttrs(v attr.Value) map[string]attr.Value {
	if o, ok := v.(types.Object); ok && known(o) {
		return o.Attributes()
	}
	return nil
}

// listElems returns the elements of a known, non-null list, or nil.
func listElems(v attr.Value) []attr.Value {
	if l, ok := v.(types.List); ok && known(l) {
		return l.Elements()
	}
	return nil
}
