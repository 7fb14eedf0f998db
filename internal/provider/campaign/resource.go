package campaign

// The oneapi_campaign resource. Its parts, one file each:
//   - resource.go (this file): create, read, update, delete, import
//     and the diagnostics of a create;
//   - model.go: the model, and how it maps to the API;
//   - schema.go: the schema;
//   - validate.go: the checks between attributes (ValidateConfig);
//   - plan.go: the plan rules (ModifyPlan), the list of content
//     attributes and the replacement they need;
//   - stop.go: stop and renew;
//   - values.go: what the resource shares with the campaign data
//     sources (statuses, ids, times, statistics, the price's text);
//   - read.go: the refresh, written into the state's value;
//   - pending.go: a create whose outcome is unknown, kept without an id;
//   - time_zone.go: the Time Zone Mismatch warning (a create's created_at
//     far from the time it was sent, read in time_zone);
//   - validators.go: the attribute validators only campaigns use;
//   - data_source.go, campaigns_data_source.go, price_data_source.go:
//     the family's data sources;
//   - action_stop.go: the actions oneapi_campaign_stop and
//     oneapi_campaign_renew (stop.go's path);
//   - list.go: the list resource (terraform query);
//   - plan_fast.go, upgrade_fast.go: the unchanged plan
//     and the stored state of this schema version, answered below the
//     framework by the provider's server (internal/provider/server.go), each held to the
//     framework's answer by a differential test.

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var (
	_ resource.Resource                   = (*campaignResource)(nil)
	_ resource.ResourceWithConfigure      = (*campaignResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*campaignResource)(nil)
	_ resource.ResourceWithImportState    = (*campaignResource)(nil)
	_ resource.ResourceWithValidateConfig = (*campaignResource)(nil)
	_ resource.ResourceWithIdentity       = (*campaignResource)(nil)
)

const (
	desiredActive  = "active"
	desiredStopped = "stopped"

	defaultCreateTimeout = 5 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
	defaultDeleteTimeout = 30 * time.Minute
)

// privateImported marks, in private state, a campaign that came in by import.
const privateImported = "imported"

// privateNotFound marks, in private state, a campaign the last refresh did
// not find (404): it stays in state as last seen, and destroying it makes
// no call.
const privateNotFound = "not_found"

// NewResource returns the oneapi_campaign resource's factory; zones is the
// provider's, so that its Time Zone Mismatch warning is given once.
func NewResource(clk clock.Clock, zones *ZoneWatch) func() resource.Resource {
	return func() resource.Resource { return &campaignResource{clock: clk, zones: zones} }
}

type campaignResource struct {
	framework.ResourceBase
	// clock tells the time for the start_at window and waits between the
	// reads of a stop.
	clock clock.Clock
	// zones remembers the Time Zone Mismatch warning (time_zone.go).
	zones *ZoneWatch
}

func (r *campaignResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign"
	// The identity of an unresolved create is "" until its campaign is
	// found (framework/identity.go); that is its only change.
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *campaignResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema("campaign")
}

// identityFromState writes the state's id into the identity, as every
// create, refresh and update ends ("" while a create is unresolved).
func identityFromState(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if state.Raw.IsNull() || identity == nil {
		return
	}
	var id types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &id)...)
	framework.SetIdentity(ctx, identity, id, diags)
}

func (r *campaignResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
	var plan campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	createReq, diags := campaignToCreateRequest(ctx, plan, r.Zone())
	resp.Diagnostics.Append(diags...)
	// Texts unknown at plan (naming a field made in this apply) are checked
	// now, before anything is sent; the plan already warned of the rest.
	var placeholderDiags diag.Diagnostics
	checkPlaceholders(ctx, r.Client, plan, &placeholderDiags)
	resp.Diagnostics.Append(placeholderDiags.Errors()...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// A replacement's create starts from the old object's private state
	// (Terraform passes it on): none of it describes the new campaign.
	for _, key := range []string{privatePendingCreate, privateNotFound, privateImported} {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, key, nil)...)
	}

	// One POST, never repeated: a second one would send every message again.
	c, window, err := r.timedSend(ctx, createReq)
	var amb *client.AmbiguousCreateError
	if errors.As(err, &amb) && amb.Pending != nil {
		keepPendingCreate(ctx, req.Plan.Raw, amb, resp)
		return
	}
	if unproven := (*client.UnprovenCreateError)(nil); errors.As(err, &unproven) {
		resp.Diagnostics.Append(unprovenCreateError(unproven))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(createErrorDiagnostics(r.Client, createReq, err)...)
		return
	}
	if c.Recovered != "" {
		resp.Diagnostics.Append(recoveredCreateWarning(c))
	}
	resp.Diagnostics.Append(createZoneMismatch(r.zones, r.Client, c, plan.StartAt, window)...)
	// The id goes into state first, so that nothing later can lose it.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(c.ID, 10))...)
	planned := plan.MessageType
	campaignFromAPI(c, &plan, r.Zone())
	if framework.Known(planned) && !planned.Equal(plan.MessageType) {
		// The plan showed the type the content decides; an answer that says
		// otherwise must not fail an apply whose campaign was sent (the
		// next refresh records the platform's word).
		resp.Diagnostics.AddWarning("Unexpected Message Type", fmt.Sprintf("Campaign %d was sent as %s content, and the "+
			"platform reports message_type %q; the next refresh records that.", c.ID, planned.ValueString(), plan.MessageType.ValueString()))
		plan.MessageType = planned
	}
	resp.Diagnostics.Append(setCampaign(ctx, &resp.State, plan)...)
}

// operationTimeout is one of the timeouts attribute's methods (Read,
// Update, Delete).
type operationTimeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics)

// campaignCall parses the state's campaign id and bounds ctx by the
// operation's timeout; the caller returns when diags has an error.
func campaignCall(ctx context.Context, id types.String, timeout operationTimeout, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc, int64) {
	n, ds := parseCampaignID(id.ValueString(), path.Root("id"))
	diags.Append(ds...)
	ctx, cancel := bounded(ctx, timeout, def, diags)
	return ctx, cancel, n
}

// bounded bounds ctx by the operation's timeout (def when it is unset).
func bounded(ctx context.Context, timeout operationTimeout, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, ds := timeout(ctx, def)
	diags.Append(ds...)
	return context.WithTimeout(ctx, d)
}

func (r *campaignResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	// Only the id and the timeouts are read from the state: the refresh
	// edits the state's value in place (read.go).
	defer identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
	var idText types.String
	var t timeouts.Value
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &idText)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	pending := pendingCreate(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if pending != nil {
		ctx, cancel := bounded(ctx, t.Read, framework.DefaultReadTimeout, &resp.Diagnostics)
		defer cancel()
		r.readPendingCreate(ctx, pending, req, resp)
		return
	}
	ctx, cancel, id := campaignCall(ctx, idText, t.Read, framework.DefaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.Client.RefreshCampaign(ctx, id, refreshHint(ctx, req.State))
	if client.IsNotFound(err) && r.neverSeen(ctx, req) {
		resp.Diagnostics.Append(importNotFoundError(r.Client, idText.ValueString()))
		return
	}
	if client.IsNotFound(err) {
		// The API has no call that deletes a campaign, so a 404 almost
		// always means another endpoint, account or key. The campaign stays
		// in state as last seen: dropping it would plan a create and send
		// every message again.
		resp.Diagnostics.Append(campaignNotFoundWarning(r.Client, idText.ValueString()))
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateNotFound, []byte(`true`))...)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("Unable to Read Campaign", r.Client, idText.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateNotFound, nil)...)
	r.Client.JournalSeen(ctx, id, r.neverSeen(ctx, req)) // the state holds it: its create can no longer be lost
	resp.Diagnostics.Append(unexpectedFigures(c)...)
	resp.Diagnostics.Append(readZoneMismatch(r.zones, r.Client, c, r.clock.Now())...)
	refreshed, err := refreshedState(ctx, req.State.Raw, c, r.Zone())
	if err != nil {
		resp.Diagnostics.AddError("Unable to Read Campaign", "Writing the refreshed campaign into the state failed: "+err.Error()+
			". Please report this issue to the provider developers.")
		return
	}
	resp.State.Raw = refreshed
}

func (r *campaignResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
	if pending := pendingCreate(ctx, req.Private, &resp.Diagnostics); pending != nil {
		r.updatePendingCreate(ctx, pending, req, resp)
		return
	}
	var plan, state campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(getCampaign(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, id := campaignCall(ctx, state.ID, plan.Timeouts.Update, defaultUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	result := plan
	keepObserved(&result, state)
	var c *client.Campaign
	var diags diag.Diagnostics
	switch runStateAction(state, plan) {
	case actionStop:
		c, diags = r.ops().stop(ctx, id, state.ID.ValueString())
	case actionRenew:
		c, diags = r.ops().renew(ctx, id, state.ID.ValueString())
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if c != nil {
		campaignFromAPI(c, &result, r.Zone())
		// As planned (planUpdate): what a stop or renew cannot change is
		// kept, and the next refresh records anything the platform says
		// otherwise.
		if !plan.CalculatedPrice.IsUnknown() {
			result.CalculatedPrice = plan.CalculatedPrice
		}
		if !plan.Currency.IsUnknown() {
			result.Currency = plan.Currency
		}
		if !plan.RealStartAt.IsUnknown() {
			result.RealStartAt = plan.RealStartAt
		}
		if !plan.SMSFallbackStatistics.IsUnknown() {
			result.SMSFallbackStatistics = plan.SMSFallbackStatistics
		}
	}
	resp.Diagnostics.Append(setCampaign(ctx, &resp.State, result)...)
}

func (r *campaignResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if pending := pendingCreate(ctx, req.Private, &resp.Diagnostics); pending != nil {
		ctx, cancel := bounded(ctx, state.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
		defer cancel()
		r.deletePendingCreate(ctx, pending, state, resp)
		return
	}
	if state.ID.IsNull() {
		// An unresolved create whose record did not come with the destroy:
		// Terraform plans a tainted resource without its private state.
		resp.Diagnostics.Append(unresolvedWithoutRecordWarning())
		return
	}
	if id, err := strconv.ParseInt(state.ID.ValueString(), 10, 64); err == nil {
		r.Client.JournalSeen(ctx, id, false)
	}
	notFound, diags := req.Private.GetKey(ctx, privateNotFound)
	resp.Diagnostics.Append(diags...)
	if !state.StopOnDestroy.ValueBool() || client.IsSettled(state.Status.ValueString()) || notFound != nil {
		return // forgotten without a call: nothing to stop, asked not to, or not found at this endpoint
	}
	ctx, cancel, id := campaignCall(ctx, state.ID, state.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	_, diags = r.ops().stop(ctx, id, state.ID.ValueString())
	resp.Diagnostics.Append(diags...)
}

func (r *campaignResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportID(ctx, req, &resp.Diagnostics)
	if _, diags := parseCampaignID(id, path.Empty()); diags.HasError() {
		resp.Diagnostics.AddError("Invalid Import Id",
			fmt.Sprintf("%s Import with the numeric id One-API returned when the campaign was created, "+
				"for example: terraform import oneapi_campaign.example 53708808", diags.Errors()[0].Detail()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	framework.SetIdentity(ctx, resp.Identity, types.StringValue(id), &resp.Diagnostics)
	// Defaults are set here so that a matching configuration plans nothing.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("stop_on_destroy"), true)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, []byte(`true`))...)
}

// neverSeen reports a campaign that came in by import and has not been
// read yet: a 404 for it means the import names nothing, and keeping it
// as last seen would keep nothing.
func (r *campaignResource) neverSeen(ctx context.Context, req resource.ReadRequest) bool {
	imported, _ := req.Private.GetKey(ctx, privateImported)
	var status types.String
	req.State.GetAttribute(ctx, path.Root("status"), &status)
	return imported != nil && status.IsNull()
}

// importNotFoundError refuses the import of an id the account does not
// have.
func importNotFoundError(c *client.Client, id string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Cannot Import Non-Existent Campaign",
		fmt.Sprintf("One-API at %s answered 404 for campaign %s: this account has no campaign with this id, so there is "+
			"nothing to import and nothing was written to the state. Check the id, and that endpoint and the API key "+
			"belong to the account that owns the campaign (another account's key answers 404).", c.Endpoint(), id))
}

// campaignNotFoundWarning explains a 404 for a campaign in state: the
// campaign is kept as last seen, and what to do.
func campaignNotFoundWarning(c *client.Client, id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Campaign Not Found",
		fmt.Sprintf("One-API at %s answered 404 for campaign %s. The platform has no call that deletes a campaign, so "+
			"this almost always means the provider points at another account, endpoint or key than the one that "+
			"created it. The campaign stays in the state as last seen, and nothing will be created or sent for it.\n\n"+
			"If endpoint or the API key is wrong, correct them and the next refresh finds the campaign again. "+
			"To stop managing the campaign, remove its resource block (destroying it makes no API call), or replace "+
			"the block with a removed block (Terraform 1.7 or later):\n\n"+
			"  removed {\n    from = <resource address>\n    lifecycle {\n      destroy = false\n    }\n  }", c.Endpoint(), id))
}

// createErrorDiagnostics attaches each 422 field error of a create to the
// attribute it concerns.
func createErrorDiagnostics(c *client.Client, req createRequest, err error) diag.Diagnostics {
	apiErr := framework.FieldErrorsOf(err)
	if apiErr == nil {
		return diag.Diagnostics{apiErrorDiagnostic("Unable to Create Campaign", c, "", err)}
	}
	return framework.AttributeErrors("Unable to Create Campaign", "Nothing was sent. Correct the value and apply again.", apiErr,
		func(field string) (path.Path, bool) { return apiFieldPath(field, req.block) },
		func(field string) string {
			if n := phoneIndex(field); n >= 0 && n < len(req.numbers) {
				return fmt.Sprintf(" (phone %s)", req.numbers[n])
			}
			return ""
		})
}

// apiFieldPath maps a field of a create request, as the API names it in a
// 422 answer (undotted as documented, "phones3number",
// "alternative_channelsmstext", or dotted, "phones.3.number"), to the
// resource attribute it came from; block is the request's content block,
// whose file maps the fields of its own call first.
func apiFieldPath(field string, block string) (path.Path, bool) {
	parts := client.FieldPath(field)
	at := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return ""
	}
	if c, ok := contentNamed(block); ok && c.fieldPath != nil {
		if p, ok := c.fieldPath(parts); ok {
			return p, true
		}
	}
	switch parts[0] {
	case "phones", "groups":
		return path.Root("recipients").AtName(parts[0]), true
	case "recipients":
		if at(1) == "phones" || at(1) == "groups" {
			return path.Root("recipients").AtName(at(1)), true
		}
		return path.Root("recipients"), true
	case "sender", "text", "transliterate":
		return path.Root(block).AtName(parts[0]), true
	case "sms", "channels", "channel":
		return path.Root(block), true
	case "alternative_channel":
		if len(parts) < 3 {
			return path.Root("sms_fallback"), true
		}
		name := map[string]string{"validity": "validity_hours"}[parts[2]]
		if name == "" {
			name = parts[2]
		}
		return path.Root("sms_fallback").AtName(name), true
	case "validity":
		return path.Root("validity_hours"), true
	case "validity_seconds", "start_at", "tariff_code", "add_to_contact_book", "check_stop_list", "callback_url":
		return path.Root(parts[0]), true
	}
	return path.Empty(), false
}

func phoneIndex(field string) int {
	parts := client.FieldPath(field)
	if len(parts) >= 3 && parts[0] == "recipients" {
		parts = parts[1:]
	}
	if len(parts) < 2 || (parts[0] != "phones" && parts[0] != "messages") {
		return -1
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return -1
	}
	return n
}

func recoveredCreateWarning(c *client.Campaign) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Campaign Recovered After a Lost Answer",
		fmt.Sprintf("The answer to the create request was lost (timeout, dropped connection or an error after the "+
			"platform acted). Campaign %d was %s, and is now in the state. No campaign was sent twice.", c.ID, c.Recovered))
}
