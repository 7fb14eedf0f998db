package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12 and later): every object of the
// provider is known by its platform id, the state's id. Import blocks can
// name it (identity = { id = "53708808" }), and list resources return it.
//
// An unresolved create (a campaign whose create answer was lost) has no id
// yet; Terraform requires an identity after every create, so its identity
// id is "" until the refresh that finds the object writes the real one
// (which is why the campaign's identity is declared mutable).

// IdentitySchema is the identity of an object of this kind ("campaign").
func IdentitySchema(kind string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The " + kind + "'s numeric id on the platform, as a string.",
			},
		},
	}
}

// SetIdentity writes the object's id into its identity: "" while the id is
// not known.
func SetIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id types.String, diags *diag.Diagnostics) {
	if identity == nil {
		return // a Terraform without identities
	}
	diags.Append(identity.SetAttribute(ctx, path.Root("id"), id.ValueString())...)
}

// ImportID is the id an import names: the import id (terraform import, an
// import block's id), or the id of an import block's identity.
func ImportID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil {
		return req.ID
	}
	var id types.String
	diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &id)...)
	return id.ValueString()
}
