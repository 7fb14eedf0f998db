package shortlink

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What both resources share: uuid ids (the framework's id helpers are for
// the API's integer ids), their identity and import, and the URL rule.

// uuidPattern is an id as the short-link API writes it.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// uuidValidator refuses what is not a uuid.
func uuidValidator(kind string) validator.String {
	return framework.StringCheck("must be a "+kind+" id (a uuid)", func(p path.Path, v string, d *diag.Diagnostics) {
		if !uuidPattern.MatchString(v) {
			d.AddAttributeError(p, "Invalid "+framework.TitleCase(kind)+" Id", fmt.Sprintf("%q is not a %s id (a uuid such as db05af9e-107e-4ed6-b1ac-a373d90109c8).", v, kind))
		}
	})
}

// urlValidator refuses what is not an absolute http(s) URL of at most
// most characters (the API's format: url).
func urlValidator(most int) validator.String {
	return framework.StringCheck(fmt.Sprintf("must be an http or https URL of at most %d characters", most), func(p path.Path, v string, d *diag.Diagnostics) {
		u, err := url.Parse(v)
		switch {
		case utf16Len(v) > most || v == "":
			d.AddAttributeError(p, "Invalid URL", fmt.Sprintf("%s must be 1 to %d characters, got %d.", p, most, utf16Len(v)))
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			d.AddAttributeError(p, "Invalid URL", fmt.Sprintf("%s must be an absolute http or https URL such as https://example.com/page, got %q.", p, v))
		}
	})
}

// identitySchema is the identity of an object with a uuid id.
func identitySchema(kind string) identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: "The " + kind + "'s id on the platform (a uuid)."},
	}}
}

// importByUUID takes the import id, or the identity's, as the object's uuid.
func importByUUID(ctx context.Context, kind, example string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportID(ctx, req, &resp.Diagnostics)
	if !uuidPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid Import Id",
			fmt.Sprintf("%q is not a %s id. Import with the %s's uuid, for example: terraform import %s", id, kind, kind, example))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	framework.SetIdentity(ctx, resp.Identity, types.StringValue(id), &resp.Diagnostics)
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
