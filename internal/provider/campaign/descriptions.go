package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The sentences of the campaign's schema that name channels, written from
// the content blocks and the channel table, so that a new channel's entry
// and file are all it takes for the documentation to name it.

// ownChannels are the titles of the blocks that are a channel of their
// own (their block is the API's channel name: not personal_sms, which is
// SMS) and keep.
func ownChannels(keep func(content) bool) []string {
	var titles []string
	for _, c := range contentBlocks() {
		if c.Block == c.API && keep(c) {
			titles = append(titles, c.Title)
		}
	}
	return titles
}

// blocksWhere are the names of the blocks that keep.
func blocksWhere(keep func(content) bool) []string {
	var out []string
	for _, c := range contentBlocks() {
		if keep(c) {
			out = append(out, c.Block)
		}
	}
	return out
}

// apiTitlesWhere are the titles of the API channels of the blocks that
// keep, each once.
func apiTitlesWhere(keep func(content) bool) []string {
	var out []string
	for _, c := range contentBlocks() {
		if t := framework.TitleOf(c.API); keep(c) && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func all(content) bool { return true }

func taking(attribute string, takes bool) func(content) bool {
	return func(c content) bool { return c.Takes(attribute) == takes }
}

// viaCascadeCall: the block's SMS fallback is the cascade call's second
// channel, rather than its call's alternative_channel.sms.
func viaCascadeCall(c content) bool { return c.Cascade && c.Call == cascadeCall }

// cascadeCall is the call that sends a channel and then SMS.
const cascadeCall = "POST /api/campaigns/send"

func resourceDescription() string {
	titles := ownChannels(all)
	var also []string
	for _, c := range contentBlocks() {
		if c.also != "" {
			also = append(also, c.also)
		}
	}
	alsoText := strings.Join(also, ", ")
	if n := len(also); n > 1 {
		alsoText = strings.Join(also[:n-1], ", ") + ", or " + also[n-1]
	}
	return "An " + framework.Sentence(titles, "or") + " campaign on One-API, " + alsoText + ". Creating the resource sends the campaign "
}

func phonesDescription() string {
	var limits []int
	for _, c := range contentBlocks() {
		if c.Block == c.API && !slices.Contains(limits, c.Phones) {
			limits = append(limits, c.Phones)
		}
	}
	slices.Sort(limits)
	var parts, disputed []string
	for _, n := range limits {
		titles := ownChannels(func(c content) bool { return c.Phones == n })
		parts = append(parts, fmt.Sprintf("%s for an %s campaign", thousands(n), framework.Sentence(titles, "or")))
	}
	for _, c := range contentBlocks() {
		if c.Disputed > 0 {
			disputed = append(disputed, fmt.Sprintf("; %s above %s plans with a warning", c.Title, thousands(c.Disputed)))
		}
	}
	return "Phone numbers, 9 to 15 digits without a plus; at most " + strings.Join(parts, " and ") +
		" (the send pages and the OpenAPI file" + strings.Join(disputed, "") + ")."
}

func fallbackDescription() string {
	alt := blocksWhere(func(c content) bool { return c.Cascade && !viaCascadeCall(c) })
	cascade := blocksWhere(viaCascadeCall)
	not := blocksWhere(func(c content) bool { return !c.Cascade })
	return "SMS sent to recipients the first channel cannot reach: with " + framework.Sentence(framework.Quoted(alt), "and") +
		" as `alternative_channel.sms`, with " + framework.Sentence(framework.Quoted(cascade), "and") +
		" as the second channel of the cascade call (" + cascadeChannels(cascade) + ", which takes `sender`, `text`, `unsubscribe_caption` " +
		"and `short_links`). Not with " + framework.Sentence(framework.Quoted(not), "or") + "."
}

// notWith says which blocks' calls do not take an attribute, as in "Not
// with `whatsapp`: its call takes no validity".
func notWith(attribute, what string) string {
	not := blocksWhere(taking(attribute, false))
	if len(not) == 0 {
		return ""
	}
	its := "its call takes"
	if len(not) > 1 {
		its = "their calls take"
	}
	return " Not with " + framework.Sentence(framework.Quoted(not), "or") + ": " + its + " " + what + "."
}

func validityHoursDescription() string {
	takers := ownChannels(taking("validity_hours", true))
	return "How long the messages may be delivered, 1 to 72 hours, for " + framework.Sentence(takers, "and") +
		" campaigns (the API's default is 72)." + notWith("validity_hours", "no validity")
}

func validitySecondsDescription() string {
	takers := ownChannels(taking("validity_seconds", true))
	others := ownChannels(taking("validity_seconds", false))
	t := framework.Sentence(takers, "and")
	return "How long " + t + " messages may be delivered, 30 to 86400 seconds; not with `validity_hours`. " + t +
		" only: the " + framework.Sentence(others, "and") + " calls take no `validity_seconds`."
}

func tariffDescription() string {
	var ranges []string
	for _, t := range apiTitlesWhere(func(c content) bool { return c.TariffMax > 0 }) {
		c, _ := framework.ChannelOf(strings.ToLower(t))
		ranges = append(ranges, fmt.Sprintf("0 to %d for an %s campaign (the %s pages)", c.TariffMax, t, t))
	}
	return "Tariff code, when the account has several; " + strings.Join(ranges, "; ") + ". A new campaign's code must be " +
		"that of an active tariff of the account (`oneapi_tariffs`): it is checked at plan, with one request." +
		notWith("tariff_code", "none")
}

// onlyFor says which channels take an attribute the SMS calls do not:
// "RCS, Viber and WhatsApp: the SMS calls take no `check_stop_list`".
func onlyFor(attribute string) string {
	takers := ownChannels(taking(attribute, true))
	return framework.Sentence(takers, "and") + ": the " + framework.Sentence(apiTitlesWhere(taking(attribute, false)), "and") +
		" calls take no `" + attribute + "`"
}

func messageTypeDescription() string {
	var others []string
	for _, c := range contentBlocks() {
		if c.Block != c.API {
			others = append(others, fmt.Sprintf("a %s campaign is `%s`", strings.ToLower(c.Title[:1])+c.Title[1:], c.MessageType))
		}
	}
	return framework.Sentence(framework.Quoted(framework.MessageTypes()), "or") + " (" + strings.Join(others, ", ") + ")."
}

// thousands writes n with a comma between thousands: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cascadeChannels writes the cascade call's channels for each block:
// "`channels = [\"viber\", \"sms\"]`" (and "or `[\"voice\", \"sms\"]`").
func cascadeChannels(blocks []string) string {
	var lists []string
	for i, b := range blocks {
		list := "[\"" + b + "\", \"sms\"]"
		if i == 0 {
			list = "channels = " + list
		}
		lists = append(lists, "`"+list+"`")
	}
	return framework.Sentence(lists, "or")
}
