package campaign

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewCampaignsDataSource returns the oneapi_campaigns data source.
func NewCampaignsDataSource() datasource.DataSource {
	return framework.NewDataSource("_campaigns", campaignsSchema, readCampaigns)
}

type campaignsDataSourceModel struct {
	campaignFilter
	Campaigns types.List `tfsdk:"campaigns"`
	IDs       types.List `tfsdk:"ids"`
	framework.DataSourceTimeouts
}

// campaignFilter is the search of the oneapi_campaigns data source and of
// the oneapi_campaign list resource.
type campaignFilter struct {
	Type         types.String `tfsdk:"type"`
	Status       []string     `tfsdk:"status"` // a set in the data source, a list in the list block
	Sender       types.String `tfsdk:"sender"`
	NameContains types.String `tfsdk:"name_contains"`
	CreatedFrom  types.String `tfsdk:"created_from"`
	CreatedTo    types.String `tfsdk:"created_to"`
}

// filterAttribute is one attribute of campaignFilter: a string, or several
// (a set, or a list where list blocks have no sets) when many.
type filterAttribute struct {
	doc  string
	str  []validator.String
	many bool
}

// campaignFilters are the attributes of campaignFilter, for both schemas.
var campaignFilters = map[string]filterAttribute{
	"type": {doc: "Only campaigns of this message type: " + typesOr + ".",
		str: []validator.String{stringvalidator.OneOf(campaignTypes...)}},
	"status":        {doc: "Only campaigns in one of these statuses.", str: []validator.String{stringvalidator.OneOf(campaignStatuses...)}, many: true},
	"sender":        {doc: "Only campaigns of exactly this sender.", str: []validator.String{framework.UTF16LengthUpTo(255)}},
	"name_contains": {doc: "Only campaigns whose name contains this text (case-insensitive).", str: []validator.String{framework.UTF16LengthUpTo(255)}},
	"created_from": {doc: "Only campaigns created from this time on: RFC 3339, or `yyyy-mm-dd hh:mm:ss` in the " +
		"provider's `time_zone`; sent as `filter[from]` (`yyyy-mm-dd hh:mm:ss` in `time_zone`). Default: three months before `created_to`.",
		str: []validator.String{timeValidator()}},
	"created_to": {doc: "Only campaigns created up to this time, spelled like `created_from`; sent as `filter[to]`. Default: now.",
		str: []validator.String{timeValidator()}},
}

var campaignSummaryAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "sender": types.StringType, "status": types.StringType,
	"message_type": types.StringType, "start_at": types.StringType, "real_start_at": types.StringType,
	"finished_at": types.StringType, "created_at": types.StringType,
	"statistics": types.ObjectType{AttrTypes: statisticsAttrTypes},
}

func campaignsSchema(ctx context.Context, resp *datasource.SchemaResponse) { //nolint:funlen // a schema is one declaration, read best in one piece
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	attrs := map[string]schema.Attribute{
		"timeouts": dstimeouts.Attributes(ctx),
		"ids": schema.ListAttribute{
			MarkdownDescription: "Ids of the campaigns found, in ascending order.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"campaigns": schema.ListNestedAttribute{
			MarkdownDescription: "The campaigns found, in ascending order of id.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":            str("Campaign id."),
				"name":          str("Name the platform generated."),
				"sender":        str("RCS agent or SMS sender."),
				"status":        str("Current status."),
				"message_type":  str(typesOr + "."),
				"start_at":      str("When sending starts."),
				"real_start_at": str("When sending really started; null before."),
				"finished_at":   str("When the campaign finished or was stopped; null before."),
				"created_at":    str("When the campaign was created."),
				"statistics": schema.SingleNestedAttribute{
					MarkdownDescription: "Short delivery statistics.",
					Computed:            true,
					Attributes:          dataStatisticsAttributes(statisticsFields),
				},
			}},
		},
	}
	for name, f := range campaignFilters {
		if f.many {
			attrs[name] = schema.SetAttribute{MarkdownDescription: f.doc, ElementType: types.StringType, Optional: true,
				Validators: []validator.Set{setvalidator.ValueStringsAre(f.str...)}}
		} else {
			attrs[name] = schema.StringAttribute{MarkdownDescription: f.doc, Optional: true, Validators: f.str}
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's campaigns (`GET /api/campaigns`, every page, 500 at a time). " +
			"`type` and the creation window (`created_from`, `created_to`) are sent to the API; `status`, `sender` and " +
			"`name_contains` are applied to its answer, because the sources disagree on the names of the API's search " +
			"parameters (`search[field]` in the OpenAPI file, `filter[field]` on the RCS list page).\n\n" +
			"The list pages document that `filter[type]` defaults to `sms` and that one query spans at most three months " +
			"of creation time: without `type` the data source queries " + framework.Sentence(framework.Quoted(campaignTypes), "and") + " and merges them " +
			"(a refusal of one of them, such as `viber`, which the OpenAPI file's filter leaves out, is a warning); a window longer " +
			"than three months is read in consecutive windows. Without `created_from` and `created_to` the window is " +
			"the API's default, **the last three months**.",
		Attributes: attrs,
	}
}

func readCampaigns(ctx context.Context, c *client.Client, data *campaignsDataSourceModel, diags *diag.Diagnostics) {
	var found []client.Campaign
	var refused []string
	var refusal error
	for _, opts := range data.listOptions(c.TimeZone()) {
		some, err := c.ListCampaigns(ctx, opts)
		if data.typeNotListable(err) {
			if !slices.Contains(refused, opts.Type) {
				refused, refusal = append(refused, opts.Type), err
			}
			continue
		}
		if err != nil {
			diags.Append(apiErrorDiagnostic("Unable to List Campaigns", c, "", err))
			return
		}
		found = append(found, some...)
	}
	if len(refused) > 0 {
		diags.Append(typeNotListedWarning(refused, refusal))
	}
	found = filterCampaigns(found, data.campaignFilter)
	ids := make([]attr.Value, 0, len(found))
	items := make([]attr.Value, 0, len(found))
	for i := range found {
		o := observe(&found[i])
		ids = append(ids, o.ID)
		items = append(items, types.ObjectValueMust(campaignSummaryAttrTypes, map[string]attr.Value{
			"id": o.ID, "name": o.Name, "sender": o.Sender, "status": o.Status, "message_type": o.MessageType,
			"start_at": o.StartAt, "real_start_at": o.RealStartAt, "finished_at": o.FinishedAt,
			"created_at": o.CreatedAt, "statistics": o.Statistics,
		}))
	}
	data.IDs = types.ListValueMust(types.StringType, ids)
	data.Campaigns = types.ListValueMust(types.ObjectType{AttrTypes: campaignSummaryAttrTypes}, items)
}

// campaignTypes are the message types a search lists when it names none
// (every channel's, framework.MessageTypes): filter[type] defaults to sms,
// so a list without it would miss the rest. The OpenAPI file's
// filter[type] names sms, rcs and whatsapp; viber is the campaign's own
// message_type, and is asked for too (typeNotListable), as is every type
// a channel reports.
var (
	campaignTypes = framework.MessageTypes()
	// typesOr names them for a sentence: "`rcs`, `sms`, `viber` or `whatsapp`".
	typesOr = framework.Sentence(framework.Quoted(campaignTypes), "or")
)

// typeNotListable reports a list of one of campaignTypes, asked for
// without the configuration naming it, that the API refused (422): the
// documented filter[type] values leave out viber, so a platform that holds
// to them must not fail a search for the other types.
func (m campaignFilter) typeNotListable(err error) bool {
	return err != nil && m.Type.ValueString() == "" && client.IsUnprocessable(err)
}

// typeNotListedWarning is one warning for every type the API refused to
// list (err is a refusal).
func typeNotListedWarning(types []string, err error) diag.Diagnostic {
	names := framework.Sentence(types, "and")
	return diag.NewWarningDiagnostic("Campaign Type Not Listed", fmt.Sprintf("One-API refused to list %s campaigns "+
		"(filter[type]=%s): %s. The other types are listed; %s campaigns are left out. The OpenAPI file documents filter[type] "+
		"as sms, rcs or whatsapp only.", names, strings.Join(types, ", filter[type]="), err, names))
}

// listOptions are the list requests for a search: one per message type
// (campaignTypes), each over the creation window.
func (m campaignFilter) listOptions(zone *time.Location) []client.ListOptions {
	kinds := campaignTypes
	if t := m.Type.ValueString(); t != "" {
		kinds = []string{t}
	}
	from, _ := framework.ParseAccountTime(m.CreatedFrom.ValueString(), zone)
	to, _ := framework.ParseAccountTime(m.CreatedTo.ValueString(), zone)
	out := make([]client.ListOptions, 0, len(kinds))
	for _, t := range kinds {
		out = append(out, client.ListOptions{Type: t, From: from, To: to, Sort: "id", Way: "asc", PageLimit: 500})
	}
	return out
}

// filterCampaigns applies what is not sent to the API (keeps) and a stable
// order.
func filterCampaigns(in []client.Campaign, m campaignFilter) []client.Campaign {
	keep := m.keeps()
	out := in[:0:0]
	for i := range in {
		if keep(&in[i]) {
			out = append(out, in[i])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// keeps is what is not sent to the API: statuses, the exact sender, the
// name (and the type, should an answer mix them).
func (m campaignFilter) keeps() func(*client.Campaign) bool {
	want := map[string]bool{}
	for _, s := range m.Status {
		want[s] = true
	}
	sender, name, kind := m.Sender.ValueString(), strings.ToLower(m.NameContains.ValueString()), m.Type.ValueString()
	return func(c *client.Campaign) bool {
		return (len(want) == 0 || want[c.Status]) && (sender == "" || c.Sender == sender) &&
			(name == "" || strings.Contains(strings.ToLower(c.Name), name)) && (kind == "" || c.MessageType == kind)
	}
}
