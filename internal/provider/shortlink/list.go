package shortlink

// The list resources oneapi_short_url_domain and oneapi_short_link
// (terraform query, Terraform 1.14 and later), on the shared skeleton
// (framework.ListResource).

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewListOfShortURLDomains returns the oneapi_short_url_domain list resource.
func NewListOfShortURLDomains() list.ListResource {
	return &framework.ListResource[domainFilter, domainModel, client.ShortDomain]{Listing: framework.Listing[domainFilter, domainModel, client.ShortDomain]{
		Suffix: "_short_url_domain", Kind: "short-link domain",
		Doc: "Finds the account's short-link domains for `terraform query` (`GET /api/short-url/domains`), each with its " +
			"identity (`id`) and, with `include_resource = true`, the domain as a refresh writes it. The list's answer " +
			"leaves out `slug_type`, `not_found_page` and the DNS record, so each domain found is read once " +
			"(`GET /api/short-url/domains/{uuid}`; a tariff allows a few domains).",
		Filters: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the domain of exactly this name (names are unique in an account).",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(20)},
			},
		},
		Each:        eachDomain,
		FromAPI:     (*domainModel).fromAPI,
		DisplayName: func(d *client.ShortDomain) string { return d.Name },
	}}
}

type domainFilter struct {
	Name types.String `tfsdk:"name"`
}

func eachDomain(ctx context.Context, c *client.Client, f domainFilter, yield func(*client.ShortDomain) bool) error {
	var found []client.ShortDomain
	err := c.EachShortDomain(ctx, func(d *client.ShortDomain) bool {
		if f.Name.IsNull() || d.Name == f.Name.ValueString() {
			found = append(found, *d)
		}
		return true
	})
	for i := range found {
		if err != nil {
			break
		}
		var d *client.ShortDomain
		if d, err = c.GetShortDomain(ctx, found[i].ID); err == nil && !yield(d) {
			break
		}
	}
	return err
}

// NewListOfShortLinks returns the oneapi_short_link list resource.
func NewListOfShortLinks() list.ListResource {
	return &framework.ListResource[linkFilter, linkModel, domainLink]{Listing: framework.Listing[linkFilter, linkModel, domainLink]{
		Suffix: "_short_link", Kind: "short link",
		Doc: "Finds the account's short links for `terraform query` (`GET /api/short-url/links`, 500 a page, streamed, and the " +
			"domains once to name each link's domain), each with its identity (`id`) and, with `include_resource = true`, the " +
			"link as the list writes it. Deleted links are left out unless `status` asks for them.",
		Filters: map[string]schema.Attribute{
			"domain_id": schema.StringAttribute{
				MarkdownDescription: "Only the links of this domain (`oneapi_short_url_domain.x.id`).",
				Optional:            true,
				Validators:          []validator.String{uuidValidator("short-link domain")},
			},
			"original_link": schema.StringAttribute{
				MarkdownDescription: "Only the links to exactly this URL.",
				Optional:            true,
				Validators:          []validator.String{urlValidator(2048)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only the links of this status (`active`, `blocked`, `not_paid`, `deleted`, `problem`); " +
					"unset, every link but the deleted ones.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("active", "blocked", "not_paid", "deleted", "problem")},
			},
		},
		Each:        eachLink,
		FromAPI:     (*linkModel).fromListing,
		DisplayName: func(l *domainLink) string { return l.link.ShortLink },
	}}
}

type linkFilter struct {
	DomainID     types.String `tfsdk:"domain_id"`
	OriginalLink types.String `tfsdk:"original_link"`
	Status       types.String `tfsdk:"status"`
}

// domainLink is a listed link with its domain's id, which the link's
// answer does not carry (its short_link's host names the domain).
type domainLink struct {
	link     client.ShortLink
	domainID string
}

func eachLink(ctx context.Context, c *client.Client, f linkFilter, yield func(*domainLink) bool) error {
	domains, err := domainsByName(ctx, c)
	if err != nil {
		return err
	}
	return c.EachShortLink(ctx, func(l *client.ShortLink) bool {
		dl := &domainLink{link: *l, domainID: domains[l.Host()]}
		switch {
		case !f.DomainID.IsNull() && dl.domainID != f.DomainID.ValueString(),
			!f.OriginalLink.IsNull() && l.OriginalLink != f.OriginalLink.ValueString(),
			f.Status.IsNull() && l.Status == "deleted",
			!f.Status.IsNull() && l.Status != f.Status.ValueString():
			return true
		}
		return yield(dl)
	})
}

func (m *linkModel) fromListing(l *domainLink) {
	m.FirstClickAt = types.StringNull()
	m.fromAPI(&l.link)
	m.DomainID = types.StringValue(l.domainID)
	if l.domainID == "" {
		m.DomainID = types.StringNull()
	}
}
