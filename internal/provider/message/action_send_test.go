package message_test

// The oneapi_message_send action through the Terraform CLI (1.14+): one
// proof message, never sent twice.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const sendKey = "POST /api/messages/send"

// sendCLI is a working directory with one oneapi_message_send action "it".
func sendCLI(t *testing.T, sb *acctest.Sandbox, settings string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+fmt.Sprintf(`
action "oneapi_message_send" "it" {
  config {
%s
  }
}
`, settings))
	cli.Init()
	sb.ResetCounters()
	return cli
}

func invoke(cli *acctest.CLI) (string, error) {
	return cli.Run("apply", "-invoke=action.oneapi_message_send.it", "-auto-approve", "-no-color")
}

func mustSay(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !acctest.WrappedRE(regexp.QuoteMeta(w)).MatchString(out) {
			t.Errorf("the CLI did not say %q:\n%s", w, out)
		}
	}
}

const proof = `    channel      = "sms"
    phone        = "380661231231"
    sender       = "Shop"
    text         = "Proof: Spring sale, 20% off until Sunday"
`

// TestAccMessageSend_once: the action sends one message; invoked
// again with the same reference_id it finds that message and sends
// nothing.
func TestAccMessageSend_once(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, proof+`    reference_id = "proof1"`)
	out, err := invoke(cli)
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "Sending one sms message to 380661231231.", "to 380661231231 is accepted.", "Actions: 1 invoked.")
	out, err = invoke(cli)
	if err != nil {
		t.Fatalf("second invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "with reference_id proof1 was sent before (status accepted): nothing was sent.")
	if n := sb.Count(sendKey); n != 1 {
		t.Errorf("%d send requests after two invokes, want 1", n)
	}
}

// TestAccMessageSend_lostAnswer: an answer lost after the platform
// took the message is found by its reference_id, and the message is not
// sent again; one lost before it was taken fails saying the message may
// have been sent, still with one request.
func TestAccMessageSend_lostAnswer(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, proof)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	out, err := invoke(cli)
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "Its answer was lost; it was found by its reference_id", "and not sent twice.")
	if n := sb.Count(sendKey); n != 1 {
		t.Errorf("%d send requests, want 1", n)
	}
	// Lost before it was taken, and the same again for the guarded second
	// request: the invoke fails saying the message may have been sent.
	sb.ResetCounters()
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 2})
	out, err = invoke(cli)
	if err == nil {
		t.Fatalf("a lost send with nothing found succeeded:\n%s", out)
	}
	mustSay(t, out, "Message May Have Been Sent", "It is never sent under another reference_id")
	if n := sb.Count(sendKey); n != 2 {
		t.Errorf("%d send requests, want 2: the send and one guarded by its reference_id", n)
	}
	// The advice, followed: the message was not taken, so it is sent once,
	// and a further invoke sends nothing.
	advice := regexp.MustCompile(`reference_id = "([a-f0-9]{32})"`).FindStringSubmatch(out)
	if advice == nil {
		t.Fatalf("the error names no reference_id to set:\n%s", out)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+
		"action \"oneapi_message_send\" \"it\" {\n  config {\n"+proof+"    reference_id = \""+advice[1]+"\"\n  }\n}\n")
	sb.ResetCounters()
	for i := range 2 {
		if out, err := invoke(cli); err != nil {
			t.Fatalf("invoke %d with the advised reference_id: %v\n%s", i+1, err, out)
		}
	}
	if n := sb.Count(sendKey); n != 1 {
		t.Errorf("%d send requests for two invokes with the advised reference_id, want 1", n)
	}
	if n := sb.SingleMessages()[advice[1]]; n != 1 {
		t.Errorf("%d messages with the advised reference_id, want 1", n)
	}
}

// TestAccMessageSend_lostBeforeTaken: an answer lost before the
// platform took the message: not listed, the request is sent once more
// with the same reference_id, and the phone gets it once.
func TestAccMessageSend_lostBeforeTaken(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, proof+`    reference_id = "proof6"`)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	out, err := invoke(cli)
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "sent once more with the same reference_id", "and not sent twice.")
	if n := sb.SingleMessages()["proof6"]; n != 1 {
		t.Errorf("%d messages with reference_id proof6, want 1", n)
	}
}

// TestAccMessageSend_laggingList is issue 30's point 6: the answer is
// lost and the platform lists the message late. The request sent again
// with the same reference_id is refused as a duplicate, which proves the
// first went out: the action waits for the list to show it and reports
// it, and the phone gets it once. Invoked again while the list still
// lags, the refusal is again reported as "sent before", not as a value to
// correct.
func TestAccMessageSend_laggingList(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, proof+`    reference_id = "proof7"`)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1, HideMessages: 5})
	out, err := invoke(cli)
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "with reference_id proof7 was sent before", "nothing was sent now.")
	sb.SetFaults(sandbox.Faults{HideMessages: 3})
	out, err = invoke(cli)
	if err != nil {
		t.Fatalf("second invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "with reference_id proof7 was sent before", "nothing was sent now.")
	if got := sb.SingleMessages(); got["proof7"] != 1 || len(got) != 1 {
		t.Errorf("messages by reference_id: %v, want proof7 once", got)
	}
}

// TestAccMessageSend_referenceOfAnotherPhone: a reference_id that
// names a message to another phone is not reported as this one: the
// invoke fails on reference_id and sends nothing.
func TestAccMessageSend_referenceOfAnotherPhone(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, proof+`    reference_id = "proof8"`)
	if out, err := invoke(cli); err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
action "oneapi_message_send" "it" {
  config {
    channel      = "sms"
    phone        = "380661231299"
    sender       = "Shop"
    text         = "Proof"
    reference_id = "proof8"
  }
}
`)
	sb.ResetCounters()
	out, err := invoke(cli)
	if err == nil {
		t.Fatalf("a reference_id of another phone's message was reported as sent:\n%s", out)
	}
	mustSay(t, out, "Reference Id Already Used", "not to 380661231299")
	if n := sb.Count(sendKey); n != 0 {
		t.Errorf("%d send requests, want 0", n)
	}
}

// TestAccMessageSend_malformedLookup: a message search answered
// {"data": null} or {} is an error, not "no message": nothing is sent
// after it, neither before a send nor after a lost answer.
func TestAccMessageSend_malformedLookup(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	for _, answer := range []string{"null_data", "no_data"} {
		t.Run(answer, func(t *testing.T) {
			cli := sendCLI(t, sb, proof+`    reference_id = "proof9`+answer[:2]+`"`)
			sb.SetFaults(sandbox.Faults{MessagesAnswer: answer})
			out, err := invoke(cli)
			if err == nil {
				t.Fatalf("invoke after a malformed search succeeded:\n%s", out)
			}
			mustSay(t, out, "failed, so nothing was sent")
			if n := sb.Count(sendKey); n != 0 {
				t.Errorf("%d send requests after a malformed search, want 0", n)
			}
			sb.SetFaults(sandbox.Faults{MessagesAnswer: answer, CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
			cli = sendCLI(t, sb, proof)
			out, err = invoke(cli)
			if err == nil {
				t.Fatalf("a lost send with a malformed search succeeded:\n%s", out)
			}
			mustSay(t, out, "Message May Have Been Sent", "so it was not sent again")
			if n := sb.Count(sendKey); n != 1 {
				t.Errorf("%d send requests, want 1: nothing after a malformed search", n)
			}
		})
	}
}

// TestAccMessageSend_isCheckedAtPlan: bad settings fail before any
// request, naming the attribute.
func TestAccMessageSend_isCheckedAtPlan(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	for _, c := range []struct{ name, settings, want string }{
		{"channel", `channel = "voice"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "Shop"` + "\n" + `text = "t"`, `Attribute channel value must be one of`},
		{"whatsapp without template", waHead + `text = "t"`, `Attribute template is required with channel "whatsapp"`},
		{"whatsapp with text", waProof + `text = "t"`, `Attribute text cannot be set with channel "whatsapp"`},
		{"sms with template", proof + waTemplate, `Attribute template cannot be set with channel "sms"`},
		{"sms without text", `channel = "sms"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "Shop"`, `Attribute text is required with channel "sms"`},
		{"whatsapp sender", strings.Replace(waProof, "whatsapp_sender", fmt.Sprintf("%041d", 0), 1), `Attribute sender must be 1 to 40 characters for whatsapp`},
		{"template language", strings.Replace(waProof, `"en"`, `"english"`, 1), `Attribute template.language value must be one of`},
		{"template parameter value", strings.Replace(waProof, `text = "Hello"`, `payload = "x"`, 1), `Attribute template.components[0].parameters[0].text is required`},
		{"template component type", strings.Replace(waProof, `"body"`, `"footer"`, 1), `template.components[0].type value must be one of`},
		{"template name", strings.Replace(waProof, `"spring_sale"`, `""`, 1), `template.name string length must be at least 1`},
		{"phone", `channel = "sms"` + "\n" + `phone = "+380661231231"` + "\n" + `sender = "Shop"` + "\n" + `text = "t"`, `Attribute phone must be 9 to 15 digits`},
		{"sms sender", `channel = "sms"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "TwelveLetter"` + "\n" + `text = "t"`, `Invalid SMS Sender`},
		{"sms text", `channel = "sms"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "Shop"` + "\n" + `text = ""`, `Empty SMS Text`},
		{"rcs text", `channel = "rcs"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "agent"` + "\n" + `text = "` + fmt.Sprintf("%0161d", 0) + `"`, `Attribute text must be 1 to 160 characters for rcs`},
		{"viber sender", `channel = "viber"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "` + fmt.Sprintf("%041d", 0) + `"` + "\n" + `text = "t"`, `Attribute sender must be 1 to 40 characters for viber`},
		{"reference_id", proof + `reference_id = "not-alphanumeric"`, `Attribute reference_id must be 1 to 32 letters and digits`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cli := sendCLI(t, sb, c.settings)
			out, err := invoke(cli)
			if err == nil {
				t.Fatalf("accepted:\n%s", out)
			}
			mustSay(t, out, c.want)
			if n := len(sb.Counters()); n != 0 {
				t.Errorf("requests were made for a bad configuration: %v", sb.Counters())
			}
		})
	}
}

// TestAccMessageSend_settingsCheckedWhenKnown is issue 31's point 2:
// a bad setting fails with the error of the literal case when it comes
// from a variable (at plan) or from another resource's attribute (at
// invoke), and nothing is sent (before the fix, the plan passed and the
// message was sent, and refused with a 422).
func TestAccMessageSend_settingsCheckedWhenKnown(t *testing.T) {
	acctest.RequireNative(t)
	with := func(setting string) string { // proof with one setting replaced by %s
		return regexp.MustCompile(`(?m)^(\s*`+setting+`\s*=).*$`).ReplaceAllString(proof, "$1 %s")
	}
	acctest.CheckActionSettings(t, "oneapi_message_send", []acctest.BadActionSetting{
		{Settings: with("phone"), Value: "+38066123", Summary: "Invalid Phone Number", Attr: "phone",
			Detail: `Attribute phone must be 9 to 15 digits.*"\+38066123" is not: .* has 8 digits`},
		{Settings: with("channel"), Value: "voice", Summary: "Invalid Attribute Value Match", Attr: "channel",
			Detail: `Attribute channel value must be one of: \["sms" "rcs" "viber" "whatsapp"\], got: "voice"`},
		{Settings: with("sender"), Value: "TwelveLetter", Summary: "Invalid SMS Sender", Attr: "sender",
			Detail: `Attribute sender must be 1 to 11 Latin letters`},
		{Settings: `channel = "rcs"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "agent"` + "\n" + `text = %s`,
			Value: strings.Repeat("a", 200), Summary: "Invalid Attribute Value Length", Attr: "text",
			Detail: `Attribute text must be 1 to 160 characters for rcs, got 200\.`},
		{Settings: proof + `reference_id = %s`, Value: "not-alphanumeric", Summary: "Invalid Attribute Value Match", Attr: "reference_id",
			Detail: `Attribute reference_id must be 1 to 32 letters and digits`},
	})
}

// A WhatsApp message is an approved template (the call's WhatsApp example).
const (
	waHead = `    channel      = "whatsapp"
    phone        = "380661231231"
    sender       = "whatsapp_sender"
`
	waTemplate = `    template = {
      name       = "spring_sale"
      language   = "en"
      components = [{ type = "body", parameters = [{ type = "text", text = "Hello" }] }]
    }
`
	waProof = waHead + waTemplate
)

// TestAccMessageSend_whatsappTemplate: a WhatsApp template message goes
// out once, in the form of the call's WhatsApp example, and the stand-in
// lists it as a WhatsApp message of that sender.
func TestAccMessageSend_whatsappTemplate(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := sendCLI(t, sb, waProof+`    reference_id = "wa1"`)
	out, err := invoke(cli)
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustSay(t, out, "Sending one whatsapp message to 380661231231.", "to 380661231231 is accepted.")
	if n := sb.Count(sendKey); n != 1 {
		t.Errorf("%d send requests, want 1", n)
	}
	msg, err := sb.Client().MessageByReference(t.Context(), "wa1")
	if err != nil || msg == nil {
		t.Fatalf("the stand-in lists no message wa1: %v", err)
	}
	if msg.Type != "whatsapp" || msg.Sender != "whatsapp_sender" || msg.PhoneNumber() != "380661231231" {
		t.Errorf("message wa1 is %s from %s to %s, want whatsapp from whatsapp_sender to 380661231231", msg.Type, msg.Sender, msg.PhoneNumber())
	}
}
