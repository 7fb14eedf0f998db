package campaign

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// Short links and the other options of the calls that send an SMS text
// (the ShortLink schema): the text's placeholder word is replaced, for
// each recipient, by a short link to the target on one of the account's
// short-link domains. The calls that take them say so in their block's
// file (the sms block, and sms_fallback with the cascade call); the
// others refuse them at plan.

var (
	// linkPattern is an absolute http(s) URL (the ShortLink's link is
	// format uri; a short link leads to a web page).
	linkPattern = regexp.MustCompile(`^https?://[^\s/?#]+[^\s]*$`)
	// uuidPattern is a domain id (format uuid).
	uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// maxLinkLength is the longest link the short-link call takes (POST
// /api/short-url/links, link <= 2048): a longer one could not be shortened.
const maxLinkLength = 2048

// shortLinksAttribute is the short_links list of a block with a text.
func shortLinksAttribute(text string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Short links: each replaces its `placeholder`, a word of " + text + ", with a short link to `link` " +
			"on one of the account's short-link domains. 1 or more.",
		Optional:   true,
		Validators: []validator.List{listvalidator.SizeAtLeast(1)},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"link": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The target: an http or https URL, at most %d characters.", maxLinkLength),
				Required:            true,
				Validators: []validator.String{stringvalidator.LengthAtMost(maxLinkLength),
					stringvalidator.RegexMatches(linkPattern, "must be an http or https URL")},
			},
			"placeholder": schema.StringAttribute{
				MarkdownDescription: "The word of the text that the short link replaces, 1 to 255 characters; the text must " +
					"contain it.",
				Required:   true,
				Validators: []validator.String{framework.UTF16LengthUpTo(255)},
			},
			"domain_ids": schema.SetAttribute{
				MarkdownDescription: "Ids (UUIDs) of the account's short-link domains the links are made on, 1 or more.",
				ElementType:         types.StringType,
				Required:            true,
				Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(
					stringvalidator.RegexMatches(uuidPattern, "must be a short-link domain id (a UUID)"))},
			},
			"change_domain_after": schema.Int64Attribute{
				MarkdownDescription: "Move to the next domain every this many messages; omitted, one domain is used.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"protocol": schema.BoolAttribute{
				MarkdownDescription: "Write `https://` before the short link (the API's default is true).",
				Optional:            true,
			},
		}},
	}
}

type shortLinkModel struct {
	Link              types.String `tfsdk:"link"`
	Placeholder       types.String `tfsdk:"placeholder"`
	DomainIDs         types.Set    `tfsdk:"domain_ids"`
	ChangeDomainAfter types.Int64  `tfsdk:"change_domain_after"`
	Protocol          types.Bool   `tfsdk:"protocol"`
}

// shortLinksToAPI are the short links as the calls take them; nil for none.
func shortLinksToAPI(ctx context.Context, links []shortLinkModel, diags *diag.Diagnostics) []client.CampaignShortLink {
	var out []client.CampaignShortLink
	for _, l := range links {
		var ids []string
		diags.Append(l.DomainIDs.ElementsAs(ctx, &ids, false)...)
		out = append(out, client.CampaignShortLink{Link: l.Link.ValueString(), Placeholder: l.Placeholder.ValueString(), DomainIDs: ids,
			ChangeDomainAfter: l.ChangeDomainAfter.ValueInt64Pointer(), Protocol: l.Protocol.ValueBoolPointer()})
	}
	return out
}

// checkShortLinkPlaceholders refuses a placeholder the text does not
// contain (its link would never reach anyone) and one placeholder given
// twice; at is the object holding text and short_links.
func checkShortLinkPlaceholders(d *diag.Diagnostics, at path.Path, attrs map[string]attr.Value) {
	text, _ := attrs["text"].(types.String)
	seen := map[string]int{}
	for i, l := range framework.ListElems(attrs["short_links"]) {
		p, _ := framework.ObjectAttrs(l)["placeholder"].(types.String)
		if !framework.Known(p) || p.ValueString() == "" {
			continue
		}
		word, where := p.ValueString(), at.AtName("short_links").AtListIndex(i).AtName("placeholder")
		if first, dup := seen[word]; dup {
			d.AddAttributeError(where, "Duplicate Short Link Placeholder",
				fmt.Sprintf("Attribute %s is %q, as is short_links[%d]: each placeholder is replaced by one link. Use "+
					"another word in the text for the second link.", where, word, first))
			continue
		}
		seen[word] = i
		if framework.Known(text) && !strings.Contains(text.ValueString(), word) {
			d.AddAttributeError(where, "Short Link Placeholder Not in Text",
				fmt.Sprintf("Attribute %s is %q, but %s does not contain it, so the short link would reach no one. Write "+
					"%q in the text where the link belongs, or remove this short link.", where, word, at.AtName("text"), word))
		}
	}
}

// callbackURLPattern is a callback address: an http(s) URL.
var callbackURLPattern = linkPattern

// shortLinkPath is the attribute of a 422 field below short_links (its
// path parts after "short_links"), in the object at.
func shortLinkPath(at path.Path, rest []string) path.Path {
	p := at.AtName("short_links")
	if len(rest) == 0 {
		return p
	}
	i, err := strconv.Atoi(rest[0])
	if err != nil {
		return p
	}
	p = p.AtListIndex(i)
	if len(rest) > 1 && slices.Contains([]string{"link", "placeholder", "domain_ids", "change_domain_after", "protocol"}, rest[1]) {
		p = p.AtName(rest[1])
	}
	return p
}

// cascadeOnlyAttributes are the sms_fallback settings that only the
// cascade call's SMS block takes (the Sms schema of POST
// /api/campaigns/send); the RCS calls' alternative_channel.sms and the
// WhatsApp call's fallback have no such fields.
var cascadeOnlyAttributes = []string{"unsubscribe_caption", "short_links"}

// validateFallbackOptions refuses the cascade-only settings of
// sms_fallback with a block whose fallback goes another way, and checks
// the fallback's short-link placeholders against its text.
func validateFallbackOptions(d *diag.Diagnostics, top map[string]attr.Value) {
	fb := framework.ObjectAttrs(top["sms_fallback"])
	if fb == nil {
		return
	}
	for _, c := range blocksOf(top) {
		if !c.Cascade || viaCascadeCall(c) {
			continue
		}
		for _, name := range cascadeOnlyAttributes {
			if framework.Known(fb[name]) {
				d.AddAttributeError(path.Root("sms_fallback").AtName(name), "Attribute Not Supported for "+c.Title,
					fmt.Sprintf("Attribute sms_fallback.%s cannot be set with %s: %s takes the fallback SMS without %s (only %s "+
						"takes it, with %s), so it would not be sent. Remove it.", name, c.Block, c.Call, name, cascadeCall,
						framework.Sentence(framework.Quoted(blocksWhere(viaCascadeCall)), "or")))
			}
		}
	}
	checkShortLinkPlaceholders(d, path.Root("sms_fallback"), fb)
}

// cascadeOnly says which blocks' fallback takes a cascade-only setting.
func cascadeOnly(attribute string) string {
	return "Only with " + framework.Sentence(framework.Quoted(blocksWhere(viaCascadeCall)), "or") + " (the cascade call, " +
		cascadeCall + "): the other calls' fallback SMS takes no `" + attribute + "`."
}

// withCascadeOnly adds cascadeOnly to the fallback's short_links.
func withCascadeOnly(a schema.ListNestedAttribute) schema.ListNestedAttribute {
	a.MarkdownDescription += " " + cascadeOnly("short_links")
	return a
}

// callbackURLDescription says which calls take callback_url.
func callbackURLDescription() string {
	takers := ownChannels(taking("callback_url", true))
	return "Where the platform reports the messages' delivery statuses, for " + framework.Sentence(takers, "and") +
		" campaigns: an http or https URL of at most 100 characters; it takes precedence over the account's " +
		"\"Callback URL\" setting." + notWith("callback_url", "no `callback_url`")
}
