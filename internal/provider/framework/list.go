package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// ListResource is the skeleton of a list resource (terraform query) whose
// results are a resource's objects mapped into its model M, as a refresh
// writes them: a family says in Listing how its objects are found by a
// filter F (the list block's configuration) and named. Campaigns, whose
// state is written in place, have their own.
type ListResource[F any, M WithID, O any] struct {
	ListBase
	Listing Listing[F, M, O]
}

// Listing is what the skeleton needs of one kind of object.
type Listing[F any, M WithID, O any] struct {
	// Suffix follows the provider's type name: the resource's, "_contact".
	Suffix string
	// Kind names the object in diagnostics: "contact".
	Kind string
	// Doc and Filters are the list block's schema.
	Doc     string
	Filters map[string]schema.Attribute
	// Each streams the objects the filter finds, page by page, until
	// yield returns false.
	Each func(ctx context.Context, c *client.Client, filter F, yield func(*O) bool) error
	// FromAPI writes an object into the resource's model.
	FromAPI func(m *M, o *O)
	// DisplayName names a result for the CLI.
	DisplayName func(o *O) string
}

func (l *ListResource[F, M, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.Listing.Suffix
}

func (l *ListResource[F, M, O]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{MarkdownDescription: l.Listing.Doc, Attributes: l.Listing.Filters}
}

func (l *ListResource[F, M, O]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter F
	if diags := req.Config.Get(ctx, &filter); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		err := l.Listing.Each(ctx, l.Client, filter, func(o *O) bool {
			result := req.NewListResult(ctx)
			var m M
			l.Listing.FromAPI(&m, o)
			result.DisplayName = l.Listing.DisplayName(o)
			SetIdentity(ctx, result.Identity, m.ObjectID(), &result.Diagnostics)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
			return push(result)
		})
		if err != nil {
			push(list.ListResult{Diagnostics: diag.Diagnostics{
				ObjectErrorDiagnostic("Unable to List "+TitleCase(l.Listing.Kind)+"s", l.Client, APIObject{Kind: l.Listing.Kind}, err)}})
		}
	}
}
