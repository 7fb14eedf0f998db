package otp_test

// What the CLI shows of a template's replacement and of the default
// template's destroy (Terraform 1.14+: the test drives the CLI itself).

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccOTPTemplate_warningsSayWhatHappens: through the CLI, a new text
// plans a replacement that the plan marks and warns of (new id, moderated
// again); the destroy of the default template warns that it stays, and
// the advice to import it again works.
func TestAccOTPTemplate_warningsSayWhatHappens(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(text string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_otp_template" "login" {
  name = "Login code"
  text = %q
}
resource "oneapi_otp_template" "default" {
  name = "Default"
  text = "Your code is {code2fa}"
}
`, text)
	}
	cli.Write("main.tf", config("Code {code2fa}"))
	cli.Init()
	cli.MustRun("import", "-no-color", "oneapi_otp_template.default", "1")
	cli.MustRun("apply", "-auto-approve", "-no-color")
	cli.Write("main.tf", config("Your code: {code2fa}"))
	out := cli.MustRun("plan", "-no-color")
	if !strings.Contains(out, "# forces replacement") || !strings.Contains(out, "Warning: 2FA Template Is Replaced") ||
		!acctest.WrappedRE(`changing text replaces template 515: the apply deletes it and creates a new one, with a new id, that waits for moderation again`).MatchString(out) {
		t.Errorf("the plan does not say the template is replaced:\n%s", out)
	}
	out = cli.MustRun("destroy", "-auto-approve", "-no-color")
	if !strings.Contains(out, "Warning: Default 2FA Template Left in Place") ||
		!acctest.WrappedRE(`2FA template 1 \("Default"\) is the account's default template, which One-API does not delete`).MatchString(out) {
		t.Errorf("the destroy does not say the default template stays:\n%s", out)
	}
	if s := sb.OTPTemplateStatus(1); s != "approved" || sb.OTPTemplateStatus(515) != "deleted" {
		t.Errorf("after destroy: default %q, template 515 %q", s, sb.OTPTemplateStatus(515))
	}
	// The advice: import it again to manage it.
	cli.MustRun("import", "-no-color", "oneapi_otp_template.default", "1")
	if a := acctest.Actions(cli.PlanJSON()); a["no-op"] != 1 || a["create"] != 1 {
		t.Errorf("plan after the import %v, want the default template unchanged and Login code to create", a)
	}
}
