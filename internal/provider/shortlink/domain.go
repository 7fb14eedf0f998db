package shortlink

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_short_url_domain resource: a domain of the URL shortener
// (POST, GET, PUT and DELETE /api/short-url/domains). The create answer
// carries the DNS record the account must create (record_type, hostname,
// cname), which a DNS provider's resource can take in the same
// configuration; the create waits until the answer carries it.

var (
	_ resource.Resource                = (*domainResource)(nil)
	_ resource.ResourceWithConfigure   = (*domainResource)(nil)
	_ resource.ResourceWithImportState = (*domainResource)(nil)
	_ resource.ResourceWithIdentity    = (*domainResource)(nil)
)

// NewShortURLDomainResource returns the oneapi_short_url_domain resource.
func NewShortURLDomainResource() resource.Resource { return &domainResource{} }

type domainResource struct{ framework.ResourceBase }

type domainModel struct {
	ID              types.String   `tfsdk:"id"`
	Name            types.String   `tfsdk:"name"`
	SlugType        types.String   `tfsdk:"slug_type"`
	NotFoundPage    types.String   `tfsdk:"not_found_page"`
	IsDefault       types.Bool     `tfsdk:"is_default"`
	Status          types.String   `tfsdk:"status"`
	SystemDomainID  types.String   `tfsdk:"system_domain_id"`
	RecordType      types.String   `tfsdk:"record_type"`
	Hostname        types.String   `tfsdk:"hostname"`
	CNAME           types.String   `tfsdk:"cname"`
	CreatedAt       types.String   `tfsdk:"created_at"`
	CountShortLinks types.Int64    `tfsdk:"count_short_links"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (m domainModel) ObjectID() types.String { return m.ID }

// domainPattern is a domain name as the shortener serves it: lowercase
// labels of letters, digits and hyphens, and a top-level domain.
var domainPattern = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$`)

// domainWaitInterval is how often a create reads a domain whose answer
// has no DNS record yet.
const domainWaitInterval = 2 * time.Second

// defaultDomainCreateTimeout bounds a create and its wait.
const defaultDomainCreateTimeout = 5 * time.Minute

func (r *domainResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_short_url_domain"
}

func (r *domainResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("short-link domain")
}

func (r *domainResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) { //nolint:funlen // a schema is one declaration, read best in one piece
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A domain of the URL shortener, for `oneapi_short_link`. An account's own domain answers with the DNS " +
			"record to create (`record_type`, `hostname`, `cname`): hand them to a DNS provider's record resource. The platform " +
			"marks the domain `active` once it sees the record; only an active domain takes short links. The tariff limits how " +
			"many domains an account has.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Domain id (a uuid).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The domain name, such as `go.example.com`: 1 to 20 characters, lowercase, unique in the " +
					"account. The API cannot rename a domain: a new name replaces it.",
				Required:      true,
				Validators:    []validator.String{framework.UTF16LengthUpTo(20), stringvalidator.RegexMatches(domainPattern, "must be a lowercase domain name such as go.example.com")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"slug_type": schema.StringAttribute{
				MarkdownDescription: "How the slugs of new links are made: `random`, `from_original` or `numeric` (default `random`).",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("random"),
				Validators:          []validator.String{stringvalidator.OneOf("random", "from_original", "numeric")},
			},
			"not_found_page": schema.StringAttribute{
				MarkdownDescription: "Where a link whose original page answers 404 redirects: an http or https URL. The API " +
					"cannot clear it: removing it from the configuration keeps the platform's value.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{urlValidator(2048)},
				PlanModifiers: keep,
			},
			"is_default": schema.BoolAttribute{
				MarkdownDescription: "Whether new links go to this domain by default. Setting it takes the flag from the " +
					"account's other domains. Unset, the platform's value is kept.",
				Optional: true,
				Computed: true,
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`inactive` until the platform sees the DNS record, then `active`; or `deleted`, `blocked`, `not_paid`.",
				Computed:            true,
			},
			"system_domain_id": schema.StringAttribute{
				MarkdownDescription: "The platform's domain this one is, for a system domain; null for an account's own domain.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"record_type": schema.StringAttribute{
				MarkdownDescription: "Type of the DNS record to create for an own domain (`CNAME`); null for a system domain.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"hostname": schema.StringAttribute{
				MarkdownDescription: "Name of the DNS record to create (the domain).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"cname": schema.StringAttribute{
				MarkdownDescription: "Value of the DNS record to create: the platform's host the domain points to.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the domain was added, as the platform writes it.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"count_short_links": schema.Int64Attribute{
				MarkdownDescription: "Short links on the domain, as of the last refresh.",
				Computed:            true,
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{
				Create: true,
				CreateDescription: "How long a create may take, a Go duration such as \"5m\" (default 5m): the request and the " +
					"wait until the answer carries the DNS record. The create request is sent once. A wait that runs out " +
					"warns and leaves the domain in the state, its record empty until a later refresh reads it.",
			}),
		},
	}
}

// fromAPI writes what the API says about a domain into the model. The
// list's answer has no slug_type, not_found_page nor DNS record: those
// stay as they are when null.
func (m *domainModel) fromAPI(d *client.ShortDomain) {
	m.ID, m.Name, m.Status = types.StringValue(d.ID), types.StringValue(d.Name), types.StringValue(d.Status)
	if d.SlugType != nil {
		m.SlugType = types.StringPointerValue(d.SlugType)
	}
	m.NotFoundPage = types.StringPointerValue(d.NotFoundPage)
	m.IsDefault = types.BoolValue(d.IsDefault)
	m.SystemDomainID = types.StringPointerValue(d.SystemDomainID)
	m.RecordType, m.Hostname, m.CNAME = types.StringPointerValue(d.RecordType), types.StringPointerValue(d.Hostname), types.StringPointerValue(d.CNAME)
	m.CreatedAt = types.StringPointerValue(d.CreatedAt)
	m.CountShortLinks = types.Int64Value(d.CountShortLinks)
	if m.Timeouts.IsNull() {
		m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})}
	}
}

func (r *domainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultDomainCreateTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	body := client.ShortDomainRequest{Name: plan.Name.ValueString(), SlugType: plan.SlugType.ValueString()}
	if framework.Known(plan.NotFoundPage) {
		body.NotFoundPage = plan.NotFoundPage.ValueStringPointer()
	}
	d, err := r.Client.CreateShortDomain(ctx, body)
	if err != nil {
		resp.Diagnostics.Append(domainCreateError(r.Client, plan.Name.ValueString(), err))
		return
	}
	if d.Recovered != "" {
		resp.Diagnostics.AddWarning("Short-Link Domain Recovered After a Lost Answer",
			fmt.Sprintf("The answer to the create request was lost; short-link domain %s was %s, and is now in the state.", d.ID, d.Recovered))
	}
	want := plan
	plan.fromAPI(d)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	// The create takes no is_default; a configured one is set now.
	if framework.Known(want.IsDefault) && want.IsDefault.ValueBool() != d.IsDefault {
		isDefault := want.IsDefault.ValueBool()
		if d, err = r.Client.UpdateShortDomain(ctx, d.ID, client.ShortDomainUpdate{IsDefault: &isDefault}); err != nil {
			resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Make Short-Link Domain Default", r.Client, domainObject(plan.ID.ValueString()), err))
			return
		}
	}
	if d, err = r.Client.WaitShortDomainUsable(ctx, d, domainWaitInterval); err != nil {
		// The domain exists and is in the state: failing here would taint
		// it, and the next apply would delete it with its links.
		resp.Diagnostics.AddWarning("Short-Link Domain Has No DNS Record Yet", fmt.Sprintf("Short-link domain %s (%q) is created "+
			"and in the state, but the wait for the DNS record to create ended before an answer carried it: %v. record_type, "+
			"hostname and cname stay empty until a refresh reads them: apply again once the platform has written the record "+
			"(what takes them from this domain is planned then), or raise timeouts.create for new domains.",
			d.ID, d.Name, err))
	}
	plan.fromAPI(d)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// domainObject names a domain in diagnostics.
func domainObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "short-link domain", ID: id, List: "the oneapi_short_url_domain list resource"}
}

// domainCreateError says what to do about a refused create: a taken name
// names the domain to import; the tariff's limit says how to make room.
func domainCreateError(c *client.Client, name string, err error) diag.Diagnostic {
	const summary = "Unable to Create Short-Link Domain"
	var dup *client.DuplicateDomainError
	switch {
	case errors.As(err, &dup):
		detail := fmt.Sprintf("One-API refused %q: the account already has a domain of this name. Choose another name", name)
		if dup.ExistingID != "" {
			detail += fmt.Sprintf(", or bring the existing domain under Terraform: an import block with id = %q", dup.ExistingID)
		}
		return diag.NewAttributeErrorDiagnostic(path.Root("name"), summary, detail+".")
	case client.IsDomainLimit(err):
		return diag.NewErrorDiagnostic(summary, fmt.Sprintf("One-API refused domain %q: the account's tariff allows no more "+
			"domains (short-link.exceptions.domain_exceeded_allowed_limit). Nothing was created. Delete a domain the account "+
			"no longer uses, or upgrade the tariff, then apply again.", name))
	}
	return framework.ObjectErrorDiagnostic(summary, c, domainObject(""), err)
}

func (r *domainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d, err := r.Client.GetShortDomain(ctx, state.ID.ValueString())
	if client.IsNotFound(err) || (err == nil && d.Deleted()) {
		// Gone, or deleted outside Terraform (restorable for a while, not
		// served): the plan adds it again.
		framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Short-Link Domain", r.Client, domainObject(state.ID.ValueString()), err))
		return
	}
	state.fromAPI(d)
	framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *domainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := client.ShortDomainUpdate{SlugType: plan.SlugType.ValueString()}
	if framework.Known(plan.NotFoundPage) {
		body.NotFoundPage = plan.NotFoundPage.ValueStringPointer()
	}
	if framework.Known(plan.IsDefault) {
		body.IsDefault = plan.IsDefault.ValueBoolPointer()
	}
	d, err := r.Client.UpdateShortDomain(ctx, plan.ID.ValueString(), body)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Update Short-Link Domain", r.Client, domainObject(plan.ID.ValueString()), err))
		return
	}
	plan.fromAPI(d)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *domainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteShortDomain(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Delete Short-Link Domain", r.Client, domainObject(state.ID.ValueString()), err))
	}
}

func (r *domainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByUUID(ctx, "short-link domain", "oneapi_short_url_domain.go db05af9e-107e-4ed6-b1ac-a373d90109c8", req, resp)
}
