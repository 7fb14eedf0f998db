package campaign

// The oneapi_campaign list resource (terraform query, Terraform 1.14 and
// later): the account's campaigns by the oneapi_campaigns data source's
// filters, streamed page by page.

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var _ list.ListResourceWithConfigure = (*campaignList)(nil)

// NewListResource returns the oneapi_campaign list resource.
func NewListResource() list.ListResource { return &campaignList{} }

type campaignList struct {
	framework.ListBase
}

func (l *campaignList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign"
}

func (l *campaignList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := map[string]schema.Attribute{}
	for name, f := range campaignFilters {
		if f.many {
			attrs[name] = schema.ListAttribute{MarkdownDescription: f.doc, ElementType: types.StringType, Optional: true,
				Validators: []validator.List{listvalidator.ValueStringsAre(f.str...)}}
		} else {
			attrs[name] = schema.StringAttribute{MarkdownDescription: f.doc, Optional: true, Validators: f.str}
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the account's campaigns for `terraform query` by the filters of the `oneapi_campaigns` data " +
			"source: `type` and the creation window are sent to `GET /api/campaigns` (every type, " + framework.Sentence(campaignTypes, "and") + ", when `type` is omitted, and " +
			"consecutive three-month windows for a longer range), the other filters are applied to the answers. Results " +
			"arrive page by page (500 a page), in ascending id within a type, each with its identity (`id`). Terraform " +
			"takes at most the list block's `limit` (default 100), and the provider reads no page beyond it.\n\n" +
			"With `include_resource = true` each result is the campaign as an import writes it: its id, the statuses, " +
			"times and statistics the API reports, `stop_on_destroy = true`, and no content (the API does not return " +
			"recipients, texts or cards). `terraform query -generate-config-out=FILE` therefore writes resource blocks " +
			"without content, which the resource accepts for an imported campaign only: the generated configuration " +
			"plans imports, never a new campaign.",
		Attributes: attrs,
	}
}

func (l *campaignList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter campaignFilter
	if diags := req.Config.Get(ctx, &filter); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	keep, zone := filter.keeps(), l.Client.TimeZone()
	stream.Results = func(push func(list.ListResult) bool) {
		more := true
		for _, opts := range filter.listOptions(zone) {
			err := l.Client.EachCampaign(ctx, opts, func(c *client.Campaign) bool {
				if !keep(c) {
					return true
				}
				more = push(campaignResult(ctx, req, c, zone))
				return more
			})
			if filter.typeNotListable(err) {
				tflog.Warn(ctx, typeNotListedWarning([]string{opts.Type}, err).Detail())
				continue
			}
			if err != nil {
				result := req.NewListResult(ctx)
				result.Diagnostics.Append(apiErrorDiagnostic("Unable to List Campaigns", l.Client, "", err))
				push(result)
				return
			}
			if !more {
				return
			}
		}
	}
}

// campaignResult is one found campaign: its identity, a display name and,
// when asked for, the campaign as an import and its refresh write it.
func campaignResult(ctx context.Context, req list.ListRequest, c *client.Campaign, zone *time.Location) list.ListResult {
	result := req.NewListResult(ctx)
	id := types.StringValue(fmt.Sprint(c.ID))
	result.DisplayName = fmt.Sprintf("%s (%s, %s)", c.Name, c.MessageType, c.Status)
	framework.SetIdentity(ctx, result.Identity, id, &result.Diagnostics)
	if !req.IncludeResource {
		return result
	}
	state, err := refreshedState(ctx, importedState(ctx, result.Resource.Raw.Type(), c.ID), c, zone)
	if err != nil {
		result.Diagnostics.AddError("Unable to List Campaigns", fmt.Sprintf("Writing campaign %d as a resource failed: %s. "+
			"Please report this issue to the provider developers.", c.ID, err))
		return result
	}
	result.Resource.Raw = state
	return result
}

// importedState is what ImportState writes for a campaign: its id and
// stop_on_destroy's default, everything else null.
func importedState(ctx context.Context, typ tftypes.Type, id int64) tftypes.Value {
	schemaAttrs := campaignSchema().Attributes
	attrs := make(map[string]tftypes.Value, len(schemaAttrs))
	for name, a := range schemaAttrs {
		attrs[name] = tftypes.NewValue(a.GetType().TerraformType(ctx), nil)
	}
	attrs["id"] = tftypes.NewValue(tftypes.String, fmt.Sprint(id))
	attrs["stop_on_destroy"] = tftypes.NewValue(tftypes.Bool, true)
	return tftypes.NewValue(typ, attrs)
}
