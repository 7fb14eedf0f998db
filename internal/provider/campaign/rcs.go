package campaign

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
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

// The rcs content block: an RCS text or rich cards, with an SMS fallback
// (POST /api/campaigns/rcs/send and send-groups).

func init() {
	register(content{Channel: framework.Channel{Block: "rcs"}, what: "sender and text or cards", attribute: rcsAttribute,
		validate: validateRCS, request: rcsRequest, fieldPath: rcsFieldPath, texts: rcsTexts})
}

func rcsAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "RCS content: the agent `sender` and exactly one of `text` or `cards`. " +
			"Exactly one content block (" + blockList("`", false) + ") is required to create.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("RCS agent name, 1 to %d characters (counted as characters, not bytes).", ch.Sender),
				Required:            true,
				Validators:          []validator.String{ch.SenderValidator()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Message text, 1 to %d characters (UTF-16 units: an emoji counts two; the OpenAPI file).", ch.Text),
				Optional:            true,
				Validators:          []validator.String{ch.TextValidator()},
			},
			"cards": schema.ListNestedAttribute{
				MarkdownDescription: "Rich cards (a carousel when more than one): 1 to 10. The OpenAPI file's words say at most 5 " +
					"(and a tariff may allow only one), its schema 10: 6 to 10 cards plan with a warning.",
				Optional: true,
				Validators: []validator.List{listvalidator.SizeBetween(1, 10), listSizeWarning{from: 6, to: 10, what: "cards",
					readings: "the OpenAPI file's description says at most 5 cards (and a tariff may allow only one), its schema allows 10"}},
				NestedObject: cardSchema(),
			},
		},
	}
}

func cardSchema() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{
		Attributes: map[string]schema.Attribute{
			"title": schema.StringAttribute{
				MarkdownDescription: "Card title, at most 200 characters.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(200)},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: "Card text, 1 to 1000 characters. A card needs `text` or `media_url`.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(1000)},
			},
			"media_url": schema.StringAttribute{
				MarkdownDescription: "http(s) link to an image (jpeg, png, gif; 2 MB) or video (mp4, webm, ...; 10 MB).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(httpURLPattern, "must begin with http:// or https://")},
			},
			"suggestions": schema.ListNestedAttribute{
				MarkdownDescription: "Buttons, at most 4; `[]` means none. The OpenAPI file's words say at most 2 per card, its " +
					"schema 4: 3 or 4 buttons plan with a warning.",
				Optional: true,
				Validators: []validator.List{listvalidator.SizeAtMost(4), listSizeWarning{from: 3, to: 4, what: "buttons",
					readings: "the OpenAPI file's description says at most 2 buttons per card, its schema allows 4"}},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{
							MarkdownDescription: "`link` (needs `url`) or `call` (needs `phone`).",
							Required:            true,
							Validators:          []validator.String{stringvalidator.OneOf("link", "call")},
						},
						"text": schema.StringAttribute{
							MarkdownDescription: "Button text, 1 to 25 characters.",
							Required:            true,
							Validators:          []validator.String{framework.UTF16LengthUpTo(25)},
						},
						"url": schema.StringAttribute{
							MarkdownDescription: "Link of a `link` button.",
							Optional:            true,
							Validators:          []validator.String{stringvalidator.RegexMatches(httpURLPattern, "must begin with http:// or https://")},
						},
						"phone": schema.StringAttribute{
							MarkdownDescription: "Number a `call` button dials, 9 to 15 digits.",
							Optional:            true,
							Validators:          []validator.String{framework.PhoneValidator()},
						},
						"postback_data": schema.StringAttribute{
							MarkdownDescription: "Data sent back when the button is pressed, at most 25 characters.",
							Optional:            true,
							Validators:          []validator.String{framework.UTF16LengthUpTo(25)},
						},
					},
				},
			},
		},
	}
}

type rcsModel struct {
	Sender types.String `tfsdk:"sender"`
	Text   types.String `tfsdk:"text"`
	Cards  []cardModel  `tfsdk:"cards"`
}

type cardModel struct {
	Title       types.String      `tfsdk:"title"`
	Text        types.String      `tfsdk:"text"`
	MediaURL    types.String      `tfsdk:"media_url"`
	Suggestions []suggestionModel `tfsdk:"suggestions"`
}

type suggestionModel struct {
	Type         types.String `tfsdk:"type"`
	Text         types.String `tfsdk:"text"`
	URL          types.String `tfsdk:"url"`
	Phone        types.String `tfsdk:"phone"`
	PostbackData types.String `tfsdk:"postback_data"`
}

func rcsRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var rcs rcsModel
	diags := m.block("rcs").As(ctx, &rcs, asOpts)
	req := &client.RCSCampaignRequest{
		Phones: to.phones, Groups: to.groups, Sender: rcs.Sender.ValueString(),
		Options:          client.RCSOptions{Text: rcs.Text.ValueString(), Cards: cardsToAPI(rcs.Cards)},
		StartAt:          to.startAt,
		TariffCode:       m.TariffCode.ValueInt64Pointer(),
		Validity:         m.ValidityHours.ValueInt64Pointer(),
		ValiditySeconds:  m.ValiditySeconds.ValueInt64Pointer(),
		AddToContactBook: m.AddToContactBook.ValueBoolPointer(),
		CheckStopList:    m.CheckStopList.ValueBoolPointer(),
	}
	req.SMSFallback = fallbackOf(ctx, m, &diags)
	return newCreateRequest("rcs", req, req.Phones, (*client.Client).CreateRCSCampaign), diags
}

func cardsToAPI(cards []cardModel) []client.Card {
	var out []client.Card
	for _, c := range cards {
		card := client.Card{Title: c.Title.ValueString(), Text: c.Text.ValueString()}
		if u := c.MediaURL.ValueString(); u != "" {
			card.Media = &client.Media{URL: u}
		}
		for _, s := range c.Suggestions {
			card.Suggestions = append(card.Suggestions, client.Suggestion{
				Type: s.Type.ValueString(), Text: s.Text.ValueString(), URL: s.URL.ValueString(),
				Phone: s.Phone.ValueString(), PostbackData: s.PostbackData.ValueString(),
			})
		}
		out = append(out, card)
	}
	return out
}

// validateRCS checks RCS content: a text or cards, and each card's content
// and buttons.
func validateRCS(d *diag.Diagnostics, top map[string]attr.Value) {
	rcs := framework.ObjectAttrs(top["rcs"])
	exactlyOne(d, path.Root("rcs").AtName("text"), rcs["text"], path.Root("rcs").AtName("cards"), rcs["cards"],
		"a message is either a text or rich cards")
	for i, card := range framework.ListElems(rcs["cards"]) {
		c := framework.ObjectAttrs(card)
		if c == nil {
			continue
		}
		cp := path.Root("rcs").AtName("cards").AtListIndex(i)
		if framework.IsNull(c["text"]) && framework.IsNull(c["media_url"]) {
			d.AddAttributeError(cp.AtName("text"), "Missing Attribute Configuration",
				fmt.Sprintf("Attribute %s or %s is required: a card needs a text or a picture or video.", cp.AtName("text"), cp.AtName("media_url")))
		}
		for j, suggestion := range framework.ListElems(c["suggestions"]) {
			validateButton(d, cp.AtName("suggestions").AtListIndex(j), framework.ObjectAttrs(suggestion))
		}
	}
}

// validateButton checks that a button has the target its type needs, and
// only one target.
func validateButton(d *diag.Diagnostics, p path.Path, s map[string]attr.Value) {
	if s == nil {
		return
	}
	conflicting(d, p.AtName("url"), s["url"], p.AtName("phone"), s["phone"], "a button opens a link or dials a number")
	typ, _ := s["type"].(types.String)
	switch {
	case typ.ValueString() == "link" && framework.IsNull(s["url"]):
		d.AddAttributeError(p.AtName("url"), "Missing Button Link",
			fmt.Sprintf("Attribute %s is required: a button of type \"link\" needs an http or https link.", p.AtName("url")))
	case typ.ValueString() == "call" && framework.IsNull(s["phone"]):
		d.AddAttributeError(p.AtName("phone"), "Missing Button Phone",
			fmt.Sprintf("Attribute %s is required: a button of type \"call\" needs a number of 9 to 15 digits.", p.AtName("phone")))
	}
}

// rcsFieldPath maps the RCS call's options.text and options.cards.
func rcsFieldPath(parts []string) (path.Path, bool) {
	if parts[0] != "options" {
		return path.Empty(), false
	}
	if len(parts) > 1 && parts[1] == "text" {
		return path.Root("rcs").AtName("text"), true
	}
	return path.Root("rcs").AtName("cards"), true
}

// rcsTexts are the text and each card's title and text.
func rcsTexts(rcs map[string]attr.Value) []textAt {
	out := []textAt{{path.Root("rcs").AtName("text"), rcs["text"]}}
	for i, card := range framework.ListElems(rcs["cards"]) {
		c := framework.ObjectAttrs(card)
		at := path.Root("rcs").AtName("cards").AtListIndex(i)
		out = append(out, textAt{at.AtName("title"), c["title"]}, textAt{at.AtName("text"), c["text"]})
	}
	return out
}
