package campaign

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var (
	_ datasource.DataSourceWithConfigure      = (*campaignPriceDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*campaignPriceDataSource)(nil)
)

// NewPriceDataSource returns the oneapi_campaign_price data source.
func NewPriceDataSource() datasource.DataSource {
	return &campaignPriceDataSource{framework.NewDataSource("_campaign_price", priceSchema, readPrice)}
}

type campaignPriceDataSource struct {
	*framework.DataSource[campaignPriceModel]
}

type campaignPriceModel struct {
	MessageType types.String  `tfsdk:"message_type"`
	Recipients  types.Object  `tfsdk:"recipients"`
	Sender      types.String  `tfsdk:"sender"`
	Text        types.String  `tfsdk:"text"`
	TariffCode  types.Int64   `tfsdk:"tariff_code"`
	Price       types.Float64 `tfsdk:"price"`
	Currency    types.String  `tfsdk:"currency"`
	framework.DataSourceTimeouts
}

func priceSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The estimated price of an **SMS** campaign before it is sent (`POST /api/campaigns/price`; " +
			"nothing is sent). The platform documents the estimate for SMS campaigns only: an RCS campaign's estimate is " +
			"its `calculated_price`, known once created. Compare it with `oneapi_balance` in a `precondition` to refuse " +
			"a plan that would cost more than the account has.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"message_type": schema.StringAttribute{
				MarkdownDescription: "`sms`, the only type the price call takes (default `sms`).",
				Optional:            true,
				Validators:          []validator.String{smsOnlyValidator()},
			},
			"recipients": schema.SingleNestedAttribute{
				MarkdownDescription: "Who the campaign would go to: exactly one of `phones` or `groups`, as in `oneapi_campaign`.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"phones": schema.SetAttribute{
						MarkdownDescription: "Phone numbers, 9 to 15 digits without a plus; at most " + thousands(smsChannel().Phones) + ".",
						ElementType:         types.StringType,
						Optional:            true,
						Validators: []validator.Set{setvalidator.SizeBetween(1, smsChannel().Phones),
							framework.PhonesAre()},
					},
					"groups": schema.SetAttribute{
						MarkdownDescription: "Contact-list ids, at most " + fmt.Sprint(maxGroups) + " (for example `[oneapi_contact_list.vip.id]`).",
						ElementType:         types.Int64Type,
						Optional:            true,
						Validators:          []validator.Set{setvalidator.SizeBetween(1, maxGroups), framework.IDsAre("contact list")},
					},
				},
			},
			"sender": schema.StringAttribute{
				MarkdownDescription: "SMS sender, as in `oneapi_campaign`'s `sms.sender`.",
				Required:            true,
				Validators:          []validator.String{framework.SMSSenderValidator()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: "SMS text, as in `oneapi_campaign`'s `sms.text`.",
				Required:            true,
				Validators:          []validator.String{framework.SMSTextValidator()},
			},
			"tariff_code": schema.Int64Attribute{
				MarkdownDescription: "Tariff code, 0 to 9, when the account has several.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 9)},
			},
			"price": schema.Float64Attribute{MarkdownDescription: "Estimated cost, in `currency`.", Computed: true},
			"currency": schema.StringAttribute{
				MarkdownDescription: "ISO 4217 currency of the account.",
				Computed:            true,
			},
		},
	}
}

// smsOnlyValidator refuses any message type but sms: the price call is
// documented for SMS campaigns only.
func smsOnlyValidator() validator.String {
	return framework.StringCheck("must be sms", func(p path.Path, v string, d *diag.Diagnostics) {
		if v != "sms" {
			d.AddAttributeError(p, "SMS Campaigns Only",
				"Attribute message_type is \""+v+"\": One-API documents the price estimate (POST /api/campaigns/price) for SMS "+
					"campaigns only. An RCS campaign's estimate is its calculated_price, known once it is created. Remove "+
					"message_type or set it to \"sms\".")
		}
	})
}

func (d *campaignPriceDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var recipients types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("recipients"), &recipients)...)
	if r := framework.ObjectAttrs(recipients); r != nil {
		exactlyOne(&resp.Diagnostics, path.Root("recipients").AtName("phones"), r["phones"], path.Root("recipients").AtName("groups"), r["groups"],
			"a campaign goes either to phone numbers or to contact lists")
	}
}

func readPrice(ctx context.Context, c *client.Client, data *campaignPriceModel, diags *diag.Diagnostics) {
	var rcp recipientsModel
	diags.Append(data.Recipients.As(ctx, &rcp, asOpts)...)
	if diags.HasError() {
		return
	}
	body := client.PriceRequest{Sender: data.Sender.ValueString(), Text: data.Text.ValueString(),
		TariffCode: data.TariffCode.ValueInt64Pointer(), Groups: rcp.Groups}
	sort.Strings(rcp.Phones)
	for _, p := range rcp.Phones {
		body.Messages = append(body.Messages, client.PricePhone{Phone: json.Number(p)})
	}
	price, err := c.EstimatePrice(ctx, body)
	if apiErr := framework.FieldErrorsOf(err); apiErr != nil {
		diags.Append(framework.AttributeErrors("Unable to Estimate Campaign Price", "Nothing was sent. Correct the value and plan again.",
			apiErr, priceFieldPath, func(field string) string { return priceFieldValue(field, rcp.Phones, rcp.Groups) })...)
		return
	}
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to Estimate Campaign Price", c, framework.APIObject{Kind: "price"}, err))
		return
	}
	data.Price = types.Float64PointerValue(price.Price)
	data.Currency = types.StringValue(price.Currency)
}

// priceFieldPath maps a field of the price request, as a 422 answer names
// it (undotted, "groups0", "messages3phone", or dotted, "groups.0"), to
// the data source's attribute it came from.
func priceFieldPath(field string) (path.Path, bool) {
	recipients := path.Root("recipients")
	switch parts := client.FieldPath(field); parts[0] {
	case "messages", "phones":
		return recipients.AtName("phones"), true
	case "groups":
		return recipients.AtName("groups"), true
	case "recipients":
		return recipients, true
	case "sender", "text", "tariff_code":
		return path.Root(parts[0]), true
	}
	return path.Empty(), false
}

// priceFieldValue names the phone or contact list a field's index points
// at, in the order the request sent them (phones sorted).
func priceFieldValue(field string, phones []string, groups []int64) string {
	parts := client.FieldPath(field)
	if len(parts) < 2 {
		return ""
	}
	i, err := strconv.Atoi(parts[1])
	switch {
	case err != nil || i < 0:
		return ""
	case (parts[0] == "messages" || parts[0] == "phones") && i < len(phones):
		return fmt.Sprintf(" %s is phone %s.", field, phones[i])
	case parts[0] == "groups" && i < len(groups):
		return fmt.Sprintf(" %s is contact list %d.", field, groups[i])
	}
	return ""
}

// smsChannel is the SMS entry of the channel table: the price call's only
// channel.
func smsChannel() framework.Channel {
	c, _ := framework.ChannelOf("sms")
	return c
}
