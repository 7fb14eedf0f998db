package campaign

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var (
	httpURLPattern = regexp.MustCompile(`^https?://`)
)

func (r *campaignResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) { //nolint:funlen // a schema is one declaration, read best in one piece
	resp.Schema = schema.Schema{
		MarkdownDescription: resourceDescription() +
			"(real messages, real cost); `desired_state = \"stopped\"` cancels it through " +
			"`PUT /api/campaigns/{id}/stop`. Status and delivery statistics are read back on every refresh. " +
			"Campaigns in the final statuses `stopped` and `done` can no longer be changed: no API call touches " +
			"them, and the plan says so before anything is called.",
		Attributes: withContentReplacement(contentAttributeSchemas(map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Campaign id (the API's integer id, as a string).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"recipients": schema.SingleNestedAttribute{
				MarkdownDescription: "Who receives the campaign: exactly one of `phones` or `groups`. Required to create; " +
					"may be omitted for an imported campaign. Changing it sends a new campaign (replacement).",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"phones": schema.SetAttribute{
						MarkdownDescription: phonesDescription(),
						ElementType:         types.StringType,
						Optional:            true,
						Validators: []validator.Set{
							setvalidator.SizeBetween(1, framework.MaxPhones()),
							framework.PhonesAre(),
						},
					},
					"groups": schema.SetAttribute{
						MarkdownDescription: "Contact-list ids from the account's contact book, at most " + fmt.Sprint(maxGroups) + ", for example " +
							"`[oneapi_contact_list.vip.id]` (a list made in the same apply works: its id is checked once known). " +
							"The campaign goes to the lists' contacts as they are when it is created: add them first (`depends_on`). " +
							"A list without contacts, or a deleted one, is refused when the campaign is created, and nothing is sent.",
						ElementType: types.Int64Type,
						Optional:    true,
						Validators: []validator.Set{
							setvalidator.SizeBetween(1, maxGroups),
							framework.IDsAre("contact list"),
						},
					},
				},
			},
			"sms_fallback": schema.SingleNestedAttribute{
				MarkdownDescription: fallbackDescription(),
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"sender": smsSenderAttribute(),
					"text":   smsTextAttribute(),
					"validity_hours": schema.Int64Attribute{
						MarkdownDescription: "How long the SMS may be delivered, 1 to 72 hours.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 72)},
					},
					"validity_seconds": schema.Int64Attribute{
						MarkdownDescription: "How long the SMS may be delivered, 30 to 86400 seconds.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(30, 86400)},
					},
					"check_stop_list": schema.BoolAttribute{
						MarkdownDescription: "Skip numbers on the account's stop list (the API's default is true).",
						Optional:            true,
					},
					"unsubscribe_caption": schema.StringAttribute{
						MarkdownDescription: "Caption the platform writes before the unsubscribe link it adds to the SMS, 1 to " +
							"50 characters, ending in a space (\"Unsubscribe: \"): the API requires a space between caption " +
							"and link. " + cascadeOnly("unsubscribe_caption"),
						Optional:   true,
						Validators: []validator.String{framework.UTF16LengthUpTo(50)},
					},
					"short_links": withCascadeOnly(shortLinksAttribute("the fallback's `text`")),
				},
			},
			"start_at": schema.StringAttribute{
				MarkdownDescription: "When sending starts: `yyyy-mm-dd hh:mm:ss` in the provider's `time_zone` (sent as " +
					"written), or RFC 3339 with an offset (sent converted into `time_zone`). Omit it to send at once; the " +
					"platform's value is then read back. A new campaign's `start_at` must lie in the next 30 days counting " +
					"today, up to 23:59:59 of the 30th day in `time_zone` (the send pages' limit), and not in the past; " +
					"an existing campaign's is never checked again. Another spelling of the same instant is an update that makes no " +
					"API call (the plan says so in a warning); " +
					"a different instant sends a new campaign (replacement).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{timeValidator()},
			},
			"validity_hours": schema.Int64Attribute{
				MarkdownDescription: validityHoursDescription(),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 72)},
			},
			"validity_seconds": schema.Int64Attribute{
				MarkdownDescription: validitySecondsDescription(),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(30, 86400)},
			},
			"tariff_code": schema.Int64Attribute{
				MarkdownDescription: tariffDescription(),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: callbackURLDescription(),
				Optional:            true,
				Validators: []validator.String{framework.UTF16LengthUpTo(100),
					stringvalidator.RegexMatches(callbackURLPattern, "must be an http or https URL")},
			},
			"check_stop_list": schema.BoolAttribute{
				MarkdownDescription: "Skip numbers on the account's stop list of the campaign's channel (the API's default is " +
					"true). " + onlyFor("check_stop_list") + " (SMS campaigns always skip the SMS stop list).",
				Optional: true,
			},
			"add_to_contact_book": schema.BoolAttribute{
				MarkdownDescription: "Add the recipients to the contact book (the API's default is true). " +
					onlyFor("add_to_contact_book") + ".",
				Optional: true,
			},
			"desired_state": schema.StringAttribute{
				MarkdownDescription: "`active` or `stopped`. `stopped` cancels the campaign (irreversible) and means " +
					"\"this resource sends nothing more\": content edits are then recorded without a call, never sent. " +
					"`active` resumes a campaign the platform paused (for example when the balance ran out). Null (the " +
					"default) means Terraform does not manage the run state. See the table above.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(desiredActive, desiredStopped)},
			},
			"stop_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "Stop the campaign when the resource is destroyed or replaced, if it can still be stopped " +
					"(default true). With false, destroying only forgets the campaign.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name the platform generated, e.g. `RCS api campaign / 2025-04-14 13:43:13`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Current status: " + statusList + ".",
				Computed:            true,
			},
			"message_type": schema.StringAttribute{
				MarkdownDescription: messageTypeDescription(),
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"real_start_at": schema.StringAttribute{
				MarkdownDescription: "When sending really started, as the platform writes it (`yyyy-mm-dd hh:mm:ss`); null before.",
				Computed:            true,
			},
			"finished_at": schema.StringAttribute{
				MarkdownDescription: "When the campaign finished or was stopped, as the platform writes it; null before.",
				Computed:            true,
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the campaign was created, as the platform writes it (in the account's time zone).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Delivery statistics, updated on every refresh.",
				Computed:            true,
				Attributes:          statisticsAttributes(),
			},
			"sms_fallback_statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Statistics of the SMS fallback, the cascade's second channel (`alternative_channels.sms`); " +
					"null without one. `statistics` are the first channel's.",
				Computed:   true,
				Attributes: statisticsAttributes(),
			},
			"calculated_price": schema.StringAttribute{
				MarkdownDescription: "The platform's price estimate, given when the campaign is created; kept afterwards. Null where the " +
					"platform gave none: an imported campaign has none (reads answer 0 without a currency, which is not a price)." + priceDescription,
				Computed: true,
			},
			"currency": schema.StringAttribute{
				MarkdownDescription: "ISO 4217 currency of `calculated_price`.",
				Computed:            true,
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{
				Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: "How long a create may take, a Go duration such as \"5m\" (default 5m). The create request " +
					"is sent once; the time also bounds the search for a campaign whose answer was lost.",
				ReadDescription: "How long a refresh may take, retries included (default 5m).",
				UpdateDescription: "How long a stop or renew may take, including the wait until the platform accepts a stop " +
					"(default 30m).",
				DeleteDescription: "How long the stop on destroy may take, including the wait until the platform accepts it " +
					"(default 30m).",
			}),
		})),
	}
}

// maxGroups is the most contact lists a campaign goes to (the
// send-groups pages).
const maxGroups = 1000

// smsSenderAttribute and smsTextAttribute serve both sms and sms_fallback,
// which the API limits alike.
func smsSenderAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SMS sender: 1 to 11 Latin letters, digits, spaces and ASCII symbols, or 1 to 15 digits (the SMS " +
			"pages). The OpenAPI file says at least 3: a shorter sender plans with a warning.",
		Required:   true,
		Validators: []validator.String{framework.SMSSenderValidator()},
	}
}

func smsTextAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SMS text: at most %d characters in GSM 7-bit, or %d when any character needs UCS-2 (the "+
			"OpenAPI file; the SMS pages say %d, so %d to %d plan with a warning).", framework.SMSMaxGSM, framework.SMSMaxUCS2,
			framework.SMSPagesMaxUCS2, framework.SMSPagesMaxUCS2+1, framework.SMSMaxUCS2),
		Required:   true,
		Validators: []validator.String{framework.SMSTextValidator()},
	}
}

// statisticsAttributes are the short statistics as the resource's schema
// writes them.
func statisticsAttributes() map[string]schema.Attribute {
	return computedInt64Attributes(statisticsFields, func(description string) schema.Attribute {
		return schema.Int64Attribute{MarkdownDescription: description, Computed: true}
	})
}
