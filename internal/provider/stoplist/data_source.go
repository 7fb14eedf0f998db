package stoplist

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
)

// NewStopListDataSource returns the oneapi_stop_list data source: the
// account's stop list, every entry or those of a channel or of some
// phones, read page by page (GET /api/stoplist) and filtered by the
// provider, whichever of the documented filter names the platform reads.
func NewStopListDataSource() datasource.DataSource {
	return framework.NewDataSource("_stop_list", stopListSchema, readStopList)
}

type stopListModel struct {
	Channel types.String `tfsdk:"channel"`
	Search  types.Set    `tfsdk:"search_phones"`
	Phones  types.Set    `tfsdk:"phones"`
	Entries types.List   `tfsdk:"entries"`
	framework.DataSourceTimeouts
}

var entryType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"id": types.StringType, "phone": types.StringType, "created_at": types.StringType,
	"channels": types.SetType{ElemType: types.StringType},
}}

func stopListSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's stop list: the phones that must not receive a channel's messages, whoever put " +
			"them there (`oneapi_stop_list_entries`, a subscriber who opted out, the web interface). For preconditions such as " +
			"\"none of this campaign's phones is opted out\": `length(data.oneapi_stop_list.x.phones) == 0` with " +
			"`search_phones` set to the campaign's phones.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"channel": schema.StringAttribute{
				MarkdownDescription: "Only entries that stop this channel: `sms`, `viber` or `rcs`. Every entry when omitted.",
				Optional:            true,
				Validators:          []validator.String{channelIs()},
			},
			"search_phones": schema.SetAttribute{
				MarkdownDescription: "Only these phones (9 to 15 digits, no plus). Every phone when omitted.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.Set{framework.PhonesAre()},
			},
			"phones": schema.SetAttribute{
				MarkdownDescription: "The phones of `entries`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"entries": schema.ListNestedAttribute{
				MarkdownDescription: "The entries found, by id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         schema.StringAttribute{MarkdownDescription: "Entry id.", Computed: true},
					"phone":      schema.StringAttribute{MarkdownDescription: "Phone, digits only.", Computed: true},
					"created_at": schema.StringAttribute{MarkdownDescription: "When the entry was made, as the platform writes it.", Computed: true},
					"channels": schema.SetAttribute{
						MarkdownDescription: "The channels the entry stops: `sms`, `viber`, `rcs`.",
						ElementType:         types.StringType,
						Computed:            true,
					},
				}},
			},
		},
	}
}

func readStopList(ctx context.Context, c *client.Client, data *stopListModel, diags *diag.Diagnostics) {
	channel := data.Channel.ValueString()
	search := framework.SetStrings(data.Search)
	var found []client.StopListEntry
	err := c.EachStopListEntry(ctx, func(e *client.StopListEntry) bool {
		if (channel == "" || e.On(channel)) && len(e.Channels()) > 0 &&
			(data.Search.IsNull() || slices.Contains(search, e.Phone.String())) {
			found = append(found, *e)
		}
		return true
	})
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to Read the Stop List", c, stopListObject(channel), err))
		return
	}
	slices.SortFunc(found, func(a, b client.StopListEntry) int { return cmp.Compare(a.ID, b.ID) })
	phones := make([]string, 0, len(found))
	entries := make([]attr.Value, 0, len(found))
	for _, e := range found {
		phones = append(phones, e.Phone.String())
		entries = append(entries, types.ObjectValueMust(entryType.AttrTypes, map[string]attr.Value{
			"id": types.StringValue(strconv.FormatInt(e.ID, 10)), "phone": types.StringValue(e.Phone.String()),
			"created_at": types.StringPointerValue(e.CreatedAt), "channels": framework.StringSet(e.Channels()),
		}))
	}
	data.Phones = framework.StringSet(phones)
	data.Entries = types.ListValueMust(entryType, entries)
}
