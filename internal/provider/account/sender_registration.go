package account

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_sender_registration resource: an application for the
// registration of a sender name (POST /api/senders/requests/legal or
// /natural), moderated by the platform. The API can neither change nor
// withdraw an application: a changed one is a new application (a
// replacement, with a warning that the old one stays), and a destroy only
// forgets it. A refresh reads it through GET /api/senders/requests/sms.

var (
	_ resource.Resource                   = (*senderRegistrationResource)(nil)
	_ resource.ResourceWithConfigure      = (*senderRegistrationResource)(nil)
	_ resource.ResourceWithImportState    = (*senderRegistrationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*senderRegistrationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*senderRegistrationResource)(nil)
	_ resource.ResourceWithIdentity       = (*senderRegistrationResource)(nil)
)

const senderRegistrationKind = "sender registration request"

// Waits for moderation: the first poll, and the longest gap between two.
const (
	senderPollFirst = 2 * time.Second
	senderPollMax   = time.Minute
	senderWait      = 30 * time.Minute
)

// NewSenderRegistrationResource returns the oneapi_sender_registration
// resource, whose waits use clk.
func NewSenderRegistrationResource(clk clock.Clock) func() resource.Resource {
	return func() resource.Resource {
		return &senderRegistrationResource{
			Resource: framework.Resource[senderRegistrationModel, client.SenderRequest]{Object: framework.Object[senderRegistrationModel, client.SenderRequest]{
				Suffix: "_sender_registration", Kind: senderRegistrationKind, Name: senderRegistrationObject,
				Get: (*client.Client).GetSenderRequest, FromAPI: (*senderRegistrationModel).fromAPI,
				ImportExample: "oneapi_sender_registration.brand 11631",
			}},
			clock: clk,
		}
	}
}

// senderRegistrationResource is the skeleton's Metadata, identity and
// import, with its own Read (an application is never dropped from the
// state) and Delete (nothing is deleted).
type senderRegistrationResource struct {
	framework.Resource[senderRegistrationModel, client.SenderRequest]
	clock clock.Clock
}

type senderRegistrationModel struct {
	ID                  types.String   `tfsdk:"id"`
	Applicant           types.String   `tfsdk:"applicant"`
	Type                types.String   `tfsdk:"type"`
	CountryCode         types.String   `tfsdk:"country_code"`
	Sender              types.String   `tfsdk:"sender"`
	CodeOfCompany       types.String   `tfsdk:"code_of_company"`
	TaxNumber           types.String   `tfsdk:"tax_number"`
	Name                types.String   `tfsdk:"name"`
	LegalName           types.String   `tfsdk:"legal_name"`
	Address             types.String   `tfsdk:"address"`
	Description         types.String   `tfsdk:"description"`
	InformingPurpose    types.String   `tfsdk:"informing_purpose"`
	SiteURL             types.String   `tfsdk:"site_url"`
	Comment             types.String   `tfsdk:"comment"`
	WaitForRegistration types.Bool     `tfsdk:"wait_for_registration"`
	Status              types.String   `tfsdk:"status"`
	RejectionReason     types.String   `tfsdk:"rejection_reason"`
	CreatedAt           types.String   `tfsdk:"created_at"`
	StatusChangedAt     types.String   `tfsdk:"status_changed_at"`
	RegisteredAt        types.String   `tfsdk:"registered_at"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

func (m senderRegistrationModel) ObjectID() types.String { return m.ID }

// senderRegistrationObject names an application in diagnostics.
func senderRegistrationObject(id string) framework.APIObject {
	return framework.APIObject{Kind: senderRegistrationKind, ID: id, List: "terraform query with the oneapi_sender_registration list resource"}
}

// nullIfEmpty is a string the API may write as "" or null, as the
// configuration would leave it: null.
func nullIfEmpty(s *string) types.String {
	if s == nil || *s == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// fromAPI writes what the API says about an application into the model:
// its request as filed, and where moderation has taken it.
func (m *senderRegistrationModel) fromAPI(r *client.SenderRequest) {
	m.ID = types.StringValue(strconv.FormatInt(r.ID, 10))
	m.Applicant = types.StringValue("natural")
	if r.LegalName != nil && *r.LegalName != "" {
		m.Applicant = types.StringValue("legal")
	}
	if r.Type != "" {
		m.Type = types.StringValue(r.Type)
	} else if m.Type.IsNull() || m.Type.IsUnknown() {
		m.Type = types.StringValue("sms")
	}
	m.CountryCode = types.StringValue(r.CountryCode)
	m.Sender = types.StringValue(r.Sender)
	m.CodeOfCompany = types.StringValue(r.CodeOfCompany)
	m.TaxNumber, m.Name, m.LegalName, m.Address = nullIfEmpty(r.TaxNumber), nullIfEmpty(r.Name), nullIfEmpty(r.LegalName), nullIfEmpty(r.Address)
	m.Description, m.InformingPurpose = types.StringValue(r.Description), types.StringValue(r.InformingPurpose)
	m.SiteURL, m.Comment = nullIfEmpty(r.SiteURL), nullIfEmpty(r.Comment)
	if m.WaitForRegistration.IsNull() || m.WaitForRegistration.IsUnknown() {
		m.WaitForRegistration = types.BoolValue(false) // an import, or a list result
	}
	m.Status = types.StringValue(r.Status)
	m.RejectionReason = nullIfEmpty(r.RejectionReason)
	m.CreatedAt, m.StatusChangedAt, m.RegisteredAt = nullIfEmpty(r.CreatedAt), nullIfEmpty(r.StatusChangedAt), nullIfEmpty(r.RegisteredAt)
	if m.Timeouts.IsNull() && len(m.Timeouts.AttributeTypes(context.Background())) == 0 {
		m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "update": types.StringType})}
	}
}

// input is the application the model asks for.
func (m senderRegistrationModel) input() client.SenderRequestInput {
	return client.SenderRequestInput{
		Applicant: m.Applicant.ValueString(), Type: m.Type.ValueString(), CountryCode: m.CountryCode.ValueString(),
		Sender: m.Sender.ValueString(), CodeOfCompany: m.CodeOfCompany.ValueString(), TaxNumber: m.TaxNumber.ValueString(),
		Name: m.Name.ValueString(), LegalName: m.LegalName.ValueString(), Address: m.Address.ValueString(),
		Description: m.Description.ValueString(), InformingPurpose: m.InformingPurpose.ValueString(),
		SiteURL: m.SiteURL.ValueStringPointer(), Comment: m.Comment.ValueStringPointer(),
	}
}

// ModifyPlan warns, before anything is done, that the platform keeps an
// application: on destroy, and when a change files a new one.
func (r *senderRegistrationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	var state senderRegistrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.Plan.Raw.IsNull() {
		resp.Diagnostics.AddWarning("Sender Registration Request Stays on the Platform", fmt.Sprintf(
			"Destroying only removes sender registration request %s (sender %q, status %q) from the Terraform state: "+
				"One-API has no call that withdraws or deletes an application, so it stays on the platform and its "+
				"moderation goes on. Contact One-API support to withdraw it.",
			state.ID.ValueString(), state.Sender.ValueString(), state.Status.ValueString()))
		return
	}
	var plan senderRegistrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if changed := changedInputs(state, plan); len(changed) > 0 {
		resp.Diagnostics.AddWarning("A New Sender Registration Request Will Be Filed", fmt.Sprintf(
			"One-API cannot change an application: the change of %v files a new sender registration request for %q, "+
				"moderated from the start. The old request %s (status %q) stays on the platform (no call withdraws it) "+
				"and is only removed from the Terraform state.",
			changed, plan.Sender.ValueString(), state.ID.ValueString(), state.Status.ValueString()))
	}
}

// changedInputs names the attributes of the application that differ
// between the state and the plan (an unknown planned value counts).
func changedInputs(state, plan senderRegistrationModel) []string {
	pairs := []struct {
		name string
		a, b types.String
	}{
		{"applicant", state.Applicant, plan.Applicant}, {"type", state.Type, plan.Type},
		{"country_code", state.CountryCode, plan.CountryCode}, {"sender", state.Sender, plan.Sender},
		{"code_of_company", state.CodeOfCompany, plan.CodeOfCompany}, {"tax_number", state.TaxNumber, plan.TaxNumber},
		{"name", state.Name, plan.Name}, {"legal_name", state.LegalName, plan.LegalName}, {"address", state.Address, plan.Address},
		{"description", state.Description, plan.Description}, {"informing_purpose", state.InformingPurpose, plan.InformingPurpose},
		{"site_url", state.SiteURL, plan.SiteURL}, {"comment", state.Comment, plan.Comment},
	}
	var changed []string
	for _, p := range pairs {
		if !p.a.Equal(p.b) {
			changed = append(changed, p.name)
		}
	}
	return changed
}

func (r *senderRegistrationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan senderRegistrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sr, err := r.Client.CreateSenderRequest(ctx, plan.input())
	if err != nil {
		resp.Diagnostics.Append(senderRegistrationError("Unable to Create Sender Registration Request", r.Client, "", err)...)
		return
	}
	if sr.Recovered != "" {
		resp.Diagnostics.AddWarning("Sender Registration Request Recovered After a Lost Answer",
			fmt.Sprintf("The answer to the create request was lost; request %d was %s, and is now in the state.", sr.ID, sr.Recovered))
	}
	plan.fromAPI(sr)
	if plan.WaitForRegistration.ValueBool() {
		d, diags := plan.Timeouts.Create(ctx, senderWait)
		resp.Diagnostics.Append(diags...)
		r.waitRegistered(ctx, d, &plan, &resp.Diagnostics)
	}
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// senderRegistrationError says what went wrong with a create: a 422 is
// attached to the attributes it names.
func senderRegistrationError(summary string, c *client.Client, id string, err error) diag.Diagnostics {
	if same := (*client.IdenticalSenderRequestError)(nil); errors.As(err, &same) {
		return diag.Diagnostics{diag.NewErrorDiagnostic(summary, err.Error()+".")}
	}
	if apiErr := framework.FieldErrorsOf(err); apiErr != nil {
		return framework.AttributeErrors(summary, "Nothing was filed. Correct the value and apply again.", apiErr, func(field string) (path.Path, bool) {
			switch field {
			case "juridical_name":
				return path.Root("legal_name"), true
			case "juridical_address":
				return path.Root("address"), true
			case "type", "country_code", "sender", "code_of_company", "tax_number", "name", "legal_name", "address",
				"description", "informing_purpose", "site_url", "comment":
				return path.Root(field), true
			}
			return path.Empty(), false
		}, nil)
	}
	return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, senderRegistrationObject(id), err)}
}

// waitRegistered polls the application until moderation registers or
// rejects it, for at most d. A rejection is an error (the application is
// in the state, and a new one needs a change or a replacement); a wait
// that runs out is a warning, since the application is there and goes on.
func (r *senderRegistrationResource) waitRegistered(ctx context.Context, d time.Duration, m *senderRegistrationModel, diags *diag.Diagnostics) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	id, _ := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	for wait := senderPollFirst; ; wait = min(wait*2, senderPollMax) {
		status := m.Status.ValueString()
		switch {
		case client.SenderRequestIsRegistered(status):
			return
		case status == client.SenderRequestRejected:
			diags.AddAttributeError(path.Root("wait_for_registration"), "Sender Registration Rejected", fmt.Sprintf(
				"Moderation rejected sender registration request %s for %q: %s. The request is in the state; correct the "+
					"application and apply again, which files a new request (the rejected one stays on the platform).",
				m.ID.ValueString(), m.Sender.ValueString(), m.RejectionReason.ValueString()))
			return
		}
		if r.clock.Sleep(ctx, wait) != nil {
			diags.AddAttributeWarning(path.Root("wait_for_registration"), "Sender Not Registered Yet", fmt.Sprintf(
				"Sender registration request %s for %q is still %q after waiting %s. It is in the state and its moderation "+
					"goes on; apply again to wait again, raise timeouts.create, or check the sender with a precondition on "+
					"the oneapi_senders data source before using it.",
				m.ID.ValueString(), m.Sender.ValueString(), status, d))
			return
		}
		sr, err := r.Client.GetSenderRequest(ctx, id)
		if err != nil && ctx.Err() == nil {
			diags.Append(framework.ObjectErrorDiagnostic("Unable to Read Sender Registration Request", r.Client, senderRegistrationObject(m.ID.ValueString()), err))
			return
		}
		if err == nil {
			m.fromAPI(sr)
		}
	}
}

// Read refreshes the application. One the API no longer lists stays in
// the state with a warning: the API deletes none, so that means another
// account or key, and forgetting it would plan a second application.
func (r *senderRegistrationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, id, ok := framework.ModelAndID[senderRegistrationModel](ctx, req.State.Get, senderRegistrationKind, &resp.Diagnostics)
	if !ok {
		return
	}
	sr, err := r.Client.GetSenderRequest(ctx, id)
	switch {
	case client.IsNotFound(err) && state.CreatedAt.IsNull():
		resp.Diagnostics.AddError("Cannot Import Non-Existent Sender Registration Request", fmt.Sprintf(
			"One-API lists no sender registration request %d (GET /api/senders/requests/sms with filter[id]). Check the id "+
				"and that the provider uses the account's key.", id))
		return
	case client.IsNotFound(err):
		resp.Diagnostics.AddWarning("Sender Registration Request Not Found", fmt.Sprintf(
			"One-API no longer lists sender registration request %d; the state keeps what it last read. The API deletes no "+
				"application, so check the provider's endpoint and key. To forget it, remove it from the state "+
				"(terraform state rm).", id))
		framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
		return
	case err != nil:
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Sender Registration Request", r.Client, senderRegistrationObject(state.ID.ValueString()), err))
		return
	}
	state.fromAPI(sr)
	framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// Update changes only the provider's settings (wait_for_registration,
// timeouts): every attribute of the application plans a replacement. It
// reads the application again, and waits when asked to.
func (r *senderRegistrationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, id, ok := framework.ModelAndID[senderRegistrationModel](ctx, req.Plan.Get, senderRegistrationKind, &resp.Diagnostics)
	if !ok {
		return
	}
	sr, err := r.Client.GetSenderRequest(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Sender Registration Request", r.Client, senderRegistrationObject(plan.ID.ValueString()), err))
		return
	}
	plan.fromAPI(sr)
	if plan.WaitForRegistration.ValueBool() {
		d, diags := plan.Timeouts.Update(ctx, senderWait)
		resp.Diagnostics.Append(diags...)
		r.waitRegistered(ctx, d, &plan, &resp.Diagnostics)
	}
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// Delete forgets the application: the API has no call that withdraws it.
func (r *senderRegistrationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state senderRegistrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Sender Registration Request Stays on the Platform", fmt.Sprintf(
		"Sender registration request %s (sender %q) was removed from the Terraform state only: One-API has no call that "+
			"withdraws an application.", state.ID.ValueString(), state.Sender.ValueString()))
}
