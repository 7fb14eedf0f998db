package acctest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// The settings of an action are checked as soon as they are known, with
// the same error wherever they come from (issue 31, point 2): Terraform
// validates an action's configuration once, while variables and other
// resources' attributes are unknown, so a value from them is checked by
// the provider at plan (a variable) or before any request at invoke (an
// attribute known once applied).

// settingSource is where a bad action setting comes from.
type settingSource struct {
	name string
	// expr is the setting's expression for value.
	expr func(value string) string
	// atPlan: the value is known at plan, so the plan itself fails.
	atPlan bool
}

var settingSources = []settingSource{
	{"literal", func(v string) string { return fmt.Sprintf("%q", v) }, true},
	{"variable", func(string) string { return "var.value" }, true},
	{"resource attribute", func(string) string { return "terraform_data.later.output" }, false},
}

// BadActionSetting is a bad setting of an action: Settings is the
// action's config block, with %s where the setting's expression goes;
// Value is the setting's value. It fails with the error Summary, on the
// attribute Attr, saying Detail (a regular expression).
type BadActionSetting struct {
	Settings, Value       string
	Summary, Attr, Detail string
}

// want is the error as the CLI prints it, in typ's action "it", at the
// line at. The CLI's "with" line varies by where Terraform called the
// provider (at plan "with terraform_data.trigger, called from action...",
// elsewhere the other way round), and Terraform 1.16 points the errors of
// an action's plan under -invoke at its config block (it resolves the
// diagnostic's attribute path in the action's body, not in the config
// block's): at is then "config {"; the provider's diagnostic is the same.
func (c BadActionSetting) want(typ, at string) *regexp.Regexp {
	return WrappedRE(fmt.Sprintf(`Error: %s with [^\n]+ on \S+ line \d+, in action "%s" "it": \d+: %s[^\n]* %s`,
		regexp.QuoteMeta(c.Summary), typ, at, c.Detail))
}

// CheckActionSettings runs each bad setting of the action typ written as a
// literal, from a variable (the step's ConfigVariables, and -var with
// plan -invoke as the incident guide does) and from another resource's
// attribute (unknown at validation and at plan). Each fails
// with the same error (Summary, Attr, Detail), at plan
// where the value is known at plan (a plan-only step), and no request of
// any kind reaches the stand-in.
func CheckActionSettings(t *testing.T, typ string, cases []BadActionSetting) {
	t.Helper()
	for _, c := range cases {
		name := c.Value
		if len(name) > 20 {
			name = name[:20] + "..."
		}
		for _, src := range settingSources {
			t.Run(name+" "+src.name, func(t *testing.T) {
				sb := StartSandbox(t)
				settings := strings.ReplaceAll(c.Settings, "%s", src.expr(c.Value))
				NativeTest(t, resource.TestCase{Steps: []resource.TestStep{{
					Config:          sb.ProviderBlock() + triggeredAction(typ, settings),
					ConfigVariables: config.Variables{"value": config.StringVariable(c.Value)},
					PlanOnly:        src.atPlan,
					ExpectError:     c.want(typ, c.Attr+" ="),
				}}})
				noRequests(t, sb)
			})
		}
		t.Run(name+" -var with plan -invoke", func(t *testing.T) {
			sb := StartSandbox(t)
			cli := NewCLI(t, nil)
			cli.Write("main.tf", RequiredProviders+sb.ProviderBlock()+triggeredAction(typ, strings.ReplaceAll(c.Settings, "%s", "var.value")))
			cli.Init()
			out, err := cli.Run("plan", "-invoke=action."+typ+".it", "-var", "value="+c.Value, "-no-color")
			if want := c.want(typ, `config \{`); err == nil || !want.MatchString(out) {
				t.Errorf("plan -invoke -var value=%s: want the error %s, got (%v):\n%s", c.Value, want, err, out)
			}
			noRequests(t, sb)
		})
	}
}

func noRequests(t *testing.T, sb *Sandbox) {
	t.Helper()
	if n := len(sb.Counters()); n != 0 {
		t.Errorf("requests were sent for a bad setting: %v", sb.Counters())
	}
}

// triggeredAction is a configuration in which creating
// terraform_data.trigger invokes the action "it" of type typ (which
// terraform-plugin-testing can drive: it cannot run apply -invoke), with
// the config block settings; terraform_data.later.output is var.value,
// known once applied.
func triggeredAction(typ, settings string) string {
	return fmt.Sprintf(`
variable "value" {
  type = string
}

resource "terraform_data" "later" {
  input = var.value
}

resource "terraform_data" "trigger" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.%s.it]
    }
  }
}

action %q "it" {
  config {
%s
  }
}
`, typ, typ, settings)
}
