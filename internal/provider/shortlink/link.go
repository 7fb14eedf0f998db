package shortlink

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_short_link resource: a short link on a domain (POST, PUT and
// DELETE /api/short-url/links). The API has no GET of one link: a refresh
// reads its statistics (404 when the link is gone), which carry the short
// and original link and the clicks, not the name nor the status; those
// are as the last create, update or import saw them.

var (
	_ resource.Resource                = (*linkResource)(nil)
	_ resource.ResourceWithConfigure   = (*linkResource)(nil)
	_ resource.ResourceWithImportState = (*linkResource)(nil)
	_ resource.ResourceWithIdentity    = (*linkResource)(nil)
)

// NewShortLinkResource returns the oneapi_short_link resource.
func NewShortLinkResource() resource.Resource { return &linkResource{} }

type linkResource struct{ framework.ResourceBase }

type linkModel struct {
	ID           types.String `tfsdk:"id"`
	DomainID     types.String `tfsdk:"domain_id"`
	OriginalLink types.String `tfsdk:"original_link"`
	Name         types.String `tfsdk:"name"`
	Slug         types.String `tfsdk:"slug"`
	ShortLink    types.String `tfsdk:"short_link"`
	Status       types.String `tfsdk:"status"`
	CreatedAt    types.String `tfsdk:"created_at"`
	CountClicks  types.Int64  `tfsdk:"count_clicks"`
	FirstClickAt types.String `tfsdk:"first_click_at"`
}

func (m linkModel) ObjectID() types.String { return m.ID }

func (r *linkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_short_link"
}

func (r *linkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("short link")
}

func (r *linkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) { //nolint:funlen // a schema is one declaration, read best in one piece
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A short link on a short-link domain, to put in a campaign's text. A refresh reads the link's " +
			"statistics (the API has no read of one link): the clicks, the short and the original link. Destroying deletes " +
			"the link; the platform keeps it restorable for a few days.\n\nNothing makes a link unique, so a create whose answer " +
			"is lost is never sent again on a guess. A create that a killed apply left in flight is recorded in the in-flight " +
			"journal in Terraform's data directory (as a campaign's is): the next apply of the same link (domain, original " +
			"link, name and slug) takes the link the earlier answer named, or makes it anew if that link is gone; when that " +
			"answer never came, it stops and names the live links to the same original link made since, with the ways out " +
			"(`terraform import` of the one that is this link, or deleting the journal file it names to make a new link). " +
			"As for campaigns, an entry ends when a refresh or destroy reads its link: an apply with `-refresh=false` or " +
			"`-target` that skips the refresh can let a new resource of the same link, name and slug take it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Short link id (a uuid).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "The domain of the link (`oneapi_short_url_domain.x.id`), which must be `active`. A new domain replaces the link.",
				Required:            true,
				Validators:          []validator.String{uuidValidator("short-link domain")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"original_link": schema.StringAttribute{
				MarkdownDescription: "Where the link redirects: an http or https URL of at most 2048 characters. A link used " +
					"for the first time may need the platform's moderation (the link is then `blocked` until approved).",
				Required:   true,
				Validators: []validator.String{urlValidator(2048)},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "A name for the link, like a comment: 1 to 50 characters. A refresh does not read it back " +
					"(the statistics do not carry it): a name changed in the web interface is seen only on import.",
				Optional:   true,
				Validators: []validator.String{framework.UTF16LengthUpTo(50)},
			},
			"slug": schema.StringAttribute{
				MarkdownDescription: "The part of the short link after the domain: 1 to 25 characters, unique on the domain. " +
					"Unset, the platform makes one (the domain's `slug_type`), and it is kept.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{framework.UTF16LengthUpTo(25), slugValidator()},
				PlanModifiers: keep,
			},
			"short_link": schema.StringAttribute{
				MarkdownDescription: "The short link, such as `http://go.example.com/e7T8YK`: put it in a campaign's text.",
				Computed:            true,
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`active` (redirects), `blocked` (moderation), `not_paid`, `deleted` or `problem`, as the " +
					"last create, update or import saw it: the statistics a refresh reads do not carry it.",
				Computed: true,
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the link was created, as the platform writes it.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"count_clicks": schema.Int64Attribute{
				MarkdownDescription: "Clicks on the link, as of the last refresh (the platform counts them with some delay).",
				Computed:            true,
			},
			"first_click_at": schema.StringAttribute{
				MarkdownDescription: "When the link was first clicked, as the platform writes it; null before any click.",
				Computed:            true,
			},
		},
	}
}

// slugValidator refuses a slug that cannot be a URL path segment.
func slugValidator() validator.String {
	return framework.StringCheck("must be one URL path segment: no /, ?, # nor spaces", func(p path.Path, v string, d *diag.Diagnostics) {
		if strings.ContainsAny(v, "/?# \t\n") {
			d.AddAttributeError(p, "Invalid Slug", fmt.Sprintf("%s %q must be one URL path segment: no /, ?, # nor spaces.", p, v))
		}
	})
}

// fromAPI writes a create, update or list answer into the model.
func (m *linkModel) fromAPI(l *client.ShortLink) {
	m.ID, m.Slug, m.ShortLink = types.StringValue(l.ID), types.StringValue(l.Slug), types.StringValue(l.ShortLink)
	m.OriginalLink, m.Status = types.StringValue(l.OriginalLink), types.StringValue(l.Status)
	m.Name = types.StringPointerValue(l.Name)
	m.CreatedAt = types.StringPointerValue(l.CreatedAt)
	m.CountClicks = types.Int64Value(l.CountClicks)
	if m.FirstClickAt.IsUnknown() {
		m.FirstClickAt = types.StringNull()
	}
}

// fromStatistics writes what a refresh reads: the clicks, the short and
// original link, and the slug the short link ends with.
func (m *linkModel) fromStatistics(s *client.ShortLinkStatistics) {
	m.CountClicks = types.Int64Value(s.CountClicks)
	m.FirstClickAt = types.StringPointerValue(s.ClickDate)
	if s.OriginalLink != "" {
		m.OriginalLink = types.StringValue(s.OriginalLink)
	}
	if s.ShortLink != "" {
		m.ShortLink = types.StringValue(s.ShortLink)
		if u, err := url.Parse(s.ShortLink); err == nil && strings.Trim(u.Path, "/") != "" {
			m.Slug = types.StringValue(strings.Trim(u.Path, "/"))
		}
	}
}

// linkObject names a link in diagnostics.
func linkObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "short link", ID: id, List: "the oneapi_short_link list resource"}
}

func (r *linkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan linkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	then := client.ShortLinkUpdate{Name: plan.Name.ValueStringPointer()}
	if framework.Known(plan.Slug) {
		then.Slug = plan.Slug.ValueStringPointer()
	}
	l, err := r.Client.CreateShortLink(ctx, client.ShortLinkRequest{DomainID: plan.DomainID.ValueString(),
		Link: plan.OriginalLink.ValueString(), Then: then})
	if err != nil {
		resp.Diagnostics.Append(linkWriteError("Unable to Create Short Link", r.Client, "", err)...)
		return
	}
	want := plan
	plan.fromAPI(l)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	// The create takes only the domain and the link: a name or slug is
	// set by an update.
	if body, ok := linkChanges(want, plan); ok {
		r.update(ctx, &plan, body, "Unable to Name Short Link", &resp.State, resp.Identity, &resp.Diagnostics)
	}
}

// linkChanges is the update that takes the link from have to want.
func linkChanges(want, have linkModel) (client.ShortLinkUpdate, bool) {
	var body client.ShortLinkUpdate
	changed := false
	if !want.Name.Equal(have.Name) && !want.Name.IsUnknown() {
		body.Name, body.ClearName, changed = want.Name.ValueStringPointer(), want.Name.IsNull(), true
	}
	if framework.Known(want.Slug) && !want.Slug.Equal(have.Slug) {
		body.Slug, changed = want.Slug.ValueStringPointer(), true
	}
	if framework.Known(want.OriginalLink) && !want.OriginalLink.Equal(have.OriginalLink) {
		body.OriginalLink, changed = want.OriginalLink.ValueStringPointer(), true
	}
	return body, changed
}

// linkWriteError says what to do about a refused create or update.
func linkWriteError(summary string, c *client.Client, id string, err error) diag.Diagnostics {
	var unproven *client.UnprovenObjectError
	switch {
	case client.IsSlugTaken(err):
		return diag.Diagnostics{diag.NewAttributeErrorDiagnostic(path.Root("slug"), summary, fmt.Sprintf("One-API refused the slug: another "+
			"short link of the domain has it (%q). Choose another slug and apply again.", client.MsgSlugTaken))}
	case errors.As(err, &unproven):
		return diag.Diagnostics{diag.NewErrorDiagnostic("Short Link May Already Exist", fmt.Sprintf("Nothing was created: %s.\n\n"+
			"If one of them is this resource's link, import it and apply again:\n\n  terraform import ADDRESS LINK_UUID\n\n"+
			"Otherwise delete the record of the earlier create and apply again, which makes a new link (then delete in the web "+
			"interface the links named above that no resource holds):\n\n  rm %s", err, unproven.Entry))}
	case client.IsAmbiguousCreate(err):
		return diag.Diagnostics{diag.NewErrorDiagnostic(summary, err.Error()+".\n\nA short link has no unique name to find it by, so the "+
			"create was not sent again. If one of the links named above is this one, bring it under Terraform with an import "+
			"block (id = its uuid) and apply. Otherwise apply again: unless the in-flight journal is off (ONEAPI_JOURNAL_DIR=off), "+
			"that apply stops too, names the links that may be this one, and says how to make a new one.")}
	}
	if apiErr := framework.FieldErrorsOf(err); apiErr != nil {
		return framework.AttributeErrors(summary, "Nothing was changed. Correct the value and apply again.", apiErr, func(field string) (path.Path, bool) {
			switch field {
			case "domain_id", "name", "slug", "original_link":
				return path.Root(field), true
			case "link":
				return path.Root("original_link"), true
			}
			return path.Empty(), false
		}, func(field string) string {
			if field != "domain_id" {
				return ""
			}
			return " Only an active domain takes links: an account's own domain turns active once the platform sees its " +
				"DNS record (record_type, hostname and cname of oneapi_short_url_domain); its status says where it is."
		})
	}
	return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, linkObject(id), err)}
}

func (r *linkResource) update(ctx context.Context, m *linkModel, body client.ShortLinkUpdate, summary string, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	l, err := r.Client.UpdateShortLink(ctx, m.ID.ValueString(), body)
	if err != nil {
		diags.Append(linkWriteError(summary, r.Client, m.ID.ValueString(), err)...)
		return
	}
	m.fromAPI(l)
	framework.Save(ctx, state, identity, m, diags)
}

func (r *linkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state linkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	s, err := r.Client.ShortLinkStats(ctx, id)
	if client.IsNotFound(err) {
		framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Short Link", r.Client, linkObject(id), err))
		return
	}
	// The statistics do not say whether the link is deleted (they answer
	// while it can be restored): the links' list does. A deleted link is
	// not served, so the plan makes it again.
	listed, err := r.Client.FindShortLink(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Short Link", r.Client, linkObject(id), err))
		return
	}
	if listed != nil && listed.Deleted() {
		framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if listed != nil {
		state.Status = types.StringValue(listed.Status)
	}
	imported := state.DomainID.IsNull()
	if imported {
		// An import: the statistics do not say the domain, the name nor
		// the status; the lists do, once.
		if err := r.adopt(ctx, &state); err != nil {
			resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Import Short Link", r.Client, linkObject(id), err))
			return
		}
	}
	r.Client.JournalSeenObject(ctx, client.JournalShortLink, id, imported) // the state holds it: its create can no longer be lost
	state.fromStatistics(s)
	framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// adopt fills an imported link from the links' and the domains' lists.
func (r *linkResource) adopt(ctx context.Context, m *linkModel) error {
	l, err := r.Client.FindShortLink(ctx, m.ID.ValueString())
	if err != nil {
		return err
	}
	if l == nil {
		return fmt.Errorf("short link %s answers its statistics but is not in the list of the account's links", m.ID.ValueString())
	}
	domains, err := domainsByName(ctx, r.Client)
	if err != nil {
		return err
	}
	domainID, ok := domains[l.Host()]
	if !ok {
		return fmt.Errorf("the domain of short link %s (%s) is not one of the account's domains", l.ID, l.Host())
	}
	m.fromAPI(l)
	m.DomainID = types.StringValue(domainID)
	return nil
}

// domainsByName maps the account's domain names to their ids.
func domainsByName(ctx context.Context, c *client.Client) (map[string]string, error) {
	out := map[string]string{}
	err := c.EachShortDomain(ctx, func(d *client.ShortDomain) bool {
		out[d.Name] = d.ID
		return true
	})
	return out, err
}

func (r *linkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state linkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, changed := linkChanges(plan, state)
	if !changed {
		framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
		return
	}
	r.update(ctx, &state, body, "Unable to Update Short Link", &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *linkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state linkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.Client.DeleteShortLink(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Delete Short Link", r.Client, linkObject(state.ID.ValueString()), err))
		return
	}
	r.Client.JournalSeenObject(ctx, client.JournalShortLink, state.ID.ValueString(), false)
}

func (r *linkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByUUID(ctx, "short link", "oneapi_short_link.promo 3338470c-4647-4f8d-a503-afce21e6312a", req, resp)
}
