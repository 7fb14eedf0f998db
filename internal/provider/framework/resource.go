package framework

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// Resource is the skeleton of a resource whose object sends nothing (a
// contact list, a contact), so a refresh that meets a 404 drops it and the
// next apply creates it again, harmlessly: Metadata, Configure, Read,
// Delete, ImportState by the numeric id (an import id or an identity), and
// the identity (identity.go). A family writes the schema, Create and Update
// (ending in Save), and says in Object how its object is read, deleted and
// mapped. Campaigns, whose create sends messages, have their own.
type Resource[M WithID, O any] struct {
	ResourceBase
	Object Object[M, O]
}

// Object is what the skeleton needs of one kind of object.
type Object[M WithID, O any] struct {
	// Suffix follows the provider's type name: "_contact_list".
	Suffix string
	// Kind names the object in diagnostics and ids: "contact list".
	Kind string
	// Name names one object, for diagnostics.
	Name func(id string) APIObject
	// Get and Delete are the client's calls, (*client.Client).GetContactList.
	Get    func(c *client.Client, ctx context.Context, id int64) (*O, error)
	Delete func(c *client.Client, ctx context.Context, id int64) error
	// FromAPI writes what the API answered into the model.
	FromAPI func(m *M, o *O)
	// ImportExample is the import command's arguments in the error about
	// a bad import id: "oneapi_contact_list.vip 1864620".
	ImportExample string
}

func (r *Resource[M, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.Object.Suffix
}

func (r *Resource[M, O]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = IdentitySchema(r.Object.Kind)
}

// Save writes the model into the state and its id into the identity: how
// every Create, Read and Update ends.
func Save[M WithID](ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, m *M, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, m)...)
	SetIdentity(ctx, identity, (*m).ObjectID(), diags)
}

func (r *Resource[M, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, id, ok := ModelAndID[M](ctx, req.State.Get, r.Object.Kind, &resp.Diagnostics)
	if !ok {
		return
	}
	o, err := r.Object.Get(r.Client, ctx, id)
	if client.IsNotFound(err) {
		// Deleted outside Terraform: creating it again sends nothing. The
		// framework wants an identity even then (a state written before
		// identities, or by a Terraform without them, has none).
		SetIdentity(ctx, resp.Identity, state.ObjectID(), &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(ObjectErrorDiagnostic("Unable to Read "+TitleCase(r.Object.Kind), r.Client, r.Object.Name(state.ObjectID().ValueString()), err))
		return
	}
	r.Object.FromAPI(&state, o)
	Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *Resource[M, O]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, id, ok := ModelAndID[M](ctx, req.State.Get, r.Object.Kind, &resp.Diagnostics)
	if !ok {
		return
	}
	if err := r.Object.Delete(r.Client, ctx, id); err != nil {
		resp.Diagnostics.Append(ObjectErrorDiagnostic("Unable to Delete "+TitleCase(r.Object.Kind), r.Client, r.Object.Name(state.ObjectID().ValueString()), err))
	}
}

// ImportState takes the import id, or the identity's, as the object's
// numeric id.
func (r *Resource[M, O]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	kind := r.Object.Kind
	id := ImportID(ctx, req, &resp.Diagnostics)
	if _, diags := ParseID(kind, id, path.Empty()); diags.HasError() {
		resp.Diagnostics.AddError("Invalid Import Id",
			fmt.Sprintf("%s Import with the numeric id of the %s, for example: terraform import %s", diags.Errors()[0].Detail(), kind, r.Object.ImportExample))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	SetIdentity(ctx, resp.Identity, types.StringValue(id), &resp.Diagnostics)
}
