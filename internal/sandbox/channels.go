package sandbox

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"time"
)

// The channels beyond the RCS and SMS send calls, as the OpenAPI file
// describes them (no web page covers them): the cascade call
// POST /api/campaigns/send, POST /api/campaigns/viber/send,
// POST /api/campaigns/whatsapp/send and the personal SMS call
// POST /api/campaigns/sms/send-individual.

// cascadeChannels are the channels POST /api/campaigns/send names (the
// Campaign schema's enum). campaignChannels are those the stand-in sends
// as a campaign: telegram is not one ("Currently telegram can be used
// only for OTP messages"). messageChannels are those it sends as a single
// message (POST /api/messages/send): not voice either.
var (
	cascadeChannels  = []string{kindSMS, kindRCS, kindViber, kindVoice, "telegram"}
	campaignChannels = []string{kindSMS, kindRCS, kindViber, kindVoice}
	messageChannels  = []string{kindSMS, kindRCS, kindViber}
)

// checkCascade checks a POST /api/campaigns/send request: channels (1 or 2,
// the second the fallback of the first), recipients (phones or groups),
// each channel's content block, and the shared fields. The "RCS complete"
// example spells the list `channel`; the schema requires `channels`, as
// every other example spells it: the stand-in takes either.
func (s *Sandbox) checkCascade(c *checker, b body, now time.Time) createSpec {
	channels := checkChannels(c, b, campaignChannels)
	spec := createSpec{}
	if len(channels) > 0 {
		spec.kind = channels[0]
		spec.fallback = len(channels) == 2
	}
	spec.rcp = s.checkRecipients(c, b)
	spec.sender = checkChannelBlocks(c, b, channels)
	spec.startAt = c.startAt(b, s.cfg.AccountZone, now)
	c.integer(b, "tariff_code", "tariff_code", 0, 1<<31)
	c.integer(b, "validity", "validity", 1, 72)
	c.boolean(b, "add_to_contact_book", "add_to_contact_book")
	c.boolean(b, "check_stop_list", "check_stop_list")
	checkDryRun(c, b)
	spec.stopList = stopListOf(spec.kind, flag(b, "check_stop_list", true))
	return spec
}

// checkChannels reads the cascade's channels (`channels`, or the one
// example's `channel`): one of the call's sendable channels, then
// optionally sms. Voice followed by anything but sms is refused as every
// first channel is.
func checkChannels(c *checker, b body, sendable []string) []string {
	key := "channels"
	if _, ok := b["channels"]; !ok {
		if _, ok := b["channel"]; ok {
			key = "channel"
		}
	}
	items, ok := c.array(b, key, "channels", 1, 2)
	if !ok {
		c.add("channels", "This value should not be blank.")
	}
	var channels []string
	for i, raw := range items {
		var ch string
		if json.Unmarshal(raw, &ch) != nil || !slices.Contains(cascadeChannels, ch) {
			c.add(fmt.Sprintf("channels.%d", i), "The channel must be one of sms, rcs, viber, voice, telegram.")
			continue
		}
		if !slices.Contains(sendable, ch) {
			c.add(fmt.Sprintf("channels.%d", i), "The channel %s cannot be sent by this call.", ch)
		}
		channels = append(channels, ch)
	}
	if len(channels) == 2 && (channels[1] != kindSMS || channels[0] == kindSMS) {
		c.add("channels.1", "The second channel is the SMS sent where the first cannot deliver.")
	}
	return channels
}

// checkChannelBlocks checks the content block of each channel (sms, rcs,
// viber, voice), required for a channel named and refused for one that is
// not, and returns the sender of the first channel.
func checkChannelBlocks(c *checker, b body, channels []string) (sender string) {
	for _, ch := range []string{kindSMS, kindRCS, kindViber, kindVoice} {
		block := c.object(b, ch, ch, slices.Contains(channels, ch))
		switch {
		case block == nil:
		case !slices.Contains(channels, ch):
			c.add(ch, "The %s block needs %s among the channels.", ch, ch)
		case ch == kindViber:
			sender = checkViber(c, block, "viber.")
		case ch == kindVoice:
			sender = checkVoice(c, block, "voice")
		case ch == kindRCS:
			sender = checkRCSBlock(c, block)
		case channels[0] == kindSMS:
			sender = checkCascadeSMS(c, block)
		default:
			checkCascadeSMS(c, block) // the fallback's
		}
	}
	return sender
}

// checkDryRun: what a dry run answers is not documented (no example, no
// schema), so the stand-in does not guess and refuses one.
func checkDryRun(c *checker, b body) {
	c.boolean(b, "dry_run", "dry_run")
	if flag(b, "dry_run", false) {
		c.add("dry_run", "The stand-in does not implement dry_run: its answer is not documented.")
	}
}

// stopListOf is the stop list a campaign of a channel skips: its own
// channel's (sms, rcs, viber) unless check_stop_list is false; SMS
// campaigns always skip the SMS stop list; the stop list has no WhatsApp
// and no voice flag.
func stopListOf(kind string, checkStopList bool) string {
	switch {
	case kind == kindSMS:
		return kindSMS
	case kind == kindWhatsApp || kind == kindVoice || !checkStopList:
		return ""
	}
	return kind
}

// checkRecipients: recipients.phones (1..10,000; each number a string in
// the Phone schema, an integer in the examples: both are taken) or
// recipients.groups.
func (s *Sandbox) checkRecipients(c *checker, b body) recipients {
	r := c.object(b, "recipients", "recipients", true)
	if r == nil {
		return recipients{}
	}
	_, hasPhones := r["phones"]
	_, hasGroups := r["groups"]
	switch {
	case hasPhones && hasGroups:
		c.add("recipients", "Either phones or groups must be given, not both.")
	case hasGroups:
		return s.checkGroups(c, r)
	}
	rcp := s.checkPhones(c, r, kindAnyPhone)
	return rcp
}

// kindAnyPhone reads a phone number given as a string or an integer.
const kindAnyPhone = "any"

var (
	viberImagePattern = regexp.MustCompile(`(?i)^(http|https)://([A-Z0-9][A-Z0-9_-]*)(\.[A-Z0-9][A-Z0-9_-]*)+(:(\d+))?([-_/A-Z0-9?=&]*)?(\.jpg|\.png|\.tiff|\.jpeg|\.gif|\.bmp)$`)
	viberLinkPattern  = regexp.MustCompile(`(?i)^(https?://)?([\p{L}\d.-]+)\.([\p{L}.]{2,50})([/\w .-]*)*/?`)
)

// checkViber checks Viber content (the Viber schema; prefix is where it
// sits): sender 1..40, text 1..1000, image_url (<= 255, a picture's URL),
// button_caption (<= 20) and link_url (<= 255, required with a caption).
func checkViber(c *checker, v body, prefix string) string {
	sender, ok := c.str(v, "sender", prefix+"sender", true)
	if ok && (sender == "" || utf16Len(sender) > 40) {
		c.add(prefix+"sender", "The sender has 1 to 40 characters.")
	}
	text, ok := c.str(v, "text", prefix+"text", true)
	if ok && (text == "" || utf16Len(text) > 1000) {
		c.add(prefix+"text", "The text has 1 to 1000 characters.")
	}
	if img, ok := c.str(v, "image_url", prefix+"image_url", false); ok && (len(img) > 255 || !viberImagePattern.MatchString(img)) {
		c.add(prefix+"image_url", "The image_url is an http(s) URL of at most 255 characters ending in .jpg, .jpeg, .png, .gif, .bmp or .tiff.")
	}
	caption, hasCaption := c.str(v, "button_caption", prefix+"button_caption", false)
	if utf16Len(caption) > 20 {
		c.add(prefix+"button_caption", "The button caption may have at most 20 characters.")
	}
	link, hasLink := c.str(v, "link_url", prefix+"link_url", false)
	switch {
	case hasCaption && caption != "" && !hasLink:
		c.add(prefix+"link_url", "The link_url is required if button_caption is set.")
	case hasLink && (len(link) > 255 || !viberLinkPattern.MatchString(link)):
		c.add(prefix+"link_url", "The link_url is a URL of at most 255 characters.")
	}
	return sender
}

// checkRCSBlock checks the cascade's rcs block: a sender and the options
// (text or cards) inline, as the Rcs schema (Options and a sender) has them.
func checkRCSBlock(c *checker, r body) string {
	sender, _ := c.str(r, "sender", "rcs.sender", true)
	if utf16Len(sender) > 40 {
		c.add("rcs.sender", "The sender may have at most 40 characters.")
	}
	checkOptions(c, r)
	return sender
}

// checkCascadeSMS checks the cascade's sms block (the Sms schema): sender,
// text, unsubscribe_caption (<= 50), transliterate and short_links.
func checkCascadeSMS(c *checker, sms body) string {
	sender, ok := c.str(sms, "sender", "sms.sender", true)
	if ok {
		c.smsSender("sms.sender", sender)
	}
	text, _ := c.str(sms, "text", "sms.text", true)
	c.smsText("sms.text", text)
	c.shortText(sms, "unsubscribe_caption", "sms", false, 50, "unsubscribe caption")
	c.boolean(sms, "transliterate", "sms.transliterate")
	checkShortLinks(c, sms, "sms.")
	return sender
}

// checkViberSend checks POST /api/campaigns/viber/send (SendViberCampaign):
// phones (1..5000), the Viber content at the top, an SMS alternative
// channel, and the shared fields.
func (s *Sandbox) checkViberSend(c *checker, b body, now time.Time) createSpec {
	spec := createSpec{kind: kindViber, rcp: s.checkPhones(c, b, kindRCS)}
	spec.sender = checkViber(c, b, "")
	spec.fallback = checkAlternativeSMS(c, b)
	spec.startAt = c.startAt(b, s.cfg.AccountZone, now)
	c.integer(b, "tariff_code", "tariff_code", 0, 1<<31)
	c.integer(b, "validity", "validity", 1, 72)
	c.boolean(b, "add_to_contact_book", "add_to_contact_book")
	c.boolean(b, "check_stop_list", "check_stop_list")
	spec.stopList = stopListOf(kindViber, flag(b, "check_stop_list", true))
	return spec
}

// checkAlternativeSMS checks alternative_channel.sms (SmsAltChannel) and
// reports whether there is one.
func checkAlternativeSMS(c *checker, b body) bool {
	alt := c.object(b, "alternative_channel", "alternative_channel", false)
	if alt == nil {
		return false
	}
	sms := c.object(alt, "sms", "alternative_channel.sms", true)
	if sms == nil {
		return false
	}
	if s, ok := c.str(sms, "sender", "alternative_channel.sms.sender", true); ok {
		c.smsSender("alternative_channel.sms.sender", s)
	}
	t, _ := c.str(sms, "text", "alternative_channel.sms.text", true)
	c.smsText("alternative_channel.sms.text", t)
	c.integer(sms, "validity", "alternative_channel.sms.validity", 1, 72)
	c.integer(sms, "validity_seconds", "alternative_channel.sms.validity_seconds", 30, 86400)
	c.boolean(sms, "check_stop_list", "alternative_channel.sms.check_stop_list")
	return true
}

// whatsappLanguages are the template language codes of the Language
// schema.
var whatsappLanguages = []string{"af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl",
	"en", "en_GB", "en_US", "et", "fil", "fi", "fr", "ka", "de", "el", "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja",
	"kn", "kk", "rw_RW", "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa", "pl", "pt_BR", "pt_PT", "pa",
	"ro", "ru", "sr", "sk", "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu"}

// checkWhatsAppSend checks POST /api/campaigns/whatsapp/send
// (SendWhatsAppCampaign): phones (1..5000), sender (1..40), type
// "template" (the only one supported) with its template, an SMS
// alternative channel, start_at and the contact-book flags. It takes no
// validity and no tariff_code.
func (s *Sandbox) checkWhatsAppSend(c *checker, b body, now time.Time) createSpec {
	spec := createSpec{kind: kindWhatsApp, rcp: s.checkPhones(c, b, kindRCS)}
	spec.sender, _ = c.str(b, "sender", "sender", true)
	if spec.sender == "" || utf16Len(spec.sender) > 40 {
		c.add("sender", "The sender has 1 to 40 characters.")
	}
	if typ, _ := c.str(b, "type", "type", true); typ != "template" {
		c.add("type", "The type must be template.")
	}
	if t := c.object(b, "template", "template", true); t != nil {
		checkTemplate(c, t)
	}
	spec.fallback = checkAlternativeSMS(c, b)
	spec.startAt = c.startAt(b, s.cfg.AccountZone, now)
	c.boolean(b, "add_to_contact_book", "add_to_contact_book")
	c.boolean(b, "check_stop_list", "check_stop_list")
	return spec
}

// checkTemplate checks a WhatsApp template (the Template schema): name,
// language.code from its enum, and components (type header, body or
// button; sub_type quick_reply, url or catalog; index up to 9 characters;
// parameters of type text or payload).
func checkTemplate(c *checker, t body) {
	if name, _ := c.str(t, "name", "template.name", true); name == "" {
		c.add("template.name", "The template name should not be blank.")
	}
	if lang := c.object(t, "language", "template.language", true); lang != nil {
		if code, _ := c.str(lang, "code", "template.language.code", true); !slices.Contains(whatsappLanguages, code) {
			c.add("template.language.code", "The language code is not supported.")
		}
	}
	items, ok := c.array(t, "components", "template.components", 0, 1<<20)
	if !ok {
		c.add("template.components", "This value should not be blank.")
	}
	for i, raw := range items {
		p := fmt.Sprintf("template.components.%d", i)
		comp, ok := c.objectAt(raw, p)
		if !ok {
			continue
		}
		enumField(c, comp, "type", p, true, "header", "body", "button")
		enumField(c, comp, "sub_type", p, false, "quick_reply", "url", "catalog")
		c.shortText(comp, "index", p, false, 9, "index")
		params, _ := c.array(comp, "parameters", p+".parameters", 0, 1<<20)
		for j, praw := range params {
			pp := fmt.Sprintf("%s.parameters.%d", p, j)
			if param, ok := c.objectAt(praw, pp); ok {
				enumField(c, param, "type", pp, true, "text", "payload")
				c.str(param, "text", pp+".text", false)
				c.str(param, "payload", pp+".payload", false)
			}
		}
	}
}

func enumField(c *checker, b body, field, p string, required bool, values ...string) {
	if v, ok := c.str(b, field, p+"."+field, required); ok && !slices.Contains(values, v) {
		c.add(p+"."+field, "The %s must be one of %v.", field, values)
	}
}

// checkSendIndividual checks POST /api/campaigns/sms/send-individual
// (SmsSendIndividualRequest): messages (1..10,000, the SMS campaign
// limit), each with phone (an integer of 9..15 digits), sender, text and an
// optional reference_id, tariff_code and transliterate; tariff_code 0..9
// and validity 1..72 for the campaign. The "full" example spells the
// message's keys `referenced_id` and `tarrif_code`: the stand-in reads the
// schema's names and, as unknown keys, ignores those. start_at is typed an
// integer of hours in the schema and a time in the example: a time is
// read as every send call reads it; an integer is ignored, and the
// campaign goes out at once.
func (s *Sandbox) checkSendIndividual(c *checker, b body, now time.Time) createSpec {
	spec := createSpec{kind: kindSMS, stopList: kindSMS}
	checkCallbackURL(c, b)
	items, ok := c.array(b, "messages", "messages", 1, 10000)
	if !ok {
		c.add("messages", "This value should not be blank.")
	}
	seenRef := map[string]bool{}
	spec.rcp.count = len(items)
	for i, raw := range items {
		p := fmt.Sprintf("messages.%d", i)
		m, ok := c.objectAt(raw, p)
		if !ok {
			continue
		}
		number := phoneField(c, body{"number": m["phone"]}, p+".phone", kindSMS)
		if number != "" {
			c.phoneNumber(p+".phone", number)
		}
		if sender, ok := c.str(m, "sender", p+".sender", true); ok {
			c.smsSender(p+".sender", sender)
			if spec.sender == "" {
				spec.sender = sender
			}
		}
		text, _ := c.str(m, "text", p+".text", true)
		c.smsText(p+".text", text)
		c.integer(m, "tariff_code", p+".tariff_code", 0, 9)
		c.boolean(m, "transliterate", p+".transliterate")
		ref, _ := c.str(m, "reference_id", p+".reference_id", false)
		if ref != "" && (len(ref) > 32 || !alnum(ref)) {
			c.add(p+".reference_id", "The reference_id has up to 32 alphanumeric characters.")
		}
		if ref != "" && seenRef[ref] {
			spec.rcp.count-- // dropped, as checkPhones drops it
			continue
		}
		seenRef[ref] = ref != ""
		spec.rcp.phones = append(spec.rcp.phones, number)
		spec.rcp.refs = append(spec.rcp.refs, ref)
	}
	c.integer(b, "tariff_code", "tariff_code", 0, 9)
	c.integer(b, "validity", "validity", 1, 72)
	if url, _ := c.str(b, "callback_url", "callback_url", false); len(url) > 100 {
		c.add("callback_url", "The callback_url may have at most 100 characters.")
	}
	var hours int64
	if raw, ok := b["start_at"]; !ok || json.Unmarshal(raw, &hours) != nil {
		spec.startAt = c.startAt(b, s.cfg.AccountZone, now)
	}
	return spec
}
