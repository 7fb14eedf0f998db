package otp

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_otp_template resource: a 2FA message template (POST, GET and
// DELETE /api/2fa/authentications/templates). The API has no update, so
// every attribute it keeps forces a replacement, and the plan warns of it.
// A template is moderated before use; wait_for_approval waits for the
// verdict within timeouts. The account's default template cannot be
// deleted: its destroy leaves it on the platform and warns (the safe
// reading: a destroy must always end, and nothing is lost).

var (
	_ resource.Resource                = (*templateResource)(nil)
	_ resource.ResourceWithConfigure   = (*templateResource)(nil)
	_ resource.ResourceWithImportState = (*templateResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*templateResource)(nil)
	_ resource.ResourceWithIdentity    = (*templateResource)(nil)
)

// NewTemplateResource returns the oneapi_otp_template resource; its waits
// run on clk.
func NewTemplateResource(clk clock.Clock) resource.Resource {
	return &templateResource{Resource: framework.Resource[templateModel, client.OTPTemplate]{Object: framework.Object[templateModel, client.OTPTemplate]{
		Suffix: "_otp_template", Kind: "2FA template", Name: templateObject,
		Get: (*client.Client).GetOTPTemplate, Delete: (*client.Client).DeleteOTPTemplate, FromAPI: (*templateModel).fromAPI,
		ImportExample: "oneapi_otp_template.login 515",
	}}, clock: clk}
}

// templateResource is the skeleton's Read and import, with the template's
// schema, Create, the wait for moderation, and a Delete that leaves the
// default template in place.
type templateResource struct {
	framework.Resource[templateModel, client.OTPTemplate]
	clock clock.Clock
}

type templateModel struct {
	ID              types.String   `tfsdk:"id"`
	Name            types.String   `tfsdk:"name"`
	Text            types.String   `tfsdk:"text"`
	Countries       types.Set      `tfsdk:"countries"`
	Status          types.String   `tfsdk:"status"`
	UpdatedAt       types.String   `tfsdk:"updated_at"`
	WaitForApproval types.Bool     `tfsdk:"wait_for_approval"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (m templateModel) ObjectID() types.String { return m.ID }

// templateObject names a template in diagnostics.
func templateObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "2FA template", ID: id, List: "the oneapi_otp_templates data source"}
}

// Waits for moderation: reads back off from pollMin to pollMax; the
// default bound when timeouts.create or .update is not set.
const (
	pollMin            = 500 * time.Millisecond
	pollMax            = 30 * time.Second
	defaultWaitTimeout = 30 * time.Minute
)

func (r *templateResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := "One-API cannot change a template: a new value replaces it (a new id, moderated again)."
	resp.Schema = schema.Schema{
		MarkdownDescription: "A 2FA message template: the text of the message that carries a one-time password " +
			"(`template_id` of `POST /api/2fa/authentications/otp`). One-API moderates a new template before it can be used " +
			"(`status` `requested`, then `approved` or `rejected`); `wait_for_approval` waits for the verdict. Templates cannot " +
			"be changed: any change to `name`, `text` or `countries` replaces the template. The account's default template " +
			"cannot be deleted: destroying it removes it from the state only, with a warning.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Template id (the API's `template_id`, as a string): what `POST /api/2fa/authentications/otp` takes.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name, 3 to 50 characters, unique in the account: One-API refuses a name another template has. " + replace,
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(3, 50)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: "Message text. It must carry the code placeholder `" + client.OTPCodePlaceholder + "` exactly " +
					"once, spelled so (lower case, single braces): One-API puts the one-time password there. " + replace,
				Required:      true,
				Validators:    []validator.String{codePlaceholderValidator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"countries": schema.SetAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-2 codes (such as `UA`, `PT`) of the countries the template serves: One-API " +
					"sends a password with it only to numbers of these countries. " + replace,
				Optional:      true,
				ElementType:   types.StringType,
				Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(countryValidator())},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Moderation status as of the last refresh: `requested` (waiting for moderation), " +
					"`approved` (usable), `rejected`.",
				Computed: true,
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the template last changed (created or moderated), ISO 8601 as the API writes it.",
				Computed:            true,
			},
			"wait_for_approval": schema.BoolAttribute{
				MarkdownDescription: "Wait, after the create, until moderation decides (at most `timeouts.create`; default 30m). A " +
					"rejection fails the apply (the template is then replaced by the next apply: change its text); a verdict " +
					"still pending when the time is up is a warning, and the next apply waits again (`timeouts.update`). " +
					"Changing it changes nothing on the platform.",
				Optional: true,
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{
				Create: true, Update: true,
				CreateDescription: "How long a create may take, the wait for approval included, a Go duration such as \"30m\" " +
					"(default 30m).",
				UpdateDescription: "How long the wait for approval may take when an apply resumes it (default 30m).",
			}),
		},
	}
}

// codePlaceholderValidator requires the placeholder exactly once: the API
// refuses a text without it and one with it twice.
func codePlaceholderValidator() validator.String {
	ph := client.OTPCodePlaceholder
	return framework.StringCheck("must carry "+ph+" exactly once", func(p path.Path, v string, d *diag.Diagnostics) {
		n := strings.Count(v, ph)
		switch {
		case n == 1:
			return
		case n > 1:
			d.AddAttributeError(p, "Code Placeholder Repeated",
				fmt.Sprintf("The text carries %s %d times; One-API takes it exactly once (\"The %s variable must occur only "+
					"once in the text\"). Keep one.", ph, n, ph))
		case strings.Count(strings.ToLower(strings.Join(strings.Fields(v), "")), ph) > 0:
			d.AddAttributeError(p, "Code Placeholder Misspelled",
				fmt.Sprintf("The text has the code placeholder written another way; One-API takes exactly %s (lower case, "+
					"single braces, no spaces).", ph))
		default:
			d.AddAttributeError(p, "Code Placeholder Missing",
				fmt.Sprintf("The text must carry %s, where One-API puts the one-time password (\"The variable %s is required "+
					"in the text\"), for example \"Your code is %s\".", ph, ph, ph))
		}
	})
}

func (m templateModel) request(ctx context.Context) (client.OTPTemplateRequest, diag.Diagnostics) {
	req := client.OTPTemplateRequest{Name: m.Name.ValueString(), Text: m.Text.ValueString()}
	var diags diag.Diagnostics
	if !m.Countries.IsNull() {
		diags = m.Countries.ElementsAs(ctx, &req.Countries, false)
	}
	return req, diags
}

// fromAPI writes what the API says about a template into the model.
// Countries the API writes as none stay null when null; wait_for_approval
// and timeouts are the configuration's (null in a list result).
func (m *templateModel) fromAPI(t *client.OTPTemplate) {
	m.ID = types.StringValue(strconv.FormatInt(t.TemplateID, 10))
	m.Name = types.StringValue(t.Name)
	m.Text = types.StringValue(t.Text)
	if len(t.Countries) > 0 || !m.Countries.IsNull() {
		elems := make([]attr.Value, 0, len(t.Countries))
		for _, c := range t.Countries {
			elems = append(elems, types.StringValue(c))
		}
		m.Countries = types.SetValueMust(types.StringType, elems)
	} else {
		m.Countries = types.SetNull(types.StringType)
	}
	m.Status = types.StringValue(t.Status)
	m.UpdatedAt = types.StringValue(t.UpdatedAt)
	if len(m.Timeouts.AttributeTypes(context.Background())) == 0 {
		m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "update": types.StringType})}
	}
}

// ModifyPlan warns of a replacement (the API has no update), and plans
// the wait again when a template the configuration waits for is still in
// moderation.
func (r *templateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, state templateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var changed []string
	for _, a := range []struct {
		name     string
		from, to attr.Value
	}{{"name", state.Name, plan.Name}, {"text", state.Text, plan.Text}, {"countries", state.Countries, plan.Countries}} {
		if !a.from.Equal(a.to) {
			changed = append(changed, a.name)
		}
	}
	if len(changed) > 0 {
		resp.Diagnostics.AddWarning("2FA Template Is Replaced",
			fmt.Sprintf("One-API cannot change a 2FA template, so changing %s replaces template %s: the apply deletes it and "+
				"creates a new one, with a new id, that waits for moderation again before it can send a code. Update whatever "+
				"sends codes with the old template_id (it is refused once deleted).", strings.Join(changed, ", "), state.ID.ValueString()))
		return
	}
	if plan.WaitForApproval.ValueBool() && state.Status.ValueString() == client.OTPTemplateRequested {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), types.StringUnknown())...)
	}
}

func (r *templateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan templateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultWaitTimeout)
	resp.Diagnostics.Append(diags...)
	body, diags := plan.request(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	t, err := r.Client.CreateOTPTemplate(ctx, body)
	if err != nil {
		resp.Diagnostics.Append(templateCreateError(r.Client, err)...)
		return
	}
	if t.Recovered != "" {
		resp.Diagnostics.AddWarning("2FA Template Recovered After a Lost Answer",
			fmt.Sprintf("The answer to the create request was lost; 2FA template %d was %s, and is now in the state.", t.TemplateID, t.Recovered))
	}
	plan.fromAPI(t)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	if plan.WaitForApproval.ValueBool() && !resp.Diagnostics.HasError() {
		r.waitForVerdict(ctx, t.TemplateID, &plan, &resp.Diagnostics)
		framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

// templateCreateError says what to do about a refused create: a taken
// name names the template that has it and how to import it; the API's
// sentences about the text are attached to it.
func templateCreateError(c *client.Client, err error) diag.Diagnostics {
	const summary = "Unable to Create 2FA Template"
	var dup *client.DuplicateOTPTemplateNameError
	if errors.As(err, &dup) {
		detail := fmt.Sprintf("One-API refused the name %q: another 2FA template of the account has it, and names are unique. "+
			"Choose another name", dup.Name)
		if dup.ExistingID != 0 {
			detail += fmt.Sprintf(", or bring the existing template (id %d) under Terraform: an import block with id = \"%d\", "+
				"or terraform import <address> %d", dup.ExistingID, dup.ExistingID, dup.ExistingID)
		}
		return diag.Diagnostics{diag.NewAttributeErrorDiagnostic(path.Root("name"), summary, detail+".")}
	}
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && !client.IsAmbiguousCreate(err) {
		for _, m := range apiErr.Messages {
			if strings.Contains(m, client.OTPCodePlaceholder) {
				return diag.Diagnostics{diag.NewAttributeErrorDiagnostic(path.Root("text"), summary,
					fmt.Sprintf("One-API refused the text: %s. Nothing was created.", m))}
			}
		}
	}
	return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, templateObject(""), err)}
}

// waitForVerdict reads the template until moderation decides or ctx ends,
// writing each answer into m. A rejection is an error; the end of the
// time a warning (the next apply waits again).
func (r *templateResource) waitForVerdict(ctx context.Context, id int64, m *templateModel, diags *diag.Diagnostics) {
	wait := pollMin
	for {
		t, err := r.Client.GetOTPTemplate(ctx, id)
		switch {
		case err != nil && ctx.Err() != nil:
			diags.Append(stillRequested(m))
			return
		case err != nil:
			diags.Append(framework.ObjectErrorDiagnostic("Unable to Read 2FA Template", r.Client, templateObject(m.ID.ValueString()), err))
			return
		}
		m.fromAPI(t)
		switch t.Status {
		case client.OTPTemplateApproved:
			return
		case client.OTPTemplateRejected:
			diags.AddAttributeError(path.Root("text"), "2FA Template Rejected in Moderation",
				fmt.Sprintf("One-API's moderation rejected 2FA template %s (%q): it cannot send codes. Change its text (a change "+
					"replaces the template, which is moderated again) and apply; the rejected template is deleted then.", m.ID.ValueString(), m.Name.ValueString()))
			return
		case client.OTPTemplateRequested:
		default:
			diags.AddWarning("2FA Template in an Unknown Status",
				fmt.Sprintf("2FA template %s is in status %q, which the documentation does not name; the wait for approval ends.", m.ID.ValueString(), t.Status))
			return
		}
		if r.clock.Sleep(ctx, wait) != nil {
			diags.Append(stillRequested(m))
			return
		}
		wait = min(wait*2, pollMax)
	}
}

func stillRequested(m *templateModel) diag.Diagnostic {
	return diag.NewWarningDiagnostic("2FA Template Still in Moderation",
		fmt.Sprintf("2FA template %s (%q) was still waiting for moderation (status %q) when the time to wait ran out. It is in the "+
			"state; the next apply waits again (timeouts.update), or raise timeouts.create for new templates.",
			m.ID.ValueString(), m.Name.ValueString(), m.Status.ValueString()))
}

// Update changes nothing on the platform (every attribute it keeps forces
// a replacement): it takes wait_for_approval and timeouts, and resumes the
// wait for a template still in moderation.
func (r *templateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state templateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.Status, plan.UpdatedAt = state.Status, state.UpdatedAt
	if plan.WaitForApproval.ValueBool() && state.Status.ValueString() == client.OTPTemplateRequested {
		id, diags := framework.ParseID("2FA template", state.ID.ValueString(), path.Root("id"))
		resp.Diagnostics.Append(diags...)
		timeout, diags := plan.Timeouts.Update(ctx, defaultWaitTimeout)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		waitCtx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		r.waitForVerdict(waitCtx, id, &plan, &resp.Diagnostics)
	}
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// Delete deletes the template; the account's default template, which
// One-API refuses to delete, is only removed from the state, with a
// warning.
func (r *templateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, id, ok := framework.ModelAndID[templateModel](ctx, req.State.Get, "2FA template", &resp.Diagnostics)
	if !ok {
		return
	}
	err := r.Client.DeleteOTPTemplate(ctx, id)
	var def *client.DefaultOTPTemplateError
	switch {
	case errors.As(err, &def):
		resp.Diagnostics.AddWarning("Default 2FA Template Left in Place",
			fmt.Sprintf("2FA template %s (%q) is the account's default template, which One-API does not delete. It was removed "+
				"from the Terraform state only and stays on the platform. Make another template the default in the web "+
				"interface first to delete it, or import it again to manage it.", state.ID.ValueString(), state.Name.ValueString()))
	case err != nil:
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Delete 2FA Template", r.Client, templateObject(state.ID.ValueString()), err))
	}
}
