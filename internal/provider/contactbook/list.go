package contactbook

// The list resources oneapi_contact_list and oneapi_contact (terraform
// query, Terraform 1.14 and later), on the shared skeleton
// (framework.ListResource).

import (
	"context"
	"slices"
	"strconv"

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
				Validators:          []validator.String{framework.PhoneValidator()},
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

// NewListOfContactFields returns the oneapi_contact_field list resource.
func NewListOfContactFields() list.ListResource {
	return &framework.ListResource[contactFieldFilter, contactFieldModel, client.CustomField]{Listing: framework.Listing[contactFieldFilter, contactFieldModel, client.CustomField]{
		Suffix: "_contact_field", Kind: "contact field",
		Doc: "Finds the account's custom contact fields for `terraform query` (`GET /api/contacts/fields`), each with its " +
			"identity (`id`) and, with `include_resource = true`, the field as a refresh writes it.",
		Filters: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only fields of exactly this name.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(1, 30)},
			},
		},
		Each: func(ctx context.Context, c *client.Client, f contactFieldFilter, yield func(*client.CustomField) bool) error {
			all, err := c.ListCustomFields(ctx)
			for i := range all {
				if (f.Name.IsNull() || all[i].Name == f.Name.ValueString()) && !yield(&all[i]) {
					break
				}
			}
			return err
		},
		FromAPI:     (*contactFieldModel).fromAPI,
		DisplayName: func(f *client.CustomField) string { return f.Name },
	}}
}

type contactFieldFilter struct {
	Name types.String `tfsdk:"name"`
}

// NewListOfContactListMembers returns the oneapi_contact_list_members list
// resource: one result per contact list, with every contact it has.
func NewListOfContactListMembers() list.ListResource {
	return &framework.ListResource[membersFilter, membersModel, listMembers]{Listing: framework.Listing[membersFilter, membersModel, listMembers]{
		Suffix: "_contact_list_members", Kind: "contact list member",
		Doc: "Finds the members of the account's contact lists for `terraform query`: one result per list (`GET /api/groups`), " +
			"with every contact it has (`GET /api/contacts` with `groups[]`, 500 a page) when `include_resource = true`.",
		Filters: map[string]schema.Attribute{
			"contact_list_id": schema.StringAttribute{
				MarkdownDescription: "Only this contact list (`oneapi_contact_list.x.id`).",
				Optional:            true,
				Validators:          []validator.String{framework.IDValidator("contact list")},
			},
		},
		Each:        eachListMembers,
		FromAPI:     (*membersModel).fromListing,
		DisplayName: func(l *listMembers) string { return l.list.Name },
	}}
}

type membersFilter struct {
	ContactListID types.String `tfsdk:"contact_list_id"`
}

// listMembers is a contact list with its contacts' ids.
type listMembers struct {
	list     client.ContactList
	contacts []string
}

func eachListMembers(ctx context.Context, c *client.Client, f membersFilter, yield func(*listMembers) bool) error {
	var lists []client.ContactList
	err := c.EachContactList(ctx, func(l *client.ContactList) bool {
		if f.ContactListID.IsNull() || strconv.FormatInt(l.ID, 10) == f.ContactListID.ValueString() {
			lists = append(lists, *l)
		}
		return true
	})
	for _, l := range lists {
		if err != nil {
			break
		}
		m := &listMembers{list: l}
		err = c.EachContact(ctx, l.ID, func(ct *client.Contact) bool {
			m.contacts = append(m.contacts, strconv.FormatInt(ct.ID, 10))
			return true
		})
		if err == nil && !yield(m) {
			break
		}
	}
	return err
}

func (m *membersModel) fromListing(l *listMembers) {
	id := types.StringValue(strconv.FormatInt(l.list.ID, 10))
	slices.Sort(l.contacts)
	m.ID, m.ListID, m.ContactIDs = id, id, framework.StringSet(l.contacts)
}
