package stoplist

// The list resource oneapi_stop_list_entries (terraform query, Terraform
// 1.14 and later): one result per channel whose stop list has phones, on
// the shared skeleton (framework.ListResource).

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewListResource returns the oneapi_stop_list_entries list resource.
func NewListResource() list.ListResource {
	return &framework.ListResource[listFilter, entriesModel, channelPhones]{Listing: framework.Listing[listFilter, entriesModel, channelPhones]{
		Suffix: "_stop_list_entries", Kind: "stop list",
		Doc: "Finds the account's stop lists for `terraform query`: one result per channel that has phones (`GET /api/stoplist`, " +
			"500 a page), identified by the channel, with every phone of it when `include_resource = true`.",
		Filters: map[string]schema.Attribute{
			"channel": schema.StringAttribute{
				MarkdownDescription: "Only this channel: `sms`, `viber` or `rcs`.",
				Optional:            true,
				Validators:          []validator.String{channelIs()},
			},
		},
		Each:        eachChannel,
		FromAPI:     (*entriesModel).fromListing,
		DisplayName: func(c *channelPhones) string { return c.channel },
	}}
}

type listFilter struct {
	Channel types.String `tfsdk:"channel"`
}

// channelPhones are the phones of one channel's stop list.
type channelPhones struct {
	channel string
	phones  []string
}

func eachChannel(ctx context.Context, c *client.Client, f listFilter, yield func(*channelPhones) bool) error {
	byChannel := map[string][]string{}
	err := c.EachStopListEntry(ctx, func(e *client.StopListEntry) bool {
		for _, ch := range e.Channels() {
			byChannel[ch] = append(byChannel[ch], e.Phone.String())
		}
		return true
	})
	if err != nil {
		return err
	}
	for _, ch := range client.StopListChannels {
		if len(byChannel[ch]) == 0 || (!f.Channel.IsNull() && f.Channel.ValueString() != ch) {
			continue
		}
		if !yield(&channelPhones{channel: ch, phones: byChannel[ch]}) {
			break
		}
	}
	return nil
}

func (m entriesModel) ObjectID() types.String { return m.ID }

func (m *entriesModel) fromListing(c *channelPhones) {
	slices.Sort(c.phones)
	m.ID, m.Channel = types.StringValue(c.channel), types.StringValue(c.channel)
	m.Phones = framework.StringSet(c.phones)
	m.DetachOnDestroy = types.BoolValue(false)
}
