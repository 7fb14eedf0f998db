package provider

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

var (
	_ resource.Resource                   = (*campaignResource)(nil)
	_ resource.ResourceWithConfigure      = (*campaignResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*campaignResource)(nil)
	_ resource.ResourceWithImportState    = (*campaignResource)(nil)
	_ resource.ResourceWithValidateConfig = (*campaignResource)(nil)
)

const (
	desiredActive  = "active"
	desiredStopped = "stopped"

	defaultCreateTimeout = 5 * time.Minute
	defaultReadTimeout   = 5 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
	defaultDeleteTimeout = 30 * time.Minute
)

// NewCampaignResource returns the oneapi_campaign resource.
func NewCampaignResource() resource.Resource { return &campaignResource{} }

type campaignResource struct {
	client *client.Client
	// pollMin and pollMax bound the wait between reads while a campaign
	// leaves "creation" or a stop takes effect.
	pollMin, pollMax time.Duration
}

type campaignResourceModel struct {
	ID                    types.String   `tfsdk:"id"`
	Recipients            types.Object   `tfsdk:"recipients"`
	RCS                   types.Object   `tfsdk:"rcs"`
	SMS                   types.Object   `tfsdk:"sms"`
	SMSFallback           types.Object   `tfsdk:"sms_fallback"`
	StartAt               types.String   `tfsdk:"start_at"`
	ValidityHours         types.Int64    `tfsdk:"validity_hours"`
	ValiditySeconds       types.Int64    `tfsdk:"validity_seconds"`
	TariffCode            types.Int64    `tfsdk:"tariff_code"`
	CheckStopList         types.Bool     `tfsdk:"check_stop_list"`
	AddToContactBook      types.Bool     `tfsdk:"add_to_contact_book"`
	DesiredState          types.String   `tfsdk:"desired_state"`
	StopOnDestroy         types.Bool     `tfsdk:"stop_on_destroy"`
	Name                  types.String   `tfsdk:"name"`
	Status                types.String   `tfsdk:"status"`
	MessageType           types.String   `tfsdk:"message_type"`
	RealStartAt           types.String   `tfsdk:"real_start_at"`
	FinishedAt            types.String   `tfsdk:"finished_at"`
	CreatedAt             types.String   `tfsdk:"created_at"`
	Statistics            types.Object   `tfsdk:"statistics"`
	SMSFallbackStatistics types.Object   `tfsdk:"sms_fallback_statistics"`
	CalculatedPrice       types.Float64  `tfsdk:"calculated_price"`
	Currency              types.String   `tfsdk:"currency"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

func (r *campaignResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign"
}

func (r *campaignResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerClient(req.ProviderData, &resp.Diagnostics)
	if r.pollMin == 0 {
		r.pollMin, r.pollMax = 500*time.Millisecond, 10*time.Second
	}
}

// zone is the account's time zone (the provider's time_zone); UTC before
// the provider is configured.
func (r *campaignResource) zone() *time.Location {
	if r.client == nil {
		return time.UTC
	}
	return r.client.TimeZone()
}

func (r *campaignResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan campaignResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	createReq, diags := campaignToCreateRequest(ctx, plan, r.zone())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// One POST, never repeated: a second one would send every message again.
	var c *client.Campaign
	var err error
	if createReq.rcs != nil {
		c, err = r.client.CreateRCSCampaign(ctx, *createReq.rcs)
	} else {
		c, err = r.client.CreateSMSCampaign(ctx, *createReq.sms)
	}
	if err != nil {
		resp.Diagnostics.Append(createErrorDiagnostics(r.client, createReq, err)...)
		return
	}
	if c.Recovered != "" {
		resp.Diagnostics.Append(recoveredCreateWarning(c))
	}
	// The id goes into state first, so that nothing later can lose it.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(c.ID, 10))...)
	campaignFromAPI(c, &plan, r.zone())
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *campaignResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state campaignResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, diags := parseCampaignID(state.ID.ValueString(), path.Root("id"))
	resp.Diagnostics.Append(diags...)
	readTimeout, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	c, err := r.client.GetCampaign(ctx, id)
	if client.IsNotFound(err) {
		// The API has no call that deletes a campaign, so a 404 almost
		// always means another endpoint, account or key. The campaign stays
		// in state as last seen: dropping it would plan a create and send
		// every message again.
		resp.Diagnostics.Append(campaignNotFoundWarning(r.client, state.ID.ValueString()))
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateNotFound, []byte(`true`))...)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("Unable to Read Campaign", r.client, state.ID.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateNotFound, nil)...)
	campaignFromAPI(c, &state, r.zone())
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *campaignResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state campaignResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	id, diags := parseCampaignID(state.ID.ValueString(), path.Root("id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	result := plan
	keepObserved(&result, state)
	var c *client.Campaign
	switch runStateAction(state, plan) {
	case actionStop:
		c, diags = r.stop(ctx, id, state.ID.ValueString())
	case actionRenew:
		c, diags = r.renew(ctx, id, state.ID.ValueString())
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if c != nil {
		campaignFromAPI(c, &result, r.zone())
		// As planned: the estimate and its currency stay those of the create.
		if !plan.CalculatedPrice.IsUnknown() {
			result.CalculatedPrice = plan.CalculatedPrice
		}
		if !plan.Currency.IsUnknown() {
			result.Currency = plan.Currency
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &result)...)
}

func (r *campaignResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state campaignResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	status := state.Status.ValueString()
	notFound, diags := req.Private.GetKey(ctx, privateNotFound)
	resp.Diagnostics.Append(diags...)
	if !state.StopOnDestroy.ValueBool() || client.IsSettled(status) || notFound != nil {
		return // forgotten without a call: nothing to stop, asked not to, or not found at this endpoint
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	id, diags := parseCampaignID(state.ID.ValueString(), path.Root("id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	_, diags = r.stop(ctx, id, state.ID.ValueString())
	resp.Diagnostics.Append(diags...)
}

func (r *campaignResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, diags := parseCampaignID(req.ID, path.Empty()); diags.HasError() {
		resp.Diagnostics.AddError("Invalid Import Id",
			fmt.Sprintf("%s Import with the numeric id One-API returned when the campaign was created, "+
				"for example: terraform import oneapi_campaign.example 53708808", diags.Errors()[0].Detail()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	// Defaults are set here so that a matching configuration plans nothing.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("stop_on_destroy"), true)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, []byte(`true`))...)
}

func parseCampaignID(s string, p path.Path) (int64, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !campaignIDPattern.MatchString(s) {
		diags.AddAttributeError(p, "Invalid Campaign Id", fmt.Sprintf("%q is not a campaign id (digits only).", s))
		return 0, diags
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		diags.AddAttributeError(p, "Invalid Campaign Id",
			fmt.Sprintf("%q is out of range: a campaign id is a whole number from 1 to %d.", s, int64(math.MaxInt64)))
	}
	return id, diags
}

// keepObserved copies what the platform last reported into a plan or a
// result, for changes that make no API call.
func keepObserved(dst *campaignResourceModel, src campaignResourceModel) {
	dst.ID, dst.Name, dst.Status, dst.MessageType = src.ID, src.Name, src.Status, src.MessageType
	dst.RealStartAt, dst.FinishedAt, dst.CreatedAt = src.RealStartAt, src.FinishedAt, src.CreatedAt
	dst.Statistics, dst.SMSFallbackStatistics = src.Statistics, src.SMSFallbackStatistics
	dst.CalculatedPrice, dst.Currency = src.CalculatedPrice, src.Currency
	if dst.StartAt.IsUnknown() {
		dst.StartAt = src.StartAt
	}
}
