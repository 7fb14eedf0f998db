package framework

// The channel table: one entry per way the platform sends a campaign, and
// the one place a channel's facts are written. The campaign family has one
// content block per entry (its schema, rules and create request in a file
// named after the block: campaign/viber.go), the single message action
// sends the entries marked Message, the stop list family keeps the lists
// of those marked StopList, and the campaign search lists each
// MessageType. Adding a channel is one entry here and one file in
// campaign (internal/provider/README.md, "A new channel").

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Channel is one entry of the table. Limits are counted as the API counts
// them (UTF-16 units: an emoji counts two); a zero Sender or Text means
// the SMS rules of sms.go (or, for Text, no text of the block's own).
type Channel struct {
	Block       string   // the campaign's content block: "viber", "personal_sms"
	API         string   // the channel's name in the API's requests and stop list flags: "sms"
	Title       string   // in sentences and diagnostics: "Personal SMS"
	MessageType string   // the message_type the platform reports for its campaigns
	Sender      int      // most characters of a sender name; 0: the SMS sender rule
	Agent       bool     // the platform calls its sender an agent (RCS)
	Text        int      // most characters of a text; 0: the SMS text rule, or no text
	Phones      int      // most phones a campaign takes
	Disputed    int      // another source's lower limit of phones: above it a warning; 0: none
	Call        string   // the create call
	TariffMax   int      // the highest tariff_code its pages allow; 0: any
	NotTaken    []string // the campaign's top-level attributes the call does not take
	Cascade     bool     // an SMS may follow it for who it cannot reach (sms_fallback)
	StopList    bool     // the stop list carries a flag of its own for it
	Message     bool     // the single-message call (oneapi_message_send) sends it
}

// Channels is the table, in the order the provider offers the blocks (the
// order of diagnostics that name two of them).
var Channels = []Channel{
	{Block: "rcs", API: "rcs", Title: "RCS", MessageType: "rcs", Sender: 40, Agent: true, Text: 160, Phones: 5000,
		Call: "the RCS endpoints (POST /api/campaigns/rcs/send and send-groups)", NotTaken: []string{"callback_url"}, Cascade: true, StopList: true, Message: true},
	{Block: "sms", API: "sms", Title: "SMS", MessageType: "sms", Phones: 10000,
		Call: "the SMS endpoints (POST /api/campaigns/sms/send and send-groups)", TariffMax: 9,
		NotTaken: []string{"validity_seconds", "check_stop_list", "add_to_contact_book"}, StopList: true, Message: true},
	{Block: "viber", API: "viber", Title: "Viber", MessageType: "viber", Sender: 40, Text: 1000, Phones: 10000, Disputed: 5000,
		Call: "POST /api/campaigns/send", NotTaken: []string{"validity_seconds", "callback_url"}, Cascade: true, StopList: true, Message: true},
	{Block: "whatsapp", API: "whatsapp", Title: "WhatsApp", MessageType: "whatsapp", Sender: 40, Phones: 5000,
		Call: "POST /api/campaigns/whatsapp/send", NotTaken: []string{"validity_hours", "validity_seconds", "tariff_code", "callback_url"}, Cascade: true, Message: true},
	{Block: "personal_sms", API: "sms", Title: "Personal SMS", MessageType: "sms", Phones: 10000,
		Call: "POST /api/campaigns/sms/send-individual", TariffMax: 9,
		NotTaken: []string{"validity_seconds", "check_stop_list", "add_to_contact_book"}},
	{Block: "voice", API: "voice", Title: "Voice", MessageType: "voice", Sender: 40, Text: 1000, Phones: 10000,
		Call: "POST /api/campaigns/send", NotTaken: []string{"validity_seconds", "callback_url"}, Cascade: true},
}

// ChannelOf is the entry of a content block, or of an API channel name
// when no block has that name; ok is false for neither.
func ChannelOf(name string) (Channel, bool) {
	for _, c := range Channels {
		if c.Block == name {
			return c, true
		}
	}
	for _, c := range Channels {
		if c.API == name {
			return c, true
		}
	}
	return Channel{}, false
}

// ChannelsWhere are the entries that keep, in the table's order.
func ChannelsWhere(keep func(Channel) bool) []Channel {
	var out []Channel
	for _, c := range Channels {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// MessageTypes are the campaigns' message types, each once, in the
// table's order.
func MessageTypes() []string {
	var out []string
	for _, c := range Channels {
		if !slices.Contains(out, c.MessageType) {
			out = append(out, c.MessageType)
		}
	}
	return out
}

// MaxPhones is the most phones any channel takes: the schema's bound,
// before each channel's own.
func MaxPhones() int {
	most := 0
	for _, c := range Channels {
		most = max(most, c.Phones)
	}
	return most
}

// TitleOf is the title of an API channel name or block ("viber":
// "Viber"), or the name in capitals for one the table does not know.
func TitleOf(name string) string {
	if c, ok := ChannelOf(name); ok {
		return c.Title
	}
	return strings.ToUpper(name)
}

// SenderNoun is what the platform calls the channel's sender.
func (c Channel) SenderNoun() string {
	if c.Agent {
		return "agent"
	}
	return "sender"
}

// Takes reports whether the channel's create call takes a top-level
// campaign attribute.
func (c Channel) Takes(attribute string) bool { return !slices.Contains(c.NotTaken, attribute) }

// NotTakenError is the diagnostic detail of an attribute the channel's
// create call does not take: set, it would be stored in state and never
// sent. apiName is the attribute's name in the call.
func (c Channel) NotTakenError(attribute, apiName string) string {
	instead := ""
	if attribute == "validity_seconds" && c.Takes("validity_hours") {
		instead = fmt.Sprintf(" (validity_hours, 1 to 72, is the %s validity)", c.Title)
	}
	return fmt.Sprintf("Attribute %s cannot be set with %s: %s %s no %s, so it would not be sent. Remove it%s.",
		attribute, c.Block, c.Call, takesOrTake(c.Call), apiName, instead)
}

// takesOrTake agrees with a call's description: "the SMS endpoints (...)
// take", "POST /api/campaigns/send takes".
func takesOrTake(call string) string {
	if strings.HasPrefix(call, "the ") {
		return "take"
	}
	return "takes"
}

// SenderValidator checks a sender name by the channel's limit, or by the
// SMS rules.
func (c Channel) SenderValidator() validator.String {
	if c.Sender == 0 {
		return SMSSenderValidator()
	}
	return UTF16LengthUpTo(c.Sender)
}

// TextValidator checks a text by the channel's limit, or by the SMS rules.
func (c Channel) TextValidator() validator.String {
	if c.Text == 0 {
		return SMSTextValidator()
	}
	return UTF16LengthUpTo(c.Text)
}

// Sentence writes words for a sentence: "a, b or c" (conjunction "or").
func Sentence(words []string, conjunction string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conjunction + " " + words[len(words)-1]
}

// Quoted is each word as Markdown code: "`sms`".
func Quoted(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, "`"+w+"`")
	}
	return out
}
