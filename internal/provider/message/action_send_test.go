package message_test

// The oneapi_message_send action through the Terraform CLI (1.14+): one
// proof message, never sent twice.

import (
	"fmt"
	"regexp"
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

// TestAccNative_messageSendOnce: the action sends one message; invoked
// again with the same reference_id it finds that message and sends
// nothing.
func TestAccNative_messageSendOnce(t *testing.T) {
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

// TestAccNative_messageSendLostAnswer: an answer lost after the platform
// took the message is found by its reference_id, and the message is not
// sent again; one lost before it was taken fails saying the message may
// have been sent, still with one request.
func TestAccNative_messageSendLostAnswer(t *testing.T) {
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
	sb.ResetCounters()
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	out, err = invoke(cli)
	if err == nil {
		t.Fatalf("a lost send with nothing found succeeded:\n%s", out)
	}
	mustSay(t, out, "Message May Have Been Sent", "It was not sent again")
	if n := sb.Count(sendKey); n != 1 {
		t.Errorf("%d send requests, want 1: never repeated", n)
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
}

// TestAccNative_messageSendIsCheckedAtPlan: bad settings fail before any
// request, naming the attribute.
func TestAccNative_messageSendIsCheckedAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for _, c := range []struct{ name, settings, want string }{
		{"channel", `channel = "whatsapp"` + "\n" + `phone = "380661231231"` + "\n" + `sender = "Shop"` + "\n" + `text = "t"`, `Attribute channel value must be one of`},
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
