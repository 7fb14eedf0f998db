package campaign_test

// Where the CLI points a campaign's plan errors (Terraform 1.14+: each test
// starts with acctest.RequireNative).

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccCampaign_planErrorsPointAtTheAttribute: an error of a nested
// attribute names it as a user writes it; Terraform 1.16 points it at that
// attribute's line, older CLIs (1.14.5 measured) at the resource's. Where
// the error points is the CLI's doing: the provider sends the same path.
func TestAccCampaign_planErrorsPointAtTheAttribute(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	atAttribute := !acctest.CLIVersion(t).LessThan(version.Must(version.NewVersion("1.16.0")))
	for name, c := range map[string]struct{ body, line, says string }{
		"phone with a plus": {`recipients = { phones = ["+380661231231"] }
  rcs = { sender = "rcs_sender", text = "Hello" }`, `recipients = { phones = ["+380661231231"] }`, `Attribute recipients.phones has "+380661231231", which is not a phone number`},
		"text too long": {`recipients = { phones = ["380661231231"] }
  rcs = {
    sender = "rcs_sender"
    text   = "` + strings.Repeat("x", 170) + `"
  }`, `text   = "xxxx`, `Attribute rcs.text must be 1 to 160 characters`},
		"list id 0": {`recipients = { groups = [0] }
  sms = { sender = "Shop", text = "Hello" }`, `recipients = { groups = [0] }`, `Attribute recipients.groups has 0, which is not a contact list id`},
	} {
		t.Run(name, func(t *testing.T) {
			cli := acctest.NewCLI(t, nil)
			cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+"resource \"oneapi_campaign\" \"bad\" {\n  "+c.body+"\n}\n")
			cli.Init()
			sb.ResetCounters()
			out, err := cli.Run("plan", "-no-color")
			if err == nil {
				t.Fatalf("planned:\n%s", out)
			}
			mustContain(t, out, c.says)
			line := `resource "oneapi_campaign" "bad" {`
			if atAttribute {
				line = c.line
			}
			if !regexp.MustCompile(`on main.tf line \d+, in resource "oneapi_campaign" "bad":\n\s*\d+:\s*` + regexp.QuoteMeta(line)).MatchString(out) {
				t.Errorf("the error does not point at the line %q:\n%s", line, out)
			}
			if strings.Contains(out, "Value(") {
				t.Errorf("the error writes a path in the framework's syntax:\n%s", out)
			}
			if n := len(sb.Counters()); n != 0 {
				t.Errorf("requests for a bad configuration: %v", sb.Counters())
			}
		})
	}
}
