package functions

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var _ function.Function = (*placeholdersFunction)(nil)

// NewPlaceholdersFunction returns provider::oneapi::placeholders,
// framework.FieldPlaceholders for a configuration: the placeholders the
// campaign checks against the account's contact fields.
func NewPlaceholdersFunction() function.Function { return &placeholdersFunction{} }

type placeholdersFunction struct{}

func (f *placeholdersFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "placeholders"
}

func (f *placeholdersFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "List the contact fields a text names as {field_id} placeholders",
		MarkdownDescription: "Returns the contact field ids a text names as `{field_id}` placeholders (`{12}`), each once, in " +
			"the order they first appear: the placeholders the platform fills with each contact's value in a campaign to " +
			"contact lists, and that `oneapi_campaign` checks against the account's fields at plan. A field written by " +
			"its name (`{city}`) is not listed: the platform never fills it in, and a campaign to contact lists refuses " +
			"a `{name}` that is one of the account's field names. Compare the result with `oneapi_contact_field` ids " +
			"(`tostring(oneapi_contact_field.city.id)`) in a check of your own.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "text", MarkdownDescription: "A campaign text."},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *placeholdersFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var text string
	resp.Error = req.Arguments.Get(ctx, &text)
	if resp.Error != nil {
		return
	}
	ids := []string{}
	for _, id := range framework.FieldPlaceholders(text) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	resp.Error = resp.Result.Set(ctx, ids)
}
