package contactbook

// The list resources oneapi_contact_list and oneapi_contact (terraform
// query, Terraform 1.14 and later), on the shared skeleton
// (framework.ListResource).

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewListOfContactLists returns the oneapi_contact_list list resource.
func NewListOfContactLists() list.ListResource {
	return &framework.ListResource[contactListFilter, contactListModel, client.ContactList]{Listing: framework.Listing[contactListFilter, contactListModel, client.ContactList]{
		Suffix: "_contact_list", Kind: "contact list",
		Doc: "Finds the account's contact lists for `terraform query` (`GET /api/groups`, 500 a page, streamed), each with its " +
			"identity (`id`) and, with `include_resource = true`, the list as a refresh writes it.",
		Filters: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the list of exactly this name (names are unique in an account).",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(255)},
			},
		},
		Each: func(ctx context.Context, c *client.Client, f contactListFilter, yield func(*client.ContactList) bool) error {
			name := f.Name.ValueString()
			return c.EachContactList(ctx, func(l *client.ContactList) bool { return (name != "" && l.Name != name) || yield(l) })
		},
		FromAPI:     (*contactListModel).fromAPI,
		DisplayName: func(l *client.ContactList) string { return l.Name },
	}}
}

type contactListFilter struct {
	Name types.String `tfsdk:"name"`
}

// NewListOfContacts returns the oneapi_contact list resource.
func NewListOfContacts() list.ListResource {
	return &framework.ListResource[contactFilter, contactModel, client.Contact]{Listing: framework.Listing[contactFilter, contactModel, client.Contact]{
		Suffix: "_contact", Kind: "contact",
		Doc: "Finds the contact book's contacts for `terraform query`: all of them or one list's (`GET /api/contacts` with " +
			"`groups[]`, 500 a page, streamed), or the contact of one phone (`GET /api/contacts/search`), each with its " +
			"identity (`id`) and, with `include_resource = true`, the contact as a refresh writes it.",
		Filters: map[string]schema.Attribute{
			"contact_list_id": schema.StringAttribute{
				MarkdownDescription: "Only contacts of this contact list (`oneapi_contact_list.x.id`).",
				Optional:            true,
				Validators:          []validator.String{framework.IDValidator("contact list")},
			},
			"phone": schema.StringAttribute{
				MarkdownDescription: "Only the contact of this phone number: digits only, with the country code.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(framework.PhonePattern, "must be a phone number: 9 to 15 digits with the country code, no +")},
			},
		},
		Each:        eachContact,
		FromAPI:     (*contactModel).fromAPI,
		DisplayName: func(ct *client.Contact) string { return ct.Phone.String() },
	}}
}

type contactFilter struct {
	ContactListID types.String `tfsdk:"contact_list_id"`
	Phone         types.String `tfsdk:"phone"`
}

// eachContact streams the contacts of a filter: one phone through the
// search, else the book or one list.
func eachContact(ctx context.Context, c *client.Client, f contactFilter, yield func(*client.Contact) bool) error {
	var list int64
	if !f.ContactListID.IsNull() {
		list, _ = framework.ParseID("contact list", f.ContactListID.ValueString(), path.Root("contact_list_id")) // validated
	}
	if f.Phone.IsNull() {
		return c.EachContact(ctx, list, yield)
	}
	ct, err := c.FindContact(ctx, f.Phone.ValueString())
	if err != nil || ct == nil {
		return err
	}
	if list != 0 && !inList(ct, list) {
		return nil
	}
	yield(ct)
	return nil
}

func inList(ct *client.Contact, list int64) bool {
	for _, g := range ct.Groups {
		if g.ID == list {
			return true
		}
	}
	return false
}
