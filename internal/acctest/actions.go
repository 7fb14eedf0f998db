package acctest

import (
	"fmt"
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
// Value is the setting's value, and Want the error it fails with.
type BadActionSetting struct {
	Settings, Value, Want string
}

// CheckActionSettings runs each bad setting of the action typ written as a
// literal, from a variable (the step's ConfigVariables) and from another
// resource's attribute (unknown at validation and at plan). Each fails
// with the same error (Want, as the CLI prints it: WrappedRE), at plan
// where the value is known at plan (a plan-only step), and no request of
// any kind reaches the stand-in.
func CheckActionSettings(t *testing.T, typ string, cases []BadActionSetting) {
	t.Helper()
	for _, c := range cases {
		for _, src := range settingSources {
			name := c.Value
			if len(name) > 20 {
				name = name[:20] + "..."
			}
			t.Run(name+" "+src.name, func(t *testing.T) {
				sb := StartSandbox(t)
				settings := strings.ReplaceAll(c.Settings, "%s", src.expr(c.Value))
				NativeTest(t, resource.TestCase{Steps: []resource.TestStep{{
					Config:          sb.ProviderBlock() + triggeredAction(typ, settings, c.Value),
					ConfigVariables: config.Variables{"value": config.StringVariable(c.Value)},
					PlanOnly:        src.atPlan,
					ExpectError:     WrappedRE(c.Want),
				}}})
				if n := len(sb.Counters()); n != 0 {
					t.Errorf("requests were sent for a bad setting: %v", sb.Counters())
				}
			})
		}
	}
}

// triggeredAction is a configuration in which creating
// terraform_data.trigger invokes the action "it" of type typ (which
// terraform-plugin-testing can drive: it cannot run apply -invoke), with
// the config block settings; var.value and terraform_data.later.output
// are value.
func triggeredAction(typ, settings, value string) string {
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
