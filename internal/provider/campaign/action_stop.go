package campaign

// The actions oneapi_campaign_stop and oneapi_campaign_renew (Terraform
// 1.14 and later): the stop and renew of any campaign by id, whether or not
// a state holds it, through the resource's own path (stop.go).

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var (
	_ action.ActionWithConfigure  = (*stopAction)(nil)
	_ action.ActionWithModifyPlan = (*stopAction)(nil)
	_ action.ActionWithConfigure  = (*renewAction)(nil)
	_ action.ActionWithModifyPlan = (*renewAction)(nil)
)

// defaultStopActionTimeout bounds the stop action when timeouts.invoke is not set:
// the resource's update timeout.
const defaultStopActionTimeout = defaultUpdateTimeout

// NewStopAction returns the oneapi_campaign_stop action; clk waits between
// the reads of a stop.
func NewStopAction(clk clock.Clock) func() action.Action {
	return func() action.Action { return &stopAction{clock: clk} }
}

// NewRenewAction returns the oneapi_campaign_renew action.
func NewRenewAction() action.Action { return &renewAction{} }

type stopAction struct {
	framework.ActionBase
	clock clock.Clock
}

type stopActionModel struct {
	CampaignID types.String   `tfsdk:"campaign_id"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

func (a *stopAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_stop"
}

func campaignIDActionAttribute(verb string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Id of the campaign to " + verb + ", as the platform gave it (`53708808`): any campaign of the account, " +
			"in a state or not (`oneapi_campaign.x.id`, an id of the `oneapi_campaigns` data source, or the web interface's).",
		Required:   true,
		Validators: []validator.String{framework.IDValidator("campaign")},
	}
}

func (a *stopAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Stops (cancels) a campaign: the kill switch. Invoke it with " +
			"`terraform apply -invoke=action.oneapi_campaign_stop.NAME` (Terraform 1.14 or later), or from a resource's " +
			"`lifecycle { action_trigger { ... } }`. It takes the resource's path: it reads the campaign, sends " +
			"`PUT /api/campaigns/{id}/stop` (`PATCH` when `PUT` is refused with 404 or 405) where some source allows a " +
			"stop in the campaign's status, and waits out a refused stop (422) or a status no source allows (an RCS " +
			"campaign in `creation`) until the campaign is stopped or the timeout ends, reporting each status it sees.\n\n" +
			"A campaign that is already `stopped` or `done` (final), or `spam` (blocked), is a success that says so, with no " +
			"stop request. **Stopping is irreversible.** A campaign the account does not have (404) fails, naming the id " +
			"and the endpoint. A campaign that a `oneapi_campaign` resource manages shows its new status at the next refresh.",
		Attributes: map[string]schema.Attribute{
			"campaign_id": campaignIDActionAttribute("stop"),
			"timeouts": timeouts.AttributesWithOpts(ctx, timeouts.Opts{
				InvokeDescription: "How long to wait for the campaign to be stopped, reads and retries included, as a " +
					"duration (`90s`, `10m`, `1h`). Default: `30m`.",
			}),
		},
	}
}

// ModifyPlan checks the settings known at plan that were not known when
// Terraform validated the config (from a variable): framework.CheckActionConfig.
func (a *stopAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config)...)
}

func (a *stopAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var config stopActionModel
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config).Errors()...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idText := config.CampaignID.ValueString()
	id, diags := parseCampaignID(idText, path.Root("campaign_id"))
	resp.Diagnostics.Append(diags...)
	timeout, diags := config.Timeouts.Invoke(ctx, defaultStopActionTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var first, last string
	ops := campaignOps{
		client: a.Client, clock: a.clock,
		seen: func(status string) {
			if first == "" {
				first = status
			}
			if status != last {
				last = status
				framework.Progress(resp, "Campaign %s is in status %q.", idText, status)
			}
		},
		timeoutAdvice: "Invoke the action again, or raise timeouts.invoke.",
		unknownAdvice: "The action did not wait for another status.",
	}
	c, diags := ops.stop(ctx, id, idText)
	resp.Diagnostics.Append(diags...)
	switch {
	case resp.Diagnostics.HasError():
	case c == nil:
		resp.Diagnostics.Append(actionNotFoundError(a.Client, "Stop", idText))
	case client.IsSettled(first):
		framework.Progress(resp, "Campaign %s was %s already: %s No stop request was sent.", idText, first, settledMeaning(first))
	default:
		framework.Progress(resp, "Campaign %s is %s.", idText, c.Status)
	}
}

// settledMeaning says what a settled status means.
func settledMeaning(status string) string {
	switch status {
	case client.StatusSpam:
		return "moderation blocked it, so it sends nothing."
	case client.StatusDone:
		return "it has finished sending, and its status is final."
	}
	return "its status is final."
}

func actionNotFoundError(c *client.Client, verb, id string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("campaign_id"), "Cannot "+verb+" Non-Existent Campaign",
		fmt.Sprintf("One-API at %s answered 404 for campaign %s: this account has no campaign with this id, so nothing was "+
			"sent. Check the id, and that endpoint and the API key belong to the account that owns the campaign (another "+
			"account's key answers 404).", c.Endpoint(), id))
}

type renewAction struct {
	framework.ActionBase
}

type renewActionModel struct {
	CampaignID types.String `tfsdk:"campaign_id"`
}

func (a *renewAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_renew"
}

func (a *renewAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resumes a paused campaign (`PUT /api/campaigns/{id}/renew`), for example once the balance is " +
			"topped up. Invoke it with `terraform apply -invoke=action.oneapi_campaign_renew.NAME` (Terraform 1.14 or later). " +
			"It reads the campaign first: a campaign in any status but `paused` fails with what that status allows, and no " +
			"renew request is sent.",
		Attributes: map[string]schema.Attribute{"campaign_id": campaignIDActionAttribute("resume")},
	}
}

// ModifyPlan checks the settings known at plan, as the stop action's does.
func (a *renewAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config)...)
}

func (a *renewAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var config renewActionModel
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config).Errors()...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idText := config.CampaignID.ValueString()
	id, diags := parseCampaignID(idText, path.Root("campaign_id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, framework.DefaultReadTimeout)
	defer cancel()
	c, err := a.Client.GetCampaign(ctx, id)
	switch {
	case client.IsNotFound(err):
		resp.Diagnostics.Append(actionNotFoundError(a.Client, "Resume", idText))
		return
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic("Unable to Resume Campaign", a.Client, idText, err))
		return
	case c.Status != client.StatusPaused:
		resp.Diagnostics.AddAttributeError(path.Root("campaign_id"), "Campaign Is Not Paused",
			fmt.Sprintf("Campaign %s is in status %q, and only a paused campaign can be resumed, so no renew request was sent: %s",
				idText, c.Status, statusAllows(c.Status)))
		return
	}
	framework.Progress(resp, "Campaign %s is paused; resuming it.", idText)
	renewed, diags := campaignOps{client: a.Client}.renew(ctx, id, idText)
	resp.Diagnostics.Append(diags...)
	if renewed != nil && !diags.HasError() {
		framework.Progress(resp, "Campaign %s is in status %q.", idText, renewed.Status)
	}
}

// statusAllows says what can be done with a campaign in a status that is
// not paused.
func statusAllows(status string) string {
	switch status {
	case client.StatusStopped, client.StatusDone:
		return "the status is final, and nothing can change it."
	case client.StatusSpam:
		return "moderation blocked the campaign; it cannot be sent or resumed."
	case client.StatusCreation, client.StatusModeration, client.StatusScheduled, client.StatusSending:
		return "the campaign is not paused but still running; it can be stopped (oneapi_campaign_stop), or left to finish."
	}
	return "the documentation does not name this status; look at the campaign in the platform's web interface."
}
