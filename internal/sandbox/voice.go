package sandbox

// The voice channel, as the OpenAPI file describes it (its only source):
// a campaign through POST /api/campaigns/send with channels ["voice"], or
// ["voice", "sms"] for a voice-then-SMS cascade, and the Voice schema as
// its content block. What the file leaves out, the stand-in reads as it
// reads Viber on the same call:
//   - message_type "voice" (the campaign's enum does not list it) and a
//     name "Voice api campaign / ..."; the list takes filter[type]=voice
//     (its documented enum does not: Config.ListTypesAsDocumented refuses
//     it, as it refuses viber);
//   - the stop: allowed only in the statuses every reading allows
//     (stoppable);
//   - statistics as every channel's; every recipient can take a call (no
//     app is needed), and the calls that do not get through go by the
//     cascade's SMS;
//   - the stop list has no voice flag (POST /api/stoplist/attach types
//     sms, viber, rcs): check_stop_list skips no recipient of a voice
//     campaign (stopListOf).

// voiceCategories and voiceVoices are the Voice schema's enums.
var (
	voiceCategories = []string{"otp", "transactional", "marketing"}
	voiceVoices     = []string{"ostap", "dariya", "sonya", "amala"}
)

// checkVoice checks the voice block at path (the Voice schema): sender
// 1..40 when given (the schema does not require it), text 1..1000 (UTF-16
// units, as Viber's text is counted), category from its enum (required),
// voice from its enum or null, lang a string or null. The single-message
// call's example spells the language `language`; the schema's `lang` is
// read, and an unknown key is ignored.
func checkVoice(c *checker, v body, path string) string {
	sender, ok := c.str(v, "sender", path+".sender", false)
	if ok && (sender == "" || utf16Len(sender) > 40) {
		c.add(path+".sender", "The sender has 1 to 40 characters.")
	}
	text, ok := c.str(v, "text", path+".text", true)
	if ok && (text == "" || utf16Len(text) > 1000) {
		c.add(path+".text", "The text has 1 to 1000 characters.")
	}
	enumField(c, v, "category", path, true, voiceCategories...)
	enumField(c, v, "voice", path, false, voiceVoices...)
	c.str(v, "lang", path+".lang", false)
	return sender
}
