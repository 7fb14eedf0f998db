package otp

// The list resource oneapi_otp_template (terraform query, Terraform 1.14
// and later), on the shared skeleton (framework.ListResource).

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewListOfTemplates returns the oneapi_otp_template list resource.
func NewListOfTemplates() list.ListResource {
	return &framework.ListResource[templateFilter, templateModel, client.OTPTemplate]{Listing: framework.Listing[templateFilter, templateModel, client.OTPTemplate]{
		Suffix: "_otp_template", Kind: "2FA template",
		Doc: "Finds the account's 2FA message templates for `terraform query` (`GET /api/2fa/authentications/templates`, 500 a " +
			"page, streamed; deleted ones left out), each with its identity (`id`) and, with `include_resource = true`, the " +
			"template as a refresh writes it.",
		Filters: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the template of exactly this name (names are unique in an account).",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(3, 50)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only templates in this moderation status: `requested`, `approved` or `rejected`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
			},
		},
		Each: func(ctx context.Context, c *client.Client, f templateFilter, yield func(*client.OTPTemplate) bool) error {
			name := f.Name.ValueString()
			return c.EachOTPTemplate(ctx, f.Status.ValueString(), func(t *client.OTPTemplate) bool {
				return (name != "" && t.Name != name) || yield(t)
			})
		},
		FromAPI:     (*templateModel).fromAPI,
		DisplayName: func(t *client.OTPTemplate) string { return t.Name },
	}}
}

type templateFilter struct {
	Name   types.String `tfsdk:"name"`
	Status types.String `tfsdk:"status"`
}
